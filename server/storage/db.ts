// One storage layer, two engines: a SQLite file under ./data/ by default (nothing to install), or
// PostgreSQL when DATABASE_URL is set. Migrations run at open.
import Sqlite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import { migrate } from "./migrations.ts";
import type { Database } from "./schema.ts";

export interface OpenDb { db: Kysely<Database>; kind: "sqlite" | "postgres"; where: string; close: () => Promise<void> }

export interface DbOptions {
  /** postgres://... ; when absent, SQLite. */
  databaseUrl?: string;
  /** SQLite file (default ./data/jointex.sqlite); ":memory:" for a throw-away database. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string;
}

export async function openDatabase(opts: DbOptions = {}): Promise<OpenDb> {
  let db: Kysely<Database>;
  let kind: OpenDb["kind"];
  let where: string;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5, ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}) });
    if (opts.pgSchema) {
      const c = await pool.connect();
      try { await c.query(`create schema if not exists "${opts.pgSchema.replaceAll('"', "")}"`); } finally { c.release(); }
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = "postgres";
    where = opts.databaseUrl.replace(/\/\/[^@]*@/, "//***@");
  } else {
    const file = opts.sqliteFile ?? "data/jointex.sqlite";
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Sqlite(file);
    // WAL with full sync: a committed write survives a crash or a kill -9 of the server.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    kind = "sqlite";
    where = file;
  }
  await migrate(db as unknown as Kysely<unknown>);
  return { db, kind, where, close: () => db.destroy() };
}
