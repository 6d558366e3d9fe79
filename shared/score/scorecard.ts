// The scorecard: every objective rated, then rolled up per role, per country team and for the whole
// exercise, with a numeric score from the scenario's weights. A pure function of scenario, events
// and evaluator input: the same log always gives the same scorecard.
import type { Scenario } from "../scenario/schema.ts";
import type { SimEvent } from "../sim/types.ts";
import { NO_EVALUATIONS, type Evaluations } from "./evaluations.ts";
import { computeMetrics, type Metrics } from "./metrics.ts";
import { scoreObjective, type ObjectiveScore } from "./objectives.ts";
import { fraction, type Rating } from "./ratings.ts";

export interface Rollup { rating: Rating; score: number; objectives: string[] }
export interface Scorecard {
  scenario: string;
  objectives: ObjectiveScore[];
  byRole: Record<string, Rollup>;
  byCountry: Record<string, Rollup>;
  overall: Rollup;
  metrics: Metrics;
}

/** Weighted mean of the objectives' shares of full marks, as 0-100 and as the rating it falls in. */
function rollup(scores: ObjectiveScore[]): Rollup {
  const weight = scores.reduce((w, o) => w + o.weight, 0);
  const share = weight === 0 ? 0 : scores.reduce((s, o) => s + o.weight * fraction(o.final), 0) / weight;
  const score = Math.round(share * 1000) / 10;
  const rating: Rating = share >= 0.999 ? "P" : share >= 2 / 3 - 1e-9 ? "S" : share >= 1 / 3 - 1e-9 ? "M" : "U";
  return { rating, score, objectives: scores.map((o) => o.id) };
}

export function scoreExercise(scenario: Scenario, events: SimEvent[], evaluations: Evaluations = NO_EVALUATIONS): Scorecard {
  const objectives = scenario.objectives.map((o) => scoreObjective(o, events, evaluations));
  const byRole: Record<string, Rollup> = {};
  for (const r of scenario.roles) {
    const mine = objectives.filter((o) => o.rated.includes(r.id));
    if (mine.length) byRole[r.id] = rollup(mine);
  }
  const countryOfRole = new Map(scenario.roles.map((r) => [r.id, scenario.parties.find((p) => p.id === r.party)?.country ?? ""]));
  const byCountry: Record<string, Rollup> = {};
  for (const c of [...new Set(countryOfRole.values())].sort()) {
    const mine = objectives.filter((o) => o.rated.some((r) => countryOfRole.get(r) === c));
    if (mine.length) byCountry[c] = rollup(mine);
  }
  return { scenario: scenario.meta.id, objectives, byRole, byCountry, overall: rollup(objectives), metrics: computeMetrics(scenario, events) };
}
