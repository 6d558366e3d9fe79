// `npm run scenario -- simulate`: a headless run of a scenario with a scripted playthrough.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { explain } from "../../shared/scenario/explain.ts";
import { formatIssue, formatPath, parseScenario } from "../../shared/scenario/parse.ts";
import { YamlSource } from "../../shared/scenario/yaml-source.ts";
import { Command } from "../../shared/sim/commands.ts";
import { durationSeconds } from "../../shared/scenario/primitives.ts";
import { Playthrough, runPlaythrough } from "../../shared/sim/playthrough.ts";
import { timeline } from "../../shared/sim/timeline.ts";
import { readScenarioFile } from "./read-file.ts";

export async function simulate(args: string[], log: (s: string) => void): Promise<number> {
  let opts;
  try {
    opts = parseArgs({ args, allowPositionals: true, options: { script: { type: "string" }, seed: { type: "string" }, until: { type: "string" }, out: { type: "string" }, quiet: { type: "boolean" } } });
  } catch (e) {
    log(`simulate: ${(e as Error).message}`);
    return 2;
  }
  const file = opts.positionals[0];
  if (!file || !opts.values.script) { log("simulate needs a scenario file and --script <playthrough.yaml>"); return 2; }
  const text = await readScenarioFile(file);
  if (typeof text !== "string") { log(`${file}:1:1  ${text.error}`); return 1; }
  const parsed = parseScenario(text, file);
  if (!parsed.ok) { for (const i of parsed.issues) log(formatIssue(i)); return 1; }
  const scriptText = await readScenarioFile(opts.values.script);
  if (typeof scriptText !== "string") { log(`${opts.values.script}:1:1  ${scriptText.error}`); return 1; }
  // Playthroughs get the same positioned, plain errors as scenario files.
  const src = new YamlSource(scriptText);
  const syntax = src.syntaxProblems();
  if (syntax.length) { for (const p of syntax) log(`${opts.values.script}:${p.line}:${p.column}  ${p.message}`); return 1; }
  const data = src.toData();
  if ("problem" in data) { log(`${opts.values.script}:1:1  ${data.problem}`); return 1; }
  const script = Playthrough.safeParse(data.data);
  if (!script.success) {
    for (const issue of script.error.issues) {
      for (const f of explain(issue, Playthrough as never, data.data)) {
        const pos = src.locate(f.path, { key: f.key });
        log(formatIssue({ file: opts.values.script, line: pos.line, column: pos.column, path: formatPath(f.path), message: f.message, ...(f.hint ? { hint: f.hint } : {}) }));
      }
    }
    return 1;
  }
  // Commands are checked here too, so that a typo is reported with its line rather than refused later.
  let bad = 0;
  const scriptFile = opts.values.script;
  script.data.steps.forEach((st, k) => {
    const c = Command.safeParse(st.do);
    if (c.success) return;
    bad++;
    for (const issue of c.error.issues) {
      for (const f of explain(issue, Command as never, st.do)) {
        const path = ["steps", k, "do", ...f.path];
        const pos = src.locate(path, { key: f.key });
        log(formatIssue({ file: scriptFile, line: pos.line, column: pos.column, path: formatPath(path), message: f.message, ...(f.hint ? { hint: f.hint } : {}) }));
      }
    }
  });
  if (bad) return 1;
  const p = { ...script.data };
  if (opts.values.seed !== undefined) p.seed = opts.values.seed;
  if (opts.values.until !== undefined) {
    const u = durationSeconds(opts.values.until);
    if (Number.isNaN(u)) { log(`--until: write a duration like 45m or 1h30m`); return 2; }
    p.until = u;
  }
  let run;
  try {
    run = runPlaythrough(parsed.scenario, p);
  } catch (e) {
    log(`simulate: ${(e as Error).message}`);
    return 1;
  }
  if (!opts.values.quiet) for (const line of timeline(run.events)) log(line);
  for (const r of run.refused) log(`malformed command at tick ${r.tick} from ${r.by}: ${r.error}`);
  const violations = run.events.filter((e) => e.type === "violation");
  log(`\n${parsed.scenario.meta.id}, seed ${p.seed}: ${run.sim.state.tick} s simulated, ${violations.length} violation${violations.length === 1 ? "" : "s"}${violations.length ? `: ${[...new Set(violations.map((v) => v.code))].join(", ")}` : ""}`);
  const out = opts.values.out ?? `${parsed.scenario.meta.id}-seed${p.seed}.log.json`;
  await writeFile(out, `${JSON.stringify(run.log)}\n`);
  log(`exercise log written to ${out} (${run.log.commands.length} commands, ${run.log.checkpoints.length} checkpoints)`);
  return 0;
}
