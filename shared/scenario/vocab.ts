// The closed vocabularies of scenario files. Engine, scoring and client read these same lists, so a
// word an instructor can write is a word every part of the product understands.

/** ISO 3166-1 alpha-2 codes of EU, Schengen and neighbouring states that exercises involve. */
export const COUNTRY_CODES = [
  "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
  "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
  "AL", "BA", "GB", "ME", "MK", "RS", "UA", "MD",
] as const;

/** The 24 official EU languages (ISO 639-1), plus Luxembourgish (lb), a working language of the
 *  Luxembourg police and the PCCC there. English is required wherever text is given. */
export const LANGUAGES = [
  "en", "bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
  "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "lb",
] as const;

/** EMPACT 2022-2025 priorities (Council conclusions 2021), plus counter-terrorism and public order. */
export const EMPACT_TAGS = [
  "high_risk_criminal_networks", "cyber_attacks", "trafficking_in_human_beings",
  "child_sexual_exploitation", "migrant_smuggling", "drug_trafficking", "fraud_economic_financial",
  "organised_property_crime", "environmental_crime", "firearms_trafficking",
  "counter_terrorism", "public_order",
] as const;

export const AGENCIES = [
  "police", "gendarmerie", "customs", "border_guard", "special_intervention_unit", "prosecution",
  "ministry", "pccc", "spoc", "rail_operator", "club_security", "media", "civilian", "other",
] as const;

export const SITE_TAGS = [
  "private_premises", "pccc", "spoc", "stadium", "border_crossing", "station", "police_station",
  "local_authority", "public_place", "fan_zone", "railway", "train", "hospital", "airport", "port",
  "bridge", "command_post", "assembly_area", "landing_zone", "hotel", "shop", "car_park",
] as const;

export const DESK_KINDS = ["pccc", "spoc", "command_centre", "siu_command", "liaison", "prosecutor"] as const;

export const UNIT_TYPES = [
  "car", "unmarked_car", "van", "motorbike", "foot_team", "helicopter", "boat", "armoured_vehicle",
  "bus", "command_vehicle", "water_cannon",
] as const;

export const CAPABILITIES = [
  "pursuit", "surveillance", "negotiator", "intervention", "sniper", "public_order", "spotter",
  "k9", "medic", "command", "traffic", "investigation", "interpreter", "drone",
] as const;

/** Offences of the CISA Art. 41(4)(a) catalogue (hot pursuit) and Art. 40(7) (surveillance). */
export const OFFENCES = [
  "murder", "manslaughter", "rape", "arson", "counterfeiting", "robbery", "aggravated_burglary",
  "receiving_stolen_goods", "extortion", "kidnapping", "hostage_taking", "trafficking_in_human_beings",
  "drug_trafficking", "arms_explosives", "explosives_damage", "toxic_waste",
  "fleeing_after_fatal_accident", "migrant_smuggling", "child_sexual_abuse", "fraud",
  "money_laundering", "assault", "public_disorder", "theft", "other",
] as const;

/** The Art. 41(4)(a) catalogue, applied when a declaration says `offences: catalogue`. */
export const HOT_PURSUIT_CATALOGUE: readonly (typeof OFFENCES)[number][] = [
  "murder", "manslaughter", "rape", "arson", "counterfeiting", "robbery", "aggravated_burglary",
  "receiving_stolen_goods", "extortion", "kidnapping", "hostage_taking", "trafficking_in_human_beings",
  "drug_trafficking", "arms_explosives", "explosives_damage", "toxic_waste",
  "fleeing_after_fatal_accident",
];

export const BORDER_KINDS = ["land", "water", "air"] as const;
export const APPREHENSION = ["none", "hold"] as const;
export const ARMS_RULES = ["none", "self_defence", "as_host_officers"] as const;

/** Executive powers a host may confer on seconded officers (Prüm Decision Art. 17(2)). */
export const POWERS = [
  "identity_check", "stop_and_search", "detain", "arrest", "use_of_force", "traffic_control",
  "crowd_dispersal", "seize_property",
] as const;

export const ATLAS_FORMS = ["operations", "negotiation", "equipment", "expertise", "observation"] as const;

export const MESSAGE_KINDS = [
  "notify", "request", "reply", "authorise", "refuse", "offer_alternative", "stop_request",
  "delay_notice", "information", "instruction", "report",
] as const;

export const CHANNELS = ["radio", "phone", "siena", "email", "in_person", "media", "system"] as const;

export const URGENCY = ["urgent_direct", "urgent_indirect", "normal"] as const;

export const LEGAL_BASES = [
  "cisa_40", "cisa_41", "prum_17", "prum_18", "decision_2008_617", "directive_2023_977",
  "bilateral_treaty", "jit_agreement", "national_law",
] as const;

/** Orders a player gives a unit. apprehend = stop and hold a person; arrest = a formal arrest. */
export const ORDER_TYPES = [
  "move", "pursue", "stop", "hold", "apprehend", "arrest", "identity_check", "search", "cordon",
  "patrol", "surveil", "negotiate", "intervene", "use_force", "present_to_local_authority", "withdraw",
  "disarm",
] as const;

/** Things a player can do that an expected action or condition can look for. */
export const ACTION_KINDS = [
  "message", "order", "decision", "assistance_request", "assistance_answer", "agreement",
  "confer_powers",
] as const;

/** Every state a condition may ask an engine-played actor to be in. */
export const ACTOR_STATES = [
  "waiting", "fleeing", "hiding", "stopped", "apprehended", "escaped", "holding", "negotiating",
  "surrendered", "assaulted", "hostages_released", "casualties", "calm", "agitated", "disorder",
  "dispersed",
] as const;

export const CROWD_SIDES = ["home", "away", "neutral"] as const;

/** Violation codes the engine emits (one event each); see DOMAIN.md. */
export const VIOLATION_CODES = [
  "pursuit/not_notified_at_crossing", "pursuit/continued_after_stop_request",
  "pursuit/apprehension_not_permitted", "pursuit/limit_exceeded", "pursuit/offence_out_of_scope",
  "pursuit/non_land_border", "any/entered_private_premises", "any/unidentifiable_unit",
  "any/weapon_use_not_self_defence", "any/no_report_to_local_authority",
  "surveillance/no_immediate_notification", "surveillance/continued_past_5h_without_auth",
  "surveillance/challenge_or_arrest", "surveillance/no_authorisation_document",
  "jointop/no_agreement", "jointop/power_not_conferred", "jointop/no_host_officer_present",
  "jointop/ignored_host_instruction", "jointop/arms_not_permitted",
  "atlas/request_missing_nature_or_necessity", "atlas/unit_outside_requesting_command",
  "spoc/deadline_missed", "spoc/delay_notice_missing", "spoc/wrong_language",
  "spoc/direct_request_without_own_spoc_copy", "spoc/request_incomplete",
] as const;

export type CountryCode = (typeof COUNTRY_CODES)[number];
export type Language = (typeof LANGUAGES)[number];
export type ViolationCode = (typeof VIOLATION_CODES)[number];
export type SiteTag = (typeof SITE_TAGS)[number];
export type OrderType = (typeof ORDER_TYPES)[number];
export type MessageKind = (typeof MESSAGE_KINDS)[number];
