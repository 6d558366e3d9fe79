// What every system and handler of one step works with: the static world, the state being changed,
// the step's random stream and the events emitted so far.
import type { ViolationCode } from "../scenario/vocab.ts";
import { ARTICLES } from "./law/articles.ts";
import type { Rng } from "./rng.ts";
import type { SimEvent, SimState } from "./types.ts";
import type { World } from "./world/world.ts";

export interface Ctx {
  world: World;
  state: SimState;
  rng: Rng;
  events: SimEvent[];
}

type Omitted<E> = E extends SimEvent ? Omit<E, "t"> : never;
export function emit(ctx: Ctx, e: Omitted<SimEvent>): void {
  ctx.events.push({ t: ctx.state.tick, ...e } as SimEvent);
}

/**
 * Record a legal violation. `onceKey` makes it a single finding per situation (e.g. one pursuit of
 * one unit) instead of one per tick; the engine never blocks the trainee, it only records.
 */
export function violation(ctx: Ctx, code: ViolationCode, role: string | null, unit: string | undefined, detail: string, onceKey?: string): void {
  if (onceKey !== undefined) {
    const key = `${code}|${onceKey}`;
    if (ctx.state.once[key] !== undefined) return;
    ctx.state.once[key] = ctx.state.tick;
  }
  ctx.state.violations.push({ tick: ctx.state.tick, code, role, ...(unit ? { unit } : {}) });
  emit(ctx, { type: "violation", code, article: ARTICLES[code].article, role, ...(unit ? { unit } : {}), detail });
}

export function newId(ctx: Ctx, prefix: string): string {
  ctx.state.nextId += 1;
  return `${prefix}-${ctx.state.nextId}`;
}

/** Legal durations (SPOC deadlines, surveillance clock) run faster by the scenario's clock ratio. */
export function legalTicks(ctx: Ctx, seconds: number): number {
  return Math.max(1, Math.round(seconds / ctx.world.scenario.meta.clock_ratio));
}
