// `npm start`: one process, one port: the built client, the API and the game server.
import { fileURLToPath } from "node:url";
import { formatIssue } from "../shared/scenario/parse.ts";
import { Accounts } from "./auth/accounts.ts";
import { loadScenarioFolder } from "./scenario-library.ts";
import { startServer } from "./server.ts";
import { openDatabase } from "./storage/db.ts";
import { Records } from "./storage/records.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.PORT ?? 2567);
const scenarioDir = process.env.SCENARIOS_DIR ?? `${root}scenarios`;
const clientDir = process.env.CLIENT_DIR ?? `${root}dist/client`;

const scenarios = await loadScenarioFolder(scenarioDir);
for (const s of scenarios) {
  if (s.scenario) console.log(`scenario ok      ${s.file} (${s.scenario.meta.id})`);
  else {
    console.warn(`scenario refused ${s.file}: ${s.issues.length} problem(s)`);
    for (const i of s.issues.slice(0, 5)) console.warn(`  ${formatIssue(i)}`);
  }
}
const store = await openDatabase({ databaseUrl: process.env.DATABASE_URL, sqliteFile: process.env.JOINTEX_SQLITE ?? `${root}data/jointex.sqlite` });
console.log(`records in ${store.kind}: ${store.where}`);
const accounts = new Accounts(store.db);
if ((await accounts.countUsers()) === 0) console.log("no staff account yet: create one with  npm run admin -- create-user <name> --role admin");
const allowedOrigins = (process.env.ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
const server = await startServer({
  port, scenarios, clientDir, accounts, records: new Records(store.db), allowedOrigins,
  redisUrl: process.env.REDIS_URL || undefined, publicAddress: process.env.PUBLIC_ADDRESS, createSecret: process.env.JOINTEX_ROOM_SECRET,
});
if (process.env.REDIS_URL) console.log(`scaling out through Redis at ${process.env.REDIS_URL.replace(/\/\/[^@]*@/, "//***@")}`);
console.log(`Jointex listening on http://localhost:${server.port}`);

const stop = () => void server.close().then(() => store.close()).then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
