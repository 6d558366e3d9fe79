// An order to a unit: guards (the unit exists, is active and is the sender's), the handler's own
// guards on the target, then the change, the event, the law's judgement and the record.
import type { Command } from "../commands.ts";
import { INSTRUCTOR } from "../commands.ts";
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { recordAction } from "../injects.ts";
import { onOrder } from "../law/index.ts";
import { ORDERS } from "../orders/index.ts";
import { reject, type Rejection } from "../orders/common.ts";
import { shareActor } from "../awareness.ts";

type OrderCmd = Extract<Command, { type: "order" }>;

export function handleOrder(ctx: Ctx, by: string, cmd: OrderCmd): Rejection | null {
  const unit = ctx.state.units[cmd.unit];
  if (!unit) return reject("order/unknown_unit", `no unit "${cmd.unit}"`);
  if (unit.role !== by && !(by === INSTRUCTOR && unit.role === null)) return reject("order/not_your_unit", `${cmd.unit} is not commanded by ${by}`);
  if (!unit.active) return reject("order/unit_not_deployed", `${cmd.unit} has not entered the exercise yet`);
  const handler = ORDERS[cmd.order];
  const guard = handler.check(ctx, unit, cmd.target);
  if (guard) return guard;
  unit.order = { type: cmd.order, ...(cmd.target !== undefined ? { target: cmd.target } : {}), since: ctx.state.tick, ...(cmd.claim_self_defence !== undefined ? { claimSelfDefence: cmd.claim_self_defence } : {}) };
  unit.route = null;
  emit(ctx, { type: "order_given", by, unit: unit.id, order: cmd.order, ...(cmd.target !== undefined ? { target: cmd.target } : {}) });
  // The law judges the situation as it was when the order was given, before the order changes it.
  onOrder(ctx, unit, cmd.order);
  handler.start?.(ctx, unit, cmd.target);
  if (typeof cmd.target === "string" && ctx.state.actors[cmd.target] && unit.role) shareActor(ctx, unit.role, cmd.target);
  recordAction(ctx, { role: by, kind: "order", order: cmd.order, unit: unit.id, ...(typeof cmd.target === "string" ? { target: cmd.target } : {}) });
  return null;
}
