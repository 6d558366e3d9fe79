// The rendered after-action report in headless Chromium: it shows without errors, carries its
// sections and charts, and prints to PDF. The screenshot lands in test-output/ for a person to look at.
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { Evaluations } from "../../shared/score/evaluations.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, loadPlaythrough, ROOT, scenarioText } from "../support/scenarios.ts";
import { parse } from "yaml";

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`after-action report in Chromium${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  it("renders the unlawful pursuit report with its charts and prints it to PDF", async () => {
    const p = loadPlaythrough("pursuit-thionville.unlawful.yaml");
    const scenario = flagship(p.scenario);
    const ev = Evaluations.parse(parse(scenarioText("test/fixtures/evaluations.yaml")));
    const html = renderReportHtml(reportFromLog(scenario, runPlaythrough(scenario, p).log, ev, "en"));
    mkdirSync(`${ROOT}test-output`, { recursive: true });
    writeFileSync(`${ROOT}test-output/report.html`, html);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("requestfailed", (r) => errors.push(`request ${r.url()}`));
      await page.setContent(html, { waitUntil: "load" });
      expect(await page.locator("h2").allTextContents()).toEqual(["Summary", "Objectives", "Strengths", "Areas for improvement", "Legal findings", "Measures", "Decision log", "Evaluator notes", "Timeline"]);
      expect(await page.locator("svg.chart").count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator("section:has(h2:text('Legal findings')) tr").count()).toBe(11);
      await page.screenshot({ path: `${ROOT}test-output/report.png`, fullPage: false });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      writeFileSync(`${ROOT}test-output/report.pdf`, pdf);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(20_000);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
