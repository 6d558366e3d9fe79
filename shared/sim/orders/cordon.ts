// cordon: close off a site (a hiding place, a stadium gate, a train). patrol: be seen around a site.
// Both stay in force until another order replaces them.
import type { OrderHandler } from "./common.ts";
import { needPlace, routeTo, targetPoint } from "./common.ts";

const goThere: OrderHandler["start"] = (ctx, unit, target) => { const p = targetPoint(ctx, target); if (p) routeTo(ctx, unit, p); };

export const cordon: OrderHandler = {
  check: (ctx, _u, target) => (typeof target === "string" && ctx.world.sites.has(target) ? null : needPlace(ctx, target) ?? { code: "order/wrong_target", reason: "cordon a site" }),
  start: goThere,
};

export const patrol: OrderHandler = {
  check: (ctx, _u, target) => needPlace(ctx, target),
  start: goThere,
};
