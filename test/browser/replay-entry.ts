// Bundled for the browser test: replays an exercise log with the same engine code the server runs.
import { parseScenario } from "../../shared/scenario/parse.ts";
import { replay, stateHash, type ExerciseLog } from "../../shared/sim/log.ts";

declare global {
  interface Window { jointexReplay: (scenarioText: string, log: ExerciseLog) => { mismatches: unknown[]; finalHash: string; ticks: number }; }
}

window.jointexReplay = (scenarioText, log) => {
  const parsed = parseScenario(scenarioText, "scenario.yaml");
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("; "));
  const r = replay(parsed.scenario, log);
  return { mismatches: r.mismatches, finalHash: stateHash(r.sim), ticks: r.sim.state.tick };
};
document.body.dataset.ready = "true";
