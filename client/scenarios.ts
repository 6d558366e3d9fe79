// Scenario list page: what the server loaded, in the reader's language, with a map preview and the
// problems of any file the server refused.
import i18next from "i18next";
import { initI18n, t as tr } from "./i18n/index.ts";
import { mapPreview, type MapData } from "./map-preview.ts";

type Text = Record<string, string | undefined>;
interface Summary {
  id: string; file: string; title: Text; briefing: Text; empact: string[]; duration: number;
  clockRatio: number; languages: string[]; countries: string[];
  roles: { id: string; title: Text; party: string; units: number }[];
  counts: { units: number; actors: number; injects: number; conditional: number; contingency: number; objectives: number };
  law: { host: string; sending: string; instruments: string[] }[];
  map: MapData;
}
interface Issue { file: string; line: number; column: number; path: string; message: string; hint?: string }
interface Listing { scenarios: Summary[]; invalid: { file: string; issues: Issue[] }[] }

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const h = (tag: string, cls?: string, text?: string) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const LANG_NAMES: Record<string, string> = { en: "English", fr: "Français", de: "Deutsch", nl: "Nederlands", sk: "Slovenčina" };

let lang = localStorage.getItem("jointex.lang") ?? "en";
const t = (text: Text) => text[lang] ?? text.en ?? "";
const minutes = (s: number) => {
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h && m ? `${h} h ${m}` : h ? `${h} h` : `${m} min`;
};

function card(s: Summary): HTMLElement {
  const c = h("article", "card");
  c.dataset.scenario = s.id;
  c.append(h("h2", undefined, t(s.title)), h("div", "id", `${s.id} · ${s.file}`));
  const tags = h("div", "tags");
  for (const code of s.countries) tags.append(h("span", "tag country", code));
  for (const tag of s.empact) tags.append(h("span", "tag", tag.replaceAll("_", " ")));
  const brief = h("p", "brief", t(s.briefing));
  brief.title = t(s.briefing);
  brief.onclick = () => brief.classList.toggle("open");
  c.append(tags, mapPreview(s.map, lang), brief);
  const facts = h("div", "facts");
  for (const [n, label] of [[s.roles.length, tr("library.roles")], [s.counts.injects, tr("library.injects")], [s.counts.objectives, tr("library.objectives")], [minutes(s.duration), tr("library.planned", { ratio: s.clockRatio })]] as const) {
    const d = h("div");
    d.append(h("b", undefined, String(n)), h("span", undefined, label));
    facts.append(d);
  }
  const roles = h("ul", "roles");
  for (const r of s.roles) roles.append(h("li", undefined, t(r.title)));
  const law = h("div", "law", `${tr("library.law")}: ${s.law.map((l) => `${l.host} ← ${l.sending} (${l.instruments.join(", ").replaceAll("_", " ")})`).join("; ")}`);
  c.append(facts, roles, law);
  return c;
}

async function render(): Promise<void> {
  const res = await fetch("/api/scenarios");
  const data = (await res.json()) as Listing;
  const langs = [...new Set(data.scenarios.flatMap((s) => s.languages).concat("en"))];
  const select = $("#lang") as HTMLSelectElement;
  select.replaceChildren(...langs.map((l) => Object.assign(document.createElement("option"), { value: l, textContent: LANG_NAMES[l] ?? l, selected: l === lang })));
  select.onchange = async () => { lang = select.value; localStorage.setItem("jointex.lang", lang); await i18next.changeLanguage(lang); void render(); };
  document.documentElement.lang = lang;
  $("#heading").textContent = tr("library.title");
  $("#tagline").textContent = tr("tagline");
  $("#lang-label").textContent = tr("language");
  $("#status").textContent = `${tr("library.loaded", { count: data.scenarios.length })}${data.invalid.length ? tr("library.refused", { count: data.invalid.length }) : ""}.`;
  $("#scenarios").replaceChildren(...data.scenarios.map(card));
  $("#invalid").replaceChildren(...data.invalid.map((f) => {
    const box = h("div", "invalid");
    box.append(h("h2", undefined, tr("library.notLoaded", { file: f.file })));
    for (const i of f.issues) box.append(h("pre", undefined, `${i.file}:${i.line}:${i.column}  ${i.path ? `${i.path}: ` : ""}${i.message}${i.hint ? `\n    hint: ${i.hint}` : ""}`));
    return box;
  }));
  document.body.dataset.ready = "true";
}

initI18n(["en", "fr", "de"].includes(lang) ? (lang as "en" | "fr" | "de") : "en").then(render).catch((e: unknown) => {
  $("#status").textContent = `Could not load scenarios: ${e instanceof Error ? e.message : String(e)}`;
});
