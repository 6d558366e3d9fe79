// Rating each objective from the exercise's events alone: the outcome against its deadline, the
// expected actions it lists, and the legal rules it checks. Any listed violation by a rated role caps
// the rating at M even when the outcome was reached; the outcome is reported apart from legality.
import type { Objective } from "../scenario/schema.ts";
import { ARTICLES } from "../sim/law/articles.ts";
import type { EventOf, SimEvent } from "../sim/types.ts";
import type { Evaluations } from "./evaluations.ts";
import { average, capAt, worse, type Rating } from "./ratings.ts";
import { reasonText, type Reason } from "./reasons.ts";

export type Outcome =
  | { kind: "conduct_only" }
  | { kind: "achieved"; at: number; deadline?: number; lateBy: number; holdsAtEnd: boolean }
  | { kind: "not_achieved"; deadline?: number };

export interface ViolationFinding { t: number; code: string; role: string | null; unit?: string; article: string; rule: string; detail: string }

export interface ObjectiveScore {
  id: string;
  title: Record<string, string | undefined>;
  weight: number;
  rated: string[];
  outcome: Outcome;
  violations: ViolationFinding[];
  expected: { ref: string; status: "met" | "missed" | "not_fired"; latency?: number; t?: number }[];
  automatic: Rating;
  evaluatorRatings: { evaluator: string; rating: Rating; reason?: string; at?: number }[];
  merged: Rating;
  override?: { evaluator: string; rating: Rating; reason: string };
  final: Rating;
  /** Why, in English (the live console shows these). */
  reasons: string[];
  /** The same reasons as data, in the same order, for rendering in another language (reasonText). */
  why: Reason[];
}

function outcomeRating(o: Objective, outcome: Outcome, why: Reason[]): Rating {
  if (outcome.kind === "conduct_only") return "P";
  if (outcome.kind === "not_achieved") {
    why.push({ key: "outcome_not_reached", params: { ...(outcome.deadline !== undefined ? { deadline: outcome.deadline } : {}) } });
    return "U";
  }
  let r: Rating = "P";
  if (outcome.lateBy <= 0) why.push({ key: "outcome_on_time", params: { at: outcome.at, ...(outcome.deadline !== undefined ? { deadline: outcome.deadline } : {}) } });
  else if (outcome.lateBy <= o.rating.grace) { r = "S"; why.push({ key: "outcome_within_grace", params: { lateBy: outcome.lateBy, grace: o.rating.grace } }); }
  else if (o.rating.late === undefined || outcome.lateBy <= o.rating.late) { r = "M"; why.push({ key: "outcome_late", params: { lateBy: outcome.lateBy } }); }
  else { r = "U"; why.push({ key: "outcome_too_late", params: { lateBy: outcome.lateBy, late: o.rating.late } }); }
  if (!outcome.holdsAtEnd) { r = capAt(r, "M"); why.push({ key: "outcome_lost", params: { at: outcome.at } }); }
  return r;
}

export function scoreObjective(o: Objective, events: SimEvent[], ev: Evaluations): ObjectiveScore {
  const why: Reason[] = [];
  const achieved = events.find((e): e is EventOf<"objective_achieved"> => e.type === "objective_achieved" && e.objective === o.id);
  const final = events.find((e): e is EventOf<"objective_final"> => e.type === "objective_final" && e.objective === o.id);
  const outcome: Outcome = !o.achieve
    ? { kind: "conduct_only" }
    : achieved
      ? { kind: "achieved", at: achieved.t, ...(o.by !== undefined ? { deadline: o.by } : {}), lateBy: o.by === undefined ? 0 : achieved.t - o.by, holdsAtEnd: final ? final.holdsAtEnd : true }
      : { kind: "not_achieved", ...(o.by !== undefined ? { deadline: o.by } : {}) };
  let rating = outcomeRating(o, outcome, why);

  // Expected actions listed by the objective: one missed -> S at best, more than half -> M at best.
  const expected = o.rating.expected.map((ref) => {
    const [inject, exp] = ref.split("/");
    const met = events.find((e): e is EventOf<"expected_met"> => e.type === "expected_met" && e.inject === inject && e.expected === exp);
    const missed = events.find((e): e is EventOf<"expected_missed"> => e.type === "expected_missed" && e.inject === inject && e.expected === exp);
    return met ? { ref, status: "met" as const, latency: met.latency, t: met.t } : missed ? { ref, status: "missed" as const, t: missed.t } : { ref, status: "not_fired" as const };
  });
  const fired = expected.filter((x) => x.status !== "not_fired");
  const missed = expected.filter((x) => x.status === "missed");
  if (missed.length > 0) {
    const cap: Rating = missed.length * 2 > fired.length ? "M" : "S";
    rating = capAt(rating, cap);
    why.push({ key: "expected_missed", params: { cap, missed: missed.map((x) => x.ref), fired: fired.length } });
  }

  // Legality: any listed violation by a rated role caps the rating at M.
  const violations: ViolationFinding[] = events
    .filter((e): e is EventOf<"violation"> => e.type === "violation" && (o.rules as string[]).includes(e.code) && e.role !== null && o.rated.includes(e.role))
    .map((e) => ({ t: e.t, code: e.code, role: e.role, ...(e.unit ? { unit: e.unit } : {}), article: e.article, rule: ARTICLES[e.code].rule, detail: e.detail }));
  if (violations.length > 0) {
    rating = capAt(rating, "M");
    const rules = new Map(violations.map((v) => [`${v.code}, ${v.article}`, { code: v.code, article: v.article }]));
    why.push({ key: "violations", params: { count: violations.length, rules: [...rules.values()] } });
  }
  if (why.length === 0 || (rating === "P" && outcome.kind === "conduct_only")) why.push({ key: "lawful", params: { hasRules: o.rules.length > 0, allExpectedDone: fired.length > 0 } });

  const evaluatorRatings = ev.ratings.filter((r) => r.objective === o.id).map((r) => ({ evaluator: r.evaluator, rating: r.rating, ...(r.reason ? { reason: r.reason } : {}), ...(r.at !== undefined ? { at: r.at } : {}) }));
  let merged = rating;
  if (evaluatorRatings.length) {
    const all = [rating, ...evaluatorRatings.map((r) => r.rating)];
    merged = o.rating.aggregate === "min" ? all.reduce(worse) : average(all);
    if (violations.length) merged = capAt(merged, "M");
    why.push({ key: "merged", params: { merged, automatic: rating, count: evaluatorRatings.length, aggregate: o.rating.aggregate } });
  }
  const ov = [...ev.overrides].reverse().find((x) => x.objective === o.id);
  if (ov) why.push({ key: "override", params: { rating: ov.rating, evaluator: ov.evaluator, reason: ov.reason } });
  return {
    id: o.id, title: o.title, weight: o.weight, rated: o.rated, outcome, violations, expected,
    automatic: rating, evaluatorRatings, merged, ...(ov ? { override: { evaluator: ov.evaluator, rating: ov.rating, reason: ov.reason } } : {}),
    final: ov ? ov.rating : merged, reasons: why.map((r) => reasonText(r, "en")), why,
  };
}
