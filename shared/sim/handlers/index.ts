// The one place a command enters the simulation: role checks first, then its handler. A refusal is
// a typed rejection, returned to the sender and recorded as an event for the debrief.
import type { Envelope } from "../commands.ts";
import { INSTRUCTOR, INSTRUCTOR_COMMANDS } from "../commands.ts";
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { reject, type Rejection } from "../orders/common.ts";
import { handleAdhocInject, handleEnd, handleFireInject } from "./control.ts";
import { handleMessage } from "./message.ts";
import { handleOrder } from "./order.ts";
import { handleAgreement, handleAssistanceAnswer, handleAssistanceRequest, handleConferPowers, handleDecision } from "./records.ts";

export function applyCommand(ctx: Ctx, { by, cmd }: Envelope): Rejection | null {
  const r = dispatch(ctx, by, cmd);
  if (r) emit(ctx, { type: "command_rejected", by, command: cmd.type === "order" ? `order ${cmd.order}` : cmd.type, code: r.code, reason: r.reason });
  return r;
}

function dispatch(ctx: Ctx, by: string, cmd: Envelope["cmd"]): Rejection | null {
  if (ctx.state.ended) return reject("exercise/ended", "the exercise has ended");
  const instructor = by === INSTRUCTOR;
  if (INSTRUCTOR_COMMANDS.has(cmd.type) && !instructor) return reject("auth/instructor_only", `only exercise control may ${cmd.type.replace("_", " ")}`);
  if (!instructor && !ctx.world.roleParty.has(by)) return reject("auth/unknown_role", `no role "${by}"`);
  switch (cmd.type) {
    case "order": return handleOrder(ctx, by, cmd);
    case "message": return handleMessage(ctx, by, cmd);
    case "decision": return instructor ? reject("auth/role_only", "decisions are recorded by roles") : handleDecision(ctx, by, cmd);
    case "assistance_request": return instructor ? reject("auth/role_only", "requests come from roles") : handleAssistanceRequest(ctx, by, cmd);
    case "assistance_answer": return instructor ? reject("auth/role_only", "answers come from roles") : handleAssistanceAnswer(ctx, by, cmd);
    case "agreement": return instructor ? reject("auth/role_only", "agreements are signed by roles") : handleAgreement(ctx, by, cmd);
    case "confer_powers": return instructor ? reject("auth/role_only", "powers are conferred by roles") : handleConferPowers(ctx, by, cmd);
    case "fire_inject": return handleFireInject(ctx, cmd);
    case "adhoc_inject": return handleAdhocInject(ctx, cmd);
    case "end": return handleEnd(ctx, cmd);
  }
}
