// Migrations, in order, written with Kysely's schema builder so that the same steps run on SQLite
// and PostgreSQL. Never edit a migration that has shipped: add the next one.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";

const m001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("username", "text", (c) => c.notNull().unique())
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createTable("tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("expires_at", "text", (c) => c.notNull())
      .addColumn("revoked", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createTable("exercises")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("scenario_id", "text", (c) => c.notNull())
      .addColumn("scenario_hash", "text", (c) => c.notNull())
      .addColumn("seed", "text", (c) => c.notNull())
      .addColumn("cohort", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("ended_at", "text")
      .execute();
    await db.schema.createTable("exercise_logs")
      .addColumn("exercise_id", "text", (c) => c.primaryKey().references("exercises.id"))
      .addColumn("log_json", "text", (c) => c.notNull())
      .addColumn("ticks", "integer", (c) => c.notNull())
      .addColumn("final", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createTable("participants")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("exercise_id", "text", (c) => c.notNull().references("exercises.id"))
      .addColumn("pseudonym", "text", (c) => c.notNull())
      .addColumn("role", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("joined_at", "text", (c) => c.notNull())
      .addColumn("left_at", "text")
      .addColumn("absent", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createTable("evaluations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("exercise_id", "text", (c) => c.notNull().references("exercises.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("payload_json", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createTable("reports")
      .addColumn("exercise_id", "text", (c) => c.notNull().references("exercises.id"))
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("body", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("reports_pk", ["exercise_id", "format", "lang"])
      .execute();
    await db.schema.createIndex("participants_exercise").on("participants").column("exercise_id").execute();
    await db.schema.createIndex("evaluations_exercise").on("evaluations").column("exercise_id").execute();
    await db.schema.createIndex("exercises_scenario").on("exercises").column("scenario_id").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const t of ["reports", "evaluations", "participants", "exercise_logs", "exercises", "tokens", "users"]) await db.schema.dropTable(t).execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = { "001_records": m001 };

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
