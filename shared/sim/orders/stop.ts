// stop: force a fleeing vehicle to stop. A unit that can reach a point of the car's way before the
// car does sets up a roadblock there (likely to work); otherwise it chases and tries to box it in.
// hold: stay where you are.
import { setFleeState } from "../actors/fleeing.ts";
import type { Ctx } from "../context.ts";
import { dist, dist2, within } from "../movement.ts";
import type { FleeingState, Pt, UnitState } from "../types.ts";
import type { OrderHandler } from "./common.ts";
import { done, follow, needActor, routeTo } from "./common.ts";

const d = dist;

/** The point of the car's remaining way that this unit reaches first, if any. */
function interceptPoint(a: FleeingState, unit: UnitState): Pt | null {
  if (!a.route) return null;
  const pts: Pt[] = [a.pos, ...a.route.points.slice(a.route.seg + 1)];
  let along = 0;
  for (let k = 0; k + 1 < pts.length; k++) {
    const p = pts[k] as Pt;
    const q = pts[k + 1] as Pt;
    const len = d(p, q);
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((unit.pos[0] - p[0]) * (q[0] - p[0]) + (unit.pos[1] - p[1]) * (q[1] - p[1])) / (len * len)));
    const x: Pt = [Math.round(p[0] + t * (q[0] - p[0])), Math.round(p[1] + t * (q[1] - p[1]))];
    // Compare arrival times, with a margin for setting the block up.
    if (d(unit.pos, x) / unit.speedMps + 20 < (along + t * len) / a.speedMps) return x;
    along += len;
  }
  return null;
}

function onRemainingWay(a: FleeingState, p: Pt, tol: number): boolean {
  if (!a.route) return false;
  const pts: Pt[] = [a.pos, ...a.route.points.slice(a.route.seg + 1)];
  for (let k = 0; k + 1 < pts.length; k++) {
    const [x, y] = [pts[k] as Pt, pts[k + 1] as Pt];
    const len2 = dist2(x, y);
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - x[0]) * (y[0] - x[0]) + (p[1] - x[1]) * (y[1] - x[1])) / len2));
    if (d(p, [x[0] + t * (y[0] - x[0]), x[1] + t * (y[1] - x[1])]) <= tol) return true;
  }
  return false;
}

function aggressiveness(ctx: Ctx, id: string): number {
  const spec = ctx.world.scenario.actors.find((x) => x.id === id);
  return spec?.kind === "fleeing_vehicle" ? spec.behaviour.aggressiveness : 0.5;
}

export const stop: OrderHandler = {
  check: (ctx, _u, target) => needActor(ctx, target, ["fleeing_vehicle"]),
  tick: (ctx, unit) => {
    const a = ctx.state.actors[String(unit.order?.target)] as FleeingState | undefined;
    if (!a || a.state !== "fleeing") return a ? done(ctx, unit, "stop") : true;
    const order = unit.order as NonNullable<UnitState["order"]>;
    if (order.block) {
      // The car got past the block (it is no longer on the car's way): give it up and chase.
      if (!onRemainingWay(a, order.block, 60)) delete order.block;
    } else if (ctx.state.tick % 5 === 0) {
      const block = interceptPoint(a, unit);
      if (block) { order.block = block; routeTo(ctx, unit, block); }
    }
    if (!order.block && (!unit.route || ctx.state.tick % 5 === 0)) follow(ctx, unit, a.pos);
    if (within(unit.pos, a.pos, 80)) {
      const aggr = aggressiveness(ctx, a.id);
      const waiting = order.block !== undefined && unit.route === null; // standing in the road ahead of the car
      const p = waiting ? 0.6 * (1 - aggr) + 0.3 : 0.1 * (1 - aggr) + 0.02;
      if (ctx.rng.chance(p)) { setFleeState(ctx, a, "stopped", `stopped by ${unit.id}${waiting ? " at a roadblock" : ""}`); return done(ctx, unit, "stop"); }
    }
    return false;
  },
};

export const hold: OrderHandler = {
  check: () => null,
  start: (_ctx, unit) => { unit.route = null; },
};
