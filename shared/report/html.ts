// The after-action report as one self-contained HTML page (inline style and SVG, no script), ready
// to print to PDF from the browser.
import type { Rating } from "../score/ratings.ts";
import type { AfterActionReport } from "./aar.ts";
import { barChart, esc, flowMatrix } from "./charts.ts";
import { words } from "./i18n.ts";
import { clock } from "../sim/timeline.ts";

const STYLE = `
body{font:14px/1.45 system-ui,"Segoe UI",Roboto,sans-serif;color:#1c2430;max-width:1060px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0} h2{font-size:18px;border-bottom:2px solid #003399;padding-bottom:4px;margin-top:32px;break-after:avoid}
.sub{color:#5b6675} table{border-collapse:collapse;width:100%;margin:8px 0} th,td{border-bottom:1px solid #d9dee5;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8;font-weight:600} .r{display:inline-block;min-width:22px;text-align:center;border-radius:4px;font-weight:700;color:#fff;padding:1px 6px}
.rP{background:#2e7d32}.rS{background:#7cb342}.rM{background:#d98c00}.rU{background:#b3261e}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d9dee5;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{font-size:22px}.bad{color:#b3261e}.mono{font:12px ui-monospace,monospace} ul{padding-left:20px} li{margin:3px 0}
.chart .lbl{font-size:11px;fill:#333}.chart .val{font-size:11px;fill:#333}.chart .cnt{font-size:11px;fill:#fff;font-weight:700}
.tl td:first-child{white-space:nowrap} .tl .violation{color:#b3261e;font-weight:600} .tl .inject_fired{font-weight:600}
.legend{font-size:12px;color:#5b6675} @media print{body{padding:0} h2{break-after:avoid} tr{break-inside:avoid}}`;

const badge = (r: Rating) => `<span class="r r${r}">${r}</span>`;

export function renderReportHtml(r: AfterActionReport): string {
  const t = words(r.lang);
  const sc = r.scorecard;
  const m = sc.metrics;
  const roleName = (id: string) => r.names[id] ?? r.roles[id]?.title ?? id;
  const outcome = (o: (typeof sc.objectives)[number]) => {
    const x = o.outcome;
    if (x.kind === "conduct_only") return t("conductOnly");
    if (x.kind === "not_achieved") return `<span class="bad">${t("notAchieved")}</span>`;
    return `${x.lateBy > 0 ? t("achievedLate") : t("achievedOnTime")} (${clock(x.at)})${x.holdsAtEnd ? "" : `, <span class="bad">${t("lostByEnd")}</span>`}`;
  };
  const section = (title: string, body: string) => `<section><h2>${esc(title)}</h2>${body}</section>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>` : `<p class="sub">${t("none")}</p>`);

  const header = `<header><h1>${esc(t("report"))}: ${esc(r.scenario.title)}</h1>
<p class="sub">${esc(t("scenario"))} ${esc(r.scenario.id)} · ${r.scenario.countries.map(esc).join(" · ")} · ${esc(t("seed"))} ${esc(r.run.seed)} · ${esc(t("simulated"))} ${clock(r.run.ticks)} · ${esc(t("engine"))} ${r.run.simVersion} · <span class="mono">${esc(r.run.scenarioHash)}</span></p>
<p class="sub">${esc(t("printHint"))}</p></header>`;

  const cards = `<div class="cards"><div class="card">${esc(t("overall"))}<br>${badge(sc.overall.rating)} <b>${sc.overall.score}</b>/100</div>${
    Object.entries(sc.byCountry).map(([c, x]) => `<div class="card">${esc(c)}<br>${badge(x.rating)} <b>${x.score}</b>/100</div>`).join("")}</div>
<table><tr><th>${t("role")}</th><th>${t("final")}</th><th>${t("score")}</th></tr>${
    Object.entries(sc.byRole).map(([id, x]) => `<tr><td>${esc(roleName(id))}</td><td>${badge(x.rating)}</td><td>${x.score}</td></tr>`).join("")}</table>
<p class="legend">${(["ratingP", "ratingS", "ratingM", "ratingU"] as const).map((k) => esc(t(k))).join(" · ")}</p>`;

  const objectives = `<table><tr><th>${t("objective")}</th><th>${t("weight")}</th><th>${t("outcome")}</th><th>${t("legality")}</th><th>${t("automatic")}</th><th>${t("evaluators")}</th><th>${t("final")}</th><th>${t("reasons")}</th></tr>${
    sc.objectives.map((o) => `<tr><td>${esc(r.objectiveTitles[o.id] ?? o.id)}<div class="sub mono">${esc(o.id)}</div></td><td>${o.weight}</td><td>${outcome(o)}</td><td>${o.violations.length ? `<span class="bad">${o.violations.length} ${t("findings")}</span>` : t("lawful")}</td><td>${badge(o.automatic)}</td><td>${o.evaluatorRatings.map((e) => `${badge(e.rating)} ${esc(e.evaluator)}`).join("<br>") || "–"}</td><td>${badge(o.final)}${o.override ? `<div class="sub">${esc(o.override.evaluator)}: ${esc(o.override.reason)}</div>` : ""}</td><td>${list(o.reasons.map(esc))}</td></tr>`).join("")}</table>`;

  const violations = r.violations.length
    ? `<table><tr><th>${t("time")}</th><th>${t("role")}</th><th>${t("rule")}</th><th>${t("article")}</th><th>${t("detail")}</th></tr>${
      r.violations.map((v) => `<tr><td class="mono">${v.time}</td><td>${esc(v.roleTitle)}${v.unit ? `<div class="sub">${esc(v.unit)}</div>` : ""}</td><td>${esc(v.rule)}<div class="sub mono">${esc(v.code)}</div></td><td>${esc(v.article)}</td><td>${esc(v.detail)}</td></tr>`).join("")}</table>`
    : `<p>${t("none")}</p>`;

  const notif = barChart(m.notificationLatency.map((n) => ({ label: `${clock(n.t)} ${n.unit} ${n.from}→${n.into}`, value: n.lead, note: t("notNotified") })), t("lead"));
  const stops = m.stopCompliance.flatMap((s) => s.units.map((u) => ({ label: `${clock(s.t)} ${s.host}→${s.sending} ${u.unit}`, value: u.after, note: t("never"), good: (u.after ?? 999) <= 60 })));
  const response = barChart(m.injectResponse.map((x) => ({ label: `${x.inject}/${x.expected}`, value: x.latency, note: t("missed") })), t("latency"));
  const flow = flowMatrix(m.messages.pairs, roleName);
  const metrics = `<h3>${esc(t("notification"))}</h3>${notif || `<p class="sub">${t("none")}</p>`}
<h3>${esc(t("stop"))}</h3>${stops.length ? barChart(stops, t("latency")) : `<p class="sub">${t("none")}</p>`}
<h3>${esc(t("response"))}</h3><p>${esc(t("coverage"))}: <b>${m.expectedCoverage.met}</b> / ${m.expectedCoverage.met + m.expectedCoverage.missed}${m.expectedCoverage.share !== null ? ` (${Math.round(m.expectedCoverage.share * 100)} %)` : ""}</p>${response}
<h3>${esc(t("flow"))}</h3>${flow || `<p class="sub">${t("none")}</p>`}<p>${m.messages.viaPcccOrSpoc} / ${m.messages.crossBorder} ${esc(t("via"))}</p>
<h3>${esc(t("spoc"))}</h3><p class="mono">${([["spocRequests", m.spoc.requests], ["spocAnswered", m.spoc.answered], ["spocInTime", m.spoc.inTime], ["spocLate", m.spoc.late], ["spocDelayNotices", m.spoc.delayNotices], ["spocIncomplete", m.spoc.incomplete], ["spocWrongLanguage", m.spoc.wrongLanguage], ["spocNoOwnCopy", m.spoc.noOwnSpocCopy]] as const).map(([w, n]) => `${esc(t(w))} ${n}`).join(" · ")}</p>
<h3>${esc(t("facts"))}</h3><table>${Object.entries(m.factsSeen).map(([id, f]) => `<tr><td>${esc(roleName(id))}</td><td>${f.seen} / ${f.of}</td><td class="sub">${f.actors.map(esc).join(", ")}</td></tr>`).join("")}</table>`;

  const decisions = r.decisions.length
    ? `<table><tr><th>${t("time")}</th><th>${t("role")}</th><th>${t("decision")}</th><th>${t("options")}</th><th>${t("rationale")}</th><th>${t("legalBasis")}</th></tr>${
      r.decisions.map((d) => `<tr><td class="mono">${d.time}</td><td>${esc(d.role)}</td><td>${esc(d.decision)}</td><td>${d.options.map(esc).join("; ")}</td><td>${esc(d.rationale)}</td><td>${d.legalBasis ? esc(d.legalBasis) : `<span class="bad">–</span>`}</td></tr>`).join("")}</table>`
    : `<p>${t("none")}</p>`;
  const timeline = `<table class="tl">${r.timeline.map((e) => `<tr class="${e.kind}"><td class="mono">${e.time}</td><td class="${e.kind}">${esc(e.text)}</td></tr>`).join("")}</table>`;
  const notes = list(r.notes.map((n) => `${n.time ? `<span class="mono">${n.time}</span> ` : ""}<b>${esc(n.evaluator)}</b>${n.objective ? ` (${esc(n.objective)})` : ""}: ${esc(n.text)}`));

  return `<!doctype html>
<html lang="${esc(r.lang)}"><head><meta charset="utf-8"><title>${esc(t("report"))}: ${esc(r.scenario.title)}</title><style>${STYLE}</style></head>
<body>${header}
${section(t("summary"), cards)}
${section(t("objectives"), objectives)}
${section(t("strengths"), list(r.strengths.map(esc)))}
${section(t("improvements"), list(r.improvements.map((i) => `${esc(i.text)}${i.article ? ` <span class="sub">[${esc(i.article)}]</span>` : ""}${i.count && i.count > 1 ? ` ×${i.count}` : ""}`)))}
${section(t("violations"), violations)}
${section(t("metrics"), metrics)}
${section(t("decisions"), decisions)}
${section(t("notes"), notes)}
${section(t("timeline"), timeline)}
</body></html>
`;
}
