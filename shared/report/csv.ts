// The report as CSV for spreadsheets: one row per objective, then one per legal finding.
import type { AfterActionReport } from "./aar.ts";

const cell = (v: unknown) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const row = (xs: unknown[]) => xs.map(cell).join(",");

export function renderReportCsv(r: AfterActionReport): string {
  const lines = [row(["section", "id", "title", "weight", "outcome", "achieved_at_s", "violations", "automatic", "evaluator_ratings", "final", "reasons"])];
  for (const o of r.scorecard.objectives) {
    lines.push(row(["objective", o.id, r.objectiveTitles[o.id], o.weight, o.outcome.kind, o.outcome.kind === "achieved" ? o.outcome.at : "", o.violations.length, o.automatic, o.evaluatorRatings.map((e) => `${e.evaluator}:${e.rating}`).join(" "), o.final, o.reasons.join(" | ")]));
  }
  lines.push(row(["section", "time", "code", "article", "role", "unit", "detail"]));
  for (const v of r.violations) lines.push(row(["violation", v.time, v.code, v.article, v.role ?? "", v.unit ?? "", v.detail]));
  lines.push(row(["section", "scope", "id", "rating", "score"]));
  lines.push(row(["rollup", "overall", "", r.scorecard.overall.rating, r.scorecard.overall.score]));
  for (const [c, x] of Object.entries(r.scorecard.byCountry)) lines.push(row(["rollup", "country", c, x.rating, x.score]));
  for (const [id, x] of Object.entries(r.scorecard.byRole)) lines.push(row(["rollup", "role", id, x.rating, x.score]));
  return `${lines.join("\n")}\n`;
}
