// intervene: a tactical intervention by an intervention unit: an assault on hostage takers, storming
// a hiding place, or clearing a crowd (heavy-handed: tension jumps unless the group breaks up).
import { raiseTension } from "../actors/crowd.ts";
import { setFleeState } from "../actors/fleeing.ts";
import { assault } from "../actors/hostage.ts";
import { within } from "../movement.ts";
import type { OrderHandler } from "./common.ts";
import { done, follow, needActor, needCapability, targetPoint } from "./common.ts";

export const intervene: OrderHandler = {
  check: (ctx, unit, target) => needActor(ctx, target) ?? needCapability(ctx, unit, "intervention"),
  tick: (ctx, unit) => {
    const a = ctx.state.actors[String(unit.order?.target)];
    const p = targetPoint(ctx, unit.order?.target);
    if (!a || !p) return true;
    follow(ctx, unit, p);
    if (!within(unit.pos, p, 120)) return false;
    if (a.kind === "hostage_takers") {
      const team = Object.values(ctx.state.units).filter((u) => u.active && u.order?.type === "intervene" && u.order.target === a.id && within(u.pos, p, 300));
      assault(ctx, a, team.length);
    } else if (a.kind === "fleeing_vehicle" && (a.state === "hiding" || a.state === "stopped")) {
      setFleeState(ctx, a, "apprehended", `taken by ${unit.id} in a tactical intervention`);
    } else if (a.kind === "crowd") {
      raiseTension(ctx, a, 150);
      if (a.tension < 500 && ctx.rng.chance(0.5)) { a.state = "dispersed"; }
    }
    return done(ctx, unit, "intervene");
  },
};
