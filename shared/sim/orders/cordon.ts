// cordon: close off a site (a hiding place, a stadium gate, a train). patrol: be seen around a site.
// Both stay in force until another order replaces them; a patrol with a crowd walks along with it.
import type { OrderHandler } from "./common.ts";
import { follow, needPlace, routeTo, targetPoint } from "./common.ts";

const goThere: OrderHandler["start"] = (ctx, unit, target) => { const p = targetPoint(ctx, target); if (p) routeTo(ctx, unit, p); };

export const cordon: OrderHandler = {
  check: (ctx, _u, target) => (typeof target === "string" && ctx.world.sites.has(target) ? null : needPlace(ctx, target) ?? { code: "order/wrong_target", reason: "cordon a site" }),
  start: goThere,
};

export const patrol: OrderHandler = {
  check: (ctx, _u, target) => needPlace(ctx, target),
  start: goThere,
  // Patrolling with a crowd (an escort) walks along with it; with another unit (a joint patrol),
  // stays at its side.
  tick: (ctx, unit) => {
    if (ctx.state.tick % 5 !== 0) return;
    const target = String(unit.order?.target);
    const a = ctx.state.actors[target];
    const partner = ctx.state.units[target];
    if (a?.kind === "crowd") follow(ctx, unit, a.centre, 60);
    else if (partner && partner.id !== unit.id) follow(ctx, unit, partner.pos, 15);
  },
};
