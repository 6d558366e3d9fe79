// The after-action report as data: everything the HTML, JSON and CSV renderings show, computed from
// the scenario, the exercise's events, the scorecard and the evaluators' input. HSEEP-style
// strengths and areas for improvement are derived, not written by hand.
import type { Scenario } from "../scenario/schema.ts";
import type { Evaluations } from "../score/evaluations.ts";
import type { Scorecard } from "../score/scorecard.ts";
import { ARTICLES } from "../sim/law/articles.ts";
import { clock, describeEvent } from "../sim/timeline.ts";
import type { EventOf, SimEvent } from "../sim/types.ts";
import { pick } from "./i18n.ts";
import { ruleText } from "./rules-i18n.ts";

export interface AfterActionReport {
  format: "jointex-aar@1";
  lang: string;
  scenario: { id: string; title: string; briefing: string; countries: string[] };
  run: { seed: string; simVersion: number; scenarioHash: string; ticks: number; ended: boolean };
  scorecard: Scorecard;
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
  const roleTitle = (id: string | null) => (id === null ? "exercise control" : pick(s.roles.find((r) => r.id === id)?.title, lang) || id);
  const roles: AfterActionReport["roles"] = Object.fromEntries(s.roles.map((r) => [r.id, { title: pick(r.title, lang), country: s.parties.find((p) => p.id === r.party)?.country ?? "" }]));
  const names: Record<string, string> = Object.fromEntries([
    ...s.parties.map((p) => [p.id, pick(p.name, lang)] as const),
    ...s.desks.map((d) => [d.id, pick(d.name, lang)] as const),
    ...s.roles.map((r) => [r.id, pick(r.title, lang)] as const),
  ]);
  const objectiveTitles = Object.fromEntries(s.objectives.map((o) => [o.id, pick(o.title, lang)]));
  const violations = events.filter((e): e is EventOf<"violation"> => e.type === "violation").map((v) => ({
    t: v.t, time: clock(v.t), code: v.code, article: v.article, rule: ruleText(v.code, lang), role: v.role, roleTitle: roleTitle(v.role), ...(v.unit ? { unit: v.unit } : {}), detail: v.detail,
  }));

  // Strengths: objectives done well, quick responses, hosts told before crossings, reasoned decisions.
  const m = scorecard.metrics;
  const strengths: string[] = [];
  for (const o of scorecard.objectives) if (o.final === "P") strengths.push(`${objectiveTitles[o.id]}: P, ${o.reasons[0] ?? ""}`);
  for (const o of scorecard.objectives) if (o.final === "S") strengths.push(`${objectiveTitles[o.id]}: S (${o.reasons.find((r) => r.startsWith("S")) ?? o.reasons[0] ?? ""})`);
  const told = m.notificationLatency.filter((n) => n.lead !== null);
  if (told.length) strengths.push(`The host was told before ${told.length} of ${m.notificationLatency.length} border crossing${m.notificationLatency.length === 1 ? "" : "s"} (${told.map((n) => `${n.unit} into ${n.into}, ${n.lead} s before`).join("; ")}).`);
  const quick = m.injectResponse.filter((r) => r.status === "met" && r.latency !== null && r.latency <= 60);
  if (quick.length) strengths.push(`${quick.length} expected action${quick.length === 1 ? "" : "s"} done within a minute of the inject (${quick.slice(0, 6).map((q) => `${q.inject}/${q.expected}`).join(", ")}${quick.length > 6 ? ", ..." : ""}).`);
  if (m.decisions.total && m.decisions.withLegalBasis === m.decisions.total) strengths.push(`Every recorded decision (${m.decisions.total}) states its legal basis.`);
  if (m.messages.shareViaPcccOrSpoc !== null && m.messages.shareViaPcccOrSpoc >= 0.5) strengths.push(`${Math.round(m.messages.shareViaPcccOrSpoc * 100)} % of cross-border messages went through a PCCC or SPOC.`);

  // Areas for improvement: each rule broken (with how often), each expected action missed, with why.
  const improvements: AfterActionReport["improvements"] = [];
  const byCode = new Map<string, number>();
  for (const v of violations) byCode.set(v.code, (byCode.get(v.code) ?? 0) + 1);
  for (const [code, count] of byCode) {
    const a = ARTICLES[code as keyof typeof ARTICLES];
    improvements.push({ text: `${ruleText(code as keyof typeof ARTICLES, lang)} (${code})`, article: a.article, count });
  }
  for (const miss of events.filter((e): e is EventOf<"expected_missed"> => e.type === "expected_missed")) {
    const inject = s.injects.find((i) => i.id === miss.inject);
    const exp = inject?.expected.find((x) => x.id === miss.expected);
    improvements.push({ text: `${pick(inject?.title, lang)}: ${miss.roles.map(roleTitle).join(", ")} did not ${miss.expected.replaceAll("-", " ")} in time${exp?.note ? `. ${pick(exp.note, lang)}` : ""}` });
  }
  for (const o of scorecard.objectives) if (o.final === "U") improvements.push({ text: `${objectiveTitles[o.id]}: U (${o.reasons[0] ?? ""})` });

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
    run, scorecard, roles, names, objectiveTitles, strengths, improvements, violations, timeline, decisions, notes,
  };
}
