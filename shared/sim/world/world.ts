// The static world derived once from a scenario: road graph, country and site lookup, and indexes
// (who commands what, which desk belongs to which country). Never changes during an exercise.
import { insideOrOn } from "../../geo/geometry.ts";
import type { LawPair, Scenario, Site } from "../../scenario/schema.ts";
import type { Pt } from "../types.ts";
import { buildRoadGraph, type RoadGraph } from "./roads.ts";

export const DEFAULT_SITE_RADIUS_M = 60;

export interface World {
  scenario: Scenario;
  roads: RoadGraph;
  sites: Map<string, Omit<Site, "country"> & { country: string; centre: Pt }>;
  partyCountry: Map<string, string>;
  unitRole: Map<string, string>;
  roleParty: Map<string, string>;
  roleDesks: Map<string, string[]>;
  deskRoles: Map<string, string[]>;
  deskCountry: Map<string, string>;
  /** For each id (role, desk, party): every id a message to it reaches. */
  reach: Map<string, string[]>;
  /** Country of any role, desk or party id. */
  countryOf: Map<string, string>;
  law: Map<string, LawPair>;
}

export function countryAt(scenario: Scenario, p: Pt): string {
  for (const c of scenario.map.countries) if (insideOrOn(p, c.polygon)) return c.code;
  return "";
}

export function siteContains(site: Pick<Site, "area" | "at" | "radius_m">, p: Pt): boolean {
  if (site.area) return insideOrOn(p, site.area);
  if (!site.at) return false;
  const r = site.radius_m ?? DEFAULT_SITE_RADIUS_M;
  const dx = p[0] - site.at[0];
  const dy = p[1] - site.at[1];
  return dx * dx + dy * dy <= r * r;
}

export function siteCentre(site: Site): Pt {
  if (site.at) return [site.at[0], site.at[1]];
  const pts = site.area ?? [];
  const n = pts.length || 1;
  return [Math.round(pts.reduce((s, p) => s + p[0], 0) / n), Math.round(pts.reduce((s, p) => s + p[1], 0) / n)];
}

export const lawKey = (host: string, sending: string) => `${host}<-${sending}`;

export function buildWorld(scenario: Scenario): World {
  const sites: World["sites"] = new Map();
  for (const s of scenario.map.sites) {
    const centre = siteCentre(s);
    sites.set(s.id, { ...s, centre, country: s.country ?? countryAt(scenario, centre) });
  }
  const partyCountry = new Map<string, string>(scenario.parties.map((p) => [p.id, p.country]));
  const unitRole = new Map<string, string>();
  const roleParty = new Map<string, string>();
  const roleDesks = new Map<string, string[]>();
  const deskRoles = new Map<string, string[]>();
  for (const r of scenario.roles) {
    roleParty.set(r.id, r.party);
    roleDesks.set(r.id, r.desks);
    for (const u of r.units) unitRole.set(u, r.id);
    for (const d of r.desks) deskRoles.set(d, [...(deskRoles.get(d) ?? []), r.id]);
  }
  const deskCountry = new Map<string, string>(scenario.desks.map((d) => [d.id, d.country]));
  const countryOf = new Map<string, string>([...partyCountry, ...deskCountry]);
  for (const [role, party] of roleParty) countryOf.set(role, partyCountry.get(party) ?? "");

  // A message to a role also reaches its desks and party; to a desk, the roles that staff it.
  const reach = new Map<string, string[]>();
  const add = (id: string, ...more: (string | undefined)[]) => {
    const set = new Set([id, ...(reach.get(id) ?? []), ...more.filter((m): m is string => !!m)]);
    reach.set(id, [...set].sort());
  };
  for (const r of scenario.roles) add(r.id, r.party, ...r.desks);
  for (const d of scenario.desks) add(d.id, d.party, ...(deskRoles.get(d.id) ?? []));
  for (const p of scenario.parties) add(p.id, ...scenario.roles.filter((r) => r.party === p.id).map((r) => r.id));

  return {
    scenario,
    roads: buildRoadGraph(scenario.map.roads as { points: Pt[]; speed_kmh: number }[]),
    sites, partyCountry, unitRole, roleParty, roleDesks, deskRoles, deskCountry, reach, countryOf,
    law: new Map(scenario.law.map((l) => [lawKey(l.host, l.sending), l])),
  };
}
