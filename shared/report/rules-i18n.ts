// The legal rules in French and German for the report (English is in sim/law/articles.ts).
import type { ViolationCode } from "../scenario/vocab.ts";
import { ARTICLES } from "../sim/law/articles.ts";

const FR: Record<ViolationCode, string> = {
  "pursuit/not_notified_at_crossing": "Les agents qui poursuivent contactent l'autorité de l'État hôte au plus tard au moment du franchissement de la frontière.",
  "pursuit/continued_after_stop_request": "La poursuite cesse dès que l'État hôte le demande.",
  "pursuit/apprehension_not_permitted": "Les agents étrangers n'interpellent (retiennent) que si la déclaration de l'État hôte le permet, sans demande d'arrêt et si les unités locales ne peuvent intervenir à temps ; jamais d'arrestation formelle.",
  "pursuit/limit_exceeded": "La poursuite reste dans la distance ou la durée déclarées par l'État hôte (ou n'est pas admise dans cet État).",
  "pursuit/offence_out_of_scope": "Seules les infractions du champ déclaré par l'État hôte (catalogue ou infractions extraditionnelles) permettent la poursuite.",
  "pursuit/non_land_border": "La poursuite ne franchit que les frontières terrestres, sauf traité étendant aux voies maritimes ou aériennes.",
  "any/entered_private_premises": "Les agents étrangers ne pénètrent pas dans les domiciles ni dans les lieux non accessibles au public.",
  "any/unidentifiable_unit": "Les agents qui poursuivent sont identifiables : uniforme, brassard ou véhicule sérigraphié ; la tenue civile avec un véhicule banalisé est interdite.",
  "any/weapon_use_not_self_defence": "Les agents étrangers n'utilisent leur arme de service qu'en cas de légitime défense.",
  "any/no_report_to_local_authority": "Après l'opération, les agents se présentent à l'autorité locale de l'État hôte et rendent compte, même sans interpellation.",
  "surveillance/no_immediate_notification": "En cas d'urgence, l'État hôte est informé immédiatement du franchissement et la demande suit.",
  "surveillance/continued_past_5h_without_auth": "L'observation urgente cesse cinq heures après le franchissement sans autorisation de l'État hôte.",
  "surveillance/challenge_or_arrest": "Les agents chargés de l'observation ne peuvent ni interpeller ni arrêter la personne observée.",
  "surveillance/no_authorisation_document": "Hors urgence, l'observation transfrontalière exige une autorisation préalable, dont le document est porté sur soi.",
  "jointop/no_agreement": "Une opération conjointe exige d'abord un accord : objet, zone, durée, agents, pouvoirs et armes.",
  "jointop/power_not_conferred": "Les agents détachés n'exercent que les pouvoirs d'exécution conférés par l'État hôte.",
  "jointop/no_host_officer_present": "Les agents détachés agissent sous la direction de l'État hôte et, en règle générale, en présence de ses agents.",
  "jointop/ignored_host_instruction": "Les agents détachés suivent les instructions et le droit de l'État hôte.",
  "jointop/arms_not_permitted": "Les agents détachés ne portent des armes que dans la mesure où l'État hôte le permet.",
  "atlas/request_missing_nature_or_necessity": "Une demande d'assistance d'unité spéciale précise la nature de l'assistance et sa nécessité opérationnelle.",
  "atlas/unit_outside_requesting_command": "L'unité qui prête assistance agit en appui, sous la responsabilité, l'autorité et la direction de l'État requérant.",
  "spoc/deadline_missed": "Le point de contact unique répond sous 8 heures (urgent, accès direct), 3 jours (urgent, accès indirect) ou 7 jours (autres demandes).",
  "spoc/delay_notice_missing": "Si une autorisation judiciaire est nécessaire, le point de contact informe immédiatement le demandeur de la durée et des motifs du délai.",
  "spoc/wrong_language": "La demande est rédigée dans une langue acceptée par le point de contact requis.",
  "spoc/direct_request_without_own_spoc_copy": "Une autorité qui s'adresse directement à un point de contact étranger met en copie son propre point de contact.",
  "spoc/request_incomplete": "La demande précise ce qui est demandé, sa finalité, ses motifs, le lien avec la personne et, si urgente, pourquoi.",
};
const DE: Record<ViolationCode, string> = {
  "pursuit/not_notified_at_crossing": "Nacheilende Beamte setzen sich spätestens beim Grenzübertritt mit der Behörde des Gaststaats in Verbindung.",
  "pursuit/continued_after_stop_request": "Die Nacheile wird eingestellt, sobald der Gaststaat dies verlangt.",
  "pursuit/apprehension_not_permitted": "Ausländische Beamte dürfen nur festhalten, wenn die Erklärung des Gaststaats es erlaubt, kein Abbruch verlangt wurde und örtliche Kräfte nicht rechtzeitig eingreifen können; nie eine förmliche Festnahme.",
  "pursuit/limit_exceeded": "Die Nacheile bleibt innerhalb der vom Gaststaat erklärten Entfernung oder Dauer (oder ist in diesen Staat nicht zulässig).",
  "pursuit/offence_out_of_scope": "Nur Straftaten im erklärten Umfang des Gaststaats (Katalog oder auslieferungsfähige Straftaten) erlauben die Nacheile.",
  "pursuit/non_land_border": "Die Nacheile überschreitet nur Landgrenzen, sofern kein Vertrag sie auf See- oder Luftwege erstreckt.",
  "any/entered_private_premises": "Ausländische Beamte betreten keine Wohnungen und keine der Öffentlichkeit nicht zugänglichen Orte.",
  "any/unidentifiable_unit": "Nacheilende Beamte sind erkennbar: Uniform, Armbinde oder gekennzeichnetes Fahrzeug; Zivilkleidung im zivilen Fahrzeug ist verboten.",
  "any/weapon_use_not_self_defence": "Ausländische Beamte gebrauchen ihre Dienstwaffe nur in Notwehr.",
  "any/no_report_to_local_authority": "Nach dem Einsatz melden sich die Beamten persönlich bei der örtlich zuständigen Behörde des Gaststaats, auch ohne Festnahme.",
  "surveillance/no_immediate_notification": "Im Eilfall wird der Gaststaat unverzüglich über den Grenzübertritt unterrichtet; das Ersuchen folgt.",
  "surveillance/continued_past_5h_without_auth": "Eine eilige Observation endet fünf Stunden nach dem Grenzübertritt, wenn der Gaststaat nicht zugestimmt hat.",
  "surveillance/challenge_or_arrest": "Observationskräfte dürfen die observierte Person weder anhalten noch festnehmen.",
  "surveillance/no_authorisation_document": "Außer im Eilfall braucht die grenzüberschreitende Observation eine vorherige Zustimmung, deren Nachweis mitgeführt wird.",
  "jointop/no_agreement": "Ein gemeinsamer Einsatz braucht zuerst eine Vereinbarung: Zweck, Gebiet, Dauer, Beamte, Befugnisse und Waffen.",
  "jointop/power_not_conferred": "Entsandte Beamte üben nur die ihnen vom Gaststaat übertragenen Hoheitsbefugnisse aus.",
  "jointop/no_host_officer_present": "Entsandte Beamte handeln unter Leitung des Gaststaats und in der Regel in Anwesenheit seiner Beamten.",
  "jointop/ignored_host_instruction": "Entsandte Beamte befolgen die Weisungen und das Recht des Gaststaats.",
  "jointop/arms_not_permitted": "Entsandte Beamte führen Waffen nur, soweit der Gaststaat es erlaubt.",
  "atlas/request_missing_nature_or_necessity": "Ein Ersuchen um Unterstützung durch eine Spezialeinheit nennt Art und operative Notwendigkeit der Unterstützung.",
  "atlas/unit_outside_requesting_command": "Die unterstützende Einheit handelt unterstützend, unter Verantwortung, Befehls- und Leitungsgewalt des ersuchenden Staats.",
  "spoc/deadline_missed": "Die zentrale Kontaktstelle antwortet binnen 8 Stunden (dringend, direkt zugänglich), 3 Tagen (dringend, indirekt zugänglich) oder 7 Tagen (übrige Ersuchen).",
  "spoc/delay_notice_missing": "Ist eine richterliche Genehmigung nötig, teilt die Kontaktstelle dem Ersuchenden unverzüglich Dauer und Gründe der Verzögerung mit.",
  "spoc/wrong_language": "Das Ersuchen ist in einer Sprache verfasst, die die ersuchte Kontaktstelle annimmt.",
  "spoc/direct_request_without_own_spoc_copy": "Eine Behörde, die sich direkt an eine ausländische Kontaktstelle wendet, setzt ihre eigene Kontaktstelle in Kopie.",
  "spoc/request_incomplete": "Das Ersuchen nennt das Erbetene, den Zweck, die Gründe, den Bezug zur Person und bei Dringlichkeit deren Gründe.",
};

export function ruleText(code: ViolationCode, lang: string): string {
  return (lang === "fr" ? FR[code] : lang === "de" ? DE[code] : undefined) ?? ARTICLES[code].rule;
}

/** A legal citation as lawyers of the language write it (CISA is CAAS in French, SDÜ in German). */
export function citation(article: string, lang: string): string {
  if (lang === "fr") {
    return article.replace(/\bCISA\b/g, "CAAS").replace(/\bDecision (\d{4}\/\d+)\/JHA/g, "Décision $1/JAI").replace(/\bDirective \(EU\)/g, "Directive (UE)").replace(/\bArt\. /g, "art. ");
  }
  if (lang === "de") {
    return article.replace(/\bCISA\b/g, "SDÜ").replace(/\bDecision (\d{4}\/\d+)\/JHA/g, "Beschluss $1/JI").replace(/\bDirective \(EU\)/g, "Richtlinie (EU)");
  }
  return article;
}
