// Hot pursuit, CISA Art. 41: judged at the crossing, on each order abroad and every tick abroad.
import type { Ctx } from "../context.ts";
import { violation } from "../context.ts";
import { dist } from "../movement.ts";
import type { UnitState } from "../types.ts";
import { hostTold, hostUnitsNear, lawFor, offenceInScope } from "./common.ts";

/** Stop requests leave the pursuers this long to break off (one minute of exercise time). */
export const STOP_GRACE_TICKS = 60;
/** How long before the pursue order a notification to the host still counts (15 minutes). */
export const NOTICE_LOOK_BACK_TICKS = 900;

export function onPursuitCrossing(ctx: Ctx, unit: UnitState, into: string, actor: string): void {
  const pair = lawFor(ctx, into, unit.country);
  const hp = pair?.hot_pursuit;
  const key = `${unit.id}|${into}|${unit.abroad?.since ?? ctx.state.tick}`;
  const role = unit.role;
  if (!unit.mustReport.includes(into)) unit.mustReport.push(into);
  if (!hp || !hp.allowed) {
    violation(ctx, "pursuit/limit_exceeded", role, unit.id, `${into} allows no hot pursuit by ${unit.country} officers`, key);
    return;
  }
  // A notice given shortly before the order (the pursuit was foreseeable) counts too.
  const since = (unit.order?.since ?? 0) - NOTICE_LOOK_BACK_TICKS;
  if (!hostTold(ctx, unit.country, into, hp.notify, since, ctx.state.tick)) {
    violation(ctx, "pursuit/not_notified_at_crossing", role, unit.id, `${unit.id} crossed into ${into} without contacting ${hp.notify.join(" or ") || `the ${into} authorities`}`, key);
  }
  const spec = ctx.world.scenario.actors.find((a) => a.id === actor);
  if (spec?.kind === "fleeing_vehicle" && !offenceInScope(hp.offences, spec.offence)) {
    violation(ctx, "pursuit/offence_out_of_scope", role, unit.id, `${spec.offence.replaceAll("_", " ")} is outside ${into}'s declared scope (${Array.isArray(hp.offences) ? hp.offences.join(", ") : hp.offences})`, key);
  }
  const unitSpec = ctx.world.scenario.units.find((u) => u.id === unit.id);
  const border = unitSpec?.type === "boat" ? "water" : unitSpec?.type === "helicopter" ? "air" : "land";
  if (!hp.borders.includes(border)) violation(ctx, "pursuit/non_land_border", role, unit.id, `${unit.id} crossed by ${border}; ${into} allows pursuit over ${hp.borders.join(", ")} borders only`, key);
  if (unitSpec && !unitSpec.marked && !unitSpec.uniform) {
    violation(ctx, "any/unidentifiable_unit", role, unit.id, `${unit.id} is an unmarked car with officers in plain clothes`, key);
  }
}

/** Apprehension abroad: none means none; hold only without a stop request and with no host unit at hand. */
export function onPursuitOrder(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  const hp = lawFor(ctx, host, unit.country)?.hot_pursuit;
  const key = `${unit.id}|${host}|${ctx.state.tick}`;
  if (order === "arrest") return violation(ctx, "pursuit/apprehension_not_permitted", unit.role, unit.id, `foreign officers never make a formal arrest in ${host}`, key);
  if (order !== "apprehend") return;
  if (!hp || hp.apprehension === "none") return violation(ctx, "pursuit/apprehension_not_permitted", unit.role, unit.id, `${host}'s declaration gives ${unit.country} officers no right to apprehend`, key);
  const target = unit.order?.target;
  const stopAsked = ctx.state.stopRequests.some((r) => r.host === host && r.sending === unit.country && (r.actor === undefined || r.actor === target));
  if (stopAsked) return violation(ctx, "pursuit/apprehension_not_permitted", unit.role, unit.id, `${host} asked to stop the pursuit, so holding the person is no longer allowed`, key);
  if (hostUnitsNear(ctx, host, unit.pos, 1000).length > 0) {
    violation(ctx, "pursuit/apprehension_not_permitted", unit.role, unit.id, `${host} officers were at hand (within 1 km), so a foreign hold was not needed`, key);
  }
}

/** Every tick: limits in distance and time, and stop requests not obeyed. */
export function pursuitTick(ctx: Ctx, unit: UnitState): void {
  const ab = unit.abroad;
  if (!ab || ab.mode !== "pursuit" || !unit.order || unit.order.type === "withdraw") return;
  const onActor = unit.order.target === ab.actor;
  if (!onActor) return;
  // Chasing someone already caught or gone is no pursuit any more.
  const quarry = ab.actor ? ctx.state.actors[ab.actor] : undefined;
  if (quarry && "state" in quarry && (quarry.state === "apprehended" || quarry.state === "escaped")) return;
  const hp = lawFor(ctx, ab.host, unit.country)?.hot_pursuit;
  const key = `${unit.id}|${ab.host}|${ab.since}`;
  if (hp && hp.limit !== "unlimited") {
    const d = dist(unit.pos, ab.at);
    if (hp.limit.distance_km !== undefined && d > hp.limit.distance_km * 1000) violation(ctx, "pursuit/limit_exceeded", unit.role, unit.id, `${Math.round(d / 100) / 10} km beyond the crossing; ${ab.host} allows ${hp.limit.distance_km} km`, key);
    if (hp.limit.time !== undefined && ctx.state.tick - ab.since > hp.limit.time) violation(ctx, "pursuit/limit_exceeded", unit.role, unit.id, `pursuit went on longer than ${ab.host}'s time limit`, key);
  }
  for (const r of ctx.state.stopRequests) {
    if (r.host !== ab.host || r.sending !== unit.country || (r.actor !== undefined && r.actor !== ab.actor)) continue;
    if (ctx.state.tick > r.tick + STOP_GRACE_TICKS) {
      violation(ctx, "pursuit/continued_after_stop_request", unit.role, unit.id, `${unit.id} still pursued ${STOP_GRACE_TICKS} s after ${ab.host} asked to stop`, `${unit.id}|${r.tick}|${ab.since}`);
    }
  }
}
