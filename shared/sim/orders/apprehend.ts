// apprehend: stop and hold a person until they can be handed over. arrest: a formal arrest. Both
// close in on the actor and succeed once it is no longer fleeing and the unit is at hand.
import type { OrderType } from "../../scenario/vocab.ts";
import { setFleeState } from "../actors/fleeing.ts";
import { setHostageState } from "../actors/hostage.ts";
import { within } from "../movement.ts";
import type { OrderHandler } from "./common.ts";
import { done, follow, needActor, targetPoint } from "./common.ts";

function seize(kind: OrderType): OrderHandler {
  return {
    check: (ctx, _u, target) => needActor(ctx, target, ["fleeing_vehicle", "hostage_takers"]),
    tick: (ctx, unit) => {
      const a = ctx.state.actors[String(unit.order?.target)];
      if (!a) return true;
      const p = targetPoint(ctx, a.id);
      if (p) follow(ctx, unit, p);
      if (!p || !within(unit.pos, p, 60)) return false;
      if (a.kind === "fleeing_vehicle" && (a.state === "stopped" || a.state === "hiding")) {
        setFleeState(ctx, a, "apprehended", `${kind === "arrest" ? "arrested" : "apprehended"} by ${unit.id}`);
        return done(ctx, unit, kind);
      }
      if (a.kind === "hostage_takers" && a.state === "surrendered") {
        setHostageState(ctx, a, "hostages_released", `takers taken into custody by ${unit.id}`);
        return done(ctx, unit, kind);
      }
      return a.kind === "fleeing_vehicle" && a.state === "apprehended" ? done(ctx, unit, kind) : false;
    },
  };
}
export const apprehend = seize("apprehend");
export const arrest = seize("arrest");
