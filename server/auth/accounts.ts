// Staff accounts (administrator, instructor, evaluator, coordinator) and their short-lived login
// tokens: random, stored only as a hash, expiring, revocable. Trainees have no account: they join an
// exercise with a join code and a pseudonym.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, UsersTable } from "../storage/schema.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.ts";

export type StaffRole = UsersTable["role"];
export const STAFF_ROLES: StaffRole[] = ["admin", "instructor", "evaluator", "coordinator"];
export const TOKEN_TTL_MS = 8 * 3600 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export interface Staff { id: string; username: string; role: StaffRole }

export class AccountError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

export class Accounts {
  constructor(private readonly db: Kysely<Database>, private readonly clock: () => number = Date.now) {}

  async createUser(username: string, password: string, role: StaffRole): Promise<Staff> {
    if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) throw new AccountError("account/bad_username", "a username is 3-40 lowercase letters, digits, dots, dashes or underscores");
    if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError("account/weak_password", `a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    if (!STAFF_ROLES.includes(role)) throw new AccountError("account/bad_role", `the role is one of: ${STAFF_ROLES.join(", ")}`);
    if (await this.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst()) throw new AccountError("account/exists", `the user "${username}" exists already`);
    const user = { id: randomUUID(), username, role };
    await this.db.insertInto("users").values({ ...user, password_hash: await hashPassword(password), created_at: new Date(this.clock()).toISOString(), disabled: 0 }).execute();
    return user;
  }

  async countUsers(): Promise<number> {
    const r = await this.db.selectFrom("users").select(({ fn }) => fn.countAll<number>().as("n")).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** A token for a correct username and password; the same refusal for every wrong combination. */
  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: Staff }> {
    const row = await this.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
    const ok = row ? await verifyPassword(password, row.password_hash) : await verifyPassword(password, "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    if (!row || !ok || row.disabled) throw new AccountError("auth/bad_credentials", "wrong username or password");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(this.clock() + TOKEN_TTL_MS).toISOString();
    await this.db.insertInto("tokens").values({ id: hashToken(token), user_id: row.id, expires_at: expiresAt, revoked: 0 }).execute();
    return { token, expiresAt, user: { id: row.id, username: row.username, role: row.role } };
  }

  /** The staff member a token belongs to, if it is known, unexpired and not revoked. */
  async verify(token: string | undefined): Promise<Staff | undefined> {
    if (!token || token.length > 200) return undefined;
    const row = await this.db.selectFrom("tokens").innerJoin("users", "users.id", "tokens.user_id")
      .select(["users.id", "users.username", "users.role", "users.disabled", "tokens.expires_at", "tokens.revoked"])
      .where("tokens.id", "=", hashToken(token)).executeTakeFirst();
    if (!row || row.revoked || row.disabled || Date.parse(row.expires_at) <= this.clock()) return undefined;
    return { id: row.id, username: row.username, role: row.role };
  }

  async revoke(token: string): Promise<void> {
    await this.db.updateTable("tokens").set({ revoked: 1 }).where("id", "=", hashToken(token)).execute();
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.db.updateTable("tokens").set({ revoked: 1 }).where("user_id", "=", userId).execute();
  }
}
