// A scenario written by someone who had only scenarios/README.md (a cross-border surveillance of a
// drug courier, NL -> BE -> DE), kept as evidence that the guide is enough: it validates, and its own
// lawful and unlawful playthroughs produce what its author expected.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Playthrough, runPlaythrough } from "../../shared/sim/playthrough.ts";
import { loadScenario, ROOT } from "../support/scenarios.ts";

const dir = "test/fixtures/fresh-author";

describe("a scenario written from the guide alone", () => {
  const scenario = loadScenario(`${dir}/surveillance-courier.yaml`);

  it("validates, with the shape the issue asks of a real exercise", () => {
    expect(scenario.meta.id).toBe("surveillance-courier");
    expect(scenario.roles.length).toBeGreaterThanOrEqual(4);
    expect(scenario.injects.filter((i) => "when" in i.trigger).length).toBeGreaterThanOrEqual(2);
    expect(scenario.law.every((l) => l.surveillance?.source)).toBe(true);
  });

  for (const kind of ["lawful", "unlawful"]) {
    it(`plays its ${kind} playthrough as its author expected`, () => {
      const p = Playthrough.parse(parse(readFileSync(`${ROOT}${dir}/surveillance-courier.${kind}.yaml`, "utf8")));
      const run = runPlaythrough(scenario, p);
      expect(run.events.filter((e) => e.type === "violation").map((e) => ({ code: e.code, role: e.role }))).toEqual(p.expect_violations.map((v) => ({ code: v.code, role: v.role ?? null })));
      expect(run.events.filter((e) => e.type === "command_rejected")).toEqual([]);
    });
  }
});
