// What each role may see: own units, actors in sensor range, what others shared, a PCCC's picture
// of the countries it serves; exercise control sees everything.
import { describe, expect, it } from "vitest";
import { roleView } from "../../shared/sim/awareness.ts";
import { loadScenario, setup } from "../support/scenarios.ts";

const scenario = loadScenario("test/fixtures/rules.yaml");

describe("role views", () => {
  it("show own units only, and actors only once in sensor range", () => {
    const b = setup(scenario, 3);
    b.run();
    const fr = roleView(b.sim.world, b.sim.state, "fr-lead");
    expect(fr.units).toEqual(["fr-1", "fr-2"]);
    // The suspect starts 1 km from fr-1 (sensor 600 m); the fans are 9 km away.
    expect(fr.actors).toEqual([]);
    const lu = roleView(b.sim.world, b.sim.state, "lu-lead");
    expect(lu.units).toEqual(["lu-1"]);
    expect(lu.actors).toEqual(["fans"]);
    // fr-1 drives east after it (44 m/s against 28 m/s) and has it in sight within two minutes.
    b.run([{ by: "fr-lead", cmd: { type: "order", unit: "fr-1", order: "move", target: [19000, 2000] } }]);
    let t = b.sim.state.tick;
    while (t < 150 && roleView(b.sim.world, b.sim.state, "fr-lead").actors.length === 0) { b.run(); t = b.sim.state.tick; }
    expect(roleView(b.sim.world, b.sim.state, "fr-lead").actors).toEqual(["suspect"]);
    expect(t).toBeGreaterThan(20);
    expect(t).toBeLessThan(150);
  });

  it("share an actor with the roles a message about it reaches", () => {
    const b = setup(scenario, 3);
    b.run();
    expect(roleView(b.sim.world, b.sim.state, "fr-investigator").actors).toEqual([]);
    b.run([{ by: "lu-lead", cmd: { type: "message", to: "fr-investigator", kind: "information", text: "The fans are gathering at the square.", about: "fans" } }]);
    expect(roleView(b.sim.world, b.sim.state, "fr-investigator").actors).toEqual(["fans"]);
  });

  it("give a PCCC desk the picture of every country it serves, and exercise control everything", () => {
    const b = setup(scenario, 3);
    b.run();
    const pccc = roleView(b.sim.world, b.sim.state, "lu-spoc");
    expect(pccc.otherUnits).toEqual(["fr-1", "fr-2", "lu-1"]);
    expect(pccc.actors).toEqual(["fans"]);
    expect(roleView(b.sim.world, b.sim.state, "instructor").actors).toEqual(["fans", "suspect"]);
  });

  it("records each role's first sighting of an actor once", () => {
    const b = setup(scenario, 3);
    b.run([{ by: "fr-lead", cmd: { type: "order", unit: "fr-1", order: "move", target: [19000, 2000] } }]);
    b.until(200);
    const seen = b.events.filter((e) => e.type === "seen");
    expect(seen.filter((e) => e.role === "fr-lead" && e.actor === "suspect")).toHaveLength(1);
    expect(b.sim.state.seen["lu-lead"]).toEqual(["fans"]);
  });
});
