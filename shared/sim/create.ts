// createSim: the state at tick 0 of an exercise, from a validated scenario and a seed.
import type { Scenario } from "../scenario/schema.ts";
import type { UnitType } from "./units.ts";
import { defaultSpeedKmh } from "./units.ts";
import { centreOf, placePoint, scatter } from "./places.ts";
import { byCode } from "./order-by.ts";
import { openRng, seedRng } from "./rng.ts";
import type { ActorState, SimState, UnitState } from "./types.ts";
import { buildWorld, countryAt, type World } from "./world/world.ts";
import type { Sim } from "./step.ts";

/** Bumped whenever a change alters what a log replays to: old logs then say which engine they need. */
export const SIM_VERSION = 1;

/** A new exercise: the static world and the state at tick 0. */
export function createSim(scenario: Scenario, seed: string | number): Sim {
  const world = buildWorld(scenario);
  return { world, state: initialState(world, seed) };
}

export function initialState(world: World, seed: string | number): SimState {
  const scenario = world.scenario;
  const rng = openRng(seedRng(seed));
  const units: Record<string, UnitState> = {};
  for (const u of [...scenario.units].sort((a, b) => byCode(a.id, b.id))) {
    const pos = placePoint(world, u.at);
    units[u.id] = {
      id: u.id, party: u.party, country: world.partyCountry.get(u.party) ?? "", role: world.unitRole.get(u.id) ?? null,
      active: u.active, pos, in: countryAt(scenario, pos),
      speedMps: (u.speed_kmh ?? defaultSpeedKmh(u.type as UnitType)) / 3.6,
      route: null, order: null, abroad: null, sites: [], reportedTo: [], mustReport: [], armed: u.armed,
    };
  }
  const actors: Record<string, ActorState> = {};
  for (const a of [...scenario.actors].sort((x, y) => byCode(x.id, y.id))) {
    if (a.kind === "fleeing_vehicle") {
      const pos = placePoint(world, a.at);
      actors[a.id] = {
        kind: a.kind, id: a.id, active: a.active, state: "waiting", pos, in: countryAt(scenario, pos),
        speedMps: a.speed_kmh / 3.6, route: null, waypoints: [...a.route], vehicle: a.vehicle, switched: false,
        hideUntil: null, sites: [],
      };
    } else if (a.kind === "hostage_takers") {
      const pos = placePoint(world, a.site);
      actors[a.id] = {
        kind: a.kind, id: a.id, active: a.active, state: "holding", pos, in: countryAt(scenario, pos), site: a.site,
        agitation: Math.round(a.agitation * 1000), hostages: a.hostages, released: 0, casualties: 0,
        demandsMissed: [], calmSince: null, sites: [],
      };
    } else if (a.kind === "crowd") {
      const agents = scatter(world, rng, a.area as string | number[][], a.size);
      const centre = centreOf(agents);
      actors[a.id] = {
        kind: a.kind, id: a.id, active: a.active, state: "calm", tension: Math.round(a.tension * 1000), agents,
        centre, in: countryAt(scenario, centre), target: centre, waypoints: [...a.route], sites: [],
      };
    } else {
      const agents = scatter(world, rng, a.area as string | number[][], a.count);
      const centre = centreOf(agents);
      actors[a.id] = { kind: a.kind, id: a.id, active: a.active, agents, centre, in: countryAt(scenario, centre), sites: [] };
    }
  }
  return {
    simVersion: SIM_VERSION, scenarioId: scenario.meta.id, tick: 0, ended: false, rng: rng.state(), units, actors,
    injects: Object.fromEntries(scenario.injects.map((i) => [i.id, { fired: null, expected: {} }])),
    adhoc: {}, actions: [], crossings: [], siteEntries: [], violations: [], stopRequests: [], instructions: [],
    agreements: [], assistance: [], spoc: [], shared: {}, seen: {}, once: {}, nextId: 0,
    objectives: Object.fromEntries(scenario.objectives.filter((o) => o.achieve).map((o) => [o.id, null])),
  };
}
