// Who exercise control plays: the parties marked played_by: instructor and the desks nobody else
// staffs. Both the console's "you play" list and the ad-hoc form's speakers rely on this one rule.
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Text } from "./format.ts";

export interface PlayedParty { id: string; kind: "party" | "desk"; name: Text; country: string; what: string }

/** Parties marked played_by: instructor, then desks run by such a party or staffed by no role. */
export function instructorParties(scenario: Scenario): PlayedParty[] {
  const played = scenario.parties.filter((p) => p.played_by === "instructor");
  const staffed = new Set(scenario.roles.flatMap((r) => r.desks));
  const desks = scenario.desks.filter((d) => (d.party ? played.some((p) => p.id === d.party) : !staffed.has(d.id)));
  return [
    ...played.map((p) => ({ id: p.id, kind: "party" as const, name: p.name, country: p.country, what: p.agency })),
    ...desks.map((d) => ({ id: d.id, kind: "desk" as const, name: d.name, country: d.country, what: d.kind })),
  ];
}
