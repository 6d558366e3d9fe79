// Who is connected, grouped by seat: one group per scenario role (empty, unstaffed or over its limit
// is flagged), then exercise control, evaluators, and roles the scenario does not know. Exercise
// control uses it to see at a glance which role nobody holds.
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Text } from "./format.ts";

export interface ParticipantLike { id: string; pseudonym: string; role: string; kind: string; connected: boolean }
export interface ParticipantGroup {
  role: string;
  /** A scenario role, or the exercise control / evaluator seats, or a role the scenario does not know. */
  kind: "role" | "instructor" | "evaluator" | "other";
  title: Text | null;
  max: number | null;
  players: { id: string; pseudonym: string; kind: string; connected: boolean }[];
  connected: number;
  /** Nobody holds this role. */
  empty: boolean;
  /** Someone holds it but nobody is connected now. */
  unstaffed: boolean;
  /** More players than the role allows. */
  over: boolean;
}

export function participantRows(participants: readonly ParticipantLike[], scenario: Scenario): ParticipantGroup[] {
  const group = (role: string, kind: ParticipantGroup["kind"], title: Text | null, max: number | null, list: ParticipantLike[]): ParticipantGroup => {
    const players = [...list]
      .sort((a, b) => Number(b.connected) - Number(a.connected) || a.pseudonym.localeCompare(b.pseudonym))
      .map((p) => ({ id: p.id, pseudonym: p.pseudonym, kind: p.kind, connected: p.connected }));
    const connected = players.filter((p) => p.connected).length;
    return { role, kind, title, max, players, connected, empty: players.length === 0, unstaffed: players.length > 0 && connected === 0, over: max !== null && players.length > max };
  };
  const roles = new Set(scenario.roles.map((r) => r.id));
  const groups = scenario.roles.map((r) => group(r.id, "role", r.title, r.max_players, participants.filter((p) => p.role === r.id && p.kind === "trainee")));
  for (const kind of ["instructor", "evaluator"] as const) {
    const list = participants.filter((p) => p.kind === kind);
    if (list.length) groups.push(group(kind, kind, null, null, list));
  }
  const others = [...new Set(participants.filter((p) => p.kind === "trainee" && !roles.has(p.role)).map((p) => p.role))].sort();
  for (const r of others) groups.push(group(r, "other", null, null, participants.filter((p) => p.kind === "trainee" && p.role === r)));
  return groups;
}
