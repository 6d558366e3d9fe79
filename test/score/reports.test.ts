// Golden after-action reports: for every flagship playthrough, the exact ratings, reasons, metrics,
// strengths and areas for improvement, recomputed from the exercise log alone (replayed). Reviewed by
// hand once and pinned in test/golden/*.report.json; UPDATE_GOLDEN=1 rewrites them after a deliberate
// change, and the diff is then read like code.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportCsv } from "../../shared/report/csv.ts";
import { translateDetail, violationDetail } from "../../shared/report/details-i18n.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { pick } from "../../shared/report/i18n.ts";
import { citation } from "../../shared/report/rules-i18n.ts";
import { scoreExercise } from "../../shared/score/scorecard.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import type { EventOf } from "../../shared/sim/types.ts";
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

  describe("the sentences the report writes itself, in French and German", () => {
    const p = loadPlaythrough("pursuit-thionville.unlawful.yaml");
    const scenario = flagship(p.scenario);
    const run = runPlaythrough(scenario, p);
    const evaluations = { notes: [], ratings: [{ evaluator: "Obs", objective: "o-apprehend", rating: "S" as const }], overrides: [{ evaluator: "Lead", objective: "o-information", rating: "S" as const, reason: "relay delayed by control" }] };
    const lawfulPlay = loadPlaythrough("pursuit-thionville.lawful.yaml");
    const lawfulLog = runPlaythrough(scenario, lawfulPlay).log;
    /** Everything the report writes in its own words: reasons, strengths, areas, findings, SPOC line. */
    const generated = (lang: string, log = run.log) => {
      const r = reportFromLog(scenario, log, evaluations, lang);
      const text = [
        ...r.scorecard.objectives.flatMap((o) => [...o.reasons, ...o.violations.map((v) => v.detail)]),
        ...r.strengths, ...r.improvements.map((i) => i.text), ...r.violations.map((v) => `${v.detail} ${v.article}`),
        /<p class="mono">([^<]*)<\/p>/.exec(renderReportHtml(r))?.[1] ?? "",
      ].join("\n");
      // The scenario's own texts (titles, notes) are whatever languages its author wrote: not ours.
      const authored = [
        ...Object.values(r.objectiveTitles), ...Object.values(r.roles).map((x) => x.title),
        ...scenario.injects.flatMap((i) => [pick(i.title, lang), ...i.expected.map((x) => (x.note ? pick(x.note, lang) : ""))]),
      ].filter((x) => x.length > 0).sort((a, b) => b.length - a.length);
      return authored.reduce((t, x) => t.replaceAll(x, "<scenario text>"), text);
    };
    const ENGLISH = [
      "at best", "violation of the rules", "expected action", "the outcome was not reached", "outcome reached", "deadline",
      "merged with", "evaluator rating", "overridden by", "no violation of the rules checked", "no finding against it",
      "The host was told", "border crossing", "within a minute of the inject", "of cross-border messages",
      " did not ", " in time", "crossed into", "without contacting", "still pursued", "asked to stop", "private premises",
      "never reported", "unmarked car", "formal arrest", "CISA", "requests 0", "no own-SPOC copy",
    ];

    it("English: the phrases checked below are really there", () => {
      const en = `${generated("en")}\n${generated("en", lawfulLog)}`;
      for (const phrase of ENGLISH) expect(en, phrase).toContain(phrase);
    });

    it("French: none of the English sentences, their translations instead", () => {
      const fr = `${generated("fr")}\n${generated("fr", lawfulLog)}`;
      for (const phrase of ENGLISH) expect(fr, phrase).not.toContain(phrase);
      for (const phrase of [
        "M au mieux : 3 infractions aux règles contrôlées par cet objectif (pursuit/not_notified_at_crossing, CAAS art. 41(1) ; any/unidentifiable_unit, CAAS art. 41(5)(d))",
        "M au mieux : l'action attendue n'a pas été réalisée (i-heading-border/notify-ccpd)",
        "U : résultat non atteint (échéance 00:55:00)",
        "résultat atteint à 00:22:28, dans les délais (échéance 00:45:00)",
        "M : note automatique M combinée à 1 note d'évaluateur par le minimum",
        "S : note remplacée par Lead : relay delayed by control",
        "3 actions attendues réalisées dans la minute suivant l'inject (i-robbery/pursue, i-hide/cordon, i-switch/pursue-lu).",
        ": action attendue « withdraw » non réalisée à temps par ",
        "P : aucune infraction aux règles contrôlées, toutes les actions attendues réalisées",
        "L'État hôte a été informé avant 2 des 2 franchissements de frontière (fr-bac-1 vers LU, 330 s avant ; lu-dud-21 vers DE, 470 s avant).",
        "50 % des messages transfrontaliers sont passés par un CCPD ou un SPOC.",
        "fr-bac-1 a franchi la frontière vers LU sans avoir contacté ccpd-lu ou cin-lu",
        "fr-bac-1 poursuivait encore 60 s après la demande d'arrêt de l'État hôte (LU)",
        "fr-bac-2 est un véhicule banalisé avec des agents en civil",
        "les agents étrangers ne procèdent jamais à une arrestation formelle dans l'État hôte (LU)",
        "demandes 0 · réponses 0",
      ]) expect(fr, phrase).toContain(phrase);
      // The rendered page carries them too.
      expect(renderReportHtml(reportFromLog(scenario, run.log, evaluations, "fr"))).toContain("U : résultat non atteint (échéance 00:55:00)");
    });

    it("German: none of the English sentences, their translations instead", () => {
      const de = `${generated("de")}\n${generated("de", lawfulLog)}`;
      for (const phrase of ENGLISH) expect(de, phrase).not.toContain(phrase);
      for (const phrase of [
        "Höchstens M: 3 Verstöße gegen die von diesem Ziel geprüften Regeln (pursuit/not_notified_at_crossing, SDÜ Art. 41(1); any/unidentifiable_unit, SDÜ Art. 41(5)(d))",
        "Höchstens M: Die erwartete Handlung wurde versäumt (i-heading-border/notify-ccpd)",
        "U: Ergebnis nicht erreicht (Frist 00:55:00)",
        "Ergebnis um 00:22:28 erreicht, fristgerecht (Frist 00:45:00)",
        "S: von Lead abgeändert: relay delayed by control",
        "3 erwartete Handlungen binnen einer Minute nach der Einspielung erfüllt (i-robbery/pursue, i-hide/cordon, i-switch/pursue-lu).",
        ": erwartete Handlung „withdraw“ von ",
        "P: kein Verstoß gegen die geprüften Regeln, alle erwarteten Handlungen erfüllt",
        "Der Gebietsstaat wurde vor 2 von 2 Grenzübertritten unterrichtet (fr-bac-1 nach LU, 330 s vorher; lu-dud-21 nach DE, 470 s vorher).",
        "50 % der grenzüberschreitenden Nachrichten liefen über ein GZ/PCCC oder einen SPOC.",
        "fr-bac-1 überquerte die Grenze nach LU, ohne ccpd-lu oder cin-lu zu kontaktieren",
        "fr-bac-1 setzte die Nacheile 60 s nach dem Abbruchersuchen von LU fort",
        "fr-bac-1 war im Gebietsstaat (LU) tätig und hat sich nie bei der örtlich zuständigen Behörde gemeldet",
        "Ersuchen 0 · beantwortet 0",
      ]) expect(de, phrase).toContain(phrase);
    });

    it("English: the scorecard's own sentences, and the report keeps its shape (no structured reasons in it)", () => {
      const en = reportFromLog(scenario, run.log, evaluations, "en");
      const card = scoreExercise(scenario, runPlaythrough(scenario, p).events, evaluations);
      expect(en.scorecard.objectives.map((o) => o.reasons)).toEqual(card.objectives.map((o) => o.reasons));
      expect(en.violations.map((v) => v.detail)).toEqual(run.events.filter((e): e is EventOf<"violation"> => e.type === "violation").map((v) => v.detail));
      expect(JSON.stringify(en)).not.toContain('"why"');
      expect(JSON.stringify(reportFromLog(scenario, run.log, evaluations, "fr"))).not.toContain('"why"');
      // Objective strengths start with "<title>:" in every language: the debrief finds a role's by it.
      const fr = reportFromLog(scenario, lawfulLog, undefined, "fr");
      expect(fr.strengths.filter((s) => scenario.objectives.some((o) => s.startsWith(`${fr.objectiveTitles[o.id]}: P, `)))).toHaveLength(5);
    });

    it("recognises every legal finding of every flagship playthrough, and keeps an unknown one in English", () => {
      for (const file of playthroughFiles()) {
        const play = loadPlaythrough(file);
        const events = runPlaythrough(flagship(play.scenario), play).events;
        for (const v of events.filter((e): e is EventOf<"violation"> => e.type === "violation")) {
          for (const lang of ["fr", "de"]) expect(translateDetail(v.code, v.detail, lang), `${file} ${lang}: ${v.detail}`).not.toBeNull();
        }
      }
      // Sentences the engine writes that no flagship run provokes (shared/sim/law/*).
      const samples: [string, string, string, string][] = [
        ["pursuit/limit_exceeded", "12.4 km beyond the crossing; DE allows 10 km", "12,4 km au-delà du point de franchissement ; DE admet 10 km", "12,4 km hinter dem Grenzübertritt; DE erlaubt 10 km"],
        ["pursuit/limit_exceeded", "BE allows no hot pursuit by FR officers", "l'État hôte (BE) n'admet aucune poursuite par des agents de l'État FR", "der Gebietsstaat (BE) lässt keine Nacheile durch Beamte aus FR zu"],
        ["pursuit/offence_out_of_scope", "public disorder is outside LU's declared scope (catalogue)", "l'infraction « troubles à l'ordre public » n'entre pas dans le champ déclaré par LU (catalogue)", "die Straftat „Landfriedensbruch“ liegt außerhalb des von LU erklärten Umfangs (Katalog)"],
        ["pursuit/non_land_border", "fr-boat crossed by water; DE allows pursuit over land borders only", "fr-boat a franchi la frontière par voie d'eau ; DE n'admet la poursuite que par voie terrestre", "fr-boat überquerte die Grenze auf dem Wasserweg; DE erlaubt die Nacheile nur auf dem Landweg"],
        ["pursuit/not_notified_at_crossing", "fr-1 crossed into LU without contacting the LU authorities", "fr-1 a franchi la frontière vers LU sans avoir contacté les autorités de l'État LU", "fr-1 überquerte die Grenze nach LU, ohne die Behörden von LU zu kontaktieren"],
        ["spoc/request_incomplete", "the request does not state: purpose, link to the person", "la demande n'indique pas : finalité, lien avec la personne", "das Ersuchen nennt nicht: Zweck, Bezug zur Person"],
        ["spoc/direct_request_without_own_spoc_copy", "sent straight to spoc-lu without a copy to spoc-fr", "envoyée directement à spoc-lu sans copie à spoc-fr", "direkt an spoc-lu gesandt, ohne Kopie an spoc-fr"],
        ["surveillance/challenge_or_arrest", "identity check ordered while on surveillance in NL", "mesure « contrôle d'identité » ordonnée pendant une observation dans l'État hôte (NL)", "Maßnahme „Identitätsfeststellung“ während einer Observation im Gebietsstaat (NL) angeordnet"],
        ["any/weapon_use_not_self_defence", "de-1 used force in AT with no armed threat at close range (self-defence was claimed)", "de-1 a fait usage de la force dans l'État hôte (AT) sans menace armée à courte distance (légitime défense invoquée)", "de-1 wendete im Gebietsstaat (AT) Zwang an, ohne bewaffnete Bedrohung aus nächster Nähe (Notwehr wurde geltend gemacht)"],
      ];
      for (const [code, en, fr, de] of samples) {
        expect([violationDetail({ code, detail: en }, "en"), violationDetail({ code, detail: en }, "fr"), violationDetail({ code, detail: en }, "de")]).toEqual([en, fr, de]);
      }
      expect(translateDetail("pursuit/limit_exceeded", "a sentence the engine never wrote", "fr")).toBeNull();
      expect(violationDetail({ code: "pursuit/limit_exceeded", detail: "a sentence the engine never wrote" }, "fr")).toBe("a sentence the engine never wrote");
    });

    it("cites the law as French and German lawyers do", () => {
      expect(citation("CISA Art. 41(5)(e), Art. 40(3)(d); Decision 2008/615/JHA Art. 19", "fr")).toBe("CAAS art. 41(5)(e), art. 40(3)(d); Décision 2008/615/JAI art. 19");
      expect(citation("CISA Art. 41(5)(e), Art. 40(3)(d); Decision 2008/615/JHA Art. 19", "de")).toBe("SDÜ Art. 41(5)(e), Art. 40(3)(d); Beschluss 2008/615/JI Art. 19");
      expect(citation("Directive (EU) 2023/977 Art. 5(1)", "fr")).toBe("Directive (UE) 2023/977 art. 5(1)");
      expect(citation("Directive (EU) 2023/977 Art. 5(1)", "de")).toBe("Richtlinie (EU) 2023/977 Art. 5(1)");
      expect(citation("CISA Art. 41(1)", "en")).toBe("CISA Art. 41(1)");
    });
  });

  it("refuses a log that does not replay", () => {
    const p = loadPlaythrough("pursuit-thionville.lawful.yaml");
    const scenario = flagship(p.scenario);
    const log = JSON.parse(JSON.stringify(runPlaythrough(scenario, p).log));
    log.commands = log.commands.slice(1);
    expect(() => reportFromLog(scenario, log)).toThrow(/the log does not replay: at tick 60/);
  });
});
