// What happened in a legal finding, in French and German. The engine writes each violation's detail
// in English (shared/sim/law/*) and stores no parameters beside it, so the report reads the parameters
// back from the engine's sentence, one pattern per sentence the engine writes. A sentence no pattern
// knows (the engine changed its wording) stays in English rather than being lost; the report tests
// check every finding of the flagship playthroughs is recognised.
import { OFFENCES, ORDER_TYPES, POWERS, type ViolationCode } from "../scenario/vocab.ts";

type Lang = "fr" | "de";
type G = Record<string, string>;
interface Pattern { code: ViolationCode; re: RegExp; fr: (g: G) => string; de: (g: G) => string }

type Table = Record<string, { fr: string; de: string }>;
const ORDERS: Record<(typeof ORDER_TYPES)[number], { fr: string; de: string }> = {
  move: { fr: "déplacement", de: "Bewegung" }, pursue: { fr: "poursuite", de: "Verfolgung" },
  stop: { fr: "arrêt (barrage)", de: "Anhalten (Sperre)" }, hold: { fr: "tenue de position", de: "Halten der Position" },
  apprehend: { fr: "interpellation", de: "Festhalten" }, arrest: { fr: "arrestation", de: "Festnahme" },
  identity_check: { fr: "contrôle d'identité", de: "Identitätsfeststellung" }, search: { fr: "fouille", de: "Durchsuchung" },
  cordon: { fr: "bouclage", de: "Absperrung" }, patrol: { fr: "patrouille", de: "Streife" },
  surveil: { fr: "observation", de: "Observation" }, negotiate: { fr: "négociation", de: "Verhandlung" },
  intervene: { fr: "intervention", de: "Zugriff" }, use_force: { fr: "usage de la force", de: "Zwangsanwendung" },
  present_to_local_authority: { fr: "présentation à l'autorité locale", de: "Meldung bei der örtlichen Behörde" },
  withdraw: { fr: "retrait", de: "Rückzug" }, disarm: { fr: "dépôt des armes", de: "Ablegen der Waffen" },
};
const POWER_WORDS: Record<(typeof POWERS)[number], { fr: string; de: string }> = {
  identity_check: { fr: "contrôle d'identité", de: "Identitätsfeststellung" }, stop_and_search: { fr: "contrôle et fouille", de: "Anhalten und Durchsuchen" },
  detain: { fr: "rétention", de: "Festhalten" }, arrest: { fr: "arrestation", de: "Festnahme" },
  use_of_force: { fr: "usage de la force", de: "Anwendung unmittelbaren Zwangs" }, traffic_control: { fr: "régulation de la circulation", de: "Verkehrsregelung" },
  crowd_dispersal: { fr: "dispersion de la foule", de: "Auflösung von Menschenmengen" }, seize_property: { fr: "saisie", de: "Sicherstellung" },
};
const OFFENCE_WORDS: Record<(typeof OFFENCES)[number], { fr: string; de: string }> = {
  murder: { fr: "assassinat", de: "Mord" }, manslaughter: { fr: "homicide", de: "Totschlag" }, rape: { fr: "viol", de: "Vergewaltigung" },
  arson: { fr: "incendie volontaire", de: "vorsätzliche Brandstiftung" }, counterfeiting: { fr: "fausse monnaie", de: "Falschmünzerei" },
  robbery: { fr: "vol avec violence", de: "Raub" }, aggravated_burglary: { fr: "vol aggravé", de: "schwerer Diebstahl" },
  receiving_stolen_goods: { fr: "recel", de: "Hehlerei" }, extortion: { fr: "extorsion", de: "Erpressung" }, kidnapping: { fr: "enlèvement", de: "Entführung" },
  hostage_taking: { fr: "prise d'otage", de: "Geiselnahme" }, trafficking_in_human_beings: { fr: "traite des êtres humains", de: "Menschenhandel" },
  drug_trafficking: { fr: "trafic de stupéfiants", de: "unerlaubter Handel mit Betäubungsmitteln" },
  arms_explosives: { fr: "infraction à la législation sur les armes et explosifs", de: "Verstoß gegen Waffen- und Sprengstoffvorschriften" },
  explosives_damage: { fr: "destruction par explosifs", de: "Vernichtung durch Sprengstoffe" },
  toxic_waste: { fr: "transport illicite de déchets toxiques", de: "unerlaubter Transport giftiger Abfälle" },
  fleeing_after_fatal_accident: { fr: "délit de fuite après un accident mortel ou grave", de: "unerlaubtes Entfernen nach einem Unfall mit Todesfolge oder schwerer Körperverletzung" },
  migrant_smuggling: { fr: "aide à l'entrée et au séjour irréguliers", de: "Einschleusen von Ausländern" },
  child_sexual_abuse: { fr: "abus sexuels sur mineurs", de: "sexueller Missbrauch von Kindern" }, fraud: { fr: "escroquerie", de: "Betrug" },
  money_laundering: { fr: "blanchiment", de: "Geldwäsche" }, assault: { fr: "violences volontaires", de: "Körperverletzung" },
  public_disorder: { fr: "troubles à l'ordre public", de: "Landfriedensbruch" }, theft: { fr: "vol", de: "Diebstahl" },
  other: { fr: "autre infraction", de: "sonstige Straftat" },
};
const SCOPES: Table = { catalogue: { fr: "catalogue", de: "Katalog" }, extraditable: { fr: "infractions donnant lieu à extradition", de: "auslieferungsfähige Straftaten" } };
const BY_BORDER: Table = { land: { fr: "par voie terrestre", de: "auf dem Landweg" }, water: { fr: "par voie d'eau", de: "auf dem Wasserweg" }, air: { fr: "par voie aérienne", de: "auf dem Luftweg" } };
const REQUEST_PARTS: Table = {
  purpose: { fr: "finalité", de: "Zweck" }, grounds: { fr: "motifs", de: "Gründe" },
  "link to the person": { fr: "lien avec la personne", de: "Bezug zur Person" }, "reasons for urgency": { fr: "motifs de l'urgence", de: "Gründe der Dringlichkeit" },
};

/** A word the engine wrote from a vocabulary id (underscores as spaces), in the language. */
/** An order type as a noun in the reader's language (host instructions, findings). */
export function orderNoun(order: string, lang: string): string {
  const o = ORDERS[order as keyof typeof ORDERS];
  return lang === "fr" || lang === "de" ? o?.[lang] ?? order.replaceAll("_", " ") : order.replaceAll("_", " ");
}

const vocab = (table: Table, words: string, l: Lang) => table[words.replaceAll(" ", "_")]?.[l] ?? table[words]?.[l] ?? words;
const list = (s: string, sep: string, table: Table, l: Lang, join: string) => s.split(sep).map((w) => vocab(table, w, l)).join(join);
const ors = (s: string, l: Lang) => s.split(" or ").join(l === "fr" ? " ou " : " oder ");
/** French and German write a decimal comma. */
const decimal = (s: string) => s.replace(".", ",");

const P: Pattern[] = [
  // pursuit.ts
  { code: "pursuit/limit_exceeded", re: /^(?<into>\S+) allows no hot pursuit by (?<from>\S+) officers$/,
    fr: (g) => `l'État hôte (${g.into}) n'admet aucune poursuite par des agents de l'État ${g.from}`,
    de: (g) => `der Gebietsstaat (${g.into}) lässt keine Nacheile durch Beamte aus ${g.from} zu` },
  { code: "pursuit/not_notified_at_crossing", re: /^(?<unit>\S+) crossed into (?<into>\S+) without contacting the (?<auth>\S+) authorities$/,
    fr: (g) => `${g.unit} a franchi la frontière vers ${g.into} sans avoir contacté les autorités de l'État ${g.auth}`,
    de: (g) => `${g.unit} überquerte die Grenze nach ${g.into}, ohne die Behörden von ${g.auth} zu kontaktieren` },
  { code: "pursuit/not_notified_at_crossing", re: /^(?<unit>\S+) crossed into (?<into>\S+) without contacting (?<who>.+)$/,
    fr: (g) => `${g.unit} a franchi la frontière vers ${g.into} sans avoir contacté ${ors(g.who ?? "", "fr")}`,
    de: (g) => `${g.unit} überquerte die Grenze nach ${g.into}, ohne ${ors(g.who ?? "", "de")} zu kontaktieren` },
  { code: "pursuit/offence_out_of_scope", re: /^(?<offence>.+) is outside (?<into>\S+)'s declared scope \((?<scope>.+)\)$/,
    fr: (g) => `l'infraction « ${vocab(OFFENCE_WORDS, g.offence ?? "", "fr")} » n'entre pas dans le champ déclaré par ${g.into} (${list(g.scope ?? "", ", ", { ...OFFENCE_WORDS, ...SCOPES }, "fr", ", ")})`,
    de: (g) => `die Straftat „${vocab(OFFENCE_WORDS, g.offence ?? "", "de")}“ liegt außerhalb des von ${g.into} erklärten Umfangs (${list(g.scope ?? "", ", ", { ...OFFENCE_WORDS, ...SCOPES }, "de", ", ")})` },
  { code: "pursuit/non_land_border", re: /^(?<unit>\S+) crossed by (?<border>\S+); (?<into>\S+) allows pursuit over (?<borders>.+) borders only$/,
    fr: (g) => `${g.unit} a franchi la frontière ${vocab(BY_BORDER, g.border ?? "", "fr")} ; ${g.into} n'admet la poursuite que ${list(g.borders ?? "", ", ", BY_BORDER, "fr", " ou ")}`,
    de: (g) => `${g.unit} überquerte die Grenze ${vocab(BY_BORDER, g.border ?? "", "de")}; ${g.into} erlaubt die Nacheile nur ${list(g.borders ?? "", ", ", BY_BORDER, "de", " oder ")}` },
  { code: "any/unidentifiable_unit", re: /^(?<unit>\S+) is an unmarked car with officers in plain clothes$/,
    fr: (g) => `${g.unit} est un véhicule banalisé avec des agents en civil`,
    de: (g) => `${g.unit} ist ein ziviles Fahrzeug mit Beamten in Zivilkleidung` },
  { code: "pursuit/apprehension_not_permitted", re: /^foreign officers never make a formal arrest in (?<host>\S+)$/,
    fr: (g) => `les agents étrangers ne procèdent jamais à une arrestation formelle dans l'État hôte (${g.host})`,
    de: (g) => `ausländische Beamte dürfen im Gebietsstaat (${g.host}) keine förmliche Festnahme vornehmen` },
  { code: "pursuit/apprehension_not_permitted", re: /^(?<host>\S+)'s declaration gives (?<from>\S+) officers no right to apprehend$/,
    fr: (g) => `la déclaration de l'État hôte (${g.host}) ne donne aux agents de l'État ${g.from} aucun droit d'interpellation`,
    de: (g) => `die Erklärung von ${g.host} gibt Beamten aus ${g.from} kein Recht zum Festhalten` },
  { code: "pursuit/apprehension_not_permitted", re: /^(?<host>\S+) asked to stop the pursuit, so holding the person is no longer allowed$/,
    fr: (g) => `${g.host} a demandé l'arrêt de la poursuite : retenir la personne n'est plus permis`,
    de: (g) => `${g.host} hat um Abbruch der Nacheile ersucht; die Person festzuhalten ist daher nicht mehr zulässig` },
  { code: "pursuit/apprehension_not_permitted", re: /^(?<host>\S+) officers were at hand \(within 1 km\), so a foreign hold was not needed$/,
    fr: (g) => `des agents de l'État hôte (${g.host}) étaient à proximité (moins de 1 km) : une interpellation par des agents étrangers n'était pas nécessaire`,
    de: (g) => `Beamte aus ${g.host} waren in der Nähe (im Umkreis von 1 km); ein Festhalten durch ausländische Beamte war nicht erforderlich` },
  { code: "pursuit/limit_exceeded", re: /^(?<km>[\d.]+) km beyond the crossing; (?<host>\S+) allows (?<limit>[\d.]+) km$/,
    fr: (g) => `${decimal(g.km ?? "")} km au-delà du point de franchissement ; ${g.host} admet ${decimal(g.limit ?? "")} km`,
    de: (g) => `${decimal(g.km ?? "")} km hinter dem Grenzübertritt; ${g.host} erlaubt ${decimal(g.limit ?? "")} km` },
  { code: "pursuit/limit_exceeded", re: /^pursuit went on longer than (?<host>\S+)'s time limit$/,
    fr: (g) => `la poursuite a dépassé la durée admise par ${g.host}`,
    de: (g) => `die Nacheile dauerte länger, als ${g.host} erlaubt` },
  { code: "pursuit/continued_after_stop_request", re: /^(?<unit>\S+) still pursued (?<s>\d+) s after (?<host>\S+) asked to stop$/,
    fr: (g) => `${g.unit} poursuivait encore ${g.s} s après la demande d'arrêt de l'État hôte (${g.host})`,
    de: (g) => `${g.unit} setzte die Nacheile ${g.s} s nach dem Abbruchersuchen von ${g.host} fort` },
  // index.ts
  { code: "jointop/ignored_host_instruction", re: /^(?<order>.+) was forbidden by (?<host>\S+)'s instruction (?<id>\S+)$/,
    fr: (g) => `la mesure « ${vocab(ORDERS, g.order ?? "", "fr")} » était interdite par l'instruction ${g.id} de l'État hôte (${g.host})`,
    de: (g) => `die Maßnahme „${vocab(ORDERS, g.order ?? "", "de")}“ war durch die Weisung ${g.id} von ${g.host} untersagt` },
  { code: "any/weapon_use_not_self_defence", re: /^(?<unit>\S+) used force in (?<host>\S+) with no armed threat at close range(?<claimed> \(self-defence was claimed\))?$/,
    fr: (g) => `${g.unit} a fait usage de la force dans l'État hôte (${g.host}) sans menace armée à courte distance${g.claimed ? " (légitime défense invoquée)" : ""}`,
    de: (g) => `${g.unit} wendete im Gebietsstaat (${g.host}) Zwang an, ohne bewaffnete Bedrohung aus nächster Nähe${g.claimed ? " (Notwehr wurde geltend gemacht)" : ""}` },
  { code: "any/entered_private_premises", re: /^(?<unit>\S+) entered (?<site>\S+), private premises in (?<host>\S+)$/,
    fr: (g) => `${g.unit} a pénétré dans ${g.site}, lieu privé situé dans l'État hôte (${g.host})`,
    de: (g) => `${g.unit} betrat ${g.site}, eine nicht öffentlich zugängliche Örtlichkeit im Gebietsstaat (${g.host})` },
  { code: "any/no_report_to_local_authority", re: /^(?<unit>\S+) operated in (?<host>\S+) and never reported to its local authority$/,
    fr: (g) => `${g.unit} est intervenu dans l'État hôte (${g.host}) sans jamais se présenter à l'autorité locale`,
    de: (g) => `${g.unit} war im Gebietsstaat (${g.host}) tätig und hat sich nie bei der örtlich zuständigen Behörde gemeldet` },
  // jointop.ts
  { code: "jointop/no_agreement", re: /^(?<unit>\S+) was deployed in (?<host>\S+) before any operation agreement with (?<from>\S+)$/,
    fr: (g) => `${g.unit} a été déployé dans l'État hôte (${g.host}) avant tout accord d'opération avec ${g.from}`,
    de: (g) => `${g.unit} wurde im Gebietsstaat (${g.host}) eingesetzt, bevor eine Einsatzvereinbarung mit ${g.from} bestand` },
  { code: "jointop/arms_not_permitted", re: /^(?<unit>\S+) carries arms, which (?<host>\S+) does not permit for seconded officers$/,
    fr: (g) => `${g.unit} porte des armes, ce que ${g.host} n'autorise pas pour les agents détachés`,
    de: (g) => `${g.unit} führt Waffen, was ${g.host} entsandten Beamten nicht erlaubt` },
  { code: "jointop/arms_not_permitted", re: /^(?<unit>\S+) used force with arms (?<host>\S+) does not permit$/,
    fr: (g) => `${g.unit} a fait usage de la force avec des armes que ${g.host} n'autorise pas`,
    de: (g) => `${g.unit} wendete Zwang mit Waffen an, die ${g.host} nicht erlaubt` },
  { code: "jointop/no_host_officer_present", re: /^no (?<host>\S+) officer within (?<m>\d+) m of (?<unit>\S+) when it carried out the (?<order>.+)$/,
    fr: (g) => `aucun agent de l'État hôte (${g.host}) à moins de ${g.m} m de ${g.unit} lors de la mesure « ${vocab(ORDERS, g.order ?? "", "fr")} »`,
    de: (g) => `kein Beamter aus ${g.host} im Umkreis von ${g.m} m um ${g.unit} bei der Maßnahme „${vocab(ORDERS, g.order ?? "", "de")}“` },
  { code: "jointop/power_not_conferred", re: /^(?<host>\S+) has not conferred the power "(?<power>.+)" on (?<from>\S+) officers$/,
    fr: (g) => `${g.host} n'a pas conféré le pouvoir « ${vocab(POWER_WORDS, g.power ?? "", "fr")} » aux agents de l'État ${g.from}`,
    de: (g) => `${g.host} hat Beamten aus ${g.from} die Befugnis „${vocab(POWER_WORDS, g.power ?? "", "de")}“ nicht übertragen` },
  { code: "jointop/ignored_host_instruction", re: /^(?<unit>\S+) entered (?<site>\S+), which (?<host>\S+) closed to it \((?<id>\S+)\)$/,
    fr: (g) => `${g.unit} a pénétré dans ${g.site}, dont ${g.host} lui avait interdit l'accès (${g.id})`,
    de: (g) => `${g.unit} betrat ${g.site}, obwohl ${g.host} den Zutritt untersagt hatte (${g.id})` },
  // atlas.ts
  { code: "atlas/request_missing_nature_or_necessity", re: /^the request does not state its (?<what>nature|operational necessity|nature or operational necessity)$/,
    fr: (g) => `la demande n'indique ${g.what === "nature" ? "pas la nature de l'assistance" : g.what === "operational necessity" ? "pas sa nécessité opérationnelle" : "ni la nature de l'assistance ni sa nécessité opérationnelle"}`,
    de: (g) => `das Ersuchen nennt ${g.what === "nature" ? "nicht die Art der Unterstützung" : g.what === "operational necessity" ? "nicht die operative Notwendigkeit" : "weder Art noch operative Notwendigkeit der Unterstützung"}` },
  { code: "atlas/unit_outside_requesting_command", re: /^(?<unit>\S+) acted \((?<order>.+)\) without an authorisation from (?<host>\S+)'s command standing \(an authorise message in the last (?<min>\d+) minutes, not withdrawn\)$/,
    fr: (g) => `${g.unit} a agi (${vocab(ORDERS, g.order ?? "", "fr")}) sans autorisation en vigueur du commandement de l'État requérant (${g.host}) (message d'autorisation dans les ${g.min} dernières minutes, non retiré)`,
    de: (g) => `${g.unit} handelte (${vocab(ORDERS, g.order ?? "", "de")}) ohne fortbestehende Ermächtigung der Einsatzleitung von ${g.host} (Ermächtigung in den letzten ${g.min} Minuten, nicht widerrufen)` },
  // spoc.ts
  { code: "spoc/wrong_language", re: /^written in (?<lang>\S+); the (?<country>\S+) SPOC accepts (?<langs>.+)$/,
    fr: (g) => `rédigée en langue « ${g.lang} » ; le point de contact unique de l'État ${g.country} accepte : ${g.langs}`,
    de: (g) => `verfasst in der Sprache „${g.lang}“; die zentrale Kontaktstelle von ${g.country} nimmt an: ${g.langs}` },
  { code: "spoc/request_incomplete", re: /^the request does not state: (?<parts>.+)$/,
    fr: (g) => `la demande n'indique pas : ${list(g.parts ?? "", ", ", REQUEST_PARTS, "fr", ", ")}`,
    de: (g) => `das Ersuchen nennt nicht: ${list(g.parts ?? "", ", ", REQUEST_PARTS, "de", ", ")}` },
  { code: "spoc/direct_request_without_own_spoc_copy", re: /^sent straight to (?<desk>\S+) without a copy to (?<own>.+)$/,
    fr: (g) => `envoyée directement à ${g.desk} sans copie à ${ors(g.own ?? "", "fr")}`,
    de: (g) => `direkt an ${g.desk} gesandt, ohne Kopie an ${ors(g.own ?? "", "de")}` },
  { code: "spoc/deadline_missed", re: /^request (?<id>\S+) to (?<desk>\S+) was not answered by its deadline$/,
    fr: (g) => `la demande ${g.id} adressée à ${g.desk} n'a pas reçu de réponse dans le délai`,
    de: (g) => `das Ersuchen ${g.id} an ${g.desk} wurde nicht fristgerecht beantwortet` },
  { code: "spoc/delay_notice_missing", re: /^request (?<id>\S+) needs judicial authorisation, and no delay notice was sent$/,
    fr: (g) => `la demande ${g.id} exige une autorisation judiciaire, et aucun avis de délai n'a été envoyé`,
    de: (g) => `das Ersuchen ${g.id} bedarf einer richterlichen Genehmigung, und es wurde keine Mitteilung über die Verzögerung gesandt` },
  // surveillance.ts
  { code: "surveillance/no_authorisation_document", re: /^no prior authorisation from (?<host>\S+), and (?<offence>.+) does not allow the urgent procedure$/,
    fr: (g) => `aucune autorisation préalable de l'État hôte (${g.host}), et l'infraction « ${vocab(OFFENCE_WORDS, g.offence ?? "", "fr")} » ne permet pas la procédure d'urgence`,
    de: (g) => `keine vorherige Zustimmung von ${g.host}, und die Straftat „${vocab(OFFENCE_WORDS, g.offence ?? "", "de")}“ lässt das Eilverfahren nicht zu` },
  { code: "surveillance/challenge_or_arrest", re: /^(?<order>.+) ordered while on surveillance in (?<host>\S+)$/,
    fr: (g) => `mesure « ${vocab(ORDERS, g.order ?? "", "fr")} » ordonnée pendant une observation dans l'État hôte (${g.host})`,
    de: (g) => `Maßnahme „${vocab(ORDERS, g.order ?? "", "de")}“ während einer Observation im Gebietsstaat (${g.host}) angeordnet` },
  { code: "surveillance/no_immediate_notification", re: /^(?<host>\S+) was not told within a minute of the crossing$/,
    fr: (g) => `l'État hôte (${g.host}) n'a pas été informé dans la minute suivant le franchissement`,
    de: (g) => `${g.host} wurde nicht binnen einer Minute nach dem Grenzübertritt unterrichtet` },
  { code: "surveillance/continued_past_5h_without_auth", re: /^surveillance continued past the urgent-case limit without (?<host>\S+)'s authorisation$/,
    fr: (g) => `l'observation s'est poursuivie au-delà du délai prévu pour l'urgence sans autorisation de l'État hôte (${g.host})`,
    de: (g) => `die Observation wurde über die Frist des Eilfalls hinaus ohne Zustimmung von ${g.host} fortgesetzt` },
];

/** The detail in French or German, or null when no pattern knows the engine's sentence. */
export function translateDetail(code: string, detail: string, lang: string): string | null {
  if (lang !== "fr" && lang !== "de") return null;
  for (const p of P) {
    if (p.code !== code) continue;
    const m = p.re.exec(detail);
    if (m) return p[lang]({ ...m.groups });
  }
  return null;
}

/** What happened, in the report's language: the engine's own English for en (and whenever the
 *  sentence is not recognised), else the translation. */
export function violationDetail(v: { code: string; detail: string }, lang: string): string {
  return lang === "en" ? v.detail : (translateDetail(v.code, v.detail, lang) ?? v.detail);
}
