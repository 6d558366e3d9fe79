// move: drive or walk to a site, a point or where an actor or unit is now.
import type { OrderHandler } from "./common.ts";
import { done, needPlace, routeTo, targetPoint } from "./common.ts";

export const move: OrderHandler = {
  check: (ctx, _u, target) => needPlace(ctx, target),
  start: (ctx, unit, target) => { const p = targetPoint(ctx, target); if (p) routeTo(ctx, unit, p); },
  tick: (ctx, unit) => (unit.route ? false : done(ctx, unit, "move")),
};
