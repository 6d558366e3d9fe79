// `npm run admin -- create-user <username> --role <role>`: accounts for exercise staff. The password
// is read from standard input (or JOINTEX_PASSWORD), never from the command line.
import { parseArgs } from "node:util";
import { AccountError, Accounts, STAFF_ROLES, type StaffRole } from "../auth/accounts.ts";
import { openDatabase } from "../storage/db.ts";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password: ");
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

export async function admin(argv: string[], log: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "create-user") {
    log(`usage: npm run admin -- create-user <username> --role ${STAFF_ROLES.join("|")}\n(the password is read from standard input, or from JOINTEX_PASSWORD)`);
    return command ? 2 : 0;
  }
  let opts;
  try {
    opts = parseArgs({ args: rest, allowPositionals: true, options: { role: { type: "string", default: "instructor" } } });
  } catch (e) {
    log(`create-user: ${(e as Error).message}`);
    return 2;
  }
  const username = opts.positionals[0];
  if (!username) { log("create-user needs a username"); return 2; }
  const password = process.env.JOINTEX_PASSWORD ?? (await readStdin());
  const store = await openDatabase({ databaseUrl: process.env.DATABASE_URL, sqliteFile: process.env.JOINTEX_SQLITE });
  try {
    const user = await new Accounts(store.db).createUser(username, password, opts.values.role as StaffRole);
    log(`created ${user.role} "${user.username}" in ${store.kind} (${store.where})`);
    return 0;
  } catch (e) {
    log(e instanceof AccountError ? `create-user: ${e.message}` : `create-user failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  admin(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
