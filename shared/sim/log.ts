// The exercise log, the source of truth: engine version, scenario hash, seed, the commands of each
// tick exactly as received, and checkpoint hashes. Replaying it must reproduce every checkpoint.
import type { Scenario } from "../scenario/schema.ts";
import { Command, type CommandInput } from "./commands.ts";
import { createSim, SIM_VERSION } from "./create.ts";
import { hashOf } from "./hash.ts";
import { step, type Sim } from "./step.ts";
import type { SimEvent } from "./types.ts";

export const LOG_FORMAT = "jointex-log@1";
export const CHECKPOINT_EVERY = 60;

export interface LoggedCommand { tick: number; by: string; cmd: CommandInput }
export interface ExerciseLog {
  format: typeof LOG_FORMAT;
  simVersion: number;
  scenarioId: string;
  scenarioHash: string;
  seed: string;
  /** Ticks stepped so far. */
  ticks: number;
  commands: LoggedCommand[];
  checkpoints: { tick: number; hash: string }[];
  /** Exercise control of the clock (start, pause, speed...): part of the record, not of the simulation. */
  controls?: { tick: number; by: string; action: string; speed?: number }[];
  /** What the room refused before it reached the engine (joins, controls, observer commands). */
  refusals?: { tick: number; who: string; what: string; code: string }[];
}

export const scenarioHash = (s: Scenario): string => hashOf(s);
export const stateHash = (sim: Sim): string => hashOf(sim.state);

export function newLog(scenario: Scenario, seed: string | number): ExerciseLog {
  return { format: LOG_FORMAT, simVersion: SIM_VERSION, scenarioId: scenario.meta.id, scenarioHash: scenarioHash(scenario), seed: String(seed), ticks: 0, commands: [], checkpoints: [] };
}

/** Validate the raw commands of one tick, step, and write both into the log. */
export function stepLogged(sim: Sim, log: ExerciseLog, raw: { by: string; cmd: unknown }[]): { events: SimEvent[]; refused: { by: string; error: string }[] } {
  const tick = sim.state.tick;
  const envelopes = [];
  const refused: { by: string; error: string }[] = [];
  // After the end the log is closed: commands are refused and no checkpoint is written twice.
  if (sim.state.ended) return { events: [], refused: raw.map((r) => ({ by: r.by, error: "the exercise has ended" })) };
  for (const r of raw) {
    const parsed = Command.safeParse(r.cmd);
    if (!parsed.success) { refused.push({ by: r.by, error: parsed.error.issues[0]?.message ?? "malformed command" }); continue; }
    envelopes.push({ by: r.by, cmd: parsed.data });
    log.commands.push({ tick, by: r.by, cmd: r.cmd as CommandInput });
  }
  const { events } = step(sim, envelopes);
  log.ticks = sim.state.tick;
  if (sim.state.tick % CHECKPOINT_EVERY === 0 || sim.state.ended) log.checkpoints.push({ tick: sim.state.tick, hash: stateHash(sim) });
  return { events, refused };
}

export interface ReplayResult { sim: Sim; events: SimEvent[]; mismatches: { tick: number; expected: string; got: string }[] }

/** Play a log forward from its seed; every checkpoint hash is compared with the live one. */
export function replay(scenario: Scenario, log: ExerciseLog): ReplayResult {
  if (log.simVersion !== SIM_VERSION) throw new Error(`this log was written by engine version ${log.simVersion}; this engine is version ${SIM_VERSION}`);
  if (log.scenarioHash !== scenarioHash(scenario)) throw new Error(`the scenario differs from the one this log was played with (${log.scenarioId})`);
  const sim = createSim(scenario, log.seed);
  const byTick = new Map<number, LoggedCommand[]>();
  for (const c of log.commands) byTick.set(c.tick, [...(byTick.get(c.tick) ?? []), c]);
  const lastCommandTick = log.commands.reduce((m, c) => Math.max(m, c.tick), -1);
  const events: SimEvent[] = [];
  const mismatches: ReplayResult["mismatches"] = [];
  let next = 0; // checkpoints are compared in the order they were written
  while (!sim.state.ended && (sim.state.tick < log.ticks || sim.state.tick <= lastCommandTick)) {
    const tick = sim.state.tick;
    const cmds = (byTick.get(tick) ?? []).map((c) => ({ by: c.by, cmd: Command.parse(c.cmd) }));
    byTick.delete(tick);
    events.push(...step(sim, cmds).events);
    if (sim.state.tick % CHECKPOINT_EVERY === 0 || sim.state.ended) {
      const want = log.checkpoints[next];
      if (want && want.tick === sim.state.tick) {
        next += 1;
        const got = stateHash(sim);
        if (got !== want.hash) mismatches.push({ tick: sim.state.tick, expected: want.hash, got });
      }
    }
    if (sim.state.tick === tick && !byTick.has(tick)) break; // an ended step does not advance time
  }
  if (next < log.checkpoints.length) mismatches.push({ tick: log.checkpoints[next]?.tick ?? -1, expected: log.checkpoints[next]?.hash ?? "", got: "(not reached)" });
  return { sim, events, mismatches };
}
