// What a seat may know of the scenario before the debrief. Exercise control and evaluators see all
// of it; a trainee gets the ground, the law, the parties, desks and roles, its own briefing and the
// objectives it is rated on (titles only), its own units, but no injects, no actors, no other forces
// (some only arrive when an inject spawns them) and nothing of how outcomes are checked: the
// surprises stay surprises. Everyone gets the whole scenario at the debrief.
import type { Scenario } from "./scenario/schema.ts";

export function scenarioForSeat(scenario: Scenario, seat: { kind: string; role: string }): Scenario {
  if (seat.kind !== "trainee") return scenario;
  const role = seat.role;
  const mine = new Set(scenario.roles.find((r) => r.id === role)?.units ?? []);
  return {
    ...scenario,
    roles: scenario.roles.map((r) => (r.id === role ? r : { ...r, briefing: undefined })),
    units: scenario.units.filter((u) => mine.has(u.id)),
    actors: [],
    injects: [],
    objectives: scenario.objectives
      .filter((o) => o.rated.includes(role))
      .map((o) => ({ ...o, achieve: undefined, rules: [], rating: { grace: 0, expected: [], aggregate: o.rating.aggregate } })),
  };
}
