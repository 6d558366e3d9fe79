// Golden after-action reports: for every flagship playthrough, the exact ratings, reasons, metrics,
// strengths and areas for improvement, recomputed from the exercise log alone (replayed). Reviewed by
// hand once and pinned in test/golden/*.report.json; UPDATE_GOLDEN=1 rewrites them after a deliberate
// change, and the diff is then read like code.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportCsv } from "../../shared/report/csv.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { flagship, loadPlaythrough, playthroughFiles, ROOT } from "../support/scenarios.ts";

describe("golden after-action reports", () => {
  for (const file of playthroughFiles()) {
    it(`${file}: report recomputed from the log matches the reviewed one`, () => {
      const p = loadPlaythrough(file);
      const scenario = flagship(p.scenario);
      const run = runPlaythrough(scenario, p);
      const aar = reportFromLog(scenario, JSON.parse(JSON.stringify(run.log)));
      const pinned = { scorecard: aar.scorecard, strengths: aar.strengths, improvements: aar.improvements, violations: aar.violations };
      const golden = `${ROOT}test/golden/${file.replace(/\.yaml$/, ".report.json")}`;
      const text = `${JSON.stringify(pinned, null, 1)}\n`;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
      expect(existsSync(golden), `no golden report ${golden}: run UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(text).toBe(readFileSync(golden, "utf8"));

      // The lawful runs are lawful in the report too; the unlawful ones show their findings.
      if (file.includes(".lawful.")) expect(aar.violations).toEqual([]);
      else expect(aar.scorecard.objectives.some((o) => o.violations.length > 0 && o.final !== "P")).toBe(true);
      // Every rendering carries the same verdicts.
      const html = renderReportHtml(aar);
      expect(html).toContain(`<span class="r r${aar.scorecard.overall.rating}">`);
      expect(renderReportCsv(aar)).toContain(`rollup,overall,,${aar.scorecard.overall.rating},${aar.scorecard.overall.score}`);
    });
  }

  it("reports in the reader's language where translations exist", () => {
    const p = loadPlaythrough("pursuit-thionville.unlawful.yaml");
    const scenario = flagship(p.scenario);
    const run = runPlaythrough(scenario, p);
    const fr = renderReportHtml(reportFromLog(scenario, run.log, undefined, "fr"));
    expect(fr).toContain("Rapport après action: Braquage à Thionville");
    expect(fr).toContain("<h2>Constats juridiques</h2>");
    expect(fr).toContain("La poursuite cesse dès que l&#39;État hôte le demande.");
    const de = renderReportHtml(reportFromLog(scenario, run.log, undefined, "de"));
    expect(de).toContain("Juwelierraub in Thionville");
    expect(de).toContain("<h2>Zeitleiste</h2>");
  });

  it("refuses a log that does not replay", () => {
    const p = loadPlaythrough("pursuit-thionville.lawful.yaml");
    const scenario = flagship(p.scenario);
    const log = JSON.parse(JSON.stringify(runPlaythrough(scenario, p).log));
    log.commands = log.commands.slice(1);
    expect(() => reportFromLog(scenario, log)).toThrow(/the log does not replay: at tick 60/);
  });
});
