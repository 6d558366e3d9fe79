// The interface language: i18next with one namespace per area of the client (each area's texts in
// en/fr/de live in its own file beside this one). Scenario texts come from the scenario itself, in
// the chosen language where the author wrote it, else English.
import i18next, { type TFunction } from "i18next";
import acts from "./acts.ts";
import common from "./common.ts";
import comms from "./comms.ts";
import console_ from "./console.ts";
import debrief from "./debrief.ts";
import map from "./map.ts";
import refusals from "./refusals.ts";

export const UI_LANGUAGES = ["en", "fr", "de"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<string, string> = { en: "English", fr: "Français", de: "Deutsch", nl: "Nederlands", sk: "Slovenčina", lb: "Lëtzebuergesch" };

type Area = Record<UiLanguage, Record<string, unknown>>;
const AREAS: Record<string, Area> = { acts, common, comms, console: console_, debrief, map, refusals };

export function storedLanguage(): UiLanguage {
  const l = typeof localStorage === "undefined" ? null : localStorage.getItem("jointex.lang");
  return (UI_LANGUAGES as readonly string[]).includes(l ?? "") ? (l as UiLanguage) : "en";
}

/** Initialise once; returns the t function bound to the chosen language. */
export async function initI18n(lang: UiLanguage = storedLanguage()): Promise<TFunction> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const l of UI_LANGUAGES) {
    resources[l] = {};
    for (const [ns, area] of Object.entries(AREAS)) (resources[l] as Record<string, unknown>)[ns] = area[l];
  }
  return i18next.init({ lng: lang, fallbackLng: "en", ns: Object.keys(AREAS), defaultNS: "common", resources, interpolation: { escapeValue: false }, returnNull: false });
}

export async function setLanguage(lang: UiLanguage): Promise<void> {
  if (typeof localStorage !== "undefined") localStorage.setItem("jointex.lang", lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

export const t: TFunction = ((...args: Parameters<TFunction>) => i18next.t(...args)) as TFunction;
export const lang = (): UiLanguage => ((UI_LANGUAGES as readonly string[]).includes(i18next.language) ? (i18next.language as UiLanguage) : "en");

/** A scenario text in the interface language where the scenario has it, else English. */
export function tx(text: Record<string, string | undefined> | undefined, l: string = lang()): string {
  if (!text) return "";
  return text[l] ?? text.en ?? Object.values(text).find((v) => v) ?? "";
}
