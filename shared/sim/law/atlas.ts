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

/**
 * Under the requesting state's command: its latest go/no-go to this unit's role or party within the
 * window is an `authorise` (a later `refuse` withdraws it).
 */
export function commandedByHost(ctx: Ctx, unit: UnitState, host: string): boolean {
  const t = ctx.state.tick;
  let latest: string | undefined;
  for (const a of ctx.state.actions) {
    if (a.kind !== "message" || (a.messageKind !== "authorise" && a.messageKind !== "refuse") || t - a.tick > COMMAND_WINDOW_TICKS) continue;
    if (ctx.world.countryOf.get(a.role) !== host || !(a.to ?? []).some((id) => id === unit.role || id === unit.party)) continue;
    latest = a.messageKind;
  }
  return latest === "authorise";
}

export function isAtlasUnit(ctx: Ctx, unit: UnitState): boolean {
  return unit.in !== unit.country && lawFor(ctx, unit.in, unit.country)?.atlas !== undefined;
}

export function onAtlasOrder(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  if (!TACTICAL.has(order) || !lawFor(ctx, host, unit.country)?.atlas) return;
  const t = ctx.state.tick;
  if (!commandedByHost(ctx, unit, host)) {
    violation(ctx, "atlas/unit_outside_requesting_command", unit.role, unit.id, `${unit.id} acted (${order.replaceAll("_", " ")}) without an authorisation from ${host}'s command standing (an authorise message in the last ${COMMAND_WINDOW_TICKS / 60} minutes, not withdrawn)`, `${unit.id}|${order}|${t}`);
  }
}
