// Formal acts between states, as view models: whom a role may ask for special-unit assistance
// (ATLAS, Decision 2008/617, or Prüm Art. 18), the requests waiting for its answer, operation
// agreements and conferred powers (Prüm Art. 17), and the list of acts so far. Each form becomes a
// command checked with the room's own zod schemas; the engine then judges it under the law.
import type { z } from "zod";
import type { ActItem, CommsItem, Seat } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { AgreementCommand, AssistanceAnswerCommand, AssistanceRequestCommand, ConferPowersCommand, type CommandInput } from "../../shared/sim/commands.ts";
import { countryOfRole } from "../../shared/rules-card.ts";

export type Issue = { field: string; message: string };
export type Built = { ok: true; command: CommandInput } | { ok: false; issues: Issue[] };

type Text = Record<string, string | undefined>;
const say = (t: Text | undefined, lang: string, id: string) => (t ? t[lang] ?? t.en ?? id : id);

/** Parties and desks of other states a role may ask for assistance, labelled "name · country". */
export function assistanceTargets(sc: Scenario, seat: Seat, lang = "en"): { value: string; label: string; country: string }[] {
  const mine = countryOfRole(sc, seat.role);
  const desks = sc.desks.filter((d) => d.country !== mine).map((d) => ({ value: d.id, label: `${say(d.name, lang, d.id)} · ${d.country}`, country: d.country }));
  const parties = sc.parties.filter((p) => p.country !== mine).map((p) => ({ value: p.id, label: `${say(p.name, lang, p.id)} · ${p.country}`, country: p.country }));
  return [...desks, ...parties];
}

/** Countries of the scenario (for agreements), the role's own first. */
export function countries(sc: Scenario, seat: Seat): string[] {
  const mine = countryOfRole(sc, seat.role);
  const all = [...new Set([...sc.parties.map((p) => p.country), ...sc.map.countries.map((c) => c.code)])];
  return [mine, ...all.filter((c) => c !== mine).sort()].filter(Boolean);
}

const acts = (items: readonly CommsItem[]) => items.filter((i): i is ActItem => i.kind === "act");

/** Assistance requests this role received and nobody of its state has answered yet. */
export function pendingRequests(items: readonly CommsItem[]): ActItem[] {
  const all = acts(items);
  const answered = new Set(all.filter((a) => a.act === "assistance_answer").map((a) => a.request));
  return all.filter((a) => a.act === "assistance_request" && a.direction === "in" && !answered.has(a.request));
}

/** The acts so far, newest first. */
export function actLog(items: readonly CommsItem[]): ActItem[] {
  return acts(items).sort((a, b) => b.t - a.t);
}

const issues = (e: z.ZodError): Issue[] => e.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message }));
function check<T extends z.ZodType>(schema: T, value: unknown, need: Issue[]): Built {
  if (need.length) return { ok: false, issues: need };
  const r = schema.safeParse(value);
  return r.success ? { ok: true, command: value as CommandInput } : { ok: false, issues: issues(r.error) };
}

export interface AssistanceForm { to: string; legalBasis: "decision_2008_617" | "prum_18"; nature: string; necessity: string; forms: string[] }
export function assistanceCommand(f: AssistanceForm): Built {
  const need: Issue[] = [];
  if (!f.to) need.push({ field: "to", message: "to" });
  // Art. 3 of Decision 2008/617: a request states its nature and why the help is needed.
  if (!f.nature.trim()) need.push({ field: "nature", message: "nature" });
  if (!f.necessity.trim()) need.push({ field: "necessity", message: "necessity" });
  return check(AssistanceRequestCommand, { type: "assistance_request", to: f.to, legal_basis: f.legalBasis, nature: f.nature.trim(), necessity: f.necessity.trim(), forms: f.forms }, need);
}

export interface AnswerForm { request: string; answer: "accept" | "refuse" | "offer_alternative"; forms: string[]; note: string }
export function answerCommand(f: AnswerForm): Built {
  return check(AssistanceAnswerCommand, { type: "assistance_answer", request: f.request, answer: f.answer, forms: f.forms, note: f.note.trim() }, f.request ? [] : [{ field: "request", message: "request" }]);
}

export interface AgreementForm { host: string; sending: string; purpose: string; area: string; powers: string[]; arms: string }
export function agreementCommand(f: AgreementForm): Built {
  const need: Issue[] = [];
  if (f.host === f.sending) need.push({ field: "sending", message: "same_state" });
  if (!f.purpose.trim()) need.push({ field: "purpose", message: "purpose" });
  return check(AgreementCommand, { type: "agreement", host: f.host, sending: f.sending, purpose: f.purpose.trim(), ...(f.area ? { area: f.area } : {}), powers: f.powers, arms: f.arms }, need);
}

export interface ConferForm { host: string; sending: string; powers: string[] }
export function conferCommand(f: ConferForm): Built {
  const need: Issue[] = [];
  if (f.host === f.sending) need.push({ field: "sending", message: "same_state" });
  if (!f.powers.length) need.push({ field: "powers", message: "powers" });
  return check(ConferPowersCommand, { type: "confer_powers", host: f.host, sending: f.sending, powers: f.powers }, need);
}
