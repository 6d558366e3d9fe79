// use_force: force at once against an actor in reach. Whether it was self-defence is judged by the
// law system from the situation, not from the officer's claim.
import { raiseTension } from "../actors/crowd.ts";
import { setFleeState } from "../actors/fleeing.ts";
import { emit } from "../context.ts";
import { clamp } from "../effects.ts";
import { within } from "../movement.ts";
import type { OrderHandler } from "./common.ts";
import { needActor, targetPoint } from "./common.ts";

export const useForce: OrderHandler = {
  check: (ctx, unit, target) => {
    const r = needActor(ctx, target);
    if (r) return r;
    const p = targetPoint(ctx, target);
    return p && within(unit.pos, p, 150) ? null : { code: "order/out_of_reach", reason: "the target is more than 150 m away" };
  },
  start: (ctx, unit, target) => {
    const a = ctx.state.actors[String(target)];
    if (!a) return;
    if (a.kind === "fleeing_vehicle" && a.state === "fleeing") setFleeState(ctx, a, "stopped", `stopped by force (${unit.id})`);
    if (a.kind === "crowd") raiseTension(ctx, a, 150);
    if (a.kind === "hostage_takers") { a.agitation = clamp(a.agitation + 200); emit(ctx, { type: "agitation", actor: a.id, value: a.agitation }); }
    unit.route = null;
  },
  tick: () => true,
};
