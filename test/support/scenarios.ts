// One way for every suite to load real scenarios and playthroughs, and to set up a simulation.
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Envelope } from "../../shared/sim/commands.ts";
import { Command } from "../../shared/sim/commands.ts";
import { createSim } from "../../shared/sim/create.ts";
import { Playthrough } from "../../shared/sim/playthrough.ts";
import { step, type Sim } from "../../shared/sim/step.ts";
import type { SimEvent } from "../../shared/sim/types.ts";

export const ROOT = new URL("../../", import.meta.url).pathname;

export function scenarioText(path: string): string {
  return readFileSync(path.startsWith("/") ? path : `${ROOT}${path}`, "utf8");
}

export function loadScenario(path: string): Scenario {
  const r = parseScenario(scenarioText(path), path);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path} ${i.message}`).join("\n"));
  return r.scenario;
}

export const flagship = (id: string): Scenario => loadScenario(`scenarios/${id}.yaml`);

export function playthroughFiles(): string[] {
  return readdirSync(`${ROOT}scenarios/playthroughs`).filter((f) => f.endsWith(".yaml")).sort();
}

export function loadPlaythrough(file: string): Playthrough {
  return Playthrough.parse(parse(readFileSync(`${ROOT}scenarios/playthroughs/${file}`, "utf8")));
}

/** A simulation of a scenario with a helper that steps with commands given as plain objects. */
export function setup(scenario: Scenario | string, seed: string | number = 1) {
  const sc = typeof scenario === "string" ? loadScenario(scenario) : scenario;
  const sim: Sim = createSim(sc, seed);
  const events: SimEvent[] = [];
  const run = (commands: { by: string; cmd: unknown }[] = []) => {
    const envs: Envelope[] = commands.map((c) => ({ by: c.by, cmd: Command.parse(c.cmd) }));
    const r = step(sim, envs);
    events.push(...r.events);
    return r;
  };
  /** Step until tick `t` (exclusive), with no commands. */
  const until = (t: number) => { while (sim.state.tick < t && !sim.state.ended) run(); };
  const violations = () => events.filter((e): e is Extract<SimEvent, { type: "violation" }> => e.type === "violation");
  return { scenario: sc, sim, events, run, until, violations };
}
