// The debrief's replay controller on real playthrough logs: the jump list, seeking that lands on the
// very state a straight play reaches (same state hash), frames that show the engine's positions, and
// crowd subsampling on a crowd-heavy football run.
import { beforeAll, describe, expect, it } from "vitest";
import { Replayer, sampleAgents, type Marker } from "../../client/views/replay.ts";
import { CROWD_SAMPLE } from "../../shared/protocol.ts";
import { createSim } from "../../shared/sim/create.ts";
import { stateHash } from "../../shared/sim/log.ts";
import type { Sim } from "../../shared/sim/step.ts";
import { runPlaythrough, type PlaythroughRun } from "../../shared/sim/playthrough.ts";
import type { EventOf, Pt, SimEvent } from "../../shared/sim/types.ts";
import { flagship, loadPlaythrough } from "../support/scenarios.ts";

interface Straight { run: PlaythroughRun; hashes: Map<number, string>; positions: Map<number, Record<string, Pt>> }

/** Play a playthrough straight through, remembering the hash and the unit positions of every tick. */
function straight(file: string, until?: number): Straight {
  const p = { ...loadPlaythrough(file), ...(until ? { until } : {}) };
  const scenario = flagship(p.scenario);
  const hashes = new Map<number, string>();
  const positions = new Map<number, Record<string, Pt>>();
  const remember = (sim: Sim) => {
    hashes.set(sim.state.tick, stateHash(sim));
    positions.set(sim.state.tick, Object.fromEntries(Object.values(sim.state.units).map((u) => [u.id, [u.pos[0], u.pos[1]] as Pt])));
  };
  remember(createSim(scenario, p.seed));
  const run = runPlaythrough(scenario, p, { onTick: remember });
  // The closing step (the end command) does not advance the clock: the last position is the closed state.
  hashes.set(run.sim.state.tick, stateHash(run.sim));
  return { run, hashes, positions };
}

const of = <T extends SimEvent["type"]>(events: readonly SimEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);
const kinds = (ms: readonly Marker[], kind: Marker["kind"]) => ms.filter((m) => m.kind === kind);

describe("replay of the unlawful pursuit", () => {
  let s: Straight;
  let r: Replayer;
  beforeAll(() => {
    s = straight("pursuit-thionville.unlawful.yaml");
    r = Replayer.build(flagship("pursuit-thionville"), s.run.log);
  });

  it("replays the log without a checkpoint mismatch and ends where the exercise ended", () => {
    expect(r.mismatches).toEqual([]);
    expect(r.total).toBe(3600);
    expect(r.total).toBe(s.run.sim.state.tick);
    expect(r.events).toEqual(s.run.events);
    expect(r.tick).toBe(r.total);
    expect(r.state.ended).toBe(true);
    expect(r.hash()).toBe(stateHash(s.run.sim));
  });

  it("lists every violation with its tick, code, article and role, in order", () => {
    const v = kinds(r.markers(), "violation");
    expect(v.map((m) => (m.kind === "violation" ? [m.tick, m.code, m.role] : null))).toEqual([
      [360, "pursuit/not_notified_at_crossing", "fr-patrol"],
      [466, "pursuit/not_notified_at_crossing", "fr-patrol"],
      [466, "any/unidentifiable_unit", "fr-patrol"],
      [643, "any/entered_private_premises", "fr-patrol"],
      [741, "any/entered_private_premises", "fr-patrol"],
      [1141, "pursuit/continued_after_stop_request", "fr-patrol"],
      [1141, "pursuit/continued_after_stop_request", "fr-patrol"],
      [1348, "pursuit/apprehension_not_permitted", "fr-patrol"],
      [3600, "any/no_report_to_local_authority", "fr-patrol"],
      [3600, "any/no_report_to_local_authority", "fr-patrol"],
    ]);
    // Exactly the engine's findings, with their article and detail.
    const ev = of(s.run.events, "violation");
    expect(v).toHaveLength(ev.length);
    v.forEach((m, k) => {
      const e = ev[k] as EventOf<"violation">;
      expect(m).toMatchObject({ kind: "violation", tick: e.t, code: e.code, article: e.article, detail: e.detail, role: e.role });
      expect(m.kind === "violation" && m.article).toMatch(/Art/);
    });
    // The engine's own record of the violations agrees.
    expect(v.map((m) => m.tick)).toEqual(s.run.sim.state.violations.map((x) => x.tick));
  });

  it("places a unit's violation where the unit stood right after it", () => {
    const m = kinds(r.markers(), "violation").find((x) => x.kind === "violation" && x.code === "any/entered_private_premises");
    expect(m?.kind === "violation" && m.unit).toBeTruthy();
    if (m?.kind !== "violation" || !m.unit) throw new Error("no unit");
    expect(m.pos).toBe(m.tick + 1);
    expect(m.at).toEqual(s.positions.get(m.pos)?.[m.unit]);
  });

  it("lists every inject fired with its title, and every border crossing with where it happened", () => {
    const injects = kinds(r.markers(), "inject");
    const fired = of(s.run.events, "inject_fired");
    expect(injects.map((m) => m.tick)).toEqual(fired.map((e) => e.t));
    expect(injects.map((m) => (m.kind === "inject" ? m.inject : ""))).toEqual(fired.map((e) => e.inject));
    const sc = flagship("pursuit-thionville");
    for (const m of injects) if (m.kind === "inject") expect(m.title.en).toBe(sc.injects.find((i) => i.id === m.inject)?.title.en);
    expect(injects.map((m) => (m.kind === "inject" ? m.inject : ""))).toContain("i-crossing");

    const crossings = kinds(r.markers(), "crossing");
    const crossed = of(s.run.events, "border_crossed");
    expect(crossings).toHaveLength(3);
    expect(crossings.map((m) => (m.kind === "crossing" ? [m.tick, m.who, m.from, m.into, m.at] : null))).toEqual(crossed.map((e) => [e.t, e.who, e.from, e.into, e.at]));
    // In time order, with distinct ids.
    const ms = r.markers();
    expect(ms.map((m) => m.tick)).toEqual([...ms.map((m) => m.tick)].sort((a, b) => a - b));
    expect(new Set(ms.map((m) => m.id)).size).toBe(ms.length);
  });

  it("seeks to the state a straight play reaches: from the start, from later, from the end, backwards and forwards", () => {
    const ticks = [0, 1, 5, 59, 60, 61, 359, 360, 361, 643, 1000, 1141, 1142, 1348, 2399, 2400, 3540, 3599, 3600];
    for (const t of ticks) {
      r.seek(0);
      r.seek(t);
      expect(r.tick, `from 0 to ${t}`).toBe(t);
      expect(r.hash(), `from 0 to ${t}`).toBe(s.hashes.get(t));
    }
    for (const t of ticks) {
      r.seek(r.total);
      r.seek(t);
      expect(r.hash(), `from the end to ${t}`).toBe(s.hashes.get(t));
      r.seek(Math.min(r.total, t + 137));
      r.seek(t);
      expect(r.hash(), `from ${t + 137} back to ${t}`).toBe(s.hashes.get(t));
    }
    // A wandering scrub (fixed pseudo-random sequence, both directions, small and large moves).
    let x = 12345;
    for (let k = 0; k < 60; k++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const t = k % 3 === 0 ? Math.min(r.total, r.tick + (x % 25)) : x % (r.total + 1);
      r.seek(t);
      expect(r.hash(), `scrub ${k} to ${t}`).toBe(s.hashes.get(t));
    }
    // The end is the closed exercise, and out-of-range positions clamp.
    r.seek(99_999);
    expect(r.tick).toBe(3600);
    expect(r.state.ended).toBe(true);
    expect(r.hash()).toBe(stateHash(s.run.sim));
    r.seek(-5);
    expect(r.tick).toBe(0);
    expect(r.hash()).toBe(s.hashes.get(0));
  });

  it("gives the same state playing tick by tick as seeking", () => {
    r.seek(300);
    for (let t = 301; t <= 480; t++) {
      r.skip(1);
      expect(r.tick).toBe(t);
      expect(r.hash()).toBe(s.hashes.get(t));
    }
    r.skip(-100);
    expect(r.tick).toBe(380);
    expect(r.hash()).toBe(s.hashes.get(380));
  });

  it("draws every unit where the engine had it at that tick, and marks the viewer's own units", () => {
    for (const t of [0, 120, 361, 700, 1349, 3600]) {
      r.seek(t);
      const f = r.frame("fr-patrol");
      expect(f.tick).toBe(t);
      const want = s.positions.get(t) ?? {};
      expect(f.units.map((u) => u.id).sort()).toEqual(Object.keys(want).sort());
      for (const u of f.units) {
        const st = r.state.units[u.id];
        expect([u.x, u.y]).toEqual(st?.pos);
        expect([u.x, u.y], `${u.id} at ${t}`).toEqual(want[u.id]);
        expect(u.order).toBe(st?.order?.type ?? "");
        expect(u.own).toBe(st?.role === "fr-patrol");
      }
    }
    r.seek(700);
    const f = r.frame("fr-patrol");
    const bac = f.units.find((u) => u.id === "fr-bac-1");
    expect(bac).toMatchObject({ callsign: expect.any(String), type: expect.any(String), party: expect.any(String), country: "FR", own: true });
    expect(f.units.filter((u) => u.own).length).toBeGreaterThanOrEqual(2);
    expect(f.units.some((u) => u.country !== "FR" && !u.own)).toBe(true);
    // Without a viewer (exercise control) nothing is "own".
    expect(r.frame().units.some((u) => u.own)).toBe(false);
    // Actors: the robbers at their engine position with their state; bystanders with their agents.
    const robbers = f.actors.find((a) => a.id === "robbers");
    const rs = r.state.actors.robbers;
    expect(rs?.kind).toBe("fleeing_vehicle");
    if (rs?.kind !== "fleeing_vehicle") throw new Error("robbers");
    expect(robbers).toMatchObject({ kind: "fleeing_vehicle", x: rs.pos[0], y: rs.pos[1], state: rs.state });
    expect(robbers?.name).not.toBe("");
    const shoppers = f.crowds.find((c) => c.id === "shoppers");
    const ss = r.state.actors.shoppers;
    if (ss?.kind !== "bystanders") throw new Error("shoppers");
    expect(shoppers?.xy).toEqual(ss.agents);
    // A frame is a copy: drawing it cannot change the engine state.
    shoppers?.xy.fill(0);
    expect(r.state.actors.shoppers?.kind === "bystanders" && r.state.actors.shoppers.agents.some((v) => v !== 0)).toBe(true);
  });

  it("captions: events up to a position, the marker's own event included at its position", () => {
    const m = kinds(r.markers(), "violation")[0];
    if (!m) throw new Error("no violation");
    const at = r.eventsUpTo(m.pos);
    expect(at.filter((e) => e.type === "violation")).toHaveLength(1);
    expect(r.eventsUpTo(m.tick).filter((e) => e.type === "violation")).toHaveLength(0);
    expect(r.eventsUpTo(m.pos, 3)).toEqual(at.slice(-3));
    expect(r.eventsUpTo(0)).toEqual([]);
    // At the end everything, closing step included.
    expect(r.eventsUpTo(r.total)).toEqual(s.run.events);
    expect(r.eventsUpTo(r.total).at(-1)?.type).toBe("exercise_ended");
    // Next/previous marker.
    expect(r.markerAfter(0)?.tick).toBe(r.markers()[0]?.tick);
    expect(r.markerAfter(m.pos, ["violation"])?.tick).toBe(466);
    expect(r.markerBefore(m.pos, ["violation"])).toBeUndefined();
    expect(r.markerBefore(r.total + 1)).toBe(r.markers().at(-1));
  });

  it("still seeks exactly when the keyframes have been thinned to fit a tiny budget", () => {
    const thin = Replayer.build(flagship("pursuit-thionville"), s.run.log, { keyframeEvery: 10, keyframeBudget: 200_000 });
    const st = thin.keyframeStats();
    expect(st.thinned).toBeGreaterThan(0);
    expect(st.every).toBeGreaterThan(10);
    expect(st.bytes).toBeLessThanOrEqual(200_000 + 50_000);
    expect(st.count).toBeLessThan(3600 / 10 / 4);
    for (const t of [3000, 17, 1141, 600, 3600, 0, 2]) {
      thin.seek(t);
      expect(thin.hash()).toBe(s.hashes.get(t));
    }
  });

  it("reports a log whose checkpoints the engine does not reproduce, and refuses another scenario's log", () => {
    const log = structuredClone(s.run.log);
    const c = log.checkpoints[5];
    if (!c) throw new Error("no checkpoint");
    c.hash = "0000000000000000";
    const bad = Replayer.build(flagship("pursuit-thionville"), log);
    expect(bad.mismatches).toEqual([{ tick: c.tick, expected: "0000000000000000", got: s.hashes.get(c.tick) }]);
    expect(() => new Replayer(flagship("football-joint-patrols"), s.run.log)).toThrow(/scenario differs/);
    expect(() => new Replayer(flagship("pursuit-thionville"), { ...s.run.log, simVersion: 999 })).toThrow(/engine version 999/);
  });

  it("loads in slices without blocking, reporting progress, to the same result", async () => {
    const seen: number[] = [];
    const sliced = await Replayer.load(flagship("pursuit-thionville"), s.run.log, { sliceMs: 0, onProgress: (d) => seen.push(d) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(sliced.markers()).toEqual(r.markers());
    sliced.seek(1141);
    expect(sliced.hash()).toBe(s.hashes.get(1141));
    // Not usable before it is ready.
    const early = new Replayer(flagship("pursuit-thionville"), s.run.log);
    expect(() => early.seek(10)).toThrow(/prepared/);
  });
});

describe("replay of the lawful pursuit", () => {
  it("has no violation marker, and its crossings, injects and the final state match the straight play", () => {
    const s = straight("pursuit-thionville.lawful.yaml");
    const r = Replayer.build(flagship("pursuit-thionville"), s.run.log);
    expect(r.mismatches).toEqual([]);
    expect(kinds(r.markers(), "violation")).toEqual([]);
    expect(kinds(r.markers(), "crossing")).toHaveLength(of(s.run.events, "border_crossed").length);
    expect(kinds(r.markers(), "crossing").length).toBe(4);
    expect(kinds(r.markers(), "inject").map((m) => m.tick)).toEqual(of(s.run.events, "inject_fired").map((e) => e.t));
    for (const t of [2000, 10, 3600, 777]) {
      r.seek(t);
      expect(r.hash()).toBe(s.hashes.get(t));
    }
  });
});

describe("replay of a football run (7,550 crowd agents)", () => {
  let s: Straight;
  let r: Replayer;
  beforeAll(() => {
    s = straight("football-joint-patrols.lawful.yaml", 600);
    r = Replayer.build(flagship("football-joint-patrols"), s.run.log);
  });

  it("subsamples each crowd to at most 2,500 agents, evenly and with the same agents every tick", () => {
    expect(r.mismatches).toEqual([]);
    r.seek(300);
    const f = r.frame();
    const sizes: Record<string, number> = {};
    for (const a of Object.values(r.state.actors)) if ("agents" in a && a.active) sizes[a.id] = a.agents.length / 2;
    expect(Object.values(sizes).reduce((x, y) => x + y, 0)).toBeGreaterThan(5000);
    expect(f.crowds.map((c) => c.id).sort()).toEqual(Object.keys(sizes).sort());
    for (const c of f.crowds) {
      const n = sizes[c.id] as number;
      const st = r.state.actors[c.id];
      if (!st || !("agents" in st)) throw new Error(c.id);
      expect(c.xy.length).toBe(2 * Math.min(n, CROWD_SAMPLE));
      if (n <= CROWD_SAMPLE) expect(c.xy).toEqual(st.agents);
      else {
        // Every point drawn is one real agent, and the sample spans the whole list.
        const idx = Array.from({ length: CROWD_SAMPLE }, (_, i) => Math.floor((i * n) / CROWD_SAMPLE));
        expect(c.xy).toEqual(idx.flatMap((k) => [st.agents[2 * k], st.agents[2 * k + 1]]));
        expect(idx.at(-1)).toBeGreaterThan(n - 3);
      }
    }
    const home = f.crowds.find((c) => c.id === "home-fans");
    expect(sizes["home-fans"]).toBe(3800);
    expect(home?.xy.length).toBe(5000);
    // Crowd actors are drawn too, with their tension as level.
    const ha = f.actors.find((a) => a.id === "home-fans");
    const hs = r.state.actors["home-fans"];
    if (hs?.kind !== "crowd") throw new Error("home-fans");
    expect(ha).toMatchObject({ kind: "crowd", level: hs.tension, state: hs.state, x: hs.centre[0], y: hs.centre[1] });
    // A smaller sample size is honoured.
    const small = Replayer.build(flagship("football-joint-patrols"), s.run.log, { crowdSample: 100 });
    small.seek(300);
    expect(Math.max(...small.frame().crowds.map((c) => c.xy.length))).toBe(200);
  });

  it("seeks crowds exactly (agents packed in keyframes come back identical)", () => {
    for (const t of [599, 61, 600, 0, 180, 181]) {
      r.seek(t);
      expect(r.hash(), `tick ${t}`).toBe(s.hashes.get(t));
    }
  });

  it("samples agent lists as documented", () => {
    expect(sampleAgents([1, 2, 3, 4], 5)).toEqual([1, 2, 3, 4]);
    expect(sampleAgents([0, 0, 1, 1, 2, 2, 3, 3], 2)).toEqual([0, 0, 2, 2]);
  });
});
