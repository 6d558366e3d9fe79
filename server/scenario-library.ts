// Loads every scenario file of a folder once at start, keeping the broken ones with their problems
// so that the instructor sees why a file is missing from the list instead of wondering.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseScenario, type ScenarioIssue } from "../shared/scenario/parse.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { MAX_FILE_BYTES } from "../shared/scenario/yaml-source.ts";

export interface LoadedScenario {
  file: string;
  scenario?: Scenario;
  issues: ScenarioIssue[];
}

export async function loadScenarioFolder(dir: string): Promise<LoadedScenario[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const out: LoadedScenario[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const buf = await readFile(path);
    if (buf.length > MAX_FILE_BYTES) {
      out.push({ file: name, issues: [{ file: name, line: 1, column: 1, path: "", message: `the file is larger than ${MAX_FILE_BYTES / 1048576} MiB` }] });
      continue;
    }
    const r = parseScenario(buf.toString("utf8"), name);
    const clash = r.ok ? out.find((o) => o.scenario?.meta.id === r.scenario.meta.id) : undefined;
    if (r.ok && clash) out.push({ file: name, issues: [{ file: name, line: 1, column: 1, path: "meta.id", message: `"${r.scenario.meta.id}" is already the id of ${clash.file}; each scenario needs its own id` }] });
    else out.push(r.ok ? { file: name, scenario: r.scenario, issues: [] } : { file: name, issues: r.issues });
  }
  return out;
}

/** What the scenario list shows: enough to choose an exercise, no role-secret briefings. */
export function summarise(s: Scenario) {
  const conditional = s.injects.filter((i) => "when" in i.trigger).length;
  const contingency = s.injects.filter((i) => "contingency_for" in i.trigger).length;
  return {
    id: s.meta.id,
    title: s.meta.title,
    briefing: s.meta.briefing,
    empact: s.meta.empact,
    duration: s.meta.duration,
    clockRatio: s.meta.clock_ratio,
    languages: s.meta.languages,
    countries: s.map.countries.map((c) => c.code),
    parties: s.parties.map((p) => ({ id: p.id, country: p.country, agency: p.agency, name: p.name, playedBy: p.played_by })),
    roles: s.roles.map((r) => ({ id: r.id, title: r.title, party: r.party, units: r.units.length, desks: r.desks })),
    counts: {
      units: s.units.length, actors: s.actors.length, injects: s.injects.length, conditional, contingency,
      objectives: s.objectives.length, lawPairs: s.law.length,
    },
    law: s.law.map((l) => ({
      host: l.host, sending: l.sending,
      instruments: (["hot_pursuit", "surveillance", "joint_operations", "atlas", "spoc"] as const).filter((k) => l[k] !== undefined),
    })),
    map: {
      extent: s.map.extent,
      countries: s.map.countries.map((c) => ({ code: c.code, polygon: c.polygon })),
      roads: s.map.roads.map((r) => ({ id: r.id, points: r.points })),
      sites: s.map.sites.map((x) => ({ id: x.id, name: x.name, tags: x.tags, at: x.at, area: x.area })),
    },
  };
}
export type ScenarioSummary = ReturnType<typeof summarise>;
