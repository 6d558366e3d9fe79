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

const root = new URL("../", import.meta.url).pathname;
const load = (text: string, name: string): Scenario => {
  const r = parseScenario(text, name);
  if (!r.ok) throw new Error(`${name}: ${r.issues[0]?.message}`);
  return r.scenario;
};

/** A stadium district with two rival groups and a neutral one, police patrolling between them. */
function crowdScenario(agents: number): Scenario {
  const third = Math.floor(agents / 3);
  const text = `
jointex: 1
meta: { id: crowd-${agents}, title: Crowd bench, briefing: Bench, duration: 2h, clock_ratio: 60 }
map:
  extent: { width: 4000, height: 3000 }
  countries:
    - { code: NL, polygon: [[0, 0], [2500, 0], [2500, 3000], [0, 3000]] }
    - { code: BE, polygon: [[2500, 0], [4000, 0], [4000, 3000], [2500, 3000]] }
  roads:
    - { id: r1, speed_kmh: 50, points: [[200, 1500], [2000, 1500], [3800, 1500]] }
  sites:
    - { id: station, name: Station, tags: [station], at: [600, 1500], radius_m: 150 }
    - { id: stadium, name: Stadium, tags: [stadium], at: [2000, 1600], radius_m: 200 }
    - { id: square, name: Square, tags: [public_place], at: [1400, 900], radius_m: 150 }
law: [{ host: NL, sending: BE, joint_operations: { powers: [identity_check], arms: self_defence, host_presence_m: 100 } }]
parties:
  - { id: nl, country: NL, agency: police, name: NL police, played_by: trainees }
  - { id: be, country: BE, agency: police, name: BE police, played_by: trainees }
roles:
  - { id: nl-cmd, party: nl, title: NL commander, units: [nl-1, nl-2] }
  - { id: be-lead, party: be, title: BE lead, units: [be-1] }
units:
  - { id: nl-1, party: nl, callsign: NL1, type: van, at: [1000, 1500], marked: true, uniform: true, armed: true }
  - { id: nl-2, party: nl, callsign: NL2, type: van, at: [1800, 1500], marked: true, uniform: true, armed: true }
  - { id: be-1, party: be, callsign: BE1, type: foot_team, at: [700, 1500], marked: true, uniform: true, armed: false }
actors:
  - { id: away, kind: crowd, name: Away, side: away, size: ${third}, area: station, tension: 0.5, volatility: 0.6, rivals: [home], route: [stadium] }
  - { id: home, kind: crowd, name: Home, side: home, size: ${third}, area: square, tension: 0.4, volatility: 0.5, rivals: [away], route: [stadium] }
  - { id: neutral, kind: crowd, name: Neutral, side: neutral, size: ${agents - 2 * third}, area: stadium, tension: 0.1 }
injects: [{ id: kickoff, title: Kick-off, trigger: { at: 30m } }]
objectives: [{ id: calm, title: Keep it calm, rated: [nl-cmd] }]
`;
  return load(text, `crowd-${agents}`);
}

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
