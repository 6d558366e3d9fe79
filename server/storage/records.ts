// The exercise records: an exercise, its log (checkpointed while it runs, committed final when it
// ends), its participants (pseudonyms and roles), evaluator input and the reports. A finished
// exercise is written in one transaction before anyone is told it has ended.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { Evaluations } from "../../shared/score/evaluations.ts";
import type { ExerciseLog } from "../../shared/sim/log.ts";
import type { Database, ExercisesTable, ParticipantsTable } from "./schema.ts";

const now = () => new Date().toISOString();

export class Records {
  constructor(private readonly db: Kysely<Database>) {}

  async createExercise(x: { scenarioId: string; scenarioHash: string; seed: string; cohort: string; createdBy: string }): Promise<string> {
    const id = randomUUID();
    await this.db.insertInto("exercises").values({
      id, scenario_id: x.scenarioId, scenario_hash: x.scenarioHash, seed: x.seed, cohort: x.cohort, status: "lobby",
      created_by: x.createdBy, created_at: now(), ended_at: null,
    }).execute();
    return id;
  }

  async setStatus(id: string, status: ExercisesTable["status"]): Promise<void> {
    await this.db.updateTable("exercises").set({ status }).where("id", "=", id).execute();
  }

  /** The running exercise so far: after a crash the instructor sees what happened up to here. */
  async saveCheckpoint(id: string, log: ExerciseLog): Promise<void> {
    const row = { log_json: JSON.stringify(log), ticks: log.ticks, final: 0, updated_at: now() };
    await this.db.insertInto("exercise_logs").values({ exercise_id: id, ...row })
      .onConflict((oc) => oc.column("exercise_id").doUpdateSet(row).where("exercise_logs.final", "=", 0))
      .execute();
  }

  /** The finished exercise: final log, status and reports together, or nothing. */
  async finishExercise(id: string, log: ExerciseLog, reports: { format: "html" | "json"; lang: string; body: string }[] = []): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = { log_json: JSON.stringify(log), ticks: log.ticks, final: 1, updated_at: now() };
      await trx.insertInto("exercise_logs").values({ exercise_id: id, ...row }).onConflict((oc) => oc.column("exercise_id").doUpdateSet(row)).execute();
      await trx.updateTable("exercises").set({ status: "debrief", ended_at: now() }).where("id", "=", id).execute();
      for (const r of reports) {
        const values = { exercise_id: id, format: r.format, lang: r.lang, body: r.body, created_at: now() };
        await trx.insertInto("reports").values(values).onConflict((oc) => oc.columns(["exercise_id", "format", "lang"]).doUpdateSet({ body: r.body, created_at: values.created_at })).execute();
      }
    });
  }

  async getExercise(id: string) {
    return this.db.selectFrom("exercises").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async listExercises(filter: { scenarioId?: string } = {}) {
    let q = this.db.selectFrom("exercises").selectAll().orderBy("created_at", "desc").orderBy("id");
    if (filter.scenarioId) q = q.where("scenario_id", "=", filter.scenarioId);
    return q.execute();
  }

  async getLog(id: string): Promise<{ log: ExerciseLog; final: boolean } | undefined> {
    const row = await this.db.selectFrom("exercise_logs").selectAll().where("exercise_id", "=", id).executeTakeFirst();
    return row ? { log: JSON.parse(row.log_json) as ExerciseLog, final: row.final === 1 } : undefined;
  }

  async addParticipant(exerciseId: string, p: { pseudonym: string; role: string; kind: ParticipantsTable["kind"] }): Promise<string> {
    const id = randomUUID();
    await this.db.insertInto("participants").values({ id, exercise_id: exerciseId, pseudonym: p.pseudonym, role: p.role, kind: p.kind, joined_at: now(), left_at: null, absent: 0 }).execute();
    return id;
  }

  /** A participant who left; `absent` when they dropped and did not come back in the grace period. */
  async markLeft(participantId: string, absent: boolean): Promise<void> {
    await this.db.updateTable("participants").set({ left_at: now(), absent: absent ? 1 : 0 }).where("id", "=", participantId).execute();
  }

  async setParticipantRole(participantId: string, role: string): Promise<void> {
    await this.db.updateTable("participants").set({ role }).where("id", "=", participantId).execute();
  }

  async participants(exerciseId: string) {
    return this.db.selectFrom("participants").selectAll().where("exercise_id", "=", exerciseId).orderBy("joined_at").orderBy("id").execute();
  }

  async addEvaluation(exerciseId: string, kind: "note" | "rating" | "override", payload: unknown): Promise<void> {
    // Validated as the report will read it, so that nothing unreadable is ever stored.
    const one = Evaluations.parse({ [kind === "note" ? "notes" : kind === "rating" ? "ratings" : "overrides"]: [payload] });
    const item = kind === "note" ? one.notes[0] : kind === "rating" ? one.ratings[0] : one.overrides[0];
    await this.db.insertInto("evaluations").values({ id: randomUUID(), exercise_id: exerciseId, kind, payload_json: JSON.stringify(item), created_at: now() }).execute();
  }

  async evaluations(exerciseId: string): Promise<Evaluations> {
    const rows = await this.db.selectFrom("evaluations").selectAll().where("exercise_id", "=", exerciseId).orderBy("created_at").orderBy("id").execute();
    const pick = (k: string) => rows.filter((r) => r.kind === k).map((r) => JSON.parse(r.payload_json) as unknown);
    return { notes: pick("note") as Evaluations["notes"], ratings: pick("rating") as Evaluations["ratings"], overrides: pick("override") as Evaluations["overrides"] };
  }

  /** When evaluator input last changed (a stored report older than that is out of date). */
  async latestEvaluationAt(exerciseId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom("evaluations").select("created_at").where("exercise_id", "=", exerciseId).orderBy("created_at", "desc").executeTakeFirst();
    return row?.created_at;
  }

  async getReport(exerciseId: string, format: "html" | "json", lang = "en") {
    return this.db.selectFrom("reports").selectAll().where("exercise_id", "=", exerciseId).where("format", "=", format).where("lang", "=", lang).executeTakeFirst();
  }
}
