// The sentences the report writes itself (strengths, areas for improvement) in the report languages.
// Ids (units, countries, injects, expected actions) stay as the scenario spells them. An item about
// an objective starts with "<title>:" in every language: the debrief finds a role's strengths by it.
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export interface Phrases {
  exerciseControl: string;
  objectiveP: (title: string, reason: string) => string;
  objectiveS: (title: string, reason: string) => string;
  objectiveU: (title: string, reason: string) => string;
  hostTold: (told: number, total: number, crossings: { unit: string; into: string; lead: number }[]) => string;
  quickResponses: (count: number, shown: string[], more: boolean) => string;
  decisionsReasoned: (total: number) => string;
  viaPcccOrSpoc: (percent: number) => string;
  ruleBroken: (rule: string, code: string) => string;
  expectedMissed: (inject: string, roles: string[], expected: string, note: string | undefined) => string;
}

const shared = {
  objectiveP: (title: string, reason: string) => `${title}: P, ${reason}`,
  objectiveS: (title: string, reason: string) => `${title}: S (${reason})`,
  objectiveU: (title: string, reason: string) => `${title}: U (${reason})`,
  ruleBroken: (rule: string, code: string) => `${rule} (${code})`,
};

// English: byte for byte what the report has always written (the golden reports pin it).
const EN: Phrases = {
  ...shared,
  exerciseControl: "exercise control",
  hostTold: (told, total, xs) => `The host was told before ${told} of ${total} border crossing${plural(total, "", "s")} (${xs.map((n) => `${n.unit} into ${n.into}, ${n.lead} s before`).join("; ")}).`,
  quickResponses: (n, shown, more) => `${n} expected action${plural(n, "", "s")} done within a minute of the inject (${shown.join(", ")}${more ? ", ..." : ""}).`,
  decisionsReasoned: (n) => `Every recorded decision (${n}) states its legal basis.`,
  viaPcccOrSpoc: (pct) => `${pct} % of cross-border messages went through a PCCC or SPOC.`,
  expectedMissed: (inject, roles, expected, note) => `${inject}: ${roles.join(", ")} did not ${expected.replaceAll("-", " ")} in time${note !== undefined ? `. ${note}` : ""}`,
};

const FR: Phrases = {
  ...shared,
  exerciseControl: "direction d'exercice",
  hostTold: (told, total, xs) => `L'État hôte a été informé avant ${total === 1 ? "le franchissement de la frontière" : `${told} des ${total} franchissements de frontière`} (${xs.map((n) => `${n.unit} vers ${n.into}, ${n.lead} s avant`).join(" ; ")}).`,
  quickResponses: (n, shown, more) => `${n} ${plural(n, "action attendue réalisée", "actions attendues réalisées")} dans la minute suivant l'inject (${shown.join(", ")}${more ? ", ..." : ""}).`,
  decisionsReasoned: (n) => `Chaque décision consignée (${n}) indique sa base juridique.`,
  viaPcccOrSpoc: (pct) => `${pct} % des messages transfrontaliers sont passés par un CCPD ou un SPOC.`,
  expectedMissed: (inject, roles, expected, note) => `${inject}: action attendue « ${expected} » non réalisée à temps par ${roles.join(", ")}${note !== undefined ? `. ${note}` : ""}`,
};

const DE: Phrases = {
  ...shared,
  exerciseControl: "Übungsleitung",
  hostTold: (told, total, xs) => `Der Gebietsstaat wurde vor ${total === 1 ? "dem Grenzübertritt" : `${told} von ${total} Grenzübertritten`} unterrichtet (${xs.map((n) => `${n.unit} nach ${n.into}, ${n.lead} s vorher`).join("; ")}).`,
  quickResponses: (n, shown, more) => `${n} ${plural(n, "erwartete Handlung", "erwartete Handlungen")} binnen einer Minute nach der Einspielung erfüllt (${shown.join(", ")}${more ? ", ..." : ""}).`,
  decisionsReasoned: (n) => `Jede protokollierte Entscheidung (${n}) nennt ihre Rechtsgrundlage.`,
  viaPcccOrSpoc: (pct) => `${pct} % der grenzüberschreitenden Nachrichten liefen über ein GZ/PCCC oder einen SPOC.`,
  expectedMissed: (inject, roles, expected, note) => `${inject}: erwartete Handlung „${expected}“ von ${roles.join(", ")} nicht rechtzeitig erfüllt${note !== undefined ? `. ${note}` : ""}`,
};

const TABLES: Record<string, Phrases> = { en: EN, fr: FR, de: DE };

/** The report's own sentences in `lang` (English when the language has none). */
export const phrases = (lang: string): Phrases => TABLES[lang] ?? EN;
