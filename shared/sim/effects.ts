// World effects of an inject: spawning, routes, stop requests, host instructions, tension...
import type { Effect } from "../scenario/conditions.ts";
import { emit, newId, type Ctx } from "./context.ts";
import { startFleeing, hideAt } from "./actors/fleeing.ts";
import { shareActor } from "./awareness.ts";

export function applyEffect(ctx: Ctx, e: Effect): void {
  const s = ctx.state;
  if ("spawn" in e) {
    const u = s.units[e.spawn];
    if (u && !u.active) u.active = true;
    const a = s.actors[e.spawn];
    if (a && !a.active) {
      a.active = true;
      if (a.kind === "fleeing_vehicle") startFleeing(ctx, a);
    }
  } else if ("remove" in e) {
    const u = s.units[e.remove];
    if (u) { u.active = false; u.route = null; u.order = null; }
    const a = s.actors[e.remove];
    if (a) a.active = false;
  } else if ("set_route" in e) {
    const a = s.actors[e.set_route.actor];
    if (a?.kind === "fleeing_vehicle") {
      a.waypoints = [...e.set_route.route];
      if (a.state === "fleeing") startFleeing(ctx, a);
    } else if (a?.kind === "crowd") a.waypoints = [...e.set_route.route];
  } else if ("hide" in e) {
    const a = s.actors[e.hide.actor];
    if (a?.kind === "fleeing_vehicle" && a.active && (a.state === "fleeing" || a.state === "waiting" || a.state === "hiding")) hideAt(ctx, a, e.hide.site, e.hide.for);
  } else if ("switch_vehicle" in e) {
    const a = s.actors[e.switch_vehicle.actor];
    if (a?.kind === "fleeing_vehicle") {
      a.vehicle = e.switch_vehicle.vehicle;
      a.switched = true;
      if (e.switch_vehicle.speed_kmh) a.speedMps = e.switch_vehicle.speed_kmh / 3.6;
      // Changing cars is how they slip out of a hiding place: they leave at once.
      if (a.state === "hiding") { a.hideUntil = null; startFleeing(ctx, a); }
    }
  } else if ("stop_request" in e) {
    const r = e.stop_request;
    s.stopRequests.push({ host: r.host, sending: r.sending, ...(r.actor ? { actor: r.actor } : {}), tick: s.tick });
    emit(ctx, { type: "stop_requested", host: r.host, sending: r.sending, ...(r.actor ? { actor: r.actor } : {}) });
  } else if ("host_instruction" in e) {
    const h = e.host_instruction;
    const id = h.id ?? newId(ctx, "instruction");
    s.instructions.push({ id, host: h.host, to: h.to, forbid: h.forbid, noEntry: h.no_entry, ...(h.area ? { area: h.area } : {}), tick: s.tick, lifted: null });
    emit(ctx, { type: "instruction_given", instruction: id, host: h.host, to: h.to, forbid: h.forbid, noEntry: h.no_entry, ...(h.area ? { area: h.area } : {}) });
  } else if ("lift_instruction" in e) {
    const i = s.instructions.find((x) => x.id === e.lift_instruction && x.lifted === null);
    if (i) { i.lifted = s.tick; emit(ctx, { type: "instruction_lifted", instruction: i.id }); }
  } else if ("tension" in e) {
    const a = s.actors[e.tension.crowd];
    if (a?.kind === "crowd") a.tension = clamp(a.tension + Math.round(e.tension.add * 1000));
  } else if ("agitation" in e) {
    const a = s.actors[e.agitation.actor];
    if (a?.kind === "hostage_takers") {
      a.agitation = clamp(a.agitation + Math.round(e.agitation.add * 1000));
      emit(ctx, { type: "agitation", actor: a.id, value: a.agitation });
    }
  } else if ("reveal" in e) {
    for (const to of e.reveal.to) for (const role of ctx.world.reach.get(to) ?? [to]) if (ctx.world.roleParty.has(role)) shareActor(ctx, role, e.reveal.actor);
  }
}

export const clamp = (v: number, lo = 0, hi = 1000): number => Math.max(lo, Math.min(hi, v));
