// What the composer fills in for the user until they choose otherwise: the language the recipient
// accepts, the channel, and the legal basis that fits the message kind, the recipient and what the
// seat's units are doing. Suggestions only: the user may change any of them, and touched fields stay.
import type { CommsItem, Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { CHANNELS, LEGAL_BASES } from "../../../shared/scenario/vocab.ts";
import type { Draft } from "./draft.ts";
import { languageName, uiLang, type Channel, type LegalBasis } from "./format.ts";
import { countryOf } from "./recipients.ts";
import { acceptedLanguages, speakerCountry, spocDeskIn } from "./spoc.ts";

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

/** A draft with the suggested language, channel and legal basis filled where the user has not chosen. */
export function withSuggestions(sc: Scenario, seat: Seat, draft: Draft, c: SuggestContext & { lang?: string; touched?: ReadonlySet<string> } = {}): Draft {
  const touched = c.touched ?? new Set<string>();
  const next = { ...draft, fields: { ...draft.fields } };
  if (!touched.has("language") && draft.to) next.language = suggestLanguage(sc, seat, draft.to, c.lang ?? uiLang(), draft.as);
  if (!touched.has("channel")) next.channel = suggestChannel(sc, draft, c.replyTo);
  if (!touched.has("legal_basis")) next.legal_basis = suggestLegalBasis(sc, seat, draft, c);
  return next;
}
