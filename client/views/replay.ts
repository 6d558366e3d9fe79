// The replay of a finished exercise: the log played again with the real engine, with keyframes (deep
// copies of the state) so that the debrief can seek anywhere on the timeline, in either direction,
// and land on exactly the state a straight play reaches. Pure: no DOM, no Phaser; it runs in Node for
// the tests and in the browser for the debrief page.
import type { Scenario } from "../../shared/scenario/schema.ts";
import { Command, type Envelope } from "../../shared/sim/commands.ts";
import { createSim, SIM_VERSION } from "../../shared/sim/create.ts";
import { CHECKPOINT_EVERY, scenarioHash, stateHash, type ExerciseLog, type LoggedCommand } from "../../shared/sim/log.ts";
import { step, type Sim } from "../../shared/sim/step.ts";
import type { ActorState, Pt, SimEvent, SimState } from "../../shared/sim/types.ts";
import { CROWD_SAMPLE } from "../../shared/protocol.ts";

type Text = Record<string, string | undefined>;

// What the map draws: the same shapes as client/map/map-view.ts takes (structural, so that this file
// stays importable in Node, where Phaser cannot load).
export interface MapUnit { id: string; callsign: string; type: string; party: string; country: string; x: number; y: number; order: string; active: boolean; own: boolean }
export interface MapActor { id: string; kind: string; name: string; state: string; x: number; y: number; level: number }
export interface MapFrame { tick: number; units: MapUnit[]; actors: MapActor[]; crowds: { id: string; xy: number[] }[] }

/** A place on the timeline worth jumping to. `tick` is the exercise second the event happened in (as in
 * the report); `pos` is the replay position that shows its outcome (the state after that second). */
export type Marker = { id: string; tick: number; pos: number; at?: Pt } & (
  | { kind: "violation"; code: string; article: string; role: string | null; unit?: string; detail: string }
  | { kind: "decision"; by: string; text: string; legalBasis?: string }
  | { kind: "inject"; inject: string; title: Text; manual: boolean }
  | { kind: "crossing"; who: string; from: string; into: string; pursuit?: string }
);
export type MarkerKind = Marker["kind"];
export const MARKER_KINDS: readonly MarkerKind[] = ["violation", "decision", "inject", "crossing"];

export interface ReplayOptions {
  /** Ticks between keyframes to begin with (doubled whenever the budget is exceeded). */
  keyframeEvery?: number;
  /** Rough ceiling for the memory the keyframes hold, in bytes. */
  keyframeBudget?: number;
  /** Crowd agents per crowd in a frame, at most. */
  crowdSample?: number;
}

export interface KeyframeStats { count: number; every: number; bytes: number; thinned: number }

/** A deep copy of the state in which agent lists are packed into typed arrays (4 bytes an agent
 * coordinate instead of a boxed or 8-byte slot). */
interface Keyframe { tick: number; state: SimState; bytes: number }

const DEFAULT_EVERY = CHECKPOINT_EVERY;
const DEFAULT_BUDGET = 64 * 1024 * 1024;

function pack(xs: number[]): Int32Array | Float64Array | number[] {
  // Agents stand on whole metres; anything else (or a -0) is kept exactly in doubles.
  for (const v of xs) if (!Number.isInteger(v) || v > 0x7fffffff || v < -0x80000000 || Object.is(v, -0)) return Float64Array.from(xs);
  return Int32Array.from(xs);
}

type WithAgents = Extract<ActorState, { agents: number[] }>;
const hasAgents = (a: ActorState): a is WithAgents => "agents" in a;

/** structuredClone of the whole state at once (it keeps shared references, as the engine may alias
 * a crowd's target to its rival's centre), with the agent lists swapped for packed copies. */
function snapshot(state: SimState): { state: SimState; agentBytes: number } {
  const saved: [WithAgents, number[]][] = [];
  let agentBytes = 0;
  for (const a of Object.values(state.actors)) {
    if (!hasAgents(a)) continue;
    saved.push([a, a.agents]);
    const packed = pack(a.agents);
    agentBytes += Array.isArray(packed) ? packed.length * 8 : packed.byteLength;
    (a as { agents: unknown }).agents = packed;
  }
  try {
    return { state: structuredClone(state), agentBytes };
  } finally {
    for (const [a, agents] of saved) a.agents = agents;
  }
}

function restore(kf: Keyframe): SimState {
  const state = structuredClone(kf.state);
  for (const a of Object.values(state.actors)) if (hasAgents(a) && !Array.isArray(a.agents)) a.agents = Array.from(a.agents as ArrayLike<number>);
  return state;
}

/** Rough heap size of the rest of a state: its JSON length (agents left out) times two. */
function restBytes(state: SimState): number {
  return 2 * JSON.stringify(state, (k, v) => (k === "agents" ? 0 : v)).length;
}

/** Indices of at most `max` agents out of `n`, spread evenly and the same every tick (so that
 * smoothing on the map moves the same agents). */
export function sampleAgents(agents: readonly number[], max: number): number[] {
  const n = agents.length >> 1;
  if (n <= max) return agents.slice();
  const out = new Array<number>(max * 2);
  for (let i = 0; i < max; i++) {
    const k = Math.floor((i * n) / max);
    out[2 * i] = agents[2 * k] as number;
    out[2 * i + 1] = agents[2 * k + 1] as number;
  }
  return out;
}

/** Let the page handle input and paint between slices (a message, unlike a timer, is not held back
 * to once a second in a background tab). */
function yieldToPage(): Promise<void> {
  return new Promise((res) => {
    if (typeof MessageChannel === "undefined") { setTimeout(res, 0); return; }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { ch.port1.close(); res(); };
    ch.port2.postMessage(null);
  });
}

export class Replayer {
  readonly scenario: Scenario;
  readonly log: ExerciseLog;
  /** Checkpoints of the log that the replay did not reproduce (empty when the log is sound). */
  readonly mismatches: { tick: number; expected: string; got: string }[] = [];

  private readonly opts: Required<ReplayOptions>;
  private readonly byTick = new Map<number, LoggedCommand[]>();
  private readonly lastCommandTick: number;
  private sim: Sim;
  private keyframes: Keyframe[] = [];
  private every: number;
  private kfBytes = 0;
  private thinned = 0;
  private allEvents: SimEvent[] = [];
  /** Replay position (the state's tick) after which each event is visible, parallel to allEvents. */
  private eventPos: number[] = [];
  private markerList: Marker[] = [];
  private prepared = false;
  private endTick = 0;
  private endedAtEnd = false;
  private nextCheckpoint = 0;
  private readonly unitSpec: Map<string, Scenario["units"][number]>;
  private readonly actorSpec: Map<string, Scenario["actors"][number]>;

  constructor(scenario: Scenario, log: ExerciseLog, opts: ReplayOptions = {}) {
    if (log.simVersion !== SIM_VERSION) throw new Error(`this log was written by engine version ${log.simVersion}; this engine is version ${SIM_VERSION}`);
    if (log.scenarioHash !== scenarioHash(scenario)) throw new Error(`the scenario differs from the one this log was played with (${log.scenarioId})`);
    this.scenario = scenario;
    this.log = log;
    this.opts = { keyframeEvery: opts.keyframeEvery ?? DEFAULT_EVERY, keyframeBudget: opts.keyframeBudget ?? DEFAULT_BUDGET, crowdSample: opts.crowdSample ?? CROWD_SAMPLE };
    if (!(this.opts.keyframeEvery >= 1)) throw new Error("keyframeEvery must be at least 1");
    this.every = Math.floor(this.opts.keyframeEvery);
    for (const c of log.commands) {
      const list = this.byTick.get(c.tick);
      if (list) list.push(c);
      else this.byTick.set(c.tick, [c]);
    }
    this.lastCommandTick = log.commands.reduce((m, c) => Math.max(m, c.tick), -1);
    this.unitSpec = new Map(scenario.units.map((u) => [u.id, u]));
    this.actorSpec = new Map(scenario.actors.map((a) => [a.id, a]));
    this.sim = createSim(scenario, log.seed);
    this.keep();
  }

  /** Build and play the whole log at once (tests, small logs). */
  static build(scenario: Scenario, log: ExerciseLog, opts: ReplayOptions = {}): Replayer {
    const r = new Replayer(scenario, log, opts);
    r.prepare(Infinity);
    return r;
  }

  /** Build in slices of `sliceMs`, letting the page breathe in between; `onProgress` gets 0..1. */
  static async load(scenario: Scenario, log: ExerciseLog, opts: ReplayOptions & { sliceMs?: number; onProgress?: (done: number) => void } = {}): Promise<Replayer> {
    const r = new Replayer(scenario, log, opts);
    const total = Math.max(1, log.ticks);
    while (!r.prepare(opts.sliceMs ?? 25)) {
      opts.onProgress?.(Math.min(1, r.sim.state.tick / total));
      await yieldToPage();
    }
    opts.onProgress?.(1);
    return r;
  }

  /** The first pass: play forward for up to `budgetMs`, collecting events, markers and keyframes and
   * checking the log's checkpoints. Returns true once the whole log has been played. */
  prepare(budgetMs: number): boolean {
    if (this.prepared) return true;
    const start = Date.now();
    let n = 0;
    while (this.canStep()) {
      const before = this.sim.state.tick;
      const events = this.stepOnce();
      const pos = this.sim.state.tick;
      for (const e of events) {
        this.allEvents.push(e);
        this.eventPos.push(pos);
        this.collectMarker(e, pos);
      }
      this.checkCheckpoint();
      if (pos !== before && pos % this.every === 0) this.keep();
      if ((++n & 63) === 0 && Date.now() - start >= budgetMs) return false;
    }
    this.endTick = this.sim.state.tick;
    this.endedAtEnd = this.sim.state.ended;
    if (this.nextCheckpoint < this.log.checkpoints.length) {
      const c = this.log.checkpoints[this.nextCheckpoint];
      this.mismatches.push({ tick: c?.tick ?? -1, expected: c?.hash ?? "", got: "(not reached)" });
    }
    // The final state is a keyframe too: the end of the timeline is reached without replaying.
    this.keep();
    this.prepared = true;
    return true;
  }

  // --- reading -----------------------------------------------------------------------------------

  /** The last position on the timeline (the final state's tick). */
  get total(): number { this.must(); return this.endTick; }
  /** The current position. */
  get tick(): number { return this.sim.state.tick; }
  /** The engine state at the current position (read it, never change it). */
  get state(): Readonly<SimState> { return this.sim.state; }
  /** Every event of the exercise, in order. */
  get events(): readonly SimEvent[] { this.must(); return this.allEvents; }
  get ready(): boolean { return this.prepared; }
  /** Whether the log closes the exercise (an end command), as the report's run record says. */
  get closed(): boolean { this.must(); return this.endedAtEnd; }
  hash(): string { return stateHash(this.sim); }

  keyframeStats(): KeyframeStats {
    return { count: this.keyframes.length, every: this.every, bytes: this.kfBytes, thinned: this.thinned };
  }

  /** The jump list: every violation, decision, inject fired and border crossing, in time order. */
  markers(): readonly Marker[] { this.must(); return this.markerList; }

  /** Events visible at a position: those of the seconds before it (and, at the very end, those of the
   * closing step). `limit` keeps the latest ones only. */
  eventsUpTo(pos: number, limit = Infinity): SimEvent[] {
    this.must();
    // eventPos is non-decreasing: binary search for the first event beyond pos.
    let lo = 0;
    let hi = this.eventPos.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.eventPos[mid] as number) <= pos) lo = mid + 1;
      else hi = mid;
    }
    return this.allEvents.slice(Math.max(0, lo - limit), lo);
  }

  /** The first marker shown after a position (of the given kinds), for "next marker". */
  markerAfter(pos: number, kinds?: readonly MarkerKind[]): Marker | undefined {
    return this.markers().find((m) => m.pos > pos && (!kinds || kinds.includes(m.kind)));
  }
  /** The last marker shown before a position, for "previous marker". */
  markerBefore(pos: number, kinds?: readonly MarkerKind[]): Marker | undefined {
    return [...this.markers()].reverse().find((m) => m.pos < pos && (!kinds || kinds.includes(m.kind)));
  }

  // --- moving ------------------------------------------------------------------------------------

  /** Move to a position (clamped to 0..total): from the current state when it is on the way, else
   * from the nearest keyframe at or before it. The state reached is the one a straight play reaches. */
  seek(pos: number): void {
    this.must();
    const target = Math.max(0, Math.min(this.endTick, Math.floor(pos)));
    const cur = this.sim.state.tick;
    const kf = this.keyframeAtOrBefore(target);
    // Going back, or a keyframe lies between here and there: start from the keyframe.
    if (cur > target || kf.tick > cur) this.sim = { world: this.sim.world, state: restore(kf) };
    while (this.sim.state.tick < target && this.canStep()) this.stepOnce();
    // The end of the timeline is the closed exercise: the closing step (which does not advance the
    // clock) is part of it.
    if (target === this.endTick) while (this.canStep()) this.stepOnce();
  }

  /** Step forward by `n` ticks (negative goes back). */
  skip(n: number): void { this.seek(this.sim.state.tick + n); }

  // --- drawing -----------------------------------------------------------------------------------

  /** What the map shows at the current position. In a debrief everything is shown: every unit and
   * every actor that has entered; `own` marks the viewer's role's units. */
  frame(viewerRole: string | null = null, lang = "en"): MapFrame {
    const s = this.sim.state;
    const units: MapUnit[] = Object.values(s.units).map((u) => {
      const spec = this.unitSpec.get(u.id);
      return {
        id: u.id, callsign: spec?.callsign ?? u.id, type: spec?.type ?? "", party: u.party, country: u.country,
        x: u.pos[0], y: u.pos[1], order: u.order?.type ?? "", active: u.active, own: viewerRole !== null && u.role === viewerRole,
      };
    });
    const actors: MapActor[] = [];
    const crowds: MapFrame["crowds"] = [];
    for (const a of Object.values(s.actors)) {
      if (!a.active) continue;
      const name = this.actorSpec.get(a.id)?.name as Text | undefined;
      const p = "pos" in a ? a.pos : a.centre;
      actors.push({
        id: a.id, kind: a.kind, name: name?.[lang] ?? name?.en ?? a.id, state: "state" in a ? a.state : "",
        x: p[0], y: p[1], level: a.kind === "crowd" ? a.tension : a.kind === "hostage_takers" ? a.agitation : 0,
      });
      if (hasAgents(a)) crowds.push({ id: a.id, xy: sampleAgents(a.agents, this.opts.crowdSample) });
    }
    return { tick: s.tick, units, actors, crowds };
  }

  // --- inside ------------------------------------------------------------------------------------

  private must(): void {
    if (!this.prepared) throw new Error("the replay is still being prepared");
  }

  /** The loop condition of shared/sim/log.ts replay(), exactly. */
  private canStep(): boolean {
    const s = this.sim.state;
    return !s.ended && (s.tick < this.log.ticks || s.tick <= this.lastCommandTick);
  }

  private stepOnce(): SimEvent[] {
    const tick = this.sim.state.tick;
    // Parsed afresh for every step, as replay() does: the engine may keep parts of a command.
    const cmds: Envelope[] = (this.byTick.get(tick) ?? []).map((c) => ({ by: c.by, cmd: Command.parse(c.cmd) }));
    return step(this.sim, cmds).events;
  }

  private checkCheckpoint(): void {
    const s = this.sim.state;
    if (s.tick % CHECKPOINT_EVERY !== 0 && !s.ended) return;
    const want = this.log.checkpoints[this.nextCheckpoint];
    if (!want || want.tick !== s.tick) return;
    this.nextCheckpoint += 1;
    const got = stateHash(this.sim);
    if (got !== want.hash) this.mismatches.push({ tick: s.tick, expected: want.hash, got });
  }

  private keep(): void {
    const { state, agentBytes } = snapshot(this.sim.state);
    const bytes = agentBytes + restBytes(this.sim.state);
    const last = this.keyframes.at(-1);
    if (last && last.tick === state.tick) { this.kfBytes -= last.bytes; this.keyframes.pop(); }
    this.keyframes.push({ tick: state.tick, state, bytes });
    this.kfBytes += bytes;
    // Over budget: keep every other keyframe (always the first and the latest, so the end of the
    // timeline stays one restore away) and double the spacing.
    while (this.kfBytes > this.opts.keyframeBudget && this.keyframes.length > 2) {
      this.every *= 2;
      const last = this.keyframes.length - 1;
      const kept = this.keyframes.filter((k, i) => i === 0 || i === last || k.tick % this.every === 0);
      if (kept.length === this.keyframes.length) break;
      this.thinned += this.keyframes.length - kept.length;
      this.keyframes = kept;
      this.kfBytes = kept.reduce((b, k) => b + k.bytes, 0);
    }
  }

  private keyframeAtOrBefore(tick: number): Keyframe {
    let lo = 0;
    let hi = this.keyframes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.keyframes[mid] as Keyframe).tick <= tick) lo = mid;
      else hi = mid - 1;
    }
    return this.keyframes[lo] as Keyframe;
  }

  private collectMarker(e: SimEvent, pos: number): void {
    const id = `m${this.markerList.length}`;
    const base = { id, tick: e.t, pos };
    if (e.type === "violation") {
      const u = e.unit ? this.sim.state.units[e.unit] : undefined;
      this.markerList.push({
        ...base, kind: "violation", code: e.code, article: e.article, role: e.role, detail: e.detail,
        ...(e.unit ? { unit: e.unit } : {}), ...(u ? { at: [u.pos[0], u.pos[1]] as Pt } : {}),
      });
    } else if (e.type === "decision_recorded") {
      this.markerList.push({ ...base, kind: "decision", by: e.by, text: e.decision, ...(e.legalBasis ? { legalBasis: e.legalBasis } : {}) });
    } else if (e.type === "inject_fired") {
      const spec = this.scenario.injects.find((i) => i.id === e.inject) ?? this.sim.state.adhoc[e.inject];
      this.markerList.push({ ...base, kind: "inject", inject: e.inject, title: spec?.title ?? { en: e.inject }, manual: e.manual });
    } else if (e.type === "border_crossed") {
      this.markerList.push({
        ...base, kind: "crossing", who: e.who, from: e.from, into: e.into, at: [e.at[0], e.at[1]],
        ...(e.pursuit ? { pursuit: e.pursuit } : {}),
      });
    }
  }
}
