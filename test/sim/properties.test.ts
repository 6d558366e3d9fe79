// Property tests over random command sequences (seeded): the engine never throws, never produces
// NaN or positions off the map, and the same seed and commands always give the same hashes; a
// replay of the written log equals the live run.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { MESSAGE_KINDS, ORDER_TYPES } from "../../shared/scenario/vocab.ts";
import { createSim } from "../../shared/sim/create.ts";
import { newLog, replay, stateHash, stepLogged } from "../../shared/sim/log.ts";
import type { Sim } from "../../shared/sim/step.ts";
import { flagship } from "../support/scenarios.ts";

function commandArb(s: Scenario) {
  const roles = [...s.roles.map((r) => r.id), "instructor", "nobody"];
  const units = [...s.units.map((u) => u.id), "ghost"];
  const targets = [...s.actors.map((a) => a.id), ...s.map.sites.map((x) => x.id), ...units];
  const point = fc.tuple(fc.integer({ min: -100, max: s.map.extent.width + 100 }), fc.integer({ min: -100, max: s.map.extent.height + 100 }));
  const speakers = [...roles, ...s.desks.map((d) => d.id), ...s.parties.map((p) => p.id)];
  const order = fc.record({
    type: fc.constant("order"), unit: fc.constantFrom(...units), order: fc.constantFrom(...ORDER_TYPES),
    target: fc.option(fc.oneof(fc.constantFrom(...targets), point), { nil: undefined }),
  });
  const message = fc.record({
    type: fc.constant("message"), to: fc.constantFrom(...speakers), kind: fc.constantFrom(...MESSAGE_KINDS),
    text: fc.constant("random message"), about: fc.option(fc.constantFrom(...s.actors.map((a) => a.id)), { nil: undefined }),
  });
  const control = fc.oneof(
    fc.record({ type: fc.constant("fire_inject"), inject: fc.constantFrom(...s.injects.map((i) => i.id), "nope") }),
    fc.record({ type: fc.constant("agreement"), host: fc.constantFrom("NL", "LU", "AT"), sending: fc.constantFrom("BE", "FR", "DE"), purpose: fc.constant("joint patrol") }),
    fc.record({ type: fc.constant("assistance_request"), to: fc.constantFrom(...speakers), nature: fc.string(), necessity: fc.string() }),
    fc.record({ type: fc.constant("decision"), decision: fc.constant("hold"), rationale: fc.constant("because") }),
  );
  return fc.record({ at: fc.integer({ min: 0, max: 299 }), by: fc.constantFrom(...roles), cmd: fc.oneof(order, order, message, control) });
}

function checkSane(sim: Sim): void {
  const { width, height } = sim.world.scenario.map.extent;
  const ok = (x: number, y: number) => Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x <= width && y <= height;
  for (const u of Object.values(sim.state.units)) expect(ok(u.pos[0], u.pos[1]), `${u.id} at ${u.pos}`).toBe(true);
  for (const a of Object.values(sim.state.actors)) {
    if ("pos" in a) expect(ok(a.pos[0], a.pos[1]), `${a.id} at ${a.pos}`).toBe(true);
    if (a.kind === "crowd" || a.kind === "bystanders") for (let k = 0; k < a.agents.length; k += 2) if (!ok(a.agents[k] as number, a.agents[k + 1] as number)) throw new Error(`${a.id} agent off the map`);
    if (a.kind === "crowd") expect(a.tension >= 0 && a.tension <= 1000).toBe(true);
    if (a.kind === "hostage_takers") expect(a.agitation >= 0 && a.agitation <= 1000).toBe(true);
  }
}

function play(s: Scenario, seed: number, cmds: { at: number; by: string; cmd: unknown }[], ticks: number) {
  const sim = createSim(s, seed);
  const log = newLog(s, seed);
  const hashes: string[] = [];
  for (let t = 0; t < ticks; t++) {
    const r = stepLogged(sim, log, cmds.filter((c) => c.at === t).map((c) => ({ by: c.by, cmd: c.cmd })));
    expect(JSON.stringify(r.events)).not.toContain("NaN");
    expect(JSON.stringify(r.events)).not.toContain("null,null");
    if (t % 50 === 49) { checkSane(sim); hashes.push(stateHash(sim)); }
  }
  return { sim, log, hashes };
}

describe.each(["pursuit-thionville", "hostage-train", "football-joint-patrols"])("engine properties: %s", (id) => {
  const s = flagship(id);
  const runs = id === "football-joint-patrols" ? 8 : 25;

  it("never throws, stays on the map, never yields NaN; same seed and commands give the same hashes; replay equals live", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(commandArb(s), { maxLength: 40 }), (seed, cmds) => {
        const a = play(s, seed, cmds, 300);
        const b = play(s, seed, cmds, 300);
        expect(b.hashes).toEqual(a.hashes);
        const r = replay(s, JSON.parse(JSON.stringify(a.log)));
        expect(r.mismatches).toEqual([]);
        expect(stateHash(r.sim)).toBe(stateHash(a.sim));
      }),
      { seed: 2026, numRuns: runs },
    );
  });
});
