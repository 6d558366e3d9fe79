// present_to_local_authority: after an operation abroad, report in person at the host's local
// authority (the law entry's report_to site, else the nearest police station of that state).
import { emit } from "../context.ts";
import { dist2, within } from "../movement.ts";
import type { OrderHandler } from "./common.ts";
import { done, reject, routeTo } from "./common.ts";
import type { Ctx } from "../context.ts";
import type { UnitState } from "../types.ts";
import { lawKey } from "../world/world.ts";
import { byCode } from "../order-by.ts";

/** A local authority of a host the unit must report to: a report_to site, or a police station there. */
function isAuthority(ctx: Ctx, unit: UnitState, site: string): boolean {
  const s = ctx.world.sites.get(site);
  if (!s || s.country === unit.country) return false;
  const listed = ctx.world.law.get(lawKey(s.country, unit.country))?.hot_pursuit?.report_to ?? [];
  return listed.includes(site) || s.tags.includes("local_authority") || s.tags.includes("police_station");
}

function reportSite(ctx: Ctx, unit: UnitState, target: unknown): string | undefined {
  if (typeof target === "string") return isAuthority(ctx, unit, target) ? target : undefined;
  const host = unit.abroad?.host ?? unit.mustReport[0];
  if (!host) return undefined;
  const listed = ctx.world.law.get(lawKey(host, unit.country))?.hot_pursuit?.report_to[0];
  if (listed) return listed;
  const stations = [...ctx.world.sites.values()].filter((s) => s.country === host && (s.tags.includes("local_authority") || s.tags.includes("police_station")));
  stations.sort((a, b) => dist2(a.centre, unit.pos) - dist2(b.centre, unit.pos) || byCode(a.id, b.id));
  return stations[0]?.id;
}

export const present: OrderHandler = {
  check: (ctx, unit, target) => (reportSite(ctx, unit, target) ? null : reject("order/no_local_authority", typeof target === "string" ? `${target} is not a local authority (police station or report_to site) of another state` : "no local authority to report to: the unit has not operated abroad")),
  start: (ctx, unit, target) => {
    const site = reportSite(ctx, unit, target) as string;
    unit.order = { ...(unit.order ?? { type: "present_to_local_authority", since: ctx.state.tick }), target: site };
    routeTo(ctx, unit, ctx.world.sites.get(site)?.centre ?? unit.pos);
  },
  tick: (ctx, unit) => {
    const site = ctx.world.sites.get(String(unit.order?.target));
    if (!site || !within(unit.pos, site.centre, 100)) return false;
    const host = site.country;
    if (!unit.reportedTo.includes(host)) unit.reportedTo.push(host);
    unit.mustReport = unit.mustReport.filter((h) => h !== host);
    emit(ctx, { type: "reported_to_local_authority", unit: unit.id, host, site: site.id });
    return done(ctx, unit, "present_to_local_authority");
  },
};

/** disarm: leave the service weapons at a station of the unit's own state before deploying abroad. */
export const disarm: OrderHandler = {
  check: (_ctx, unit) => (unit.in === unit.country ? null : reject("order/not_at_home", "weapons are left behind at home, before crossing")),
  start: (_ctx, unit) => { unit.armed = false; unit.route = null; },
  tick: () => true,
};

export const withdraw: OrderHandler = {
  check: () => null,
  start: (_ctx, unit) => { unit.route = null; },
  tick: () => true,
};
