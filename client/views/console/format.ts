// How the console writes time and names: exercise time, the story's clock, spans of time, and
// what a scenario id is called. No interface language here: names come back as multilingual texts
// and the panels pick the language, so these stay testable without i18next.
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { clock as hms } from "../time.ts";

export type Text = Record<string, string | undefined>;
/** A translation function (i18next's t, or a stub in tests). */
export type Tr = (key: string, vars?: Record<string, unknown>) => string;

const pad = (n: number) => String(n).padStart(2, "0");
/** Exercise time as hh:mm:ss: the console's columns line up with two-digit hours. */
export const clock = (tick: number): string => hms(tick).padStart(8, "0");
export { storyTime } from "../time.ts";
/** A span of time: "45 s", "3 min", "2 min 15 s", "1 h 05 min" (units read the same in en/fr/de). */
export function span(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${pad(s % 60)} s` : `${s / 60} min`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** What an id of the scenario is called (role, party, desk, unit, actor, site), or null. */
export function nameOf(scenario: Scenario, id: string): Text | null {
  const r = scenario.roles.find((x) => x.id === id);
  if (r) return r.title;
  const p = scenario.parties.find((x) => x.id === id);
  if (p) return p.name;
  const d = scenario.desks.find((x) => x.id === id);
  if (d) return d.name;
  const u = scenario.units.find((x) => x.id === id);
  if (u) return { en: u.callsign };
  const a = scenario.actors.find((x) => x.id === id);
  if (a) return a.name;
  const s = scenario.map.sites.find((x) => x.id === id);
  if (s) return s.name;
  return null;
}
