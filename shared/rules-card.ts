// The rules card: the legal declarations that apply to a role, in plain sentences, from the
// scenario's law section. For each country pair where the role's country sends officers ("in LU you
// may pursue without limit but may not apprehend; notify the CCPD at the latest when you cross") and
// where it hosts them ("French officers in LU may not apprehend"). Also what the map warns with when
// a unit nears or crosses a border. Pure: used by the client and unit-tested.
import type { LawPair, Scenario } from "./scenario/schema.ts";
import { distToSegment, insideOrOn, type Pt } from "./geo/geometry.ts";
import { vocabLabel } from "./vocab-i18n.ts";

export type CardLang = "en" | "fr" | "de";
export interface RulesSection { host: string; sending: string; direction: "abroad" | "at_home"; title: string; lines: string[]; sources: string[] }

type Phrases = Record<string, (a: Record<string, string>) => string>;
const P: Record<CardLang, Phrases> = {
  en: {
    abroad: (a) => `Your officers in ${a.host}`,
    at_home: (a) => `Officers of ${a.sending} in ${a.host}`,
    hp_no: () => "Hot pursuit (Schengen Art. 41): not allowed across this border.",
    hp: (a) => `Hot pursuit (Schengen Art. 41): allowed ${a.limit}, over ${a.borders} borders, for ${a.offences}.`,
    hp_none: () => "No right to apprehend: keep the suspect in sight and let host officers stop them.",
    hp_hold: () => "You may hold the suspect until host officers arrive (then hand over; no formal arrest).",
    notify: (a) => `Notify ${a.desks} at the latest when you cross.`,
    report: (a) => `Report in person to ${a.sites} afterwards.`,
    stop: () => "Stop when the host state asks; do not enter private premises; arms only in self-defence.",
    unlimited: () => "without limit of space or time",
    limit_km: (a) => `up to ${a.km} km past the border`,
    limit_time: (a) => `for at most ${a.time}`,
    catalogue: () => "offences in the Art. 41(4)(a) catalogue",
    extraditable: () => "extraditable offences",
    list: (a) => a.list as string,
    sv: (a) => `Cross-border surveillance (Art. 40): in an urgent case without prior authorisation it must stop ${a.limit} after crossing (legal time) unless authorised; notify ${a.desks}; requests in ${a.langs}.`,
    jo: (a) => `Joint operations (Prüm Art. 17): ${a.agreement}powers: ${a.powers}; arms: ${a.arms}; a host officer within ${a.m} m.`,
    jo_agree: () => "first an agreement between the two states (written or oral); ",
    atlas: (a) => `Special intervention units (ATLAS, 2008/617): on request and acceptance; forms: ${a.forms}; arms: ${a.arms}.`,
    spoc: (a) => `Information requests (Directive 2023/977) to the SPOC: urgent, direct access ${a.ud}; urgent, indirect ${a.ui}; other ${a.other} (legal time); in ${a.langs}.`,
    no_powers: () => "none conferred",
    approaching: (a) => `${a.unit} is ${a.m} m from the border with ${a.into}.`,
    crossed: (a) => `${a.unit} has crossed into ${a.into}.`,
    no_law: (a) => `No cooperation rules between ${a.sending} and ${a.host} in this scenario: you have no powers there.`,
  },
  fr: {
    abroad: (a) => `Vos agents en ${a.host}`,
    at_home: (a) => `Agents de ${a.sending} en ${a.host}`,
    hp_no: () => "Poursuite transfrontalière (Schengen art. 41) : non autorisée à cette frontière.",
    hp: (a) => `Poursuite transfrontalière (Schengen art. 41) : autorisée ${a.limit}, frontières ${a.borders}, pour ${a.offences}.`,
    hp_none: () => "Aucun droit d'interpellation : gardez le suspect en vue et laissez les agents locaux l'interpeller.",
    hp_hold: () => "Vous pouvez retenir le suspect jusqu'à l'arrivée des agents locaux (puis le leur remettre ; pas d'arrestation formelle).",
    notify: (a) => `Prévenez ${a.desks} au plus tard au franchissement de la frontière.`,
    report: (a) => `Présentez-vous ensuite en personne à ${a.sites}.`,
    stop: () => "Cessez dès que l'État hôte le demande ; n'entrez pas dans des lieux privés ; armes en légitime défense uniquement.",
    unlimited: () => "sans limite d'espace ni de temps",
    limit_km: (a) => `jusqu'à ${a.km} km au-delà de la frontière`,
    limit_time: (a) => `pendant ${a.time} au plus`,
    catalogue: () => "les infractions du catalogue de l'art. 41(4)(a)",
    extraditable: () => "les infractions pouvant donner lieu à extradition",
    list: (a) => a.list as string,
    sv: (a) => `Observation transfrontalière (art. 40) : en cas d'urgence sans autorisation préalable, elle cesse ${a.limit} après le franchissement (temps légal) sauf autorisation ; prévenir ${a.desks} ; demandes en ${a.langs}.`,
    jo: (a) => `Opérations conjointes (Prüm art. 17) : ${a.agreement}pouvoirs : ${a.powers} ; armes : ${a.arms} ; un agent hôte à moins de ${a.m} m.`,
    jo_agree: () => "d'abord un accord entre les deux États (écrit ou oral) ; ",
    atlas: (a) => `Unités d'intervention (ATLAS, 2008/617) : sur demande acceptée ; formes : ${a.forms} ; armes : ${a.arms}.`,
    spoc: (a) => `Demandes d'information (directive 2023/977) au SPOC : urgente, accès direct ${a.ud} ; urgente, indirect ${a.ui} ; autres ${a.other} (temps légal) ; en ${a.langs}.`,
    no_powers: () => "aucun",
    approaching: (a) => `${a.unit} est à ${a.m} m de la frontière avec ${a.into}.`,
    crossed: (a) => `${a.unit} est entré en ${a.into}.`,
    no_law: (a) => `Aucune règle de coopération entre ${a.sending} et ${a.host} dans ce scénario : vous n'y avez aucun pouvoir.`,
  },
  de: {
    abroad: (a) => `Ihre Beamten in ${a.host}`,
    at_home: (a) => `Beamte aus ${a.sending} in ${a.host}`,
    hp_no: () => "Nacheile (Schengen Art. 41): an dieser Grenze nicht erlaubt.",
    hp: (a) => `Nacheile (Schengen Art. 41): erlaubt ${a.limit}, über ${a.borders}, bei ${a.offences}.`,
    hp_none: () => "Kein Festhalterecht: Verdächtige im Blick behalten und von Beamten des Gebietsstaats anhalten lassen.",
    hp_hold: () => "Sie dürfen Verdächtige festhalten, bis Beamte des Gebietsstaats eintreffen (dann übergeben; keine Festnahme).",
    notify: (a) => `Spätestens beim Grenzübertritt ${a.desks} benachrichtigen.`,
    report: (a) => `Danach persönlich bei ${a.sites} melden.`,
    stop: () => "Auf Verlangen des Gebietsstaats abbrechen; keine Privaträume betreten; Waffen nur in Notwehr.",
    unlimited: () => "ohne räumliche und zeitliche Begrenzung",
    limit_km: (a) => `bis ${a.km} km hinter der Grenze`,
    limit_time: (a) => `höchstens ${a.time}`,
    catalogue: () => "Straftaten des Katalogs nach Art. 41 Abs. 4 Buchst. a",
    extraditable: () => "auslieferungsfähige Straftaten",
    list: (a) => a.list as string,
    sv: (a) => `Grenzüberschreitende Observation (Art. 40): im Eilfall ohne vorherige Zustimmung Abbruch ${a.limit} nach Grenzübertritt (rechtliche Zeit), sofern nicht genehmigt; ${a.desks} benachrichtigen; Ersuchen auf ${a.langs}.`,
    jo: (a) => `Gemeinsame Einsätze (Prüm Art. 17): ${a.agreement}Befugnisse: ${a.powers}; Waffen: ${a.arms}; ein Beamter des Gebietsstaats innerhalb von ${a.m} m.`,
    jo_agree: () => "zuerst eine Vereinbarung beider Staaten (schriftlich oder mündlich); ",
    atlas: (a) => `Spezialeinheiten (ATLAS, 2008/617): auf Ersuchen und nach Zustimmung; Formen: ${a.forms}; Waffen: ${a.arms}.`,
    spoc: (a) => `Informationsersuchen (Richtlinie 2023/977) an die SPOC: dringend, direkter Zugriff ${a.ud}; dringend, indirekt ${a.ui}; sonstige ${a.other} (rechtliche Zeit); auf ${a.langs}.`,
    no_powers: () => "keine übertragen",
    approaching: (a) => `${a.unit} ist ${a.m} m von der Grenze zu ${a.into} entfernt.`,
    crossed: (a) => `${a.unit} hat die Grenze nach ${a.into} überschritten.`,
    no_law: (a) => `Keine Kooperationsregeln zwischen ${a.sending} und ${a.host} in diesem Szenario: Sie haben dort keine Befugnisse.`,
  },
};

const say = (lang: CardLang, key: string, a: Record<string, string | number> = {}) =>
  (P[lang][key] ?? P.en[key] as NonNullable<Phrases[string]>)(Object.fromEntries(Object.entries(a).map(([k, v]) => [k, String(v)])));

/** Durations in legal (story) time: 8h, 3d, 90m. */
export function legalDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
  return `${Math.round(seconds / 60)} min`;
}

function names(scenario: Scenario, ids: string[], lang: CardLang): string {
  const label = (id: string) => {
    const d = scenario.desks.find((x) => x.id === id);
    const s = scenario.map.sites.find((x) => x.id === id);
    const n = d?.name ?? s?.name;
    return n ? (n[lang] ?? n.en ?? id) : id;
  };
  return ids.map(label).join(", ");
}

function pairLines(scenario: Scenario, p: LawPair, lang: CardLang): string[] {
  const out: string[] = [];
  const hp = p.hot_pursuit;
  if (hp && !hp.allowed) out.push(say(lang, "hp_no"));
  else if (hp) {
    const limit = hp.limit === "unlimited" ? say(lang, "unlimited")
      : [hp.limit.distance_km !== undefined ? say(lang, "limit_km", { km: hp.limit.distance_km }) : "", hp.limit.time !== undefined ? say(lang, "limit_time", { time: legalDuration(hp.limit.time) }) : ""].filter(Boolean).join(", ");
    const offences = hp.offences === "catalogue" ? say(lang, "catalogue") : hp.offences === "extraditable" ? say(lang, "extraditable") : say(lang, "list", { list: hp.offences.map((o) => vocabLabel("offence", o, lang)).join(", ") });
    out.push(say(lang, "hp", { limit, borders: hp.borders.map((b) => vocabLabel("border", b, lang)).join("/"), offences }));
    out.push(say(lang, hp.apprehension === "none" ? "hp_none" : "hp_hold"));
    if (hp.notify.length) out.push(say(lang, "notify", { desks: names(scenario, hp.notify, lang) }));
    if (hp.report_to.length) out.push(say(lang, "report", { sites: names(scenario, hp.report_to, lang) }));
    out.push(say(lang, "stop"));
  }
  if (p.surveillance) out.push(say(lang, "sv", { limit: legalDuration(p.surveillance.urgent_limit), desks: names(scenario, p.surveillance.notify, lang) || "—", langs: p.surveillance.languages.join("/") }));
  if (p.joint_operations) {
    const j = p.joint_operations;
    out.push(say(lang, "jo", { agreement: j.agreement_required ? say(lang, "jo_agree") : "", powers: j.powers.length ? j.powers.map((x) => vocabLabel("power", x, lang)).join(", ") : say(lang, "no_powers"), arms: vocabLabel("arms", j.arms, lang), m: j.host_presence_m }));
  }
  if (p.atlas) out.push(say(lang, "atlas", { forms: p.atlas.forms.map((x) => vocabLabel("atlas_form", x, lang)).join(", "), arms: vocabLabel("arms", p.atlas.arms, lang) }));
  if (p.spoc) out.push(say(lang, "spoc", { ud: legalDuration(p.spoc.urgent_direct), ui: legalDuration(p.spoc.urgent_indirect), other: legalDuration(p.spoc.other), langs: p.spoc.languages.join("/") }));
  return out;
}

function sources(p: LawPair): string[] {
  return [p.hot_pursuit?.source, p.surveillance?.source, p.joint_operations?.source, p.atlas?.source, p.spoc?.source]
    .flatMap((s) => (s ? [s] : []));
}

export function countryOfRole(scenario: Scenario, role: string): string {
  const party = scenario.roles.find((r) => r.id === role)?.party;
  return scenario.parties.find((p) => p.id === party)?.country ?? "";
}

/** The role's card: first where its officers go (sending), then who may come to its country (host). */
export function rulesCard(scenario: Scenario, role: string, lang: CardLang = "en"): RulesSection[] {
  const c = countryOfRole(scenario, role);
  const abroad = scenario.law.filter((p) => p.sending === c).map((p) => ({ host: p.host, sending: p.sending, direction: "abroad" as const, title: say(lang, "abroad", { host: p.host }), lines: pairLines(scenario, p, lang), sources: sources(p) }));
  const home = scenario.law.filter((p) => p.host === c).map((p) => ({ host: p.host, sending: p.sending, direction: "at_home" as const, title: say(lang, "at_home", { host: p.host, sending: p.sending }), lines: pairLines(scenario, p, lang), sources: sources(p) }));
  return [...abroad, ...home];
}

export interface BorderWarning { unit: string; kind: "approaching" | "crossed"; into: string; metres: number; text: string; rules: string[] }

/** Nearest border of another country within `radius` metres of a point, and that country. */
export function nearestForeignBorder(scenario: Scenario, at: Pt, home: string, radius: number): { country: string; metres: number } | null {
  let best: { country: string; metres: number } | null = null;
  for (const c of scenario.map.countries) {
    if (c.code === home) continue;
    const poly = c.polygon as Pt[];
    let d = insideOrOn(at, poly) ? 0 : Infinity;
    for (let k = 0; k < poly.length && d > 0; k++) d = Math.min(d, distToSegment(at, poly[k] as Pt, poly[(k + 1) % poly.length] as Pt));
    if (d <= radius && (!best || d < best.metres)) best = { country: c.code, metres: Math.round(d) };
  }
  return best;
}

/**
 * The map's border warning for one unit: it has crossed out of its own country (the rules of that
 * host now apply), or it is within `radius` metres of another country's border.
 */
export function borderWarning(scenario: Scenario, u: { id: string; callsign: string; country: string; in: string; x: number; y: number }, lang: CardLang = "en", radius = 1500): BorderWarning | null {
  const rulesFor = (host: string) => {
    const pair = scenario.law.find((p) => p.host === host && p.sending === u.country);
    return pair ? pairLines(scenario, pair, lang) : [say(lang, "no_law", { host, sending: u.country })];
  };
  if (u.in && u.in !== u.country) return { unit: u.id, kind: "crossed", into: u.in, metres: 0, text: say(lang, "crossed", { unit: u.callsign, into: u.in }), rules: rulesFor(u.in) };
  const near = nearestForeignBorder(scenario, [u.x, u.y], u.in || u.country, radius);
  if (!near) return null;
  return { unit: u.id, kind: "approaching", into: near.country, metres: near.metres, text: say(lang, "approaching", { unit: u.callsign, m: near.metres, into: near.country }), rules: rulesFor(near.country) };
}

