// The after-action report as data: everything the HTML, JSON and CSV renderings show, computed from
// the scenario, the exercise's events, the scorecard and the evaluators' input. HSEEP-style
// strengths and areas for improvement are derived, not written by hand. Everything the report writes
// itself is in the report's language: reasons, strengths, areas for improvement, legal findings
// (the timeline is the engine's English event log).
import type { Scenario } from "../scenario/schema.ts";
import type { ViolationCode } from "../scenario/vocab.ts";
import type { Evaluations } from "../score/evaluations.ts";
import type { ObjectiveScore } from "../score/objectives.ts";
import { reasonRating, reasonText } from "../score/reasons.ts";
import type { Scorecard } from "../score/scorecard.ts";
import { ARTICLES } from "../sim/law/articles.ts";
import { clock, describeEvent } from "../sim/timeline.ts";
import type { EventOf, SimEvent } from "../sim/types.ts";
import { violationDetail } from "./details-i18n.ts";
import { pick } from "./i18n.ts";
import { phrases } from "./phrases.ts";
import { citation, ruleText } from "./rules-i18n.ts";

/** An objective's score as the report shows it: reasons, rules and findings as text in the report's
 *  language. The structured reasons (ObjectiveScore.why) are rendered, not carried: the report's
 *  JSON keeps the shape it has always had. */
export type ReportObjective = Omit<ObjectiveScore, "why">;
export interface ReportScorecard extends Omit<Scorecard, "objectives"> { objectives: ReportObjective[] }

export interface AfterActionReport {
  format: "jointex-aar@1";
  lang: string;
  scenario: { id: string; title: string; briefing: string; countries: string[] };
  run: { seed: string; simVersion: number; scenarioHash: string; ticks: number; ended: boolean };
  scorecard: ReportScorecard;
  roles: Record<string, { title: string; country: string }>;
  /** Display names of every role, desk and party (message senders and receivers). */
  names: Record<string, string>;
  objectiveTitles: Record<string, string>;
  strengths: string[];
  improvements: { text: string; article?: string; count?: number }[];
  violations: { t: number; time: string; code: string; article: string; rule: string; role: string | null; roleTitle: string; unit?: string; detail: string }[];
  timeline: { t: number; time: string; kind: string; text: string }[];
  decisions: { t: number; time: string; role: string; decision: string; options: string[]; rationale: string; legalBasis?: string }[];
  notes: { at?: number; time?: string; inject?: string; evaluator: string; objective?: string; text: string }[];
}

const KEEP = new Set(["inject_fired", "order_given", "message_sent", "decision_recorded", "violation", "assistance_requested", "assistance_answered", "agreement_signed", "powers_conferred", "stop_requested", "instruction_given", "expected_missed", "objective_achieved", "actor_state", "reported_to_local_authority", "border_crossed", "command_rejected", "exercise_ended"]);

export function buildReport(
  s: Scenario, events: SimEvent[], scorecard: Scorecard, evaluations: Evaluations,
  run: AfterActionReport["run"], lang = "en",
): AfterActionReport {
  const say = phrases(lang);
  const cite = (article: string) => citation(article, lang);
  const roleTitle = (id: string | null) => (id === null ? say.exerciseControl : pick(s.roles.find((r) => r.id === id)?.title, lang) || id);
  const roles: AfterActionReport["roles"] = Object.fromEntries(s.roles.map((r) => [r.id, { title: pick(r.title, lang), country: s.parties.find((p) => p.id === r.party)?.country ?? "" }]));
  const names: Record<string, string> = Object.fromEntries([
    ...s.parties.map((p) => [p.id, pick(p.name, lang)] as const),
    ...s.desks.map((d) => [d.id, pick(d.name, lang)] as const),
    ...s.roles.map((r) => [r.id, pick(r.title, lang)] as const),
  ]);
  const objectiveTitles = Object.fromEntries(s.objectives.map((o) => [o.id, pick(o.title, lang)]));
  const violations = events.filter((e): e is EventOf<"violation"> => e.type === "violation").map((v) => ({
    t: v.t, time: clock(v.t), code: v.code, article: cite(v.article), rule: ruleText(v.code, lang), role: v.role, roleTitle: roleTitle(v.role), ...(v.unit ? { unit: v.unit } : {}), detail: violationDetail(v, lang),
  }));

  // The scorecard in the report's language (for English exactly the scorecard given).
  const objectives: ReportObjective[] = scorecard.objectives.map(({ why, ...o }) => ({
    ...o,
    violations: o.violations.map((v) => ({ ...v, article: cite(v.article), rule: ruleText(v.code as ViolationCode, lang), detail: violationDetail(v, lang) })),
    reasons: why.map((r) => reasonText(r, lang, cite)),
  }));
  const m = scorecard.metrics;
  const card: ReportScorecard = {
    ...scorecard, objectives,
    metrics: { ...m, surveillance: m.surveillance.map((x) => ({ ...x, detail: violationDetail(x, lang) })) },
  };

  // Strengths: objectives done well, quick responses, hosts told before crossings, reasoned decisions.
  const strengths: string[] = [];
  const title = (o: ReportObjective) => objectiveTitles[o.id] ?? "";
  for (const o of objectives) if (o.final === "P") strengths.push(say.objectiveP(title(o), o.reasons[0] ?? ""));
  scorecard.objectives.forEach((o, k) => {
    if (o.final !== "S") return;
    const why = o.why.findIndex((r) => reasonRating(r) === "S");
    const reasons = objectives[k]?.reasons ?? [];
    strengths.push(say.objectiveS(title(o), reasons[why >= 0 ? why : 0] ?? ""));
  });
  const told = m.notificationLatency.filter((n): n is typeof n & { lead: number } => n.lead !== null);
  if (told.length) strengths.push(say.hostTold(told.length, m.notificationLatency.length, told));
  const quick = m.injectResponse.filter((r) => r.status === "met" && r.latency !== null && r.latency <= 60);
  if (quick.length) strengths.push(say.quickResponses(quick.length, quick.slice(0, 6).map((q) => `${q.inject}/${q.expected}`), quick.length > 6));
  if (m.decisions.total && m.decisions.withLegalBasis === m.decisions.total) strengths.push(say.decisionsReasoned(m.decisions.total));
  if (m.messages.shareViaPcccOrSpoc !== null && m.messages.shareViaPcccOrSpoc >= 0.5) strengths.push(say.viaPcccOrSpoc(Math.round(m.messages.shareViaPcccOrSpoc * 100)));

  // Areas for improvement: each rule broken (with how often), each expected action missed, with why.
  const improvements: AfterActionReport["improvements"] = [];
  const byCode = new Map<string, number>();
  for (const v of violations) byCode.set(v.code, (byCode.get(v.code) ?? 0) + 1);
  for (const [code, count] of byCode) {
    const a = ARTICLES[code as keyof typeof ARTICLES];
    improvements.push({ text: say.ruleBroken(ruleText(code as ViolationCode, lang), code), article: cite(a.article), count });
  }
  for (const miss of events.filter((e): e is EventOf<"expected_missed"> => e.type === "expected_missed")) {
    const inject = s.injects.find((i) => i.id === miss.inject);
    const exp = inject?.expected.find((x) => x.id === miss.expected);
    improvements.push({ text: say.expectedMissed(pick(inject?.title, lang), miss.roles.map(roleTitle), miss.expected, exp?.note ? pick(exp.note, lang) : undefined) });
  }
  for (const o of objectives) if (o.final === "U") improvements.push({ text: say.objectiveU(title(o), o.reasons[0] ?? "") });

  const timeline = events.filter((e) => KEEP.has(e.type)).flatMap((e) => {
    let text = describeEvent(e);
    if (e.type === "inject_fired") text = `INJECT   ${pick(s.injects.find((i) => i.id === e.inject)?.title, lang) || e.inject}${e.manual ? " (exercise control)" : ""}`;
    return text === null ? [] : [{ t: e.t, time: clock(e.t), kind: e.type, text }];
  });
  const decisions = events.filter((e): e is EventOf<"decision_recorded"> => e.type === "decision_recorded").map((d) => ({
    t: d.t, time: clock(d.t), role: roleTitle(d.by), decision: d.decision, options: d.options, rationale: d.rationale, ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
  }));
  const injectAt = (id?: string) => events.find((e) => e.type === "inject_fired" && e.inject === id)?.t;
  const notes = evaluations.notes.map((n) => {
    const at = n.at ?? injectAt(n.inject);
    return { ...(at !== undefined ? { at, time: clock(at) } : {}), ...(n.inject ? { inject: n.inject } : {}), evaluator: n.evaluator, ...(n.objective ? { objective: n.objective } : {}), text: n.text };
  }).sort((a, b) => (a.at ?? 0) - (b.at ?? 0));

  return {
    format: "jointex-aar@1", lang,
    scenario: { id: s.meta.id, title: pick(s.meta.title, lang), briefing: pick(s.meta.briefing, lang), countries: s.map.countries.map((c) => c.code) },
    run, scorecard: card, roles, names, objectiveTitles, strengths, improvements, violations, timeline, decisions, notes,
  };
}
