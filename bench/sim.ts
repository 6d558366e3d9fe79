// Engine speed: simulated seconds per wall second on one core, for each flagship played by its
// lawful playthrough, and for crowds of 500 and 2,000 agents. Targets (issue 3): >= 500x real time
// with 500 agents, >= 100x with 2,000. Run: npm run bench:sim
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { parseScenario } from "../shared/scenario/parse.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { createSim } from "../shared/sim/create.ts";
import { Playthrough, runPlaythrough } from "../shared/sim/playthrough.ts";
import { step } from "../shared/sim/step.ts";
// A stadium district with two rival groups and a neutral one, police patrolling (shared with the frame bench).
import { crowdScenario } from "./frame/crowd-scenario.ts";

const root = new URL("../", import.meta.url).pathname;
const load = (text: string, name: string): Scenario => {
  const r = parseScenario(text, name);
  if (!r.ok) throw new Error(`${name}: ${r.issues[0]?.message}`);
  return r.scenario;
};

function timeRun(fn: () => number): { ticks: number; ms: number } {
  const t0 = process.hrtime.bigint();
  const ticks = fn();
  return { ticks, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function crowdRun(agents: number, ticks: number): number {
  const sim = createSim(crowdScenario(agents), 1);
  const cmds = [
    { by: "nl-cmd", cmd: { type: "order" as const, unit: "nl-1", order: "patrol" as const, target: "square" } },
    { by: "nl-cmd", cmd: { type: "order" as const, unit: "nl-2", order: "patrol" as const, target: "stadium" } },
  ];
  step(sim, cmds);
  for (let t = 1; t < ticks; t++) step(sim);
  return ticks;
}

const rows: string[] = [];
const fmt = (name: string, r: { ticks: number; ms: number }) => {
  const ratio = r.ticks / (r.ms / 1000);
  rows.push(`| ${name} | ${r.ticks} | ${r.ms.toFixed(0)} | ${(r.ms * 1000 / r.ticks).toFixed(1)} | ${Math.round(ratio)}x |`);
  return ratio;
};

// Warm up the JIT once so the first measured case is not penalised.
crowdRun(500, 300);

const results: Record<string, number> = {};
for (const id of ["pursuit-thionville", "hostage-train", "football-joint-patrols"]) {
  const scenario = load(readFileSync(`${root}scenarios/${id}.yaml`, "utf8"), id);
  let p;
  try {
    p = Playthrough.parse(parse(readFileSync(`${root}scenarios/playthroughs/${id}.lawful.yaml`, "utf8")));
  } catch {
    p = Playthrough.parse({ scenario: id, until: `${Math.round(scenario.meta.duration / 60)}m`, steps: [] });
  }
  const agents = scenario.actors.reduce((n, a) => n + (a.kind === "crowd" ? a.size : a.kind === "bystanders" ? a.count : 0), 0);
  results[id] = fmt(`${id} (lawful playthrough, ${agents} agents)`, timeRun(() => runPlaythrough(scenario, p).sim.state.tick));
}
results.crowd500 = fmt("crowd of 500 agents", timeRun(() => crowdRun(500, 3600)));
results.crowd2000 = fmt("crowd of 2,000 agents", timeRun(() => crowdRun(2000, 3600)));
results.crowd5000 = fmt("crowd of 5,000 agents", timeRun(() => crowdRun(5000, 1800)));

console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| case | simulated s | wall ms | µs per tick | real-time multiple |");
console.log("|---|---|---|---|---|");
for (const r of rows) console.log(r);
const ok500 = (results.crowd500 ?? 0) >= 500;
const ok2000 = (results.crowd2000 ?? 0) >= 100;
console.log(`\ntargets: 500 agents >= 500x: ${ok500 ? "met" : "NOT met"}; 2,000 agents >= 100x: ${ok2000 ? "met" : "NOT met"}`);
process.exitCode = ok500 && ok2000 ? 0 : 1;
