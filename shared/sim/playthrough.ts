// Scripted playthroughs: a seed, timed or conditional commands, and the violations the run must
// produce. They drive the real engine for golden tests, the CLI and benchmarks.
import { z } from "zod";
import { Condition } from "../scenario/conditions.ts";
import { Duration, Id } from "../scenario/primitives.ts";
import type { Scenario } from "../scenario/schema.ts";
import { VIOLATION_CODES } from "../scenario/vocab.ts";
import { INSTRUCTOR } from "./commands.ts";
import { holds } from "./conditions.ts";
import { createSim } from "./create.ts";
import { newLog, stepLogged, type ExerciseLog } from "./log.ts";
import { openRng } from "./rng.ts";
import type { Sim } from "./step.ts";
import type { SimEvent } from "./types.ts";

export const Playthrough = z.strictObject({
  scenario: Id,
  title: z.string().optional(),
  seed: z.union([z.string(), z.int()]).default(1),
  until: Duration,
  steps: z.array(
    z.strictObject({
      at: Duration.optional(),
      when: Condition.optional(),
      by: z.string().min(1),
      do: z.record(z.string(), z.unknown()),
      note: z.string().optional(),
    }).refine((s) => (s.at === undefined) !== (s.when === undefined), { error: "give each step either at: or when:" }),
  ),
  expect_violations: z.array(z.strictObject({ code: z.enum(VIOLATION_CODES), role: z.string().nullable().optional() })).default([]),
});
export type Playthrough = z.output<typeof Playthrough>;

export interface PlaythroughRun { sim: Sim; log: ExerciseLog; events: SimEvent[]; refused: { tick: number; by: string; error: string }[] }

export function runPlaythrough(scenario: Scenario, p: Playthrough, opts: { onTick?: (sim: Sim) => void } = {}): PlaythroughRun {
  if (p.scenario !== scenario.meta.id) throw new Error(`this playthrough is for scenario "${p.scenario}", not "${scenario.meta.id}"`);
  const sim = createSim(scenario, p.seed);
  const log = newLog(scenario, p.seed);
  const events: SimEvent[] = [];
  const refused: PlaythroughRun["refused"] = [];
  const pending = p.steps.map((s, k) => ({ ...s, k }));
  const ctx = () => ({ world: sim.world, state: sim.state, rng: openRng(sim.state.rng), events: [] });
  while (sim.state.tick < p.until && !sim.state.ended) {
    const due = pending.filter((s) => (s.at !== undefined ? s.at <= sim.state.tick : holds(ctx(), s.when as never)));
    for (const d of due) pending.splice(pending.indexOf(d), 1);
    const r = stepLogged(sim, log, due.map((d) => ({ by: d.by, cmd: d.do })));
    events.push(...r.events);
    for (const x of r.refused) refused.push({ tick: sim.state.tick - 1, ...x });
    opts.onTick?.(sim);
  }
  if (!sim.state.ended) events.push(...stepLogged(sim, log, [{ by: INSTRUCTOR, cmd: { type: "end", reason: "end of the playthrough" } }]).events);
  return { sim, log, events, refused };
}
