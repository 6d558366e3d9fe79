// What each role knows: its own units, actors its units can see, what others shared with it, and
// for a PCCC desk the picture of every country it serves. Instructors see everything. The server
// uses roleView() for fog of war; the engine records first sightings for situational-awareness metrics.
import type { Ctx } from "./context.ts";
import { emit } from "./context.ts";
import { within } from "./movement.ts";
import type { ActorState, Pt, SimState, UnitState } from "./types.ts";
import type { World } from "./world/world.ts";

export function shareActor(ctx: Ctx, role: string, actor: string): void {
  const list = (ctx.state.shared[role] ??= []);
  if (!list.includes(actor)) { list.push(actor); list.sort(); }
}

export function actorPos(a: ActorState): Pt {
  return "pos" in a ? a.pos : a.centre;
}

/** Roles whose picture a role shares: itself, plus for a PCCC desk the roles of the countries it serves. */
function pictureRoles(world: World, role: string): string[] {
  const desks = world.roleDesks.get(role) ?? [];
  const countries = new Set<string>();
  for (const d of desks) {
    const desk = world.scenario.desks.find((x) => x.id === d);
    if (desk?.kind === "pccc") for (const c of desk.countries ?? [desk.country]) countries.add(c);
  }
  if (countries.size === 0) return [role];
  return [role, ...[...world.roleParty.keys()].filter((r) => r !== role && countries.has(world.countryOf.get(r) ?? ""))].sort();
}

function sees(u: UnitState, a: ActorState, sensor: number): boolean {
  return u.active && a.active && within(u.pos, actorPos(a), sensor);
}

export interface RoleView {
  role: string;
  units: string[];
  /** Units of others that this role can see (in the PCCC picture or within sensor range). */
  otherUnits: string[];
  actors: string[];
}

export function roleView(world: World, state: SimState, role: string): RoleView {
  const sensor = new Map(world.scenario.units.map((u) => [u.id, u.sensor_m]));
  if (role === "instructor" || role === "evaluator") {
    return { role, units: Object.keys(state.units).sort(), otherUnits: [], actors: Object.keys(state.actors).filter((a) => state.actors[a]?.active).sort() };
  }
  const roles = pictureRoles(world, role);
  const watchers = Object.values(state.units).filter((u) => u.role !== null && roles.includes(u.role) && u.active);
  const actors = new Set<string>();
  for (const r of roles) for (const a of state.shared[r] ?? []) if (state.actors[a]?.active) actors.add(a);
  for (const a of Object.values(state.actors)) {
    if (watchers.some((u) => sees(u, a, sensor.get(u.id) ?? 600))) actors.add(a.id);
  }
  const own = Object.values(state.units).filter((u) => u.role === role).map((u) => u.id);
  const others = Object.values(state.units).filter((u) => u.role !== role && u.active && (
    (u.role !== null && roles.includes(u.role)) || watchers.some((w) => within(w.pos, u.pos, sensor.get(w.id) ?? 600))
  )).map((u) => u.id);
  return { role, units: own.sort(), otherUnits: others.sort(), actors: [...actors].sort() };
}

/** Emits "seen" the first time a role has an actor in its picture. Runs every 5 ticks: cheap enough. */
export function awarenessSystem(ctx: Ctx): void {
  if (ctx.state.tick % 5 !== 0) return;
  for (const role of [...ctx.world.roleParty.keys()].sort()) {
    const seen = (ctx.state.seen[role] ??= []);
    for (const a of roleView(ctx.world, ctx.state, role).actors) {
      if (!seen.includes(a)) { seen.push(a); emit(ctx, { type: "seen", role, actor: a }); }
    }
  }
}
