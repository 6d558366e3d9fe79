// Defects a review found, each pinned by the smallest run that showed it (test bed: rules.yaml).
import { describe, expect, it } from "vitest";
import { newLog, replay, stepLogged } from "../../shared/sim/log.ts";
import { setup } from "../support/scenarios.ts";
import { notify, order, rulesBed as bed, rulesScenario as scenario } from "../support/rules-bed.ts";

const codes = (b: ReturnType<typeof bed>) => b.violations().map((v) => v.code);

describe("review fixes", () => {
  it("judges an apprehension ordered at home when the unit crosses with it", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "apprehend", "suspect")]);
    b.until(600);
    expect(codes(b)).toContain("pursuit/apprehension_not_permitted");
  });

  it("refuses to report to a place that is not a local authority", () => {
    const b = bed();
    const r = b.run([order("fr-1", "present_to_local_authority", "square")]);
    expect(r.rejections[0]).toEqual({ code: "order/no_local_authority", reason: "square is not a local authority (police station or report_to site) of another state" });
  });

  it("turns a stop request sent through the shared centre into a request to the pursuing state", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(150);
    b.run([{ by: "lu-spoc", cmd: { type: "message", as: "pccc", to: "pccc", kind: "stop_request", text: "Luxembourg asks the French crews to stop.", about: "suspect" } }]);
    expect(b.events.filter((e) => e.type === "stop_requested")).toEqual([expect.objectContaining({ host: "LU", sending: "FR", actor: "suspect" })]);
    const lone = bed();
    const r = lone.run([{ by: "lu-lead", cmd: { type: "message", to: "lu-spoc", kind: "stop_request", text: "Stop." } }]);
    expect(r.rejections[0]?.code).toBe("message/stop_request_no_foreign_state");
  });

  it("refuses an ad-hoc inject naming a site that does not exist or a point off the map", () => {
    const b = bed();
    b.run();
    const r = b.run([
      { by: "instructor", cmd: { type: "adhoc_inject", inject: { id: "detour", title: "Detour", trigger: { manual: true }, effects: [{ set_route: { actor: "suspect", route: ["lu-statoin"] } }] } } },
      { by: "instructor", cmd: { type: "adhoc_inject", inject: { id: "far", title: "Far", trigger: { manual: true }, effects: [{ set_route: { actor: "suspect", route: [[90000, 2000]] } }] } } },
    ]);
    expect(r.rejections).toEqual([
      { code: "inject/invalid", reason: 'no site "lu-statoin"' },
      { code: "inject/invalid", reason: "[90000, 2000] lies outside the map" },
    ]);
  });

  it("counts expected actions still open at the end as missed", () => {
    const text = scenario;
    const b = setup({ ...text, injects: [{ ...text.injects[0]!, expected: [{ id: "tell", by: ["fr-lead"], who: "any", do: { message: { kind: "notify" } }, within: 600, lookback: 0 }] }] }, 7);
    b.until(60);
    b.run([{ by: "instructor", cmd: { type: "end" } }]);
    expect(b.events.filter((e) => e.type === "expected_missed")).toEqual([expect.objectContaining({ t: 60, inject: "go", expected: "tell", roles: ["fr-lead"] })]);
  });

  it("closes the log at the end: later commands are refused and it still replays", () => {
    const b = bed();
    const log = newLog(scenario, 7);
    for (let t = 0; t < 100; t++) stepLogged(b.sim, log, []);
    stepLogged(b.sim, log, [{ by: "instructor", cmd: { type: "end" } }]);
    const late = stepLogged(b.sim, log, [{ by: "fr-lead", cmd: { type: "decision", decision: "x", rationale: "y" } }]);
    stepLogged(b.sim, log, []);
    expect(late.refused).toEqual([{ by: "fr-lead", error: "the exercise has ended" }]);
    expect(log.checkpoints.map((c) => c.tick)).toEqual([60, 100]);
    expect(replay(scenario, log).mismatches).toEqual([]);
  });

  it("keeps a fleeing actor moving when its next waypoint is where it stands", () => {
    const b = setup({ ...scenario, actors: scenario.actors.map((a) => (a.kind === "fleeing_vehicle" ? { ...a, route: [[8000, 2000], [19000, 2000]] } : a)) }, 7);
    b.until(120);
    const suspect = b.sim.state.actors.suspect;
    expect(suspect && "pos" in suspect ? suspect.pos[0] : 0).toBeGreaterThan(9000);
  });
});
