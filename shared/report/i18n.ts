// The report's own words in the languages exercises run in. Scenario texts (titles, notes) come in
// whatever languages the scenario gives; anything not translated falls back to English.
const EN = {
  report: "After-action report", scenario: "Scenario", seed: "Seed", engine: "Engine version", simulated: "Exercise time played",
  summary: "Summary", overall: "Whole exercise", byCountry: "Country teams", byRole: "Roles", score: "Score",
  objectives: "Objectives", objective: "Objective", weight: "Weight", outcome: "Outcome", legality: "Legality",
  automatic: "Automatic", evaluators: "Evaluators", final: "Final", reasons: "Why",
  strengths: "Strengths", improvements: "Areas for improvement", violations: "Legal findings",
  time: "Time", role: "Role", unit: "Unit", rule: "Rule", article: "Article", detail: "What happened",
  timeline: "Timeline", decisions: "Decision log", decision: "Decision", options: "Options considered", rationale: "Rationale", legalBasis: "Legal basis",
  metrics: "Measures", notification: "Notification of the host before each crossing", lead: "seconds before the crossing",
  notNotified: "not notified", stop: "Stop requests", brokeOff: "broke off after", never: "never",
  response: "Response to injects", latency: "seconds", missed: "missed", coverage: "Expected actions done",
  flow: "Messages between roles", via: "cross-border messages through a PCCC or SPOC", spoc: "Information requests (SPOC)",
  facts: "Situational awareness: actors each role saw", notes: "Evaluator notes", none: "none",
  achievedOnTime: "reached on time", achievedLate: "reached late", notAchieved: "not reached", conductOnly: "conduct only",
  lostByEnd: "no longer held at the end", lawful: "lawful", findings: "finding(s)", at: "at", printHint: "Print this page to PDF from the browser.",
  ratingP: "P: performed without challenges", ratingS: "S: performed with some challenges", ratingM: "M: performed with major challenges", ratingU: "U: unable to perform",
  spocRequests: "requests", spocAnswered: "answered", spocInTime: "in time", spocLate: "late", spocDelayNotices: "delay notices",
  spocIncomplete: "incomplete", spocWrongLanguage: "wrong language", spocNoOwnCopy: "no own-SPOC copy",
};
type Words = typeof EN;
const FR: Partial<Words> = {
  engine: "Version du moteur",
  report: "Rapport après action", scenario: "Scénario", seed: "Graine", simulated: "Durée d'exercice jouée", summary: "Synthèse",
  overall: "Exercice entier", byCountry: "Équipes nationales", byRole: "Rôles", score: "Score", objectives: "Objectifs", objective: "Objectif",
  weight: "Poids", outcome: "Résultat", legality: "Légalité", automatic: "Automatique", evaluators: "Évaluateurs", final: "Final",
  reasons: "Pourquoi", strengths: "Points forts", improvements: "Axes d'amélioration", violations: "Constats juridiques", time: "Heure",
  role: "Rôle", unit: "Unité", rule: "Règle", article: "Article", detail: "Ce qui s'est passé", timeline: "Chronologie",
  decisions: "Journal des décisions", decision: "Décision", options: "Options envisagées", rationale: "Justification", legalBasis: "Base juridique",
  metrics: "Mesures", notification: "Information de l'État hôte avant chaque franchissement", lead: "secondes avant le franchissement",
  notNotified: "non informé", stop: "Demandes d'arrêt", brokeOff: "arrêt après", never: "jamais", response: "Réponse aux injects",
  latency: "secondes", missed: "manqué", coverage: "Actions attendues réalisées", flow: "Messages entre rôles",
  via: "messages transfrontaliers passés par un CCPD ou un SPOC", spoc: "Demandes d'information (SPOC)",
  facts: "Conscience de la situation : acteurs vus par rôle", notes: "Notes des évaluateurs", none: "aucun",
  achievedOnTime: "atteint à temps", achievedLate: "atteint en retard", notAchieved: "non atteint", conductOnly: "conduite seulement",
  lostByEnd: "perdu avant la fin", lawful: "conforme", findings: "constat(s)", at: "à", printHint: "Imprimez cette page en PDF depuis le navigateur.",
  ratingP: "P : réalisé sans difficulté", ratingS: "S : réalisé avec quelques difficultés", ratingM: "M : réalisé avec des difficultés majeures", ratingU: "U : non réalisé",
  spocRequests: "demandes", spocAnswered: "réponses", spocInTime: "dans les délais", spocLate: "en retard", spocDelayNotices: "avis de délai",
  spocIncomplete: "incomplètes", spocWrongLanguage: "langue non acceptée", spocNoOwnCopy: "sans copie au SPOC national",
};
const DE: Partial<Words> = {
  engine: "Engine-Version",
  report: "Einsatznachbereitung (After-Action-Report)", scenario: "Szenario", seed: "Startwert", simulated: "Gespielte Übungszeit",
  summary: "Zusammenfassung", overall: "Gesamte Übung", byCountry: "Länderteams", byRole: "Rollen", score: "Punktzahl", objectives: "Ziele",
  objective: "Ziel", weight: "Gewicht", outcome: "Ergebnis", legality: "Rechtmäßigkeit", automatic: "Automatisch", evaluators: "Beobachter",
  final: "Endgültig", reasons: "Begründung", strengths: "Stärken", improvements: "Verbesserungsbedarf", violations: "Rechtliche Feststellungen",
  time: "Zeit", role: "Rolle", unit: "Einheit", rule: "Regel", article: "Artikel", detail: "Was geschah", timeline: "Zeitleiste",
  decisions: "Entscheidungsprotokoll", decision: "Entscheidung", options: "Erwogene Optionen", rationale: "Begründung", legalBasis: "Rechtsgrundlage",
  metrics: "Messwerte", notification: "Unterrichtung des Gaststaats vor jedem Grenzübertritt", lead: "Sekunden vor dem Übertritt",
  notNotified: "nicht unterrichtet", stop: "Ersuchen um Abbruch", brokeOff: "abgebrochen nach", never: "nie", response: "Reaktion auf Einspielungen",
  latency: "Sekunden", missed: "versäumt", coverage: "Erwartete Handlungen erfüllt", flow: "Nachrichten zwischen Rollen",
  via: "grenzüberschreitende Nachrichten über ein GZ/PCCC oder SPOC", spoc: "Informationsersuchen (SPOC)",
  facts: "Lagebewusstsein: gesehene Akteure je Rolle", notes: "Notizen der Beobachter", none: "keine",
  achievedOnTime: "rechtzeitig erreicht", achievedLate: "verspätet erreicht", notAchieved: "nicht erreicht", conductOnly: "nur Verhalten",
  lostByEnd: "am Ende nicht mehr gegeben", lawful: "rechtmäßig", findings: "Feststellung(en)", at: "um", printHint: "Diese Seite im Browser als PDF drucken.",
  ratingP: "P: ohne Schwierigkeiten erfüllt", ratingS: "S: mit einigen Schwierigkeiten erfüllt", ratingM: "M: mit erheblichen Schwierigkeiten erfüllt", ratingU: "U: nicht erfüllt",
  spocRequests: "Ersuchen", spocAnswered: "beantwortet", spocInTime: "fristgerecht", spocLate: "verspätet", spocDelayNotices: "Verzögerungsmitteilungen",
  spocIncomplete: "unvollständig", spocWrongLanguage: "falsche Sprache", spocNoOwnCopy: "ohne Kopie an die eigene Kontaktstelle",
};
const TABLES: Record<string, Partial<Words>> = { en: EN, fr: FR, de: DE };
export const REPORT_LANGUAGES = Object.keys(TABLES);

export type Word = keyof Words;
export function words(lang: string): (w: Word) => string {
  const t = TABLES[lang] ?? EN;
  return (w) => t[w] ?? EN[w];
}

/** A scenario text in the reader's language, else English. */
export const pick = (text: Record<string, string | undefined> | undefined, lang: string): string => text?.[lang] ?? text?.en ?? "";
