// An ad-hoc inject arrives live from exercise control, after the scenario was validated: its ids and
// places are checked against this exercise before it enters, so that a typo is a clear refusal and
// not a suspect driving to [0, 0].
import type { Condition, Effect } from "../scenario/conditions.ts";
import type { Inject } from "../scenario/schema.ts";
import type { Ctx } from "./context.ts";
import { allInjects } from "./injects.ts";

export function adhocProblem(ctx: Ctx, inject: Inject): string | null {
  const { state, world } = ctx;
  const { width, height } = world.scenario.map.extent;
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => { if (!ok) problems.push(what); };
  const unitOrActor = (id: string) => need(id in state.units || id in state.actors, `no unit or actor "${id}"`);
  const actor = (id: string, kind?: string) => need(!!state.actors[id] && (!kind || state.actors[id]?.kind === kind), `no ${kind ? kind.replace("_", " ") : "actor"} "${id}"`);
  const site = (id: string) => need(world.sites.has(id), `no site "${id}"`);
  const speaker = (id: string) => need(world.reach.has(id) || id === "all", `no role, desk or party "${id}"`);
  const place = (p: string | readonly number[]) => {
    if (typeof p === "string") site(p);
    else need((p[0] ?? -1) >= 0 && (p[1] ?? -1) >= 0 && (p[0] ?? 0) <= width && (p[1] ?? 0) <= height, `[${p.join(", ")}] lies outside the map`);
  };
  const who = (id: string) => need(id === "any_unit" || id === "any_actor" || id in state.units || id in state.actors || world.roleParty.has(id) || world.partyCountry.has(id), `no unit, actor, role or party "${id}"`);
  const injectIds = new Set(allInjects(ctx).map((i) => i.id));

  const cond = (c: Condition): void => {
    if ("all" in c) return c.all.forEach(cond);
    if ("any" in c) return c.any.forEach(cond);
    if ("not" in c) return cond(c.not);
    if ("inject_fired" in c) need(injectIds.has(c.inject_fired) || c.inject_fired === inject.id, `no inject "${c.inject_fired}"`);
    else if ("crosses_border" in c) who(c.crosses_border.who);
    else if ("enters_site" in c) { who(c.enters_site.who); site(c.enters_site.site); }
    else if ("actor_state" in c) actor(c.actor_state.actor);
    else if ("tension" in c) actor(c.tension.crowd, "crowd");
    else if ("agitation" in c) actor(c.agitation.actor, "hostage_takers");
    else if ("expected_met" in c) need(injectIds.has(c.expected_met.inject), `no inject "${c.expected_met.inject}"`);
  };
  const effect = (e: Effect): void => {
    if ("spawn" in e) unitOrActor(e.spawn);
    else if ("remove" in e) unitOrActor(e.remove);
    else if ("set_route" in e) { actor(e.set_route.actor); e.set_route.route.forEach(place); }
    else if ("hide" in e) { actor(e.hide.actor, "fleeing_vehicle"); site(e.hide.site); }
    else if ("switch_vehicle" in e) actor(e.switch_vehicle.actor, "fleeing_vehicle");
    else if ("host_instruction" in e) { e.host_instruction.to.forEach(speaker); if (e.host_instruction.area) site(e.host_instruction.area); }
    else if ("tension" in e) actor(e.tension.crowd, "crowd");
    else if ("agitation" in e) actor(e.agitation.actor, "hostage_takers");
    else if ("reveal" in e) { actor(e.reveal.actor); e.reveal.to.forEach(speaker); }
  };

  const t = inject.trigger;
  if ("when" in t) cond(t.when);
  if ("contingency_for" in t) need(injectIds.has(t.contingency_for.inject), `no inject "${t.contingency_for.inject}"`);
  inject.effects.forEach(effect);
  for (const d of inject.deliver) { speaker(d.from); d.to.forEach(speaker); }
  for (const x of inject.expected) x.by.forEach((r) => need(world.roleParty.has(r), `no role "${r}"`));
  return problems[0] ?? null;
}
