// Every tick, each deployed unit carries its order forward and moves along its route.
import type { Ctx } from "./context.ts";
import { advance, stepMm } from "./movement.ts";
import { onOrderDone } from "./law/index.ts";
import { ORDERS } from "./orders/index.ts";

export function unitsSystem(ctx: Ctx): void {
  for (const unit of Object.values(ctx.state.units)) {
    if (!unit.active) continue;
    if (unit.order) {
      const type = unit.order.type;
      const finished = ORDERS[type].tick?.(ctx, unit);
      if (finished === true) {
        unit.order = null;
        onOrderDone(ctx, unit, type);
      }
    }
    if (unit.route) {
      const step = advance(unit.route, stepMm(unit.route, unit.speedMps));
      unit.pos = step.pos;
      if (step.done) unit.route = null;
    }
  }
}
