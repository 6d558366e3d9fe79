// The debrief panel's data, in Node: the report it shows equals the one the server computes from the
// log, a trainee's personal summary (objectives, rules broken with article and rule text, strengths),
// caption and marker texts in en/fr/de, and the debrief namespace complete in all three languages.
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import texts from "../../client/i18n/debrief.ts";
import { initI18n } from "../../client/i18n/index.ts";
import { captionOf, GLYPH, hms, markerText, nameIn, personalSummary, reportLang, reportOf, SPEEDS } from "../../client/panels/debrief.ts";
import { MARKER_KINDS, Replayer } from "../../client/views/replay.ts";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { ruleText } from "../../shared/report/rules-i18n.ts";
import type { ViolationCode } from "../../shared/scenario/vocab.ts";
import { NO_EVALUATIONS, type Evaluations } from "../../shared/score/evaluations.ts";
import { ARTICLES } from "../../shared/sim/law/articles.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { flagship, loadPlaythrough } from "../support/scenarios.ts";

const scenario = flagship("pursuit-thionville");
const logOf = (file: string) => runPlaythrough(scenario, loadPlaythrough(file)).log;
const unlawful = logOf("pursuit-thionville.unlawful.yaml");
const lawful = logOf("pursuit-thionville.lawful.yaml");
const evaluations: Evaluations = {
  notes: [{ evaluator: "eval-1", at: 400, text: "The BAC crews never called the CCPD." }],
  ratings: [{ evaluator: "eval-1", objective: "o-notify", rating: "U", reason: "no call at all" }],
  overrides: [],
};

beforeAll(async () => {
  await initI18n("en");
});

describe("the report in the page", () => {
  it("is the report the server computes from the log (reportFromLog), in every report language", () => {
    const r = Replayer.build(scenario, unlawful);
    for (const l of ["en", "fr", "de"]) {
      const mine = reportOf(r, evaluations, l);
      const server = reportFromLog(scenario, unlawful, evaluations, l);
      expect(mine).toEqual(server);
      expect(renderReportHtml(mine)).toBe(renderReportHtml(server));
    }
    expect(reportOf(r, NO_EVALUATIONS, "en")).toEqual(reportFromLog(scenario, unlawful));
    // An interface language the report does not speak falls back to English.
    expect(reportLang("nl")).toBe("en");
    expect(reportOf(r, NO_EVALUATIONS, "nl").lang).toBe("en");
  });
});

describe("a trainee's personal summary", () => {
  const r = Replayer.build(scenario, unlawful);

  it("lists the rules the role broke, once per rule, with article, rule text, count and times", () => {
    const report = reportOf(r, evaluations, "en");
    const s = personalSummary(report, scenario, "fr-patrol");
    expect(s.roleTitle).toBe(scenario.roles.find((x) => x.id === "fr-patrol")?.title.en);
    expect(s.violations.map((v) => [v.code, v.count, v.ticks])).toEqual([
      ["pursuit/not_notified_at_crossing", 2, [360, 466]],
      ["any/unidentifiable_unit", 1, [466]],
      ["any/entered_private_premises", 2, [643, 741]],
      ["pursuit/continued_after_stop_request", 2, [1141, 1141]],
      ["pursuit/apprehension_not_permitted", 1, [1348]],
      ["any/no_report_to_local_authority", 2, [3600, 3600]],
    ]);
    for (const v of s.violations) {
      expect(v.article).toBe(ARTICLES[v.code as ViolationCode].article);
      expect(v.rule).toBe(ARTICLES[v.code as ViolationCode].rule);
    }
    // In French the rule is the French text.
    const fr = personalSummary(reportOf(r, evaluations, "fr"), scenario, "fr-patrol");
    expect(fr.violations[0]?.rule).toBe(ruleText("pursuit/not_notified_at_crossing", "fr"));
    expect(fr.violations[0]?.rule).toMatch(/franchissement/);
    // Another role broke nothing.
    expect(personalSummary(report, scenario, "lu-patrol").violations).toEqual([]);
  });

  it("rates exactly the role's objectives, as the scorecard does (evaluator ratings included)", () => {
    const report = reportOf(r, evaluations, "en");
    const s = personalSummary(report, scenario, "fr-patrol");
    const rated = scenario.objectives.filter((o) => o.rated.includes("fr-patrol")).map((o) => o.id);
    expect(s.objectives.map((o) => o.id)).toEqual(rated);
    expect(rated).toEqual(["o-notify", "o-stop", "o-apprehend", "o-report"]);
    for (const o of s.objectives) {
      const sc = report.scorecard.objectives.find((x) => x.id === o.id);
      expect(o.rating).toBe(sc?.final);
      expect(o.title).toBe(scenario.objectives.find((x) => x.id === o.id)?.title.en);
    }
    // The evaluator's U on o-notify is what the trainee sees.
    expect(s.objectives.find((o) => o.id === "o-notify")?.rating).toBe("U");
    expect(personalSummary(report, scenario, "ccpd-desk").objectives.map((o) => o.id)).toEqual(["o-information"]);
  });

  it("keeps only the strengths about the role's own objectives (exercise-wide ones, which may be others' work, stay in the full report)", () => {
    const rl = Replayer.build(scenario, lawful);
    const report = reportOf(rl, NO_EVALUATIONS, "en");
    expect(report.strengths.length).toBeGreaterThan(0);
    const titleOf = (id: string) => report.objectiveTitles[id] as string;
    const objectiveStrength = (s: string) => scenario.objectives.find((o) => s.startsWith(`${titleOf(o.id)}:`));
    for (const role of ["fr-patrol", "ccpd-desk", "lu-patrol", "de-patrol"]) {
      const mine = personalSummary(report, scenario, role);
      for (const s of report.strengths) {
        const about = objectiveStrength(s);
        const expected = !!about && about.rated.includes(role);
        expect(mine.strengths.includes(s), `${role}: ${s}`).toBe(expected);
      }
    }
    // The lawful cohort did something well that the French patrol sees, and the CCPD desk does not
    // see the French patrol's objectives.
    const fr = personalSummary(report, scenario, "fr-patrol");
    expect(fr.strengths.length).toBeGreaterThan(0);
    const ccpd = personalSummary(report, scenario, "ccpd-desk");
    expect(ccpd.strengths.some((s) => s.startsWith(`${titleOf("o-report")}:`))).toBe(false);
    // All five objectives reached P: four rate the French patrol, one the CCPD desk; three strengths
    // are exercise-wide and stay in the full report.
    expect(report.strengths).toHaveLength(8);
    expect(fr.strengths).toHaveLength(4);
    expect(ccpd.strengths).toHaveLength(1);
    expect(ccpd.strengths[0]).toMatch(/^Information flows through the CCPD/);
    expect(fr.violations).toEqual([]);
  });
});

describe("texts of the replay", () => {
  const r = Replayer.build(scenario, unlawful);
  it("formats exercise time as H:MM:SS", () => {
    expect(hms(0)).toBe("0:00:00");
    expect(hms(360)).toBe("0:06:00");
    expect(hms(3599)).toBe("0:59:59");
    expect(hms(7384)).toBe("2:03:04");
    expect(SPEEDS).toEqual([1, 10, 60, 300]);
    expect(new Set(MARKER_KINDS.map((k) => GLYPH[k])).size).toBe(4);
  });

  it("words every marker and every captioned event in en, fr and de, without a raw key", async () => {
    for (const l of ["en", "fr", "de"]) {
      await i18next.changeLanguage(l);
      for (const m of r.markers()) {
        const text = markerText(m, scenario, l);
        expect(text).not.toMatch(/debrief:|\{\{|undefined/);
        expect(text.length).toBeGreaterThan(3);
        if (m.kind === "violation") expect(text).toContain(m.code);
        if (m.kind === "inject") expect(text).toBe(scenario.injects.find((i) => i.id === m.inject)?.title[l as "en"] ?? scenario.injects.find((i) => i.id === m.inject)?.title.en);
      }
      const lines = r.events.map((e) => captionOf(e, scenario, l)).filter((x): x is string => x !== null);
      expect(lines.length).toBeGreaterThan(30);
      for (const x of lines) expect(x).not.toMatch(/debrief:|common:|\{\{|undefined/);
      const v = r.events.find((e) => e.type === "violation");
      if (!v || v.type !== "violation") throw new Error("no violation");
      expect(captionOf(v, scenario, l)).toContain(ruleText(v.code, l));
      expect(captionOf(r.events.find((e) => e.type === "exercise_ended") as never, scenario, l)).toBe(i18next.t("debrief:ev.ended"));
    }
    await i18next.changeLanguage("fr");
    expect(captionOf(r.events.find((e) => e.type === "exercise_ended") as never, scenario, "fr")).toBe("Fin de l'exercice");
    const order = r.events.find((e) => e.type === "order_given");
    expect(captionOf(order as never, scenario, "fr")).toMatch(/Poursuivre|donne un ordre/);
    await i18next.changeLanguage("de");
    expect(captionOf(r.events.find((e) => e.type === "exercise_ended") as never, scenario, "de")).toBe("Ende der Übung");
    expect(nameIn(scenario, null, "de")).toBe("Übungsleitung");
    await i18next.changeLanguage("en");
    expect(nameIn(scenario, "fr-bac-1", "en")).toBe(scenario.units.find((u) => u.id === "fr-bac-1")?.callsign);
    expect(nameIn(scenario, "robbers", "en")).toBe(scenario.actors.find((a) => a.id === "robbers")?.name.en);
  });

  it("has the same keys and placeholders in en, fr and de, all filled and translated", () => {
    const flat = (o: Record<string, unknown>, p = ""): Record<string, string> => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[`${p}${k}`, v]] : Object.entries(flat(v as Record<string, unknown>, `${p}${k}.`)))));
    const en = flat(texts.en);
    const fr = flat(texts.fr);
    const de = flat(texts.de);
    expect(Object.keys(en).length).toBeGreaterThan(60);
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    let same = 0;
    for (const k of Object.keys(en)) {
      for (const x of [fr, de]) {
        expect(x[k]?.trim(), k).not.toBe("");
        expect(vars(x[k] as string), k).toEqual(vars(en[k] as string));
      }
      if (fr[k] === en[k] || de[k] === en[k]) same += 1;
    }
    // Only pure placeholders ("{{title}}", "{{code}} [{{article}}]: {{role}}") and a word or two may read the same.
    expect(same).toBeLessThan(10);
    // Every key the panel uses exists.
    for (const k of ["waiting", "preparing", "failed", "mismatch", "tabs.report", "tabs.replay", "report.download", "mine.title", "mine.broke", "mine.well", "replay.play", "replay.pause", "replay.keys", ...MARKER_KINDS.flatMap((k) => [`kind.${k}`, `kinds.${k}`, `marker.${k}`]), ...["P", "S", "M", "U"].map((r) => `rating.${r}`)]) expect(en[k], k).toBeTruthy();
  });
});
