// Objective outcomes as events, so that scoring reads only the log's events: the first tick each
// outcome (achieve:) holds, and at the end whether it still holds.
import { holds } from "./conditions.ts";
import type { Ctx } from "./context.ts";
import { emit } from "./context.ts";

export function objectivesSystem(ctx: Ctx): void {
  for (const o of ctx.world.scenario.objectives) {
    if (!o.achieve || ctx.state.objectives[o.id] !== null) continue;
    if (holds(ctx, o.achieve)) {
      ctx.state.objectives[o.id] = ctx.state.tick;
      emit(ctx, { type: "objective_achieved", objective: o.id });
    }
  }
}

export function objectivesAtEnd(ctx: Ctx): void {
  for (const o of ctx.world.scenario.objectives) {
    if (!o.achieve) continue;
    emit(ctx, { type: "objective_final", objective: o.id, achievedAt: ctx.state.objectives[o.id] ?? null, holdsAtEnd: holds(ctx, o.achieve) });
  }
}
