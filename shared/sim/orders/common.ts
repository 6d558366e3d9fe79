// Shared pieces of order handlers: rejections, routing a unit, finding targets.
import type { OrderType } from "../../scenario/vocab.ts";
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { newRoute, within } from "../movement.ts";
import { placePoint } from "../places.ts";
import type { ActorState, Pt, UnitState } from "../types.ts";
import { routeBetween } from "../world/roads.ts";
import { actorPos } from "../awareness.ts";

export interface Rejection { code: string; reason: string }
export const reject = (code: string, reason: string): Rejection => ({ code, reason });

export interface OrderHandler {
  /** Guards on the target; null when the order can start. Runs before any change. */
  check(ctx: Ctx, unit: UnitState, target: string | Pt | undefined): Rejection | null;
  /** The change when the order starts (route, immediate effects). */
  start?(ctx: Ctx, unit: UnitState, target: string | Pt | undefined): void;
  /** Progress each tick while the order stands. Return true when the order is complete. */
  tick?(ctx: Ctx, unit: UnitState): boolean | void;
}

export function routeTo(ctx: Ctx, unit: UnitState, to: Pt): void {
  unit.route = newRoute(routeBetween(ctx.world.roads, unit.pos, to, unit.speedMps));
}

export function targetPoint(ctx: Ctx, target: string | Pt | undefined): Pt | null {
  if (target === undefined) return null;
  if (typeof target !== "string") return target;
  const a = ctx.state.actors[target];
  if (a) return actorPos(a);
  const u = ctx.state.units[target];
  if (u) return u.pos;
  return ctx.world.sites.has(target) ? placePoint(ctx.world, target) : null;
}

export function needActor(ctx: Ctx, target: string | Pt | undefined, kinds?: ActorState["kind"][]): Rejection | null {
  if (typeof target !== "string") return reject("order/target_required", "this order needs an actor as its target");
  const a = ctx.state.actors[target];
  if (!a || !a.active) return reject("order/unknown_target", `no active actor "${target}"`);
  if (kinds && !kinds.includes(a.kind)) return reject("order/wrong_target", `this order does not apply to a ${a.kind.replace("_", " ")}`);
  return null;
}

export function needPlace(ctx: Ctx, target: string | Pt | undefined): Rejection | null {
  if (target === undefined) return reject("order/target_required", "this order needs a site, a point or an actor as its target");
  if (typeof target !== "string") {
    const { width, height } = ctx.world.scenario.map.extent;
    return target[0] < 0 || target[1] < 0 || target[0] > width || target[1] > height ? reject("order/outside_map", "that point is outside the map") : null;
  }
  return targetPoint(ctx, target) ? null : reject("order/unknown_target", `no site, unit or actor "${target}"`);
}

export function needCapability(ctx: Ctx, unit: UnitState, cap: string): Rejection | null {
  const spec = ctx.world.scenario.units.find((u) => u.id === unit.id);
  return spec && (spec.capabilities as string[]).includes(cap) ? null : reject("order/not_capable", `${unit.id} has no ${cap} capability`);
}

/** Follow a moving target: re-plan every few ticks or when the old plan runs out. Returns the distance. */
export function follow(ctx: Ctx, unit: UnitState, target: Pt, keepOff = 0): void {
  if (keepOff > 0 && within(unit.pos, target, keepOff)) { unit.route = null; return; }
  if (!unit.route || ctx.state.tick % 5 === 0) routeTo(ctx, unit, target);
}

export function done(ctx: Ctx, unit: UnitState, order: OrderType): true {
  emit(ctx, { type: "order_done", unit: unit.id, order });
  return true;
}
