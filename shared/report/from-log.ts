// From an exercise log to its report: replay (checking every checkpoint), score, build.
import type { Scenario } from "../scenario/schema.ts";
import { NO_EVALUATIONS, type Evaluations } from "../score/evaluations.ts";
import { scoreExercise } from "../score/scorecard.ts";
import { replay, type ExerciseLog } from "../sim/log.ts";
import { buildReport, type AfterActionReport } from "./aar.ts";

export function reportFromLog(scenario: Scenario, log: ExerciseLog, evaluations: Evaluations = NO_EVALUATIONS, lang = "en"): AfterActionReport {
  const r = replay(scenario, log);
  if (r.mismatches.length) {
    const m = r.mismatches[0];
    throw new Error(`the log does not replay: at tick ${m?.tick} the state differs from the one recorded (${r.mismatches.length} checkpoint(s) differ); the log or the engine has changed`);
  }
  const scorecard = scoreExercise(scenario, r.events, evaluations);
  return buildReport(scenario, r.events, scorecard, evaluations, {
    seed: log.seed, simVersion: log.simVersion, scenarioHash: log.scenarioHash, ticks: r.sim.state.tick, ended: r.sim.state.ended,
  }, lang);
}
