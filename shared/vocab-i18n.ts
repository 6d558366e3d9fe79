// Labels of the legal vocabularies of scenario files (shared/scenario/vocab.ts) in English, French
// and German, for the rules card and anything else that shows them to officers. Pure.
//
// Offences: the Art. 41(4)(a) catalogue in the wording of the Schengen Convention (CISA) in each
// language (fr: "assassinat, meurtre, viol, incendie volontaire, fausse monnaie, vol et recel
// aggravés..."; de: "Mord, Totschlag, Vergewaltigung, vorsätzliche Brandstiftung, Falschmünzerei,
// schwerer Diebstahl, Raub und Hehlerei..."); the others as criminal law names them.
// Powers: executive powers conferred on seconded officers (Decision 2008/615/JHA Art. 17(2)).
// ATLAS forms: Decision 2008/617/JHA Art. 3 (equipment / équipements / Ausrüstung, expertise /
// expertise / Fachwissen, actions on the territory) and the ATLAS network's fields of work.
// Arms rules and border kinds are worded as the rules card uses them ("arms: self-defence only";
// "over land/water borders", "frontières terrestres", "über Landgrenzen").
import type { ARMS_RULES, ATLAS_FORMS, BORDER_KINDS, OFFENCES, POWERS } from "./scenario/vocab.ts";

export type VocabKind = "offence" | "power" | "atlas_form" | "arms" | "border";
export type VocabLang = "en" | "fr" | "de";
type Labels<T extends readonly string[]> = Record<VocabLang, Record<T[number], string>>;

const OFFENCE: Labels<typeof OFFENCES> = {
  en: {
    murder: "murder",
    manslaughter: "manslaughter",
    rape: "rape",
    arson: "arson",
    counterfeiting: "counterfeiting of money",
    robbery: "robbery",
    aggravated_burglary: "aggravated burglary",
    receiving_stolen_goods: "receiving stolen goods",
    extortion: "extortion",
    kidnapping: "kidnapping",
    hostage_taking: "hostage taking",
    trafficking_in_human_beings: "trafficking in human beings",
    drug_trafficking: "illicit trafficking in narcotic drugs and psychotropic substances",
    arms_explosives: "breach of the laws on arms and explosives",
    explosives_damage: "wilful damage through the use of explosives",
    toxic_waste: "illicit carriage of toxic and hazardous waste",
    fleeing_after_fatal_accident: "failure to stop after an accident causing death or serious injury",
    migrant_smuggling: "migrant smuggling",
    child_sexual_abuse: "child sexual abuse",
    fraud: "fraud",
    money_laundering: "money laundering",
    assault: "assault",
    public_disorder: "public disorder",
    theft: "theft",
    other: "other offence",
  },
  fr: {
    murder: "assassinat",
    manslaughter: "meurtre",
    rape: "viol",
    arson: "incendie volontaire",
    counterfeiting: "fausse monnaie",
    robbery: "vol avec violences",
    aggravated_burglary: "vol aggravé (cambriolage)",
    receiving_stolen_goods: "recel",
    extortion: "extorsion",
    kidnapping: "enlèvement",
    hostage_taking: "prise d'otages",
    trafficking_in_human_beings: "traite des êtres humains",
    drug_trafficking: "trafic illicite de stupéfiants et de substances psychotropes",
    arms_explosives: "infractions à la législation sur les armes et les explosifs",
    explosives_damage: "destruction par explosifs",
    toxic_waste: "transport illicite de déchets toxiques et nuisibles",
    fleeing_after_fatal_accident: "délit de fuite après un accident ayant entraîné la mort ou des blessures graves",
    migrant_smuggling: "aide à l'entrée et au séjour irréguliers (trafic de migrants)",
    child_sexual_abuse: "abus sexuels sur mineurs",
    fraud: "escroquerie",
    money_laundering: "blanchiment",
    assault: "violences volontaires",
    public_disorder: "troubles à l'ordre public",
    theft: "vol",
    other: "autre infraction",
  },
  de: {
    murder: "Mord",
    manslaughter: "Totschlag",
    rape: "Vergewaltigung",
    arson: "vorsätzliche Brandstiftung",
    counterfeiting: "Falschmünzerei",
    robbery: "Raub",
    aggravated_burglary: "schwerer Diebstahl (Einbruchdiebstahl)",
    receiving_stolen_goods: "Hehlerei",
    extortion: "Erpressung",
    kidnapping: "Entführung",
    hostage_taking: "Geiselnahme",
    trafficking_in_human_beings: "Menschenhandel",
    drug_trafficking: "unerlaubter Verkehr mit Betäubungsmitteln und psychotropen Stoffen",
    arms_explosives: "Verstöße gegen die Vorschriften über Waffen und Sprengstoffe",
    explosives_damage: "vorsätzliche Zerstörung durch Sprengstoffe",
    toxic_waste: "unerlaubter Verkehr mit giftigen und schädlichen Abfällen",
    fleeing_after_fatal_accident: "unerlaubtes Entfernen nach einem Unfall mit Todesfolge oder schwerer Körperverletzung",
    migrant_smuggling: "Einschleusen von Ausländern",
    child_sexual_abuse: "sexueller Missbrauch von Kindern",
    fraud: "Betrug",
    money_laundering: "Geldwäsche",
    assault: "Körperverletzung",
    public_disorder: "Landfriedensbruch",
    theft: "Diebstahl",
    other: "sonstige Straftat",
  },
};

const POWER: Labels<typeof POWERS> = {
  en: {
    identity_check: "identity check",
    stop_and_search: "stop and search",
    detain: "holding a person (apprehension)",
    arrest: "arrest",
    use_of_force: "use of force",
    traffic_control: "traffic control (stopping vehicles)",
    crowd_dispersal: "dispersal of crowds",
    seize_property: "seizure of property",
  },
  fr: {
    identity_check: "contrôle d'identité",
    stop_and_search: "fouille des personnes et des véhicules",
    detain: "interpellation et retenue d'une personne",
    arrest: "arrestation",
    use_of_force: "usage de la force",
    traffic_control: "contrôle routier (arrêt des véhicules)",
    crowd_dispersal: "dispersion des attroupements",
    seize_property: "saisie d'objets",
  },
  de: {
    identity_check: "Identitätsfeststellung",
    stop_and_search: "Anhalten und Durchsuchen von Personen und Fahrzeugen",
    detain: "Festhalten einer Person",
    arrest: "Festnahme",
    use_of_force: "Anwendung unmittelbaren Zwangs",
    traffic_control: "Verkehrskontrolle (Anhalten von Fahrzeugen)",
    crowd_dispersal: "Auflösung von Menschenansammlungen",
    seize_property: "Sicherstellung von Sachen",
  },
};

const ATLAS_FORM: Labels<typeof ATLAS_FORMS> = {
  en: { operations: "operations on the territory", negotiation: "negotiation", equipment: "equipment", expertise: "expertise", observation: "observation" },
  fr: { operations: "opérations sur le territoire", negotiation: "négociation", equipment: "équipements", expertise: "expertise", observation: "observation" },
  de: { operations: "Einsätze im Hoheitsgebiet", negotiation: "Verhandlung", equipment: "Ausrüstung", expertise: "Fachwissen", observation: "Observation" },
};

const ARMS: Labels<typeof ARMS_RULES> = {
  en: { none: "none", self_defence: "self-defence only", as_host_officers: "as host officers" },
  fr: { none: "aucune", self_defence: "légitime défense uniquement", as_host_officers: "comme les agents de l'État hôte" },
  de: { none: "keine", self_defence: "nur Notwehr", as_host_officers: "wie Beamte des Gebietsstaats" },
};

const BORDER: Labels<typeof BORDER_KINDS> = {
  en: { land: "land", water: "water", air: "air" },
  fr: { land: "terrestres", water: "fluviales et maritimes", air: "aériennes" },
  de: { land: "Landgrenzen", water: "Wassergrenzen", air: "Luftgrenzen" },
};

const TABLES: Record<VocabKind, Record<VocabLang, Record<string, string>>> = {
  offence: OFFENCE, power: POWER, atlas_form: ATLAS_FORM, arms: ARMS, border: BORDER,
};

/** The label of a vocabulary id in a language; an unknown id (or language) reads as the id with spaces. */
export function vocabLabel(kind: VocabKind, id: string, lang: VocabLang): string {
  const table = TABLES[kind]?.[lang];
  const label = table && Object.hasOwn(table, id) ? table[id] : undefined;
  return label ?? id.replaceAll("_", " ");
}
