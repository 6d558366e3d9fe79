// The storage layer on both engines: SQLite (always) and PostgreSQL (when DATABASE_URL is set; the
// suite says it is skipped otherwise). Each run gets its own SQLite file or PostgreSQL schema.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { scenarioHash } from "../../shared/sim/log.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { sql } from "kysely";
import { openDatabase, type OpenDb } from "../../server/storage/db.ts";
import { migrate } from "../../server/storage/migrations.ts";
import { Records } from "../../server/storage/records.ts";
import { flagship, loadPlaythrough } from "../support/scenarios.ts";

const PG = process.env.DATABASE_URL;
const pgSchema = `jointex_test_${process.pid}_${Date.now()}`;
const sqliteFile = join(mkdtempSync(join(tmpdir(), "jointex-db-")), "records.sqlite");
const backends = [
  { name: "SQLite", open: () => openDatabase({ sqliteFile }), skip: undefined as string | undefined },
  { name: "PostgreSQL", open: () => openDatabase({ databaseUrl: PG, pgSchema }), skip: PG ? undefined : "DATABASE_URL is not set" },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`exercise records on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ""}`, () => {
    let store: OpenDb;
    let records: Records;
    beforeAll(async () => { store = await backend.open(); records = new Records(store.db); });
    afterAll(async () => {
      if (store?.kind === "postgres") await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(store.db);
      await store?.close();
    });

    it("migrates once: reopening the same database finds its tables and runs nothing again", async () => {
      const again = await backend.open();
      const applied = await migrate(again.db as never);
      expect(applied).toEqual([]);
      expect(await again.db.selectFrom("exercises").selectAll().execute()).toEqual([]);
      await again.close();
    });

    it("keeps a played exercise: checkpoints while running, the final log and reports in one commit, participants and evaluations", async () => {
      const p = loadPlaythrough("pursuit-thionville.unlawful.yaml");
      const scenario = flagship(p.scenario);
      const run = runPlaythrough(scenario, p);
      const id = await records.createExercise({ scenarioId: scenario.meta.id, scenarioHash: scenarioHash(scenario), seed: String(p.seed), cohort: "CEPOL 2026/14", createdBy: "instructor-1" });
      expect((await records.getExercise(id))?.status).toBe("lobby");

      const half = { ...run.log, ticks: 1800, commands: run.log.commands.filter((c) => c.tick < 1800), checkpoints: run.log.checkpoints.filter((c) => c.tick <= 1800) };
      await records.setStatus(id, "running");
      await records.saveCheckpoint(id, half);
      expect(await records.getLog(id)).toEqual({ log: half, final: false });

      const fr = await records.addParticipant(id, { pseudonym: "Falcon", role: "fr-patrol", kind: "trainee" });
      await records.addParticipant(id, { pseudonym: "Heron", role: "lu-patrol", kind: "trainee" });
      await records.markLeft(fr, true);
      await records.addEvaluation(id, "note", { evaluator: "Obs. Weber", at: "11m", text: "Quick cordon." });
      await records.addEvaluation(id, "rating", { evaluator: "Obs. Weber", objective: "o-apprehend", rating: "S" });
      await expect(records.addEvaluation(id, "override", { evaluator: "X", objective: "o-stop", rating: "P", reason: "no" })).rejects.toThrow(/an override needs its reason/);

      const evaluations = await records.evaluations(id);
      expect(evaluations.notes).toEqual([{ evaluator: "Obs. Weber", at: 660, text: "Quick cordon." }]);
      const aar = reportFromLog(scenario, run.log, evaluations);
      await records.finishExercise(id, run.log, [{ format: "json", lang: "en", body: JSON.stringify(aar) }]);
      // A late checkpoint from a slow writer never overwrites the final log.
      await records.saveCheckpoint(id, half);

      const stored = await records.getLog(id);
      expect(stored?.final).toBe(true);
      expect(stored?.log).toEqual(run.log);
      expect((await records.getExercise(id))?.status).toBe("debrief");
      const again = reportFromLog(scenario, stored!.log, await records.evaluations(id));
      expect(JSON.parse((await records.getReport(id, "json"))!.body)).toEqual(JSON.parse(JSON.stringify(again)));
      // Two people who join in the same millisecond come back in either order: compare as a set.
      expect((await records.participants(id)).map((x) => [x.pseudonym, x.role, x.absent]).sort()).toEqual([["Falcon", "fr-patrol", 1], ["Heron", "lu-patrol", 0]]);
      expect((await records.listExercises({ scenarioId: "pursuit-thionville" })).map((e) => e.id)).toContain(id);
    });
  });
}
