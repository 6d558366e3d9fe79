// intervene: a tactical intervention by an intervention unit: an assault on hostage takers, storming
// a hiding place, or clearing a crowd or a site (heavy-handed: tension jumps unless the group breaks
// up). Special intervention and public-order units can do it.
import { raiseTension } from "../actors/crowd.ts";
import { setFleeState } from "../actors/fleeing.ts";
import { assault } from "../actors/hostage.ts";
import { within } from "../movement.ts";
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import type { CrowdState } from "../types.ts";
import type { OrderHandler } from "./common.ts";
import { done, follow, needActor, needCapability, targetPoint } from "./common.ts";

export const intervene: OrderHandler = {
  check: (ctx, unit, target) =>
    (typeof target === "string" && ctx.world.sites.has(target) ? null : needActor(ctx, target)) ??
    (needCapability(ctx, unit, "intervention") && needCapability(ctx, unit, "public_order")),
  tick: (ctx, unit) => {
    const p = targetPoint(ctx, unit.order?.target);
    if (!p) return true;
    follow(ctx, unit, p);
    if (!within(unit.pos, p, 120)) return false;
    // At a site: every crowd there is the target.
    const site = ctx.world.sites.get(String(unit.order?.target));
    if (site) {
      for (const c of Object.values(ctx.state.actors)) if (c.kind === "crowd" && c.active && within(c.centre, site.centre, 250)) clearCrowd(ctx, c);
      return done(ctx, unit, "intervene");
    }
    const a = ctx.state.actors[String(unit.order?.target)];
    if (!a) return true;
    if (a.kind === "hostage_takers") {
      const team = Object.values(ctx.state.units).filter((u) => u.active && u.order?.type === "intervene" && u.order.target === a.id && within(u.pos, p, 300));
      assault(ctx, a, team.length);
    } else if (a.kind === "fleeing_vehicle" && (a.state === "hiding" || a.state === "stopped")) {
      setFleeState(ctx, a, "apprehended", `taken by ${unit.id} in a tactical intervention`);
    } else if (a.kind === "crowd") clearCrowd(ctx, a);
    return done(ctx, unit, "intervene");
  },
};

/** Clearing a crowd: a calm enough group breaks up; an angry one gets angrier. */
function clearCrowd(ctx: Ctx, c: CrowdState): void {
  if (c.tension < 600 && ctx.rng.chance(0.6)) {
    emit(ctx, { type: "actor_state", actor: c.id, from: c.state, to: "dispersed", detail: "cleared by police" });
    c.state = "dispersed";
  } else raiseTension(ctx, c, 150);
}
