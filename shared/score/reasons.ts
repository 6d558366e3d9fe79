// Why an objective got its rating, as data ({ key, params }) and as sentences in the report
// languages. Scoring keeps the English sentences in ObjectiveScore.reasons (the live console and the
// pinned golden reports read them); the after-action report renders the same data in its language.
import { clock } from "../sim/timeline.ts";
import type { Rating } from "./ratings.ts";

export type Reason =
  | { key: "outcome_not_reached"; params: { deadline?: number } }
  | { key: "outcome_on_time"; params: { at: number; deadline?: number } }
  | { key: "outcome_within_grace"; params: { lateBy: number; grace: number } }
  | { key: "outcome_late"; params: { lateBy: number } }
  | { key: "outcome_too_late"; params: { lateBy: number; late: number } }
  | { key: "outcome_lost"; params: { at: number } }
  | { key: "expected_missed"; params: { cap: Rating; missed: string[]; fired: number } }
  | { key: "violations"; params: { count: number; rules: { code: string; article: string }[] } }
  | { key: "lawful"; params: { hasRules: boolean; allExpectedDone: boolean } }
  | { key: "merged"; params: { merged: Rating; automatic: Rating; count: number; aggregate: "min" | "avg" } }
  | { key: "override"; params: { rating: Rating; evaluator: string; reason: string } };

export type ReasonKey = Reason["key"];
type Params<K extends ReasonKey> = Extract<Reason, { key: K }>["params"];
type Phrases = { [K in ReasonKey]: (p: Params<K>) => string };
/** How a legal citation reads in the language (the report passes its own; English leaves it as is). */
export type Cite = (article: string) => string;

const mins = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

// English: byte for byte what scoring has always written (the golden reports pin it).
const EN = (cite: Cite): Phrases => ({
  outcome_not_reached: (p) => `U: the outcome was not reached${p.deadline !== undefined ? ` (deadline ${clock(p.deadline)})` : ""}`,
  outcome_on_time: (p) => `outcome reached at ${clock(p.at)}${p.deadline !== undefined ? `, on time (deadline ${clock(p.deadline)})` : ""}`,
  outcome_within_grace: (p) => `S: outcome reached ${mins(p.lateBy)} after the deadline, within the ${mins(p.grace)} grace`,
  outcome_late: (p) => `M: outcome reached ${mins(p.lateBy)} after the deadline`,
  outcome_too_late: (p) => `U: outcome reached ${mins(p.lateBy)} after the deadline, later than the ${mins(p.late)} allowed`,
  outcome_lost: (p) => `M at best: the outcome reached at ${clock(p.at)} no longer held at the end`,
  expected_missed: (p) => `${p.cap} at best: ${p.missed.length} of ${p.fired} expected action${plural(p.fired, "", "s")} missed (${p.missed.join(", ")})`,
  violations: (p) => `M at best: ${p.count} violation${plural(p.count, "", "s")} of the rules this objective checks (${p.rules.map((r) => `${r.code}, ${cite(r.article)}`).join("; ")})`,
  lawful: (p) => `P: ${p.hasRules ? "no violation of the rules checked" : "no finding against it"}${p.allExpectedDone ? ", every expected action done" : ""}`,
  merged: (p) => `${p.merged}: automatic ${p.automatic} merged with ${p.count} evaluator rating${plural(p.count, "", "s")} by ${p.aggregate === "min" ? "the minimum" : "the average"}`,
  override: (p) => `${p.rating}: overridden by ${p.evaluator}: ${p.reason}`,
});

const FR = (cite: Cite): Phrases => ({
  outcome_not_reached: (p) => `U : résultat non atteint${p.deadline !== undefined ? ` (échéance ${clock(p.deadline)})` : ""}`,
  outcome_on_time: (p) => `résultat atteint à ${clock(p.at)}${p.deadline !== undefined ? `, dans les délais (échéance ${clock(p.deadline)})` : ""}`,
  outcome_within_grace: (p) => `S : résultat atteint ${mins(p.lateBy)} après l'échéance, dans la tolérance de ${mins(p.grace)}`,
  outcome_late: (p) => `M : résultat atteint ${mins(p.lateBy)} après l'échéance`,
  outcome_too_late: (p) => `U : résultat atteint ${mins(p.lateBy)} après l'échéance, au-delà du retard admis de ${mins(p.late)}`,
  outcome_lost: (p) => `M au mieux : le résultat atteint à ${clock(p.at)} n'était plus acquis à la fin`,
  expected_missed: (p) => `${p.cap} au mieux : ${p.fired === 1
    ? "l'action attendue n'a pas été réalisée"
    : `${p.missed.length} des ${p.fired} actions attendues ${plural(p.missed.length, "n'a pas été réalisée", "n'ont pas été réalisées")}`} (${p.missed.join(", ")})`,
  violations: (p) => `M au mieux : ${p.count} ${plural(p.count, "infraction", "infractions")} aux règles contrôlées par cet objectif (${p.rules.map((r) => `${r.code}, ${cite(r.article)}`).join(" ; ")})`,
  lawful: (p) => `P : ${p.hasRules ? "aucune infraction aux règles contrôlées" : "aucun constat défavorable"}${p.allExpectedDone ? ", toutes les actions attendues réalisées" : ""}`,
  merged: (p) => `${p.merged} : note automatique ${p.automatic} combinée à ${p.count} ${plural(p.count, "note d'évaluateur", "notes d'évaluateurs")} par ${p.aggregate === "min" ? "le minimum" : "la moyenne"}`,
  override: (p) => `${p.rating} : note remplacée par ${p.evaluator} : ${p.reason}`,
});

const DE = (cite: Cite): Phrases => ({
  outcome_not_reached: (p) => `U: Ergebnis nicht erreicht${p.deadline !== undefined ? ` (Frist ${clock(p.deadline)})` : ""}`,
  outcome_on_time: (p) => `Ergebnis um ${clock(p.at)} erreicht${p.deadline !== undefined ? `, fristgerecht (Frist ${clock(p.deadline)})` : ""}`,
  outcome_within_grace: (p) => `S: Ergebnis ${mins(p.lateBy)} nach Fristablauf erreicht, innerhalb der Toleranz von ${mins(p.grace)}`,
  outcome_late: (p) => `M: Ergebnis ${mins(p.lateBy)} nach Fristablauf erreicht`,
  outcome_too_late: (p) => `U: Ergebnis ${mins(p.lateBy)} nach Fristablauf erreicht, über die zulässige Verspätung von ${mins(p.late)} hinaus`,
  outcome_lost: (p) => `Höchstens M: Das um ${clock(p.at)} erreichte Ergebnis bestand am Ende nicht mehr`,
  expected_missed: (p) => `Höchstens ${p.cap}: ${p.fired === 1
    ? "Die erwartete Handlung wurde versäumt"
    : `${p.missed.length} von ${p.fired} erwarteten Handlungen versäumt`} (${p.missed.join(", ")})`,
  violations: (p) => `Höchstens M: ${p.count} ${plural(p.count, "Verstoß", "Verstöße")} gegen die von diesem Ziel geprüften Regeln (${p.rules.map((r) => `${r.code}, ${cite(r.article)}`).join("; ")})`,
  lawful: (p) => `P: ${p.hasRules ? "kein Verstoß gegen die geprüften Regeln" : "keine nachteilige Feststellung"}${p.allExpectedDone ? ", alle erwarteten Handlungen erfüllt" : ""}`,
  merged: (p) => `${p.merged}: automatische Bewertung ${p.automatic}, mit ${p.count} ${plural(p.count, "Beobachterbewertung", "Beobachterbewertungen")} über das ${p.aggregate === "min" ? "Minimum" : "Mittel"} zusammengeführt`,
  override: (p) => `${p.rating}: von ${p.evaluator} abgeändert: ${p.reason}`,
});

const TABLES: Record<string, (cite: Cite) => Phrases> = { en: EN, fr: FR, de: DE };
export const REASON_LANGUAGES = Object.keys(TABLES);

/** The reason as a sentence in `lang` (English when the language has no table). */
export function reasonText(r: Reason, lang = "en", cite: Cite = (a) => a): string {
  const phrases = (TABLES[lang] ?? EN)(cite);
  return (phrases[r.key] as (p: Reason["params"]) => string)(r.params);
}

/** The rating a reason speaks for (null for a plain statement of when the outcome was reached). */
export function reasonRating(r: Reason): Rating | null {
  switch (r.key) {
    case "outcome_not_reached": case "outcome_too_late": return "U";
    case "outcome_late": case "outcome_lost": case "violations": return "M";
    case "outcome_within_grace": return "S";
    case "lawful": return "P";
    case "expected_missed": return r.params.cap;
    case "merged": return r.params.merged;
    case "override": return r.params.rating;
    case "outcome_on_time": return null;
  }
}
