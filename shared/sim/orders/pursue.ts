// pursue: follow a fleeing actor wherever it goes (across borders too: the law system judges that).
// surveil: follow at a distance without being seen.
import type { OrderHandler } from "./common.ts";
import { follow, needActor, targetPoint } from "./common.ts";

export const pursue: OrderHandler = {
  check: (ctx, _u, target) => needActor(ctx, target, ["fleeing_vehicle"]),
  tick: (ctx, unit) => {
    const p = targetPoint(ctx, unit.order?.target);
    if (p) follow(ctx, unit, p);
  },
};

export const surveil: OrderHandler = {
  check: (ctx, _u, target) => needActor(ctx, target, ["fleeing_vehicle", "crowd"]),
  tick: (ctx, unit) => {
    const p = targetPoint(ctx, unit.order?.target);
    if (p) follow(ctx, unit, p, 250);
  },
};
