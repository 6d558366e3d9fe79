// How the communications panel writes things: the translated labels of the message vocabulary,
// language names, exercise and story time, and durations. Every other comms view model builds its
// texts from these, so one language switch changes them all. Texts come from the "comms" namespace
// of the shared i18next instance (English when i18next is not initialised, as in unit tests).
import i18next from "i18next";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { CHANNELS, LEGAL_BASES, MESSAGE_KINDS, URGENCY, type MessageKind } from "../../../shared/scenario/vocab.ts";
import { storyTime as storyAt } from "../time.ts";

export type Channel = (typeof CHANNELS)[number];
export type Urgency = (typeof URGENCY)[number];
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type Text = Record<string, string | undefined>;

export const tr = (key: string, opts?: Record<string, unknown>): string => String(i18next.t(`comms:${key}`, opts as never));
/** The interface language (en when i18next is not initialised). */
export const uiLang = (): string => (i18next.language || "en").slice(0, 2);
/** A scenario text in the language l, else English, else any. */
export const pick = (text: Text | undefined, l: string): string => (text ? (text[l] ?? text.en ?? Object.values(text).find((v) => v) ?? "") : "");

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

export { clock } from "../time.ts";

/** The story's wall-clock time at a tick ("16:47"), or "" when the scenario gives no start time. */
export const storyTime = (scenario: Scenario | null | undefined, tick: number): string => storyAt(scenario, tick) ?? "";

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
