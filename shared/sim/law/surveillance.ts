// Cross-border surveillance, CISA Art. 40: prior authorisation, or the urgent case with immediate
// notification and a clock (5 h, compressed by the scenario's clock ratio); never challenge or arrest.
import type { Ctx } from "../context.ts";
import { legalTicks, violation } from "../context.ts";
import type { FleeingState, UnitState } from "../types.ts";
import { hostAuthorised, hostTold, lawFor, SURVEILLANCE_CATALOGUE } from "./common.ts";

/** "Immediately" is given one minute of exercise time. */
export const IMMEDIATE_TICKS = 60;
/** How long before the crossing a notice to the host still counts (15 minutes). */
export const NOTICE_BEFORE_TICKS = 900;

export function onSurveillanceCrossing(ctx: Ctx, unit: UnitState, into: string, actor: string): void {
  if (!unit.mustReport.includes(into)) unit.mustReport.push(into);
  if (hostAuthorised(ctx, into, unit, ctx.state.tick)) return;
  const a = ctx.state.actors[actor] as FleeingState | undefined;
  const spec = ctx.world.scenario.actors.find((x) => x.id === a?.id);
  const offence = spec?.kind === "fleeing_vehicle" ? spec.offence : "other";
  if (!SURVEILLANCE_CATALOGUE.has(offence)) {
    violation(ctx, "surveillance/no_authorisation_document", unit.role, unit.id, `no prior authorisation from ${into}, and ${offence.replaceAll("_", " ")} does not allow the urgent procedure`, `${unit.id}|${into}|${ctx.state.tick}`);
  }
}

export function onSurveillanceOrder(ctx: Ctx, unit: UnitState, order: string): void {
  if (["apprehend", "arrest", "identity_check", "stop", "search"].includes(order)) {
    violation(ctx, "surveillance/challenge_or_arrest", unit.role, unit.id, `${order.replaceAll("_", " ")} ordered while on surveillance in ${unit.in}`, `${unit.id}|${ctx.state.tick}`);
  }
}

export function surveillanceTick(ctx: Ctx, unit: UnitState): void {
  const ab = unit.abroad;
  if (!ab || ab.mode !== "surveillance" || unit.order?.type !== "surveil") return;
  const t = ctx.state.tick;
  const key = `${unit.id}|${ab.host}|${ab.since}`;
  if (hostAuthorised(ctx, ab.host, unit, t)) return;
  const rules = lawFor(ctx, ab.host, unit.country)?.surveillance;
  // A notice shortly before the crossing (the urgent case was foreseeable) counts as well.
  if (t === ab.since + IMMEDIATE_TICKS && !hostTold(ctx, unit.country, ab.host, rules?.notify ?? [], ab.since - NOTICE_BEFORE_TICKS, t)) {
    violation(ctx, "surveillance/no_immediate_notification", unit.role, unit.id, `${ab.host} was not told within a minute of the crossing`, key);
  }
  if (t - ab.since > legalTicks(ctx, rules?.urgent_limit ?? 5 * 3600)) {
    violation(ctx, "surveillance/continued_past_5h_without_auth", unit.role, unit.id, `surveillance continued past the urgent-case limit without ${ab.host}'s authorisation`, key);
  }
}
