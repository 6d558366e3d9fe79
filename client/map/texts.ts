// The map's interface texts, read straight from the "map" i18n namespace in the map's language (the
// map can be created before or without i18next being initialised, e.g. in the benchmark page).
import map from "../i18n/map.ts";

type Dict = { [k: string]: string | Dict };
const langs = map as unknown as Record<string, Dict>;

function lookup(d: Dict | undefined, key: string): string | undefined {
  let cur: string | Dict | undefined = d;
  for (const part of key.split(".")) cur = typeof cur === "object" ? cur[part] : undefined;
  return typeof cur === "string" ? cur : undefined;
}

export type MapText = (key: string, vars?: Record<string, string | number>) => string;

/** Text in `lang`, else English; an unknown key gives its last part (an order type reads as itself). */
export function mapTexts(lang: string): MapText {
  return (key, vars) => {
    const s = lookup(langs[lang], key) ?? lookup(langs.en, key) ?? key.split(".").pop() ?? key;
    return vars ? s.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? "")) : s;
  };
}
