// Who is who in the communications panel: every desk, role and party of the scenario as a
// recipient, whom a seat may address and speak as, what exercise control plays, and the short names
// and countries of any id a message carries. Kept apart from the drafts so the mail lists and the
// decision log can name people without pulling in the form logic.
import type { CommsItem, Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { INSTRUCTOR } from "../../../shared/sim/commands.ts";
import { deskKindLabel, pick, tr, uiLang } from "./format.ts";

export interface Recipient {
  id: string;
  type: "desk" | "role" | "party";
  /** Desk kind (pccc, spoc...), "role", or the party's agency. */
  kind: string;
  country: string;
  /** Shared centres: every state that staffs it. */
  countries: string[];
  name: string;
  /** "CCPD Luxembourg duty desk · LU · PCCC" */
  label: string;
  /** Heading of the group the choice belongs to (Desks, Roles, Parties). */
  group: string;
  /** Languages the recipient works in (desks; the exercise languages otherwise). */
  languages: string[];
  playedBy?: "trainees" | "instructor";
}
export interface RecipientChoices {
  /** Whom the seat can address (to and cc). */
  to: Recipient[];
  /** Whom the seat can speak as: its own desks; for exercise control any party or desk. */
  as: Recipient[];
}

const DESK_ORDER = ["pccc", "spoc", "command_centre", "siu_command", "liaison", "prosecutor"];

/**
 * The parties and desks exercise control plays: every party marked played_by: instructor, and every
 * desk run by such a party or staffed by no role (a message to it reaches no trainee).
 */
export function exconPlays(sc: Scenario): Set<string> {
  const played = new Set(sc.parties.filter((p) => p.played_by === "instructor").map((p) => p.id));
  const staffed = new Set(sc.roles.flatMap((r) => r.desks));
  for (const d of sc.desks) if ((d.party && played.has(d.party)) || !staffed.has(d.id)) played.add(d.id);
  return played;
}

/**
 * The party or desk exercise control answers a message as: the first of its receivers (to, then cc)
 * that exercise control plays; "" when the message goes only to trainees (exercise control observes).
 */
export function exconSpeaksAs(sc: Scenario, item: CommsItem, plays: ReadonlySet<string> = exconPlays(sc)): string {
  if (item.kind !== "message") return "";
  return [item.to, ...item.cc].find((id) => plays.has(id)) ?? "";
}

function deskRecipient(sc: Scenario, d: Scenario["desks"][number], l: string, plays: Set<string>): Recipient {
  const name = pick(d.name, l);
  return {
    id: d.id, type: "desk", kind: d.kind, country: d.country, countries: d.countries ?? [d.country], name,
    label: `${name} · ${d.country} · ${deskKindLabel(d.kind)}`, group: tr("groups.desks"), languages: [...d.languages],
    playedBy: plays.has(d.id) ? "instructor" : "trainees",
  };
}
function roleRecipient(sc: Scenario, r: Scenario["roles"][number], l: string): Recipient {
  const country = sc.parties.find((p) => p.id === r.party)?.country ?? "";
  const name = pick(r.title, l);
  return {
    id: r.id, type: "role", kind: "role", country, countries: [country], name, label: `${name} · ${country} · ${tr("role")}`,
    group: tr("groups.roles"), languages: [...sc.meta.languages], playedBy: "trainees",
  };
}
function partyRecipient(sc: Scenario, p: Scenario["parties"][number], l: string): Recipient {
  const name = pick(p.name, l);
  return {
    id: p.id, type: "party", kind: p.agency, country: p.country, countries: [p.country], name,
    label: `${name} · ${p.country} · ${tr(`agency.${p.agency}`)}`, group: tr("groups.parties"), languages: [...sc.meta.languages], playedBy: p.played_by,
  };
}
const deskSort = (a: { kind: string }, b: { kind: string }) => DESK_ORDER.indexOf(a.kind) - DESK_ORDER.indexOf(b.kind);

/** Every desk, role and party of the scenario as a recipient, in display order. */
export function everyone(sc: Scenario, l: string = uiLang()): Recipient[] {
  const plays = exconPlays(sc);
  return [
    ...[...sc.desks].sort(deskSort).map((d) => deskRecipient(sc, d, l, plays)),
    ...sc.roles.map((r) => roleRecipient(sc, r, l)),
    ...sc.parties.map((p) => partyRecipient(sc, p, l)),
  ];
}

/** Who a seat can address and speak as. Evaluators send nothing. */
export function recipients(sc: Scenario, seat: Seat, l: string = uiLang()): RecipientChoices {
  if (seat.kind === "evaluator") return { to: [], as: [] };
  const all = everyone(sc, l);
  if (seat.kind === "instructor") {
    const parties = all.filter((r) => r.type === "party");
    return {
      to: all,
      as: [...all.filter((r) => r.type === "desk"), ...parties.filter((p) => p.playedBy === "instructor"), ...parties.filter((p) => p.playedBy !== "instructor")],
    };
  }
  const role = sc.roles.find((r) => r.id === seat.role);
  const own = new Set(role?.desks ?? []);
  // A party whose every role is this seat would only reach the seat itself.
  const onlyMe = (partyId: string) => sc.roles.filter((r) => r.party === partyId).every((r) => r.id === seat.role) && sc.roles.some((r) => r.party === partyId);
  return {
    to: all.filter((r) => !(r.type === "desk" && own.has(r.id)) && !(r.type === "role" && r.id === seat.role) && !(r.type === "party" && onlyMe(r.id))),
    as: all.filter((r) => r.type === "desk" && own.has(r.id)),
  };
}

/** A short name for any id a message can carry: "CIN Luxembourg (LU)". */
export function nameOf(sc: Scenario | null | undefined, id: string, l: string = uiLang()): string {
  if (id === INSTRUCTOR) return tr("excon");
  if (!sc) return id;
  const desk = sc.desks.find((d) => d.id === id);
  if (desk) return `${pick(desk.name, l)} (${desk.country})`;
  const role = sc.roles.find((r) => r.id === id);
  if (role) return `${pick(role.title, l)} (${sc.parties.find((p) => p.id === role.party)?.country ?? ""})`;
  const party = sc.parties.find((p) => p.id === id);
  if (party) return `${pick(party.name, l)} (${party.country})`;
  const actor = sc.actors.find((a) => a.id === id);
  if (actor) return pick(actor.name, l);
  return id;
}

/** Country of a role, desk or party id. */
export function countryOf(sc: Scenario, id: string): string {
  const desk = sc.desks.find((d) => d.id === id);
  if (desk) return desk.country;
  const role = sc.roles.find((r) => r.id === id);
  const party = sc.parties.find((p) => p.id === (role ? role.party : id));
  return party?.country ?? "";
}
