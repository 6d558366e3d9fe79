// `npm run scenario -- report <exercise-log>`: the after-action report of a played exercise, as
// self-contained HTML, JSON or CSV, in the reader's language.
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { formatIssue, parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { renderReportCsv } from "../../shared/report/csv.ts";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { REPORT_LANGUAGES } from "../../shared/report/i18n.ts";
import { Evaluations } from "../../shared/score/evaluations.ts";
import { LOG_FORMAT, type ExerciseLog } from "../../shared/sim/log.ts";
import { loadScenarioFolder } from "../scenario-library.ts";
import { readScenarioFile } from "./read-file.ts";

const FORMATS = ["html", "json", "csv"] as const;

export async function report(args: string[], log: (s: string) => void): Promise<number> {
  let opts;
  try {
    opts = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "html" }, lang: { type: "string", default: "en" }, scenario: { type: "string" }, evaluations: { type: "string" }, out: { type: "string" } } });
  } catch (e) {
    log(`report: ${(e as Error).message}`);
    return 2;
  }
  const file = opts.positionals[0];
  const format = opts.values.format as (typeof FORMATS)[number];
  if (!file) { log("report needs an exercise log, e.g. npm run scenario -- report run.log.json --format html"); return 2; }
  if (!FORMATS.includes(format)) { log(`--format must be one of: ${FORMATS.join(", ")}`); return 2; }
  if (!REPORT_LANGUAGES.includes(opts.values.lang ?? "en")) log(`note: no report translation for "${opts.values.lang}"; headings fall back to English`);

  let exerciseLog: ExerciseLog;
  try {
    exerciseLog = JSON.parse(await readFile(file, "utf8")) as ExerciseLog;
    if (exerciseLog.format !== LOG_FORMAT) throw new Error(`not a Jointex exercise log (format "${String(exerciseLog.format)}")`);
  } catch (e) {
    log(`${file}: ${(e as Error).message}`);
    return 1;
  }
  let scenario: Scenario | undefined;
  if (opts.values.scenario) {
    const text = await readScenarioFile(opts.values.scenario);
    if (typeof text !== "string") { log(`${opts.values.scenario}:1:1  ${text.error}`); return 1; }
    const parsed = parseScenario(text, opts.values.scenario);
    if (!parsed.ok) { for (const i of parsed.issues) log(formatIssue(i)); return 1; }
    scenario = parsed.scenario;
  } else {
    const dir = new URL("../../scenarios/", import.meta.url).pathname;
    scenario = (await loadScenarioFolder(dir)).find((s) => s.scenario?.meta.id === exerciseLog.scenarioId)?.scenario;
    if (!scenario) { log(`no scenario "${exerciseLog.scenarioId}" in ${dir}: give it with --scenario <file>`); return 1; }
  }
  let evaluations;
  if (opts.values.evaluations) {
    const text = await readScenarioFile(opts.values.evaluations);
    const parsed = typeof text === "string" ? Evaluations.safeParse(parseYaml(text, { maxAliasCount: 200 })) : undefined;
    if (!parsed?.success) {
      log(`${opts.values.evaluations}: ${typeof text === "string" ? parsed?.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : text.error}`);
      return 1;
    }
    evaluations = parsed.data;
  }
  let aar;
  try {
    aar = reportFromLog(scenario, exerciseLog, evaluations, opts.values.lang);
  } catch (e) {
    log(`${file}: ${(e as Error).message}`);
    return 1;
  }
  const body = format === "html" ? renderReportHtml(aar) : format === "csv" ? renderReportCsv(aar) : `${JSON.stringify(aar, null, 2)}\n`;
  const out = opts.values.out ?? file.replace(/(\.log)?\.json$/, "") + `.report.${format}`;
  await writeFile(out, body);
  const o = aar.scorecard.overall;
  log(`${aar.scenario.id}: overall ${o.rating} (${o.score}/100), ${aar.violations.length} legal finding${aar.violations.length === 1 ? "" : "s"}; report written to ${out}`);
  return 0;
}
