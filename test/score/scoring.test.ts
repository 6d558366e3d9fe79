// Ratings and metrics on small fixture logs from the two-country test bed: each rule of the rating
// (deadline, grace, late, expected actions, legal cap, evaluators, overrides) and each metric's edge
// cases (a notice in the very second of the crossing, a stop request never obeyed, a SPOC request
// that needs judicial authorisation).
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Evaluations } from "../../shared/score/evaluations.ts";
import { computeMetrics } from "../../shared/score/metrics.ts";
import { reasonRating, reasonText, type Reason } from "../../shared/score/reasons.ts";
import { scoreExercise } from "../../shared/score/scorecard.ts";
import { clock } from "../../shared/sim/timeline.ts";
import { scenarioText, setup } from "../support/scenarios.ts";
import { notify, order } from "../support/rules-bed.ts";

const base = scenarioText("test/fixtures/rules.yaml");
/** The test bed with these objectives (and an expected action on the robbery inject). */
function bed(objectives: string) {
  const text = base
    .replace(/objectives:\n[\s\S]*$/, `objectives:\n${objectives}\n`)
    .replace("effects: [{ spawn: suspect }]", "effects: [{ spawn: suspect }]\n    expected: [{ id: tell, by: [fr-lead], do: { message: { kind: notify } }, within: 2m }]");
  const r = parseScenario(text, "bed.yaml");
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`).join("\n"));
  return setup(r.scenario, 7);
}
const end = { by: "instructor", cmd: { type: "end" } };
const REACH = `
  - { id: reach, title: Suspect stopped, rated: [lu-lead], achieve: { actor_state: { actor: suspect, is: stopped } }, by: 3m, rules: [pursuit/not_notified_at_crossing], rating: { grace: 1m, late: 3m } }`;

/** Stop the suspect at the roadblock lu-1 sets up; returns the tick it stopped. */
function stopSuspect(b: ReturnType<typeof bed>, orderAt: number): number {
  b.until(orderAt);
  b.run([order("lu-1", "stop", "suspect")]);
  while (!b.events.some((e) => e.type === "actor_state" && e.actor === "suspect" && e.to === "stopped") && b.sim.state.tick < 900) b.run();
  return b.sim.state.tick - 1;
}

describe("objective ratings", () => {
  it("P when the outcome is on time and lawful; the reason says when", () => {
    const b = bed(REACH.replace("by: 3m", "by: 6m"));
    const at = stopSuspect(b, 1);
    b.run([end]);
    const o = scoreExercise(b.scenario, b.events).objectives[0];
    expect(at).toBeLessThanOrEqual(360);
    expect(o?.final).toBe("P");
    expect(o?.outcome).toMatchObject({ kind: "achieved", at, lateBy: at - 360, holdsAtEnd: true });
    expect(o?.reasons[0]).toBe(`outcome reached at ${clock(at)}, on time (deadline 00:06:00)`);
  });

  it("S within the grace, M within late, U beyond it or never", () => {
    const rate = (deadline: string) => {
      const b = bed(REACH.replace("by: 3m", `by: ${deadline}`));
      stopSuspect(b, 1);
      b.run([end]);
      return scoreExercise(b.scenario, b.events).objectives[0];
    };
    const probe = bed(REACH);
    const at = stopSuspect(probe, 1);
    const mmss = (s: number) => `${Math.floor(s / 60)}m${s % 60}s`;
    expect(rate(mmss(at - 30))?.final).toBe("S");
    expect(rate(mmss(at - 30))?.reasons[0]).toBe("S: outcome reached 0 min 30 s after the deadline, within the 1 min grace");
    expect(rate(mmss(at - 120))?.final).toBe("M");
    expect(rate(mmss(at - 250))?.final).toBe("U");
    const never = bed(REACH);
    never.until(100);
    never.run([end]);
    expect(scoreExercise(never.scenario, never.events).objectives[0]?.reasons[0]).toBe("U: the outcome was not reached (deadline 00:03:00)");
  });

  it("caps an achieved outcome at M when a rated role broke a rule the objective checks", () => {
    const b = bed(REACH.replace("rated: [lu-lead]", "rated: [lu-lead, fr-lead]"));
    b.run();
    b.run([order("fr-1", "pursue", "suspect")]);
    stopSuspect(b, 80);
    b.run([end]);
    const o = scoreExercise(b.scenario, b.events).objectives[0];
    expect(o?.outcome.kind).toBe("achieved");
    expect(o?.automatic).toBe("M");
    expect(o?.reasons).toContain("M at best: 1 violation of the rules this objective checks (pursuit/not_notified_at_crossing, CISA Art. 41(1))");
  });

  it("lowers a conduct objective for missed expected actions: S for one of two, M for more than half", () => {
    const b = bed(`
  - { id: conduct, title: Tell the host, rated: [fr-lead], rating: { expected: [go/tell] } }`);
    b.until(200);
    b.run([end]);
    const o = scoreExercise(b.scenario, b.events).objectives[0];
    expect(o?.final).toBe("M");
    expect(o?.reasons).toEqual(["M at best: 1 of 1 expected action missed (go/tell)"]);
  });

  it("merges evaluator ratings by the minimum or the average, keeps the legal cap, and keeps overrides beside the automatic rating", () => {
    const b = bed(`
  - { id: a, title: A, rated: [fr-lead], rating: { aggregate: min } }
  - { id: b, title: B, rated: [fr-lead], rating: { aggregate: avg } }`);
    b.run([notify]);
    b.run([end]);
    const ev = Evaluations.parse({
      ratings: [
        { evaluator: "Obs 1", objective: "a", rating: "S", at: "1m" },
        { evaluator: "Obs 1", objective: "b", rating: "M" },
        { evaluator: "Obs 2", objective: "b", rating: "S" },
      ],
      overrides: [{ evaluator: "Lead evaluator", objective: "b", rating: "P", reason: "the M was given for the wrong unit" }],
    });
    const [a, bb] = scoreExercise(b.scenario, b.events, ev).objectives;
    expect(a?.automatic).toBe("P");
    expect(a?.final).toBe("S");
    expect(bb?.merged).toBe("S"); // (P + M + S) / 3 = 3 -> S
    expect(bb?.override).toEqual({ evaluator: "Lead evaluator", rating: "P", reason: "the M was given for the wrong unit" });
    expect(bb?.final).toBe("P");
    expect(bb?.automatic).toBe("P");
  });

  it("keeps each reason as data beside its English sentence, and says it in French and German", () => {
    const b = bed(`
  - { id: a, title: A, rated: [fr-lead], rating: { aggregate: min, expected: [go/tell] } }
  - { id: b, title: B, rated: [fr-lead], rating: { aggregate: avg } }`);
    b.until(200);
    b.run([end]);
    const ev = Evaluations.parse({
      ratings: [{ evaluator: "Obs 1", objective: "a", rating: "U" }, { evaluator: "Obs 1", objective: "b", rating: "M" }, { evaluator: "Obs 2", objective: "b", rating: "S" }],
      overrides: [{ evaluator: "Lead evaluator", objective: "b", rating: "P", reason: "the M was given for the wrong unit" }],
    });
    const [a, bb] = scoreExercise(b.scenario, b.events, ev).objectives;
    // The English sentences are the data rendered in English, one for one.
    for (const o of [a, bb]) expect(o?.why.map((r) => reasonText(r))).toEqual(o?.reasons);
    expect(a?.why).toEqual([
      { key: "expected_missed", params: { cap: "M", missed: ["go/tell"], fired: 1 } },
      { key: "merged", params: { merged: "U", automatic: "M", count: 1, aggregate: "min" } },
    ]);
    expect(a?.why.map((r) => reasonText(r, "fr"))).toEqual([
      "M au mieux : l'action attendue n'a pas été réalisée (go/tell)",
      "U : note automatique M combinée à 1 note d'évaluateur par le minimum",
    ]);
    expect(bb?.why.map((r) => reasonText(r, "de"))).toEqual([
      "P: keine nachteilige Feststellung",
      "S: automatische Bewertung P, mit 2 Beobachterbewertungen über das Mittel zusammengeführt",
      "P: von Lead evaluator abgeändert: the M was given for the wrong unit",
    ]);
    // A language without a table reads English.
    expect(a?.why.map((r) => reasonText(r, "nl"))).toEqual(a?.reasons);
  });

  it("has every kind of reason in English, French and German, each naming the rating it speaks for", () => {
    const cases: [Reason, string, string, string][] = [
      [{ key: "outcome_not_reached", params: { deadline: 2700 } }, "U: the outcome was not reached (deadline 00:45:00)", "U : résultat non atteint (échéance 00:45:00)", "U: Ergebnis nicht erreicht (Frist 00:45:00)"],
      [{ key: "outcome_not_reached", params: {} }, "U: the outcome was not reached", "U : résultat non atteint", "U: Ergebnis nicht erreicht"],
      [{ key: "outcome_on_time", params: { at: 1918, deadline: 2700 } }, "outcome reached at 00:31:58, on time (deadline 00:45:00)", "résultat atteint à 00:31:58, dans les délais (échéance 00:45:00)", "Ergebnis um 00:31:58 erreicht, fristgerecht (Frist 00:45:00)"],
      [{ key: "outcome_within_grace", params: { lateBy: 30, grace: 60 } }, "S: outcome reached 0 min 30 s after the deadline, within the 1 min grace", "S : résultat atteint 0 min 30 s après l'échéance, dans la tolérance de 1 min", "S: Ergebnis 0 min 30 s nach Fristablauf erreicht, innerhalb der Toleranz von 1 min"],
      [{ key: "outcome_late", params: { lateBy: 120 } }, "M: outcome reached 2 min after the deadline", "M : résultat atteint 2 min après l'échéance", "M: Ergebnis 2 min nach Fristablauf erreicht"],
      [{ key: "outcome_too_late", params: { lateBy: 250, late: 180 } }, "U: outcome reached 4 min 10 s after the deadline, later than the 3 min allowed", "U : résultat atteint 4 min 10 s après l'échéance, au-delà du retard admis de 3 min", "U: Ergebnis 4 min 10 s nach Fristablauf erreicht, über die zulässige Verspätung von 3 min hinaus"],
      [{ key: "outcome_lost", params: { at: 600 } }, "M at best: the outcome reached at 00:10:00 no longer held at the end", "M au mieux : le résultat atteint à 00:10:00 n'était plus acquis à la fin", "Höchstens M: Das um 00:10:00 erreichte Ergebnis bestand am Ende nicht mehr"],
      [{ key: "expected_missed", params: { cap: "S", missed: ["x/a"], fired: 3 } }, "S at best: 1 of 3 expected actions missed (x/a)", "S au mieux : 1 des 3 actions attendues n'a pas été réalisée (x/a)", "Höchstens S: 1 von 3 erwarteten Handlungen versäumt (x/a)"],
      [{ key: "expected_missed", params: { cap: "M", missed: ["x/a", "x/b"], fired: 3 } }, "M at best: 2 of 3 expected actions missed (x/a, x/b)", "M au mieux : 2 des 3 actions attendues n'ont pas été réalisées (x/a, x/b)", "Höchstens M: 2 von 3 erwarteten Handlungen versäumt (x/a, x/b)"],
      [{ key: "violations", params: { count: 1, rules: [{ code: "pursuit/not_notified_at_crossing", article: "CISA Art. 41(1)" }] } }, "M at best: 1 violation of the rules this objective checks (pursuit/not_notified_at_crossing, CISA Art. 41(1))", "M au mieux : 1 infraction aux règles contrôlées par cet objectif (pursuit/not_notified_at_crossing, CISA Art. 41(1))", "Höchstens M: 1 Verstoß gegen die von diesem Ziel geprüften Regeln (pursuit/not_notified_at_crossing, CISA Art. 41(1))"],
      [{ key: "lawful", params: { hasRules: true, allExpectedDone: true } }, "P: no violation of the rules checked, every expected action done", "P : aucune infraction aux règles contrôlées, toutes les actions attendues réalisées", "P: kein Verstoß gegen die geprüften Regeln, alle erwarteten Handlungen erfüllt"],
      [{ key: "merged", params: { merged: "S", automatic: "P", count: 1, aggregate: "avg" } }, "S: automatic P merged with 1 evaluator rating by the average", "S : note automatique P combinée à 1 note d'évaluateur par la moyenne", "S: automatische Bewertung P, mit 1 Beobachterbewertung über das Mittel zusammengeführt"],
      [{ key: "override", params: { rating: "M", evaluator: "Anna", reason: "late relay" } }, "M: overridden by Anna: late relay", "M : note remplacée par Anna : late relay", "M: von Anna abgeändert: late relay"],
    ];
    expect(new Set(cases.map(([r]) => r.key)).size).toBe(11); // every key of Reason
    for (const [r, en, fr, de] of cases) {
      expect([reasonText(r, "en"), reasonText(r, "fr"), reasonText(r, "de")]).toEqual([en, fr, de]);
      // The English sentence starts with the rating the reason speaks for (the report picks S reasons by it).
      const rating = reasonRating(r);
      if (rating === null) expect(en).toMatch(/^outcome reached at /);
      else expect(en.startsWith(`${rating}:`) || en.startsWith(`${rating} at best:`)).toBe(true);
    }
  });

  it("rolls objectives up per role, per country team and overall with the scenario's weights", () => {
    const b = bed(`
  - { id: heavy, title: Heavy, weight: 3, rated: [fr-lead], rating: { expected: [go/tell] } }
  - { id: light, title: Light, weight: 1, rated: [lu-lead] }`);
    b.until(200);
    b.run([end]);
    const sc = scoreExercise(b.scenario, b.events);
    expect(sc.objectives.map((o) => o.final)).toEqual(["M", "P"]);
    expect(sc.byRole["fr-lead"]).toMatchObject({ rating: "M", score: 33.3 });
    expect(sc.byRole["lu-lead"]).toMatchObject({ rating: "P", score: 100 });
    expect(sc.byCountry).toMatchObject({ FR: { score: 33.3 }, LU: { score: 100 } });
    expect(sc.overall).toMatchObject({ rating: "M", score: 50 }); // (3 x 1/3 + 1 x 1) / 4
  });
});

describe("metrics", () => {
  it("count a notice sent in the very second of the crossing as lead 0, and a missing one as null", () => {
    const probe = bed(REACH);
    probe.run();
    probe.run([order("fr-1", "pursue", "suspect")]);
    while (!probe.events.some((e) => e.type === "border_crossed" && e.who === "fr-1")) probe.run();
    const T = probe.events.find((e) => e.type === "border_crossed" && e.who === "fr-1")?.t ?? -1;

    const b = bed(REACH);
    b.run();
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T);
    b.run([notify]);
    b.run([order("fr-2", "pursue", "suspect")]);
    b.until(T + 200);
    const m = computeMetrics(b.scenario, b.events);
    expect(m.notificationLatency[0]).toEqual({ t: T, unit: "fr-1", from: "FR", into: "LU", notifiedAt: T, lead: 0 });
    expect(m.notificationLatency[1]).toMatchObject({ unit: "fr-2", lead: expect.any(Number) });

    const c = bed(REACH);
    c.run();
    c.run([order("fr-1", "pursue", "suspect")]);
    c.until(T + 5);
    expect(computeMetrics(c.scenario, c.events).notificationLatency).toEqual([{ t: T, unit: "fr-1", from: "FR", into: "LU", notifiedAt: null, lead: null }]);
  });

  it("record a stop request never obeyed as never broken off, and one obeyed with its delay", () => {
    const b = bed(REACH);
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect"), order("fr-2", "pursue", "suspect")]);
    b.until(100);
    b.run([{ by: "lu-lead", cmd: { type: "message", to: "fr-lead", kind: "stop_request", text: "Stop now.", about: "suspect" } }]);
    b.until(130);
    b.run([order("fr-2", "withdraw")]);
    b.until(300);
    expect(computeMetrics(b.scenario, b.events).stopCompliance).toEqual([
      { t: 100, host: "LU", sending: "FR", units: [{ unit: "fr-1", brokeOffAt: null, after: null }, { unit: "fr-2", brokeOffAt: 130, after: 30 }] },
    ]);
  });

  it("follow a SPOC request that needs judicial authorisation: delay notice, answer in time", () => {
    const b = bed(REACH);
    b.run([{ by: "fr-investigator", cmd: { type: "message", to: "spoc-lu", cc: ["spoc-fr"], kind: "request", urgency: "urgent_direct", language: "fr", text: "Keeper of plate AB 123?", fields: { purpose: "p", grounds: "g", link_to_person: "l", urgency_reasons: "u", judicial_authorisation_needed: true } } }]);
    const id = (b.events.find((e) => e.type === "message_sent") as { id: string }).id;
    b.until(20);
    b.run([{ by: "lu-spoc", cmd: { type: "message", as: "spoc-lu", to: "fr-investigator", kind: "delay_notice", in_reply_to: id, text: "Judicial authorisation: 2 h." } }]);
    b.until(300);
    b.run([{ by: "lu-spoc", cmd: { type: "message", as: "spoc-lu", to: "fr-investigator", kind: "reply", in_reply_to: id, text: "Keeper: J. Doe." } }]);
    b.until(600);
    const m = computeMetrics(b.scenario, b.events);
    expect(m.spoc).toEqual({ requests: 1, answered: 1, inTime: 1, late: 0, delayNotices: 1, incomplete: 0, wrongLanguage: 0, noOwnSpocCopy: 0 });
    expect(m.messages).toMatchObject({ total: 3, crossBorder: 3, viaPcccOrSpoc: 3, shareViaPcccOrSpoc: 1 });
  });

  it("measure inject response, expected-action coverage, decisions with legal basis and facts seen", () => {
    const b = bed(REACH);
    b.until(30);
    b.run([notify, { by: "fr-lead", cmd: { type: "decision", decision: "Pursue into Luxembourg", rationale: "Robbery is in the catalogue", legal_basis: "cisa_41" } }]);
    b.run([{ by: "lu-lead", cmd: { type: "decision", decision: "Set up a roadblock", rationale: "Stop the van before the town" } }]);
    b.until(60);
    const m = computeMetrics(b.scenario, b.events);
    expect(m.injectResponse).toEqual([{ inject: "go", expected: "tell", status: "met", latency: 30, roles: ["fr-lead"] }]);
    expect(m.expectedCoverage).toEqual({ met: 1, missed: 0, share: 1, byRole: { "fr-lead": { met: 1, missed: 0 } } });
    expect(m.decisions).toEqual({ total: 2, withLegalBasis: 1, byRole: { "fr-lead": 1, "lu-lead": 1 } });
    expect(m.factsSeen["lu-lead"]).toEqual({ seen: 1, of: 2, actors: ["fans"] });
  });
});
