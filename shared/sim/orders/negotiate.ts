// negotiate: a negotiator team makes contact with hostage takers; the hostage model does the rest.
import type { OrderHandler } from "./common.ts";
import { follow, needActor, needCapability, targetPoint } from "./common.ts";

export const negotiate: OrderHandler = {
  check: (ctx, unit, target) => needActor(ctx, target, ["hostage_takers"]) ?? needCapability(ctx, unit, "negotiator"),
  tick: (ctx, unit) => {
    const p = targetPoint(ctx, unit.order?.target);
    if (p) follow(ctx, unit, p, 200);
  },
};
