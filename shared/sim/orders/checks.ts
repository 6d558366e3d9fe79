// identity_check and search: go to the person, group or place and carry it out. In a crowd they are
// felt as pressure and raise tension a little.
import type { OrderType } from "../../scenario/vocab.ts";
import { raiseTension } from "../actors/crowd.ts";
import { within } from "../movement.ts";
import type { OrderHandler } from "./common.ts";
import { done, follow, needPlace, targetPoint } from "./common.ts";

function check(kind: OrderType): OrderHandler {
  return {
    check: (ctx, _u, target) => needPlace(ctx, target),
    tick: (ctx, unit) => {
      const p = targetPoint(ctx, unit.order?.target);
      if (!p) return true;
      follow(ctx, unit, p);
      if (!within(unit.pos, p, 50)) return false;
      const a = ctx.state.actors[String(unit.order?.target)];
      if (a?.kind === "crowd") raiseTension(ctx, a, 20);
      return done(ctx, unit, kind);
    },
  };
}
export const identityCheck = check("identity_check");
export const search = check("search");
