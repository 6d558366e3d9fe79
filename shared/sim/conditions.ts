// The interpreter of scenario conditions: a fixed set of questions about what has happened so far.
// No scenario text is ever evaluated as code.
import type { Condition } from "../scenario/conditions.ts";
import type { Ctx } from "./context.ts";
import { matchesAction } from "./match.ts";

/** Units (or the actor itself) that a "who" reference names. */
export function whoIds(ctx: Ctx, who: string): Set<string> | "any_unit" | "any_actor" {
  if (who === "any_unit" || who === "any_actor") return who;
  const { state, world } = ctx;
  if (state.units[who] || state.actors[who]) return new Set([who]);
  const ids = Object.values(state.units).filter((u) => u.role === who || u.party === who).map((u) => u.id);
  if (world.roleParty.has(who) || world.partyCountry.has(who)) return new Set(ids);
  return new Set();
}

function whoMatches(ctx: Ctx, who: string, id: string): boolean {
  const w = whoIds(ctx, who);
  if (w === "any_unit") return id in ctx.state.units;
  if (w === "any_actor") return id in ctx.state.actors;
  return w.has(id);
}

const before = (tick: number, limit?: number) => limit === undefined || tick < limit;

export function holds(ctx: Ctx, c: Condition): boolean {
  const s = ctx.state;
  if ("all" in c) return c.all.every((d) => holds(ctx, d));
  if ("any" in c) return c.any.some((d) => holds(ctx, d));
  if ("not" in c) return !holds(ctx, c.not);
  if ("at" in c) return s.tick >= c.at;
  if ("inject_fired" in c) return (s.injects[c.inject_fired]?.fired ?? null) !== null;
  if ("crosses_border" in c) {
    const x = c.crosses_border;
    return s.crossings.some((k) => whoMatches(ctx, x.who, k.who) && (x.from === undefined || k.from === x.from) && (x.into === undefined || k.into === x.into));
  }
  if ("enters_site" in c) return s.siteEntries.some((e) => e.site === c.enters_site.site && whoMatches(ctx, c.enters_site.who, e.who));
  if ("message_sent" in c) {
    const { before: lim, ...m } = c.message_sent;
    return s.actions.some((a) => before(a.tick, lim) && matchesAction({ message: m }, a));
  }
  if ("order_given" in c) {
    const { before: lim, by, ...o } = c.order_given;
    return s.actions.some((a) => before(a.tick, lim) && (by === undefined || a.role === by) && matchesAction({ order: o }, a));
  }
  if ("violation" in c) {
    const v = c.violation;
    return s.violations.some((x) => before(x.tick, v.before) && (v.code === undefined || x.code === v.code) &&
      (v.by === undefined || x.role === v.by || (x.role !== null && ctx.world.roleParty.get(x.role) === v.by)));
  }
  if ("actor_state" in c) {
    const a = s.actors[c.actor_state.actor];
    return !!a && "state" in a && a.state === c.actor_state.is;
  }
  if ("tension" in c) {
    const a = s.actors[c.tension.crowd];
    return !!a && a.kind === "crowd" && threshold(a.tension, c.tension);
  }
  if ("agitation" in c) {
    const a = s.actors[c.agitation.actor];
    return !!a && a.kind === "hostage_takers" && threshold(a.agitation, c.agitation);
  }
  if ("expected_met" in c) return (s.injects[c.expected_met.inject]?.expected[c.expected_met.expected]?.met ?? null) !== null;
  const x = c.action_taken;
  return s.actions.some((a) => before(a.tick, x.before) && (x.by === undefined || a.role === x.by) && matchesAction(x.do, a));
}

/** Thresholds are written as fractions; the state keeps thousandths. */
function threshold(value: number, t: { above?: number; below?: number }): boolean {
  return (t.above === undefined || value > Math.round(t.above * 1000)) && (t.below === undefined || value < Math.round(t.below * 1000));
}
