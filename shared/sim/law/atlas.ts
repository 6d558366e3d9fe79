// Special intervention units, Decision 2008/617/JHA: the request states nature and necessity; an
// assisting unit acts under the requesting state's command.
import type { Ctx } from "../context.ts";
import { violation } from "../context.ts";
import type { UnitState } from "../types.ts";
import { lawFor } from "./common.ts";

/** A command from the requesting state counts for this long (15 minutes of exercise time). */
export const COMMAND_WINDOW_TICKS = 900;
const TACTICAL = new Set(["intervene", "use_force", "apprehend", "arrest"]);

export function checkRequest(ctx: Ctx, role: string, nature: string, necessity: string): void {
  const missing = [nature.length < 10 ? "nature" : "", necessity.length < 10 ? "operational necessity" : ""].filter(Boolean);
  if (missing.length) violation(ctx, "atlas/request_missing_nature_or_necessity", role, undefined, `the request does not state its ${missing.join(" or ")}`);
}

export function onAtlasOrder(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  if (!TACTICAL.has(order) || !lawFor(ctx, host, unit.country)?.atlas) return;
  const t = ctx.state.tick;
  const commanded = ctx.state.actions.some((a) =>
    a.kind === "message" && (a.messageKind === "authorise" || a.messageKind === "instruction") && t - a.tick <= COMMAND_WINDOW_TICKS &&
    ctx.world.countryOf.get(a.role) === host &&
    (a.to ?? []).some((id) => id === unit.role || id === unit.party));
  if (!commanded) {
    violation(ctx, "atlas/unit_outside_requesting_command", unit.role, unit.id, `${unit.id} acted (${order.replaceAll("_", " ")}) without an order or authorisation from ${host}'s command in the last ${COMMAND_WINDOW_TICKS / 60} minutes`, `${unit.id}|${order}|${t}`);
  }
}
