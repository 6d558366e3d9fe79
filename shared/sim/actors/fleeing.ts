// A fleeing vehicle (or person on foot): seeded route choice, hides in premises when pressed,
// switches car, surrenders when boxed in, escapes when it reaches the end of its route.
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { advance, newRoute, stepMm, within } from "../movement.ts";
import { placePoint } from "../places.ts";
import type { FleeingState, FleeState, UnitState } from "../types.ts";
import { routeBetween } from "../world/roads.ts";

const DEFAULT_HIDE_TICKS = 600;
const POLICE_ORDERS_ON_ACTOR = new Set(["pursue", "stop", "apprehend", "arrest", "surveil"]);

export function setFleeState(ctx: Ctx, a: FleeingState, to: FleeState, detail?: string): void {
  if (a.state === to) return;
  emit(ctx, { type: "actor_state", actor: a.id, from: a.state, to, ...(detail ? { detail } : {}) });
  a.state = to;
  if (to !== "fleeing") a.route = null;
}

/** Plan a route to the next waypoint; edge times get seeded noise so the choice at junctions varies by seed. */
export function startFleeing(ctx: Ctx, a: FleeingState): void {
  const next = a.waypoints[0];
  if (next === undefined) {
    // Arriving where police already wait is no escape.
    const waiting = Object.values(ctx.state.units).find((u) => u.active && within(u.pos, a.pos, 150));
    return waiting ? setFleeState(ctx, a, "stopped", `ran into ${waiting.id} at the end of its route`) : setFleeState(ctx, a, "escaped", "reached the end of its route");
  }
  const noise = new Map<string, number>();
  const weight = (x: number, y: number) => {
    const key = x < y ? `${x}-${y}` : `${y}-${x}`;
    let w = noise.get(key);
    if (w === undefined) { w = 1 + ctx.rng.next() * 0.4; noise.set(key, w); }
    return w;
  };
  a.route = newRoute(routeBetween(ctx.world.roads, a.pos, placePoint(ctx.world, next), a.speedMps, weight));
  setFleeState(ctx, a, "fleeing");
  // Already there (a waypoint on the spot): it counts as reached at once, so the actor never stalls.
  if (!a.route) arrived(ctx, a);
}

/** At a waypoint: hide there if that is the plan, else head for the next one. */
function arrived(ctx: Ctx, a: FleeingState): void {
  const reached = a.waypoints.shift();
  if (typeof reached === "string" && a.hideUntil !== null && a.hideUntil < 0) {
    a.hideUntil = ctx.state.tick - a.hideUntil;
    setFleeState(ctx, a, "hiding", `hides in ${reached}`);
    return;
  }
  startFleeing(ctx, a);
}

export function hideAt(ctx: Ctx, a: FleeingState, site: string, forTicks?: number): void {
  a.waypoints = [site, ...a.waypoints.filter((w) => w !== site)];
  a.hideUntil = -(forTicks ?? DEFAULT_HIDE_TICKS); // negative: "hide this long once there"
  startFleeing(ctx, a);
}

function pursuersNear(ctx: Ctx, a: FleeingState, metres: number): UnitState[] {
  return Object.values(ctx.state.units).filter((u) => u.active && u.order && POLICE_ORDERS_ON_ACTOR.has(u.order.type) && u.order.target === a.id && within(u.pos, a.pos, metres));
}

function siteCordoned(ctx: Ctx, site: string): boolean {
  const s = ctx.world.sites.get(site);
  if (!s) return false;
  return Object.values(ctx.state.units).some((u) => u.active && within(u.pos, s.centre, 200) && (u.order?.type === "cordon" || u.order?.type === "hold" || u.order === null));
}

export function fleeingSystem(ctx: Ctx, a: FleeingState): void {
  if (!a.active) return;
  const behaviour = ctx.world.scenario.actors.find((x) => x.id === a.id);
  const b = behaviour?.kind === "fleeing_vehicle" ? behaviour.behaviour : undefined;
  if (a.state === "hiding") {
    if (a.hideUntil !== null && ctx.state.tick >= a.hideUntil) {
      const site = a.sites[0];
      if (site && siteCordoned(ctx, site) && (b?.surrender_when_boxed ?? true)) return setFleeState(ctx, a, "stopped", `gave up inside ${site}, which is cordoned`);
      if (b?.switch_vehicle && !a.switched) { a.vehicle = b.switch_vehicle; a.switched = true; }
      a.hideUntil = null;
      startFleeing(ctx, a);
    }
    return;
  }
  // Active from the start (not spawned by an inject): it sets off at once.
  if (a.state === "waiting") return startFleeing(ctx, a);
  if (a.state !== "fleeing") return;
  // Pressed by pursuers, it may dive into its hiding place; boxed in by two, it may give up.
  const close = pursuersNear(ctx, a, 400);
  if (b?.hide_at && !a.switched && a.waypoints[0] !== b.hide_at && close.length > 0 && ctx.rng.chance(0.02)) {
    const site = ctx.world.sites.get(b.hide_at);
    if (site && within(a.pos, site.centre, 6000)) hideAt(ctx, a, b.hide_at, b.hide_for);
  }
  if (pursuersNear(ctx, a, 100).length >= 2 && (b?.surrender_when_boxed ?? true) && ctx.rng.chance(0.05)) {
    return setFleeState(ctx, a, "stopped", "boxed in by police units");
  }
  if (!a.route) return startFleeing(ctx, a);
  const step = advance(a.route, stepMm(a.route, a.speedMps));
  a.pos = step.pos;
  if (step.done) arrived(ctx, a);
}
