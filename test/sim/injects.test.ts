// The injects engine: timed, conditional (with delay), contingency on a missed expected action,
// manual and ad-hoc injects from exercise control, expected actions by any or all roles.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { scenarioText, setup } from "../support/scenarios.ts";

const base = scenarioText("test/fixtures/rules.yaml");
const withInjects = (injects: string) => {
  const text = base.replace(/injects:\n[\s\S]*?objectives:/, `injects:\n${injects}\nobjectives:`);
  const r = parseScenario(text, "rules+injects.yaml");
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`).join("\n"));
  return r.scenario;
};
const fired = (b: ReturnType<typeof setup>) => b.events.filter((e) => e.type === "inject_fired").map((e) => `${e.inject}@${e.t}${e.manual ? "!" : ""}`);

const injects = `
  - { id: go, title: Robbery, trigger: { at: 0s }, effects: [{ spawn: suspect }],
      expected: [{ id: tell, by: [fr-lead, lu-lead], who: all, do: { message: { kind: notify } }, within: 2m }] }
  - { id: across, title: Across, trigger: { when: { crosses_border: { who: suspect, into: LU } }, delay: 10s } }
  - { id: chase-up, title: Reminder, trigger: { contingency_for: { inject: go, expected: tell } } }
  - { id: press, title: Press call, trigger: { manual: true } }`;

describe("injects", () => {
  it("fire timed, conditional after their delay, and contingencies when an expected action is missed", () => {
    const b = setup(withInjects(injects), 1);
    b.run();
    b.run([{ by: "fr-lead", cmd: { type: "message", to: "pccc", kind: "notify", text: "Robbery, suspect heading east." } }]);
    b.until(200);
    const crossed = b.events.find((e) => e.type === "border_crossed" && e.who === "suspect")?.t ?? -1;
    expect(fired(b)).toEqual(["go@0", `across@${crossed + 10}`, "chase-up@120"].sort((x, y) => Number(x.split("@")[1]) - Number(y.split("@")[1])));
    // who: all — France told, Luxembourg did not: missed for lu-lead only.
    expect(b.events.find((e) => e.type === "expected_missed")).toMatchObject({ inject: "go", expected: "tell", roles: ["lu-lead"] });
  });

  it("count an expected action met when every listed role has acted, with its latency", () => {
    const b = setup(withInjects(injects), 1);
    b.run();
    b.until(30);
    b.run([{ by: "fr-lead", cmd: { type: "message", to: "pccc", kind: "notify", text: "Robbery." } }]);
    b.until(45);
    b.run([{ by: "lu-lead", cmd: { type: "message", to: "fr-lead", kind: "notify", text: "Seen." } }]);
    b.until(200);
    expect(b.events.filter((e) => e.type === "expected_met")).toEqual([expect.objectContaining({ inject: "go", expected: "tell", by: ["fr-lead", "lu-lead"], latency: 45 })]);
    expect(fired(b)).not.toContain("chase-up@120");
  });

  it("let exercise control fire a manual inject, add an ad-hoc one, and refuse repeats", () => {
    const b = setup(withInjects(injects), 1);
    b.run();
    const r = b.run([
      { by: "instructor", cmd: { type: "fire_inject", inject: "press" } },
      { by: "instructor", cmd: { type: "fire_inject", inject: "press" } },
      { by: "instructor", cmd: { type: "adhoc_inject", inject: { id: "flat-tyre", title: "A car breaks down", trigger: { manual: true }, deliver: [{ from: "lu-police", to: ["fr-lead"], text: "Alpha 2 has a flat tyre." }] } } },
      { by: "instructor", cmd: { type: "adhoc_inject", inject: { id: "go", title: "Again", trigger: { manual: true } } } },
      { by: "fr-lead", cmd: { type: "fire_inject", inject: "press" } },
    ]);
    expect(r.rejections.map((x) => x?.code ?? null)).toEqual([null, "inject/already_fired", null, "inject/duplicate_id", "auth/instructor_only"]);
    expect(fired(b)).toEqual(["go@0", "press@1!", "flat-tyre@1!"]);
    expect(b.sim.state.adhoc["flat-tyre"]?.title).toEqual({ en: "A car breaks down" });
  });
});
