// View models of the communications panel and the decision log: who a seat can address, a form draft
// turned into a command the room accepts (checked with the real zod schemas), the inbox and outbox
// with acknowledgement and threads, and the SPOC deadlines in exercise and legal time.
// Pure: no DOM, no Phaser. Texts come from the "comms" namespace of the shared i18next instance.
import { refusalText } from "./refusals.ts";
import i18next from "i18next";
import type { z } from "zod";
import type { CommsItem, Seat, SpocItem } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { DecisionCommand, INSTRUCTOR, MessageCommand } from "../../shared/sim/commands.ts";
import { CHANNELS, LEGAL_BASES, MESSAGE_KINDS, URGENCY, type MessageKind } from "../../shared/scenario/vocab.ts";

export type Channel = (typeof CHANNELS)[number];
export type Urgency = (typeof URGENCY)[number];
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type MessageInput = z.input<typeof MessageCommand>;
export type DecisionInput = z.input<typeof DecisionCommand>;
type Text = Record<string, string | undefined>;

// ---------------------------------------------------------------------------------------------
// Language helpers

const tr = (key: string, opts?: Record<string, unknown>): string => String(i18next.t(`comms:${key}`, opts as never));
/** The interface language (en when i18next is not initialised). */
export const uiLang = (): string => (i18next.language || "en").slice(0, 2);
const pick = (text: Text | undefined, l: string): string => (text ? (text[l] ?? text.en ?? Object.values(text).find((v) => v) ?? "") : "");

export const kindLabel = (k: string): string => (k ? tr(`kind.${k}`) : "");
export const channelLabel = (c: string): string => (c ? tr(`channel.${c}`) : "");
export const urgencyLabel = (u: string): string => (u ? tr(`urgency.${u}`) : "");
export const urgencyBadge = (u: string): string => (u ? tr(`urgencyShort.${u}`) : "");
export const basisLabel = (b: string): string => (b ? tr(`basis.${b}`) : "");
export const deskKindLabel = (k: string): string => (k ? tr(`deskKind.${k}`) : "");

/** A language code as a name in the interface language, with the code: "français (fr)". */
export function languageName(code: string, l: string = uiLang()): string {
  try {
    const name = new Intl.DisplayNames([l], { type: "language" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

export const MESSAGE_KIND_LIST: readonly MessageKind[] = MESSAGE_KINDS;
export const CHANNEL_LIST: readonly Channel[] = CHANNELS;
export const URGENCY_LIST: readonly Urgency[] = URGENCY;
export const LEGAL_BASIS_LIST: readonly LegalBasis[] = LEGAL_BASES;

// ---------------------------------------------------------------------------------------------
// Time

const pad2 = (n: number) => String(n).padStart(2, "0");
/** Ticks (1 tick = 1 s of exercise time) as H:MM:SS. */
export function clock(tick: number): string {
  const s = Math.max(0, Math.floor(tick));
  return `${Math.floor(s / 3600)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
}

/** The story's wall-clock time at a tick ("16:47"), when the scenario gives a start time. */
export function storyTime(scenario: Scenario | null | undefined, tick: number): string {
  const start = scenario?.meta.start_time;
  if (!start) return "";
  const [h = 0, m = 0] = start.split(":").map(Number);
  const total = Math.floor((h * 3600 + m * 60 + Math.max(0, tick)) / 60) % 1440;
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
}

/** A duration in its two largest units: "7h 12m", "7m 12s", "2d 23h", "45s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const u = (k: string) => tr(`unit.${k}`);
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  if (d > 0) return `${d}${u("d")} ${h}${u("h")}`;
  if (h > 0) return `${h}${u("h")} ${m}${u("m")}`;
  if (m > 0) return `${m}${u("m")} ${sec}${u("s")}`;
  return `${sec}${u("s")}`;
}

/** Time left in exercise time and in legal (uncompressed) time: "7m 12s (legal 7h 12m)". */
export function formatLeft(ticks: number, clockRatio: number): string {
  const key = ticks < 0 ? "deadline.overdue" : "deadline.left";
  const a = Math.abs(ticks);
  return tr(key, { left: formatDuration(a), legal: formatDuration(a * clockRatio) });
}

// ---------------------------------------------------------------------------------------------
// Who is who

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

// ---------------------------------------------------------------------------------------------
// Drafts

export interface RequestFields {
  purpose: string; grounds: string; link_to_person: string; urgency_reasons: string; use_restrictions: string;
  judicial_authorisation_needed: boolean;
}
export interface Draft {
  kind: MessageKind | "";
  to: string;
  cc: string[];
  channel: Channel | "";
  urgency: Urgency | "";
  language: string;
  legal_basis: LegalBasis | "";
  /** Actor id the message is about ("" for none). */
  about: string;
  /** Speak as one of the seat's desks, or (instructor) any party or desk; "" for oneself. */
  as: string;
  in_reply_to: string;
  text: string;
  fields: RequestFields;
}
export const REQUEST_FIELDS = ["purpose", "grounds", "link_to_person", "urgency_reasons", "use_restrictions"] as const;

export const emptyDraft = (): Draft => ({
  kind: "", to: "", cc: [], channel: "", urgency: "", language: "", legal_basis: "", about: "", as: "", in_reply_to: "", text: "",
  fields: { purpose: "", grounds: "", link_to_person: "", urgency_reasons: "", use_restrictions: "", judicial_authorisation_needed: false },
});

/** A problem with one field of a form, in plain words; field is a command field name (or "options.2"). */
export interface Issue { field: string; message: string }

/** The seat's country, or that of the desk or party it speaks as. */
function speakerCountry(sc: Scenario, seat: Seat, as: string): string {
  if (as) return countryOf(sc, as);
  return seat.kind === "instructor" ? "" : countryOf(sc, seat.role);
}

const spocDeskIn = (sc: Scenario, ids: string[], notCountry?: string) =>
  sc.desks.find((d) => d.kind === "spoc" && ids.includes(d.id) && d.country !== notCountry) ?? sc.desks.find((d) => d.kind === "spoc" && ids.includes(d.id));

/** Is the draft a request to a SPOC (Directive 2023/977), which carries the Art. 4(3) fields? */
export function isSpocRequest(sc: Scenario, draft: Pick<Draft, "kind" | "to" | "cc">): boolean {
  return draft.kind === "request" && !!spocDeskIn(sc, [draft.to, ...draft.cc]);
}

/** Languages the recipient accepts: for a SPOC the law pair's list, else the desk's; else the exercise's. */
export function acceptedLanguages(sc: Scenario, seat: Seat, to: string, as = ""): string[] {
  const desk = sc.desks.find((d) => d.id === to);
  if (!desk) return [...sc.meta.languages];
  if (desk.kind === "spoc") {
    const law = sc.law.find((p) => p.host === desk.country && p.sending === speakerCountry(sc, seat, as));
    if (law?.spoc) return [...law.spoc.languages];
  }
  return [...desk.languages];
}

/** The language to suggest: the interface language if accepted, else English if accepted, else the first accepted. */
export function suggestLanguage(sc: Scenario, seat: Seat, to: string, l: string = uiLang(), as = ""): string {
  const ok = acceptedLanguages(sc, seat, to, as);
  return ok.includes(l) ? l : ok.includes("en") ? "en" : (ok[0] ?? "en");
}

/** Choices for the language select: accepted ones first, then the exercise languages, English and the interface language. */
export function languageChoices(sc: Scenario, seat: Seat, to: string, l: string = uiLang(), as = ""): { code: string; label: string; accepted: boolean }[] {
  const ok = acceptedLanguages(sc, seat, to, as);
  const codes = [...new Set([...ok, ...sc.meta.languages, "en", l])];
  return codes.map((code) => ({ code, label: languageName(code, l), accepted: ok.includes(code) }));
}

/** What the seat's units are doing right now, from the store's unit orders. */
export function activityOf(sc: Scenario, seat: Seat, units: Iterable<{ id: string; order: string }>): "pursuit" | "surveillance" | null {
  const mine = new Set(sc.roles.find((r) => r.id === seat.role)?.units ?? []);
  let found: "pursuit" | "surveillance" | null = null;
  for (const u of units) {
    if (!mine.has(u.id)) continue;
    if (u.order === "pursue") return "pursuit";
    if (u.order === "surveil") found = "surveillance";
  }
  return found;
}

export interface SuggestContext {
  /** What the seat's units are doing (activityOf). */
  activity?: "pursuit" | "surveillance" | null;
  /** The message this draft answers. */
  replyTo?: CommsItem | null;
}

/**
 * The legal basis to suggest for a kind of message to a recipient (the user may change it): a notice
 * to a PCCC or command centre during a pursuit is CISA Art. 41; a request to a SPOC is Directive
 * 2023/977; to a special-unit command, Decision 2008/617; a host's stop request or authorisation
 * follows the instrument of the law pair; a reply keeps the basis of what it answers.
 */
export function suggestLegalBasis(sc: Scenario, seat: Seat, draft: Pick<Draft, "kind" | "to" | "cc" | "as">, c: SuggestContext = {}): LegalBasis | "" {
  const { kind, to } = draft;
  if (!kind || !to) return "";
  const replied = c.replyTo && c.replyTo.kind === "message" ? c.replyTo.legalBasis : undefined;
  if ((kind === "reply" || kind === "delay_notice" || kind === "authorise" || kind === "refuse" || kind === "offer_alternative") && replied) {
    return (LEGAL_BASES as readonly string[]).includes(replied) ? (replied as LegalBasis) : "";
  }
  const desk = sc.desks.find((d) => d.id === to);
  const spoc = spocDeskIn(sc, [to, ...draft.cc]);
  if ((kind === "request" || kind === "reply" || kind === "delay_notice") && spoc) return "directive_2023_977";
  if (kind === "request" && desk?.kind === "siu_command") return "decision_2008_617";
  const mine = speakerCountry(sc, seat, draft.as);
  const theirs = countryOf(sc, to);
  if (kind === "notify" || kind === "information" || kind === "report") {
    const pair = sc.law.find((p) => p.host === theirs && p.sending === mine);
    const centre = desk && (desk.kind === "pccc" || desk.kind === "command_centre");
    if (c.activity === "surveillance" && (pair?.surveillance || centre)) return "cisa_40";
    if (c.activity === "pursuit" && (pair?.hot_pursuit || centre)) return "cisa_41";
    if (pair?.hot_pursuit?.notify.includes(to)) return "cisa_41";
    if (pair?.surveillance?.notify.includes(to)) return "cisa_40";
    return "";
  }
  if (kind === "stop_request" || kind === "authorise" || kind === "refuse") {
    const pair = sc.law.find((p) => p.host === mine && p.sending === theirs) ?? sc.law.find((p) => p.host === mine && desk?.countries?.includes(p.sending));
    if (c.activity === "surveillance" && pair?.surveillance) return "cisa_40";
    if (pair?.hot_pursuit) return "cisa_41";
    if (pair?.surveillance) return "cisa_40";
  }
  return "";
}

/** Channel to suggest: SIENA to a SPOC, the same channel as the message answered, else phone. */
export function suggestChannel(sc: Scenario, draft: Pick<Draft, "to" | "cc" | "kind">, replyTo?: CommsItem | null): Channel {
  if (replyTo && (replyTo.kind === "message" || replyTo.kind === "delivery") && replyTo.channel !== "system" && replyTo.channel !== "media") {
    return (CHANNELS as readonly string[]).includes(replyTo.channel) ? (replyTo.channel as Channel) : "phone";
  }
  if (spocDeskIn(sc, [draft.to, ...draft.cc])) return "siena";
  return "phone";
}

export interface CheckOptions {
  /**
   * What to do when a SPOC request misses Art. 4(3) content, is in a language the SPOC does not
   * accept, or is not copied to the own SPOC: "warn" (shown beside the fields; the request can still
   * be sent, and the engine scores it), "block" (an error), "off" (say nothing: an exam).
   */
  spoc?: "warn" | "block" | "off";
}
export type DraftResult =
  | { ok: true; command: MessageInput; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

const FIELD_ERROR: Record<string, string> = { kind: "err.kind", to: "err.to", text: "err.text" };

function zodIssues(issues: readonly z.core.$ZodIssue[], seen: Set<string>, prefix?: string): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const [a, b] = i.path;
    const field = a === "fields" && typeof b === "string" ? b : a === "options" && typeof b === "number" ? `options.${b}` : String(a ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    let message: string;
    if (i.code === "too_big") message = a === "cc" ? tr("err.ccMax", { max: i.maximum }) : a === "options" && b === undefined ? tr("err.optionsMax", { max: i.maximum }) : tr("err.tooLong", { max: i.maximum });
    else if (i.code === "too_small" && FIELD_ERROR[field]) message = tr(FIELD_ERROR[field] ?? "err.generic");
    else if (i.code === "too_small" && prefix) message = tr(`${prefix}.${field.split(".")[0]}`);
    else if (i.code === "invalid_value" || i.code === "invalid_format" || i.code === "invalid_type" || i.code === "invalid_union") message = FIELD_ERROR[field] ? tr(FIELD_ERROR[field] ?? "") : tr("err.choice");
    else message = tr("err.generic");
    out.push({ field, message });
  }
  return out;
}

/** Art. 4(3) completeness, language and own-SPOC copy of a SPOC request: the engine's own checks, said in advance. */
export function spocAdvice(sc: Scenario, seat: Seat, draft: Draft): Issue[] {
  if (!isSpocRequest(sc, draft)) return [];
  const mine = speakerCountry(sc, seat, draft.as);
  const desk = spocDeskIn(sc, [draft.to, ...draft.cc], mine);
  // The Directive governs requests between states: a request to one's own SPOC is not checked here.
  if (!desk || (mine && desk.country === mine)) return [];
  const out: Issue[] = [];
  const f = draft.fields;
  if (!draft.urgency) out.push({ field: "urgency", message: tr("err.urgency") });
  for (const k of ["purpose", "grounds", "link_to_person"] as const) if (!f[k].trim()) out.push({ field: k, message: tr(`err.${k}`) });
  if (draft.urgency && draft.urgency !== "normal" && !f.urgency_reasons.trim()) out.push({ field: "urgency_reasons", message: tr("err.urgency_reasons") });
  const langs = acceptedLanguages(sc, seat, desk.id, draft.as);
  if (draft.language && !langs.includes(draft.language)) {
    out.push({ field: "language", message: tr("err.language", { desk: pick(desk.name, uiLang()), languages: langs.map((c) => languageName(c)).join(", ") }) });
  }
  if (desk.country !== mine && mine) {
    const own = sc.desks.filter((d) => d.kind === "spoc" && d.country === mine);
    const myDesks = seat.kind === "trainee" ? (sc.roles.find((r) => r.id === seat.role)?.desks ?? []) : [];
    const fromOwn = own.some((d) => myDesks.includes(d.id) || d.id === draft.as);
    if (own.length && !fromOwn && !own.some((d) => draft.cc.includes(d.id))) {
      out.push({ field: "cc", message: tr("err.ownSpoc", { desk: own.map((d) => pick(d.name, uiLang())).join(", ") }) });
    }
  }
  return out;
}

/**
 * A form draft as a message command, validated with the room's own MessageCommand schema. Empty
 * optional fields are left out; the Art. 4(3) fields travel only with a request to a SPOC.
 */
export function draftToCommand(draft: Draft, seat: Seat, sc: Scenario, opts: CheckOptions = {}): DraftResult {
  const issues: Issue[] = [];
  if (seat.kind === "evaluator") return { ok: false, issues: [{ field: "", message: tr("err.observer") }], warnings: [] };
  if (!draft.kind) issues.push({ field: "kind", message: tr("err.kind") });
  if (!draft.to) issues.push({ field: "to", message: tr("err.to") });
  if (!draft.text.trim()) issues.push({ field: "text", message: tr("err.text") });
  if (draft.as && seat.kind === "trainee" && !(sc.roles.find((r) => r.id === seat.role)?.desks ?? []).includes(draft.as)) {
    issues.push({ field: "as", message: tr("err.as") });
  }
  const spocMode = opts.spoc ?? "warn";
  const advice = spocMode === "off" ? [] : spocAdvice(sc, seat, draft);
  if (spocMode === "block") issues.push(...advice);
  const warnings = spocMode === "warn" ? advice : [];

  const cc = [...new Set(draft.cc.filter((c) => c && c !== draft.to))];
  const fields: Record<string, unknown> = {};
  if (isSpocRequest(sc, draft)) {
    for (const k of REQUEST_FIELDS) if (draft.fields[k].trim()) fields[k] = draft.fields[k].trim();
    if (draft.fields.judicial_authorisation_needed) fields.judicial_authorisation_needed = true;
  }
  const raw: Record<string, unknown> = {
    type: "message", to: draft.to, cc, kind: draft.kind, text: draft.text,
    ...(draft.as ? { as: draft.as } : {}),
    ...(draft.channel ? { channel: draft.channel } : {}),
    ...(draft.urgency ? { urgency: draft.urgency } : {}),
    ...(draft.language ? { language: draft.language } : {}),
    ...(draft.legal_basis ? { legal_basis: draft.legal_basis } : {}),
    ...(draft.about ? { about: draft.about } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(draft.in_reply_to ? { in_reply_to: draft.in_reply_to } : {}),
  };
  const parsed = MessageCommand.safeParse(raw);
  const seen = new Set(issues.map((i) => i.field));
  if (!parsed.success) issues.push(...zodIssues(parsed.error.issues, seen));
  if (issues.length || !parsed.success) return { ok: false, issues, warnings };
  return { ok: true, command: parsed.data, warnings };
}

/** A draft with the suggested language, channel and legal basis filled where the user has not chosen. */
export function withSuggestions(sc: Scenario, seat: Seat, draft: Draft, c: SuggestContext & { lang?: string; touched?: ReadonlySet<string> } = {}): Draft {
  const touched = c.touched ?? new Set<string>();
  const next = { ...draft, fields: { ...draft.fields } };
  if (!touched.has("language") && draft.to) next.language = suggestLanguage(sc, seat, draft.to, c.lang ?? uiLang(), draft.as);
  if (!touched.has("channel")) next.channel = suggestChannel(sc, draft, c.replyTo);
  if (!touched.has("legal_basis")) next.legal_basis = suggestLegalBasis(sc, seat, draft, c);
  return next;
}

/**
 * A draft answering a received item: to its sender, same channel, the basis it carried. Exercise
 * control answers as the party or desk it plays that the message was addressed to; observers answer
 * nothing (an empty draft).
 */
export function replyDraft(sc: Scenario, seat: Seat, item: CommsItem, l: string = uiLang()): Draft {
  const d = emptyDraft();
  if ((item.kind !== "message" && item.kind !== "delivery") || seat.kind === "evaluator") return d;
  d.kind = "reply";
  d.to = item.from;
  // The schema caps in_reply_to at 40 characters; a delivery of a long inject id is answered unthreaded.
  d.in_reply_to = item.id.length <= 40 ? item.id : "";
  if (seat.kind === "instructor") d.as = exconSpeaksAs(sc, item);
  return withSuggestions(sc, seat, d, { replyTo: item, lang: l });
}

/**
 * May the seat answer this received item? A trainee answers what it receives; exercise control only
 * messages addressed to a party or desk it plays (traffic between trainees it observes, and the
 * scenario's deliveries are its own scripted texts); an observer never.
 */
export function canReplyTo(sc: Scenario | null | undefined, seat: Seat, item: CommsItem): boolean {
  if (item.kind !== "message" && item.kind !== "delivery") return false;
  if (seat.kind === "evaluator") return false;
  // What the seat sent itself is not its to answer.
  if (item.kind === "message" && (item.direction === "out" || item.by === seat.role)) return false;
  if (seat.kind === "instructor") return !!sc && item.kind === "message" && item.by !== INSTRUCTOR && !!exconSpeaksAs(sc, item);
  return true;
}

/**
 * The acknowledgement of a received message: a reply to its sender with in_reply_to and a short text
 * in the interface language. A SPOC request is acknowledged as information, so that the receipt does
 * not count as the substantive answer that stops the Directive 2023/977 deadline. Only messages a
 * person sent are acknowledged (not the scenario's scripted deliveries), and only by a seat that may
 * answer them (canReplyTo); null otherwise.
 */
export function ackCommand(sc: Scenario, seat: Seat, item: CommsItem, l: string = uiLang()): MessageInput | null {
  if (item.kind !== "message" || !canReplyTo(sc, seat, item)) return null;
  const d = replyDraft(sc, seat, item, l);
  d.kind = item.messageKind === "request" ? "information" : "reply";
  d.language = l;
  d.text = String(i18next.t("comms:mail.ackText", { lng: l }));
  const r = draftToCommand(d, seat, sc, { spoc: "off" });
  return r.ok ? r.command : null;
}

// ---------------------------------------------------------------------------------------------
// Inbox and outbox

export interface MailRow {
  id: string;
  source: "delivery" | "message" | "refused";
  direction: "in" | "out";
  t: number;
  /** H:MM:SS exercise time */
  time: string;
  from: string; fromLabel: string;
  /** Who sent it when that is not the speaker (a desk officer speaking as the desk, exercise control as a party); "" otherwise. */
  by: string; byLabel: string;
  to: string[]; toLabel: string; ccLabel: string;
  /** Staff seats: "from X to Y, cc Z" (who talks to whom); "" for trainees. */
  routeLabel: string;
  kind: string; kindLabel: string;
  channel: string; channelLabel: string;
  urgency: string; urgencyLabel: string;
  legalBasis: string; legalBasisLabel: string;
  language: string;
  text: string;
  inReplyTo: string;
  /** "reply to CIN Luxembourg (LU) (0:03:10)" */
  replyToLabel: string;
  /** Id of the first message of the thread, and how deep this one is in it. */
  thread: string; depth: number;
  read: boolean;
  acknowledged: boolean;
  /** The answer that acknowledged it: who and when. */
  ackedBy: string; ackedAt: number | null; ackedLabel: string;
  /** The seat may acknowledge it (a message a person sent, not yet acknowledged by this seat). */
  canAck: boolean;
  /** The seat may answer it (Reply). */
  canReply: boolean;
  /** Exercise control: the party or desk it answers as; "" otherwise. */
  speakAs: string; speakAsLabel: string;
  /** A staff seat watching traffic it takes no part in (between trainees, or the scenario's scripted deliveries). */
  observed: boolean;
  refusal?: { code: string; reason: string };
  item: CommsItem;
}
export interface ListOptions {
  scenario?: Scenario | null;
  /** Ids the user has read (received items only). */
  read?: ReadonlySet<string>;
  lang?: string;
}

type Msg = Extract<CommsItem, { kind: "message" }>;
/**
 * Received or sent, for this seat. Observers send nothing: every message is traffic they watch, and
 * the refusals of exercise control's commands (which share its history) are not theirs to see.
 */
const directionOf = (i: CommsItem, seat: Seat): "in" | "out" | null => {
  if (i.kind === "delivery") return "in";
  if (i.kind === "message") return seat.kind === "evaluator" ? "in" : (i.direction ?? (i.by === seat.role ? "out" : "in"));
  if (i.kind === "refused") return seat.kind === "evaluator" ? null : "out";
  return null;
};
const isStaff = (seat: Seat) => seat.kind === "instructor" || seat.kind === "evaluator";

/** Whom a scenario delivery went to (staff seats have the injects); [] when the scenario does not say (an ad-hoc inject). */
function deliveryTo(sc: Scenario | null, i: Extract<CommsItem, { kind: "delivery" }>): string[] {
  const k = Number(i.id.slice(i.id.lastIndexOf("#") + 1));
  const d = sc?.injects.find((x) => x.id === i.inject)?.deliver[k];
  return d ? [...d.to] : [];
}
const recipientName = (sc: Scenario | null, id: string, l: string) => (id === "all" ? tr("mail.everyone") : nameOf(sc, id, l));

function mailRows(items: readonly CommsItem[], seat: Seat, o: ListOptions, want: "in" | "out"): MailRow[] {
  const l = o.lang ?? uiLang();
  const sc = o.scenario ?? null;
  const staff = isStaff(seat);
  const plays = seat.kind === "instructor" && sc ? exconPlays(sc) : new Set<string>();
  const byId = new Map(items.filter((i) => i.kind !== "decision").map((i) => [i.id, i]));
  const replyOf = (i: CommsItem) => (i.kind === "message" ? i.inReplyTo ?? "" : "");
  const root = (i: CommsItem): { thread: string; depth: number } => {
    let cur = i, depth = 0;
    const seen = new Set([i.id]);
    for (;;) {
      const parent = byId.get(replyOf(cur));
      if (!parent || seen.has(parent.id)) return { thread: cur.id, depth };
      seen.add(parent.id);
      cur = parent;
      depth += 1;
    }
  };
  // An item counts as acknowledged when a message answering it went the other way. Staff seats see
  // both sides of the traffic: there, any answer from someone other than the sender counts, and
  // exercise control's own Acknowledge goes once it has answered itself.
  const senderOf = (i: CommsItem) => (i.kind === "message" || i.kind === "delivery" ? i.from : "");
  const answers = new Map<string, Msg>();
  const ownAnswers = new Set<string>();
  for (const i of items) {
    if (i.kind !== "message" || !i.inReplyTo) continue;
    const target = byId.get(i.inReplyTo);
    if (!target) continue;
    if (seat.kind === "instructor" && i.by === INSTRUCTOR) ownAnswers.add(i.inReplyTo);
    const counts = staff ? senderOf(target) !== i.from : directionOf(target, seat) !== directionOf(i, seat);
    if (counts && !answers.has(i.inReplyTo)) answers.set(i.inReplyTo, i);
  }
  const route = (to: string[], cc: string[], fromLabel: string): string => {
    if (!staff) return "";
    if (!to.length) return tr("mail.fromOnly", { from: fromLabel });
    const toLabel = to.map((x) => recipientName(sc, x, l)).join(", ");
    return cc.length ? tr("mail.fromToCc", { from: fromLabel, to: toLabel, cc: cc.map((x) => recipientName(sc, x, l)).join(", ") }) : tr("mail.fromTo", { from: fromLabel, to: toLabel });
  };
  const rows: { row: MailRow; n: number }[] = [];
  items.forEach((i, n) => {
    const dir = directionOf(i, seat);
    if (dir !== want || i.kind === "decision") return;
    const ans = answers.get(i.id);
    const parent = byId.get(replyOf(i));
    const parentFrom = parent?.kind === "message" || parent?.kind === "delivery" ? parent.from : "";
    const speakAs = dir === "in" && seat.kind === "instructor" && sc ? exconSpeaksAs(sc, i, plays) : "";
    const canReply = dir === "in" && canReplyTo(sc, seat, i);
    const answeredByMe = seat.kind === "instructor" ? ownAnswers.has(i.id) : !!ans;
    const base = {
      id: i.id, direction: dir, t: i.t, time: clock(i.t), ...root(i),
      inReplyTo: replyOf(i), replyToLabel: parent ? tr("mail.replyTo", { who: nameOf(sc, parentFrom, l), time: clock(parent.t) }) : "",
      read: dir === "out" || !!o.read?.has(i.id),
      acknowledged: !!ans, ackedBy: ans?.from ?? "", ackedAt: ans?.t ?? null,
      ackedLabel: ans ? tr("mail.ackedBy", { who: nameOf(sc, ans.from, l), time: clock(ans.t) }) : "",
      // Only a message a person sent is acknowledged: a scripted delivery is answered, if at all, by a reply.
      canAck: canReply && i.kind === "message" && !answeredByMe,
      canReply,
      speakAs, speakAsLabel: speakAs ? nameOf(sc, speakAs, l) : "",
      observed: staff && dir === "in" && !speakAs,
      by: "", byLabel: "",
      item: i,
    };
    let row: MailRow;
    if (i.kind === "delivery") {
      const to = staff ? deliveryTo(sc, i) : [seat.role];
      const fromLabel = nameOf(sc, i.from, l);
      row = {
        ...base, source: "delivery", from: i.from, fromLabel, to, toLabel: staff ? to.map((x) => recipientName(sc, x, l)).join(", ") : "", ccLabel: "",
        routeLabel: route(to, [], fromLabel),
        kind: i.messageKind, kindLabel: kindLabel(i.messageKind), channel: i.channel, channelLabel: channelLabel(i.channel),
        urgency: "", urgencyLabel: "", legalBasis: "", legalBasisLabel: "", language: i.text[l] ? l : "en", text: pick(i.text, l),
      };
    } else if (i.kind === "message") {
      const fromLabel = nameOf(sc, i.from, l);
      const by = staff && i.by && i.by !== i.from ? i.by : "";
      row = {
        ...base, source: "message", from: i.from, fromLabel, by, byLabel: by ? nameOf(sc, by, l) : "", to: [i.to, ...i.cc],
        toLabel: nameOf(sc, i.to, l), ccLabel: i.cc.map((c) => nameOf(sc, c, l)).join(", "),
        routeLabel: route([i.to], i.cc, fromLabel),
        kind: i.messageKind, kindLabel: kindLabel(i.messageKind), channel: i.channel, channelLabel: channelLabel(i.channel),
        urgency: i.urgency ?? "", urgencyLabel: i.urgency ? urgencyBadge(i.urgency) : "",
        legalBasis: i.legalBasis ?? "", legalBasisLabel: i.legalBasis ? basisLabel(i.legalBasis) : "", language: i.language, text: i.text,
      };
    } else {
      row = {
        ...base, source: "refused", from: seat.role, fromLabel: nameOf(sc, seat.role, l), to: [], toLabel: "", ccLabel: "", routeLabel: "",
        kind: "refused", kindLabel: tr("mail.refused"), channel: "system", channelLabel: channelLabel("system"),
        urgency: "", urgencyLabel: "", legalBasis: "", legalBasisLabel: "", language: l, text: refusalText(i.code, i.reason, (k, o) => i18next.t(k, o ?? {}), (k) => i18next.exists(k)),
        refusal: { code: i.code, reason: i.reason }, canAck: false, canReply: false, observed: false,
      };
    }
    rows.push({ row, n });
  });
  // Newest first; among items of the same tick, the later arrival first.
  return rows.sort((a, b) => b.row.t - a.row.t || b.n - a.n).map((r) => r.row);
}

/** What the seat received: scenario deliveries and messages, newest first, with read and acknowledgement state. */
export const inbox = (items: readonly CommsItem[], seat: Seat, o: ListOptions = {}): MailRow[] => mailRows(items, seat, o, "in");
/** What the seat sent, and the commands the exercise refused, newest first. */
export const outbox = (items: readonly CommsItem[], seat: Seat, o: ListOptions = {}): MailRow[] => mailRows(items, seat, o, "out");
export const unreadCount = (rows: readonly MailRow[]): number => rows.filter((r) => !r.read).length;

/** Every item of a thread, oldest first. */
export function threadOf(items: readonly CommsItem[], seat: Seat, id: string, o: ListOptions = {}): MailRow[] {
  const all = [...inbox(items, seat, o), ...outbox(items, seat, o)];
  const thread = all.find((r) => r.id === id)?.thread;
  return all.filter((r) => r.thread === thread).sort((a, b) => a.t - b.t);
}

// ---------------------------------------------------------------------------------------------
// SPOC deadlines

export interface DeadlineRow {
  id: string; t: number; by: string; byLabel: string;
  desk: string; deskLabel: string; requestedCountry: string;
  urgency: string; urgencyLabel: string;
  deadline: number;
  /** Ticks left (negative once overdue), and the same in legal (uncompressed) seconds. */
  left: number; legalLeft: number;
  status: "open" | "overdue" | "met" | "late";
  overdue: boolean;
  replied: number | null; delayNotice: number | null;
  /** "req-3 to Luxembourg SPOC (LU)" */
  title: string;
  /** "7m 12s (legal 7h 12m)", "overdue by ...", "answered in time at 0:12:00" */
  text: string;
  statusLabel: string;
  delayLabel: string;
}

/** SPOC requests with their time left; open ones first, soonest deadline first. */
export function deadlines(spoc: readonly SpocItem[], tick: number, clockRatio: number, o: { scenario?: Scenario | null; lang?: string } = {}): DeadlineRow[] {
  const l = o.lang ?? uiLang();
  const sc = o.scenario ?? null;
  const rows = spoc.map((r): DeadlineRow => {
    const left = r.deadline - tick;
    const status = r.replied !== null ? (r.replied <= r.deadline ? "met" : "late") : tick > r.deadline ? "overdue" : "open";
    const text = status === "met" ? tr("deadline.met", { time: clock(r.replied ?? 0) }) : status === "late" ? tr("deadline.late", { time: clock(r.replied ?? 0) }) : formatLeft(left, clockRatio);
    const deskLabel = nameOf(sc, r.desk, l).replace(/ \([A-Z]{2}\)$/, "");
    return {
      id: r.id, t: r.t, by: r.by, byLabel: nameOf(sc, r.by, l), desk: r.desk, deskLabel, requestedCountry: r.requestedCountry,
      urgency: r.urgency, urgencyLabel: urgencyBadge(r.urgency), deadline: r.deadline, left, legalLeft: left * clockRatio,
      status, overdue: status === "overdue", replied: r.replied, delayNotice: r.delayNotice,
      title: tr("deadline.request", { id: r.id, desk: deskLabel, country: r.requestedCountry }), text,
      statusLabel: tr(`deadline.status.${status}`), delayLabel: r.delayNotice !== null ? tr("deadline.delayNotice", { time: clock(r.delayNotice) }) : "",
    };
  });
  const rank = { overdue: 0, open: 1, late: 2, met: 3 } as const;
  return rows.sort((a, b) => rank[a.status] - rank[b.status] || (a.status === "open" || a.status === "overdue" ? a.deadline - b.deadline : b.t - a.t));
}

// ---------------------------------------------------------------------------------------------
// Decision log

export interface DecisionDraft { decision: string; options: string[]; rationale: string; legal_basis: LegalBasis | "" }
export const emptyDecision = (): DecisionDraft => ({ decision: "", options: [""], rationale: "", legal_basis: "" });
export type DecisionResult = { ok: true; command: DecisionInput } | { ok: false; issues: Issue[] };

/** A decision form as a command, validated with DecisionCommand; empty option lines are dropped. */
export function decisionToCommand(draft: DecisionDraft): DecisionResult {
  const issues: Issue[] = [];
  if (!draft.decision.trim()) issues.push({ field: "decision", message: tr("err.decision") });
  if (!draft.rationale.trim()) issues.push({ field: "rationale", message: tr("err.rationale") });
  // Keep the form's positions so that an error points at the right line.
  const kept = draft.options.map((text, n) => ({ text: text.trim(), n })).filter((o) => o.text);
  const raw = {
    type: "decision", decision: draft.decision, options: kept.map((o) => o.text), rationale: draft.rationale,
    ...(draft.legal_basis ? { legal_basis: draft.legal_basis } : {}),
  };
  const parsed = DecisionCommand.safeParse(raw);
  if (!parsed.success) {
    const mapped = zodIssues(parsed.error.issues, new Set(issues.map((i) => i.field)), "err");
    for (const i of mapped) {
      const m = /^options\.(\d+)$/.exec(i.field);
      issues.push(m ? { ...i, field: `options.${kept[Number(m[1])]?.n ?? m[1]}` } : i);
    }
  }
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, command: parsed.data };
}

export interface DecisionRow {
  id: string; t: number; time: string; by: string;
  /** "French patrol commander (BAC Thionville) (FR)" */
  byLabel: string;
  /** The role's title alone: "French patrol commander (BAC Thionville)" ("Exercise control" for exercise control). */
  roleTitle: string;
  decision: string; options: string[]; rationale: string; legalBasis: string; legalBasisLabel: string;
}
export interface DecisionLogOptions {
  scenario?: Scenario | null;
  lang?: string;
  /** Only the decisions of this role ("" or absent: every role's). */
  by?: string;
}
const roleTitleOf = (sc: Scenario | null | undefined, id: string, l: string): string => {
  if (id === INSTRUCTOR) return tr("excon");
  const role = sc?.roles.find((r) => r.id === id);
  return role ? pick(role.title, l) : nameOf(sc, id, l);
};
type DecisionItem = Extract<CommsItem, { kind: "decision" }>;

/** Recorded decisions, newest first: a trainee's own; for staff seats every role's, optionally one role's. */
export function decisionLog(items: readonly CommsItem[], o: DecisionLogOptions = {}): DecisionRow[] {
  const l = o.lang ?? uiLang();
  return items
    .map((i, n) => ({ i, n }))
    .filter((x): x is { i: DecisionItem; n: number } => x.i.kind === "decision" && (!o.by || x.i.by === o.by))
    .sort((a, b) => b.i.t - a.i.t || b.n - a.n)
    .map(({ i }) => ({
      id: i.id, t: i.t, time: clock(i.t), by: i.by, byLabel: nameOf(o.scenario, i.by, l), roleTitle: roleTitleOf(o.scenario, i.by, l),
      decision: i.decision, options: [...i.options],
      rationale: i.rationale, legalBasis: i.legalBasis ?? "", legalBasisLabel: i.legalBasis ? basisLabel(i.legalBasis) : "",
    }));
}

export interface DecisionAuthor { id: string; label: string; count: number }
/**
 * The choices of the decision log's role filter (staff seats): every role of the scenario in its
 * order, with how many decisions it recorded (none yet is worth seeing too), then anyone else who
 * recorded one (exercise control, a role the scenario no longer lists).
 */
export function decisionAuthors(items: readonly CommsItem[], o: { scenario?: Scenario | null; lang?: string } = {}): DecisionAuthor[] {
  const l = o.lang ?? uiLang();
  const counts = new Map<string, number>();
  for (const i of items) if (i.kind === "decision") counts.set(i.by, (counts.get(i.by) ?? 0) + 1);
  const roles = (o.scenario?.roles ?? []).map((r) => r.id);
  const others = [...counts.keys()].filter((id) => !roles.includes(id)).sort();
  return [...roles, ...others].map((id) => ({ id, label: nameOf(o.scenario, id, l), count: counts.get(id) ?? 0 }));
}
