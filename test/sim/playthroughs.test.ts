// Golden playthroughs: each flagship played lawfully and unlawfully. The lawful runs produce no
// violation; the unlawful ones exactly the violations their file lists; every event timeline is
// pinned in test/golden/ (set UPDATE_GOLDEN=1 to rewrite after a deliberate engine change, then
// read the diff); and replaying the written log reproduces every checkpoint hash.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { replay, stateHash } from "../../shared/sim/log.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { timeline } from "../../shared/sim/timeline.ts";
import { flagship, loadPlaythrough, playthroughFiles, ROOT } from "../support/scenarios.ts";

const files = playthroughFiles();

describe("flagship playthroughs", () => {
  it("cover every flagship with a lawful and an unlawful run", () => {
    for (const id of ["pursuit-thionville", "hostage-train", "football-joint-patrols"]) {
      expect(files).toContain(`${id}.lawful.yaml`);
      expect(files).toContain(`${id}.unlawful.yaml`);
    }
  });

  for (const file of files) {
    describe(file, () => {
      const p = loadPlaythrough(file);
      const scenario = flagship(p.scenario);
      const run = runPlaythrough(scenario, p);
      const violations = run.events.filter((e) => e.type === "violation").map((e) => ({ code: e.code, role: e.role }));

      it("produces exactly the expected violations", () => {
        expect(violations).toEqual(p.expect_violations.map((v) => ({ code: v.code, role: v.role ?? null })));
        if (file.includes(".lawful.")) expect(violations).toEqual([]);
        else expect(new Set(violations.map((v) => v.code)).size).toBeGreaterThanOrEqual(3);
      });

      it("has no malformed or refused command", () => {
        expect(run.refused).toEqual([]);
        if (file.includes(".lawful.")) {
          expect(run.events.filter((e) => e.type === "command_rejected")).toEqual([]);
          // A good cohort also does everything the master events list expects of it.
          expect(run.events.filter((e) => e.type === "expected_missed")).toEqual([]);
        }
      });

      it("matches its golden timeline", () => {
        const golden = `${ROOT}test/golden/${file.replace(/\.yaml$/, ".timeline.txt")}`;
        const text = `${timeline(run.events).join("\n")}\n`;
        if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
        expect(existsSync(golden), `no golden timeline ${golden}: run UPDATE_GOLDEN=1 npx vitest run test/sim/playthroughs.test.ts and review it`).toBe(true);
        expect(text).toBe(readFileSync(golden, "utf8"));
      });

      it("replays from its log to the same checkpoints and final state", () => {
        const again = replay(scenario, JSON.parse(JSON.stringify(run.log)));
        expect(again.mismatches).toEqual([]);
        expect(run.log.checkpoints.length).toBeGreaterThan(10);
        expect(stateHash(again.sim)).toBe(stateHash(run.sim));
        expect(again.events).toEqual(run.events);
      });
    });
  }
});
