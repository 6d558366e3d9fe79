// Rating each objective from the exercise's events alone: the outcome against its deadline, the
// expected actions it lists, and the legal rules it checks. Any listed violation by a rated role caps
// the rating at M even when the outcome was reached; the outcome is reported apart from legality.
import type { Objective } from "../scenario/schema.ts";
import { ARTICLES } from "../sim/law/articles.ts";
import { clock } from "../sim/timeline.ts";
import type { EventOf, SimEvent } from "../sim/types.ts";
import type { Evaluations } from "./evaluations.ts";
import { average, capAt, worse, type Rating } from "./ratings.ts";

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
  reasons: string[];
}

const mins = (s: number) => (s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`);

function outcomeRating(o: Objective, outcome: Outcome, reasons: string[]): Rating {
  if (outcome.kind === "conduct_only") return "P";
  if (outcome.kind === "not_achieved") {
    reasons.push(`U: the outcome was not reached${outcome.deadline !== undefined ? ` (deadline ${clock(outcome.deadline)})` : ""}`);
    return "U";
  }
  let r: Rating = "P";
  if (outcome.lateBy <= 0) reasons.push(`outcome reached at ${clock(outcome.at)}${outcome.deadline !== undefined ? `, on time (deadline ${clock(outcome.deadline)})` : ""}`);
  else if (outcome.lateBy <= o.rating.grace) { r = "S"; reasons.push(`S: outcome reached ${mins(outcome.lateBy)} after the deadline, within the ${mins(o.rating.grace)} grace`); }
  else if (o.rating.late === undefined || outcome.lateBy <= o.rating.late) { r = "M"; reasons.push(`M: outcome reached ${mins(outcome.lateBy)} after the deadline`); }
  else { r = "U"; reasons.push(`U: outcome reached ${mins(outcome.lateBy)} after the deadline, later than the ${mins(o.rating.late)} allowed`); }
  if (!outcome.holdsAtEnd) { r = capAt(r, "M"); reasons.push(`M at best: the outcome reached at ${clock(outcome.at)} no longer held at the end`); }
  return r;
}

export function scoreObjective(o: Objective, events: SimEvent[], ev: Evaluations): ObjectiveScore {
  const reasons: string[] = [];
  const achieved = events.find((e): e is EventOf<"objective_achieved"> => e.type === "objective_achieved" && e.objective === o.id);
  const final = events.find((e): e is EventOf<"objective_final"> => e.type === "objective_final" && e.objective === o.id);
  const outcome: Outcome = !o.achieve
    ? { kind: "conduct_only" }
    : achieved
      ? { kind: "achieved", at: achieved.t, ...(o.by !== undefined ? { deadline: o.by } : {}), lateBy: o.by === undefined ? 0 : achieved.t - o.by, holdsAtEnd: final ? final.holdsAtEnd : true }
      : { kind: "not_achieved", ...(o.by !== undefined ? { deadline: o.by } : {}) };
  let rating = outcomeRating(o, outcome, reasons);

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
    reasons.push(`${cap} at best: ${missed.length} of ${fired.length} expected action${fired.length === 1 ? "" : "s"} missed (${missed.map((x) => x.ref).join(", ")})`);
  }

  // Legality: any listed violation by a rated role caps the rating at M.
  const violations: ViolationFinding[] = events
    .filter((e): e is EventOf<"violation"> => e.type === "violation" && (o.rules as string[]).includes(e.code) && e.role !== null && o.rated.includes(e.role))
    .map((e) => ({ t: e.t, code: e.code, role: e.role, ...(e.unit ? { unit: e.unit } : {}), article: e.article, rule: ARTICLES[e.code].rule, detail: e.detail }));
  if (violations.length > 0) {
    rating = capAt(rating, "M");
    reasons.push(`M at best: ${violations.length} violation${violations.length === 1 ? "" : "s"} of the rules this objective checks (${[...new Set(violations.map((v) => `${v.code}, ${v.article}`))].join("; ")})`);
  }
  if (reasons.length === 0 || (rating === "P" && outcome.kind === "conduct_only")) reasons.push(`P: ${o.rules.length ? "no violation of the rules checked" : "no finding against it"}${fired.length ? ", every expected action done" : ""}`);

  const evaluatorRatings = ev.ratings.filter((r) => r.objective === o.id).map((r) => ({ evaluator: r.evaluator, rating: r.rating, ...(r.reason ? { reason: r.reason } : {}), ...(r.at !== undefined ? { at: r.at } : {}) }));
  let merged = rating;
  if (evaluatorRatings.length) {
    const all = [rating, ...evaluatorRatings.map((r) => r.rating)];
    merged = o.rating.aggregate === "min" ? all.reduce(worse) : average(all);
    if (violations.length) merged = capAt(merged, "M");
    reasons.push(`${merged}: automatic ${rating} merged with ${evaluatorRatings.length} evaluator rating${evaluatorRatings.length === 1 ? "" : "s"} by ${o.rating.aggregate === "min" ? "the minimum" : "the average"}`);
  }
  const ov = [...ev.overrides].reverse().find((x) => x.objective === o.id);
  if (ov) reasons.push(`${ov.rating}: overridden by ${ov.evaluator}: ${ov.reason}`);
  return {
    id: o.id, title: o.title, weight: o.weight, rated: o.rated, outcome, violations, expected,
    automatic: rating, evaluatorRatings, merged, ...(ov ? { override: { evaluator: ov.evaluator, rating: ov.rating, reason: ov.reason } } : {}),
    final: ov ? ov.rating : merged, reasons,
  };
}
