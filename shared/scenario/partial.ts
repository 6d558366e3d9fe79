// The parts of a scenario that passed the shape checks, item by item, so that cross-reference checks
// can run on everything that is well-formed even when other parts of the file are not.
import { z as zod, type z } from "zod";
import { Polygon } from "./primitives.ts";
import { Actor, Desk, Inject, LawPair, MapSection, Meta, Objective, Party, Role, Site, Unit } from "./schema.ts";
import { CountryArea, Road } from "./schema.ts";

export interface Item<T> { i: number; v: T }

export interface PartialScenario {
  meta?: z.output<typeof Meta>;
  extent?: { width: number; height: number };
  countries: Item<z.output<typeof CountryArea>>[];
  roads: Item<z.output<typeof Road>>[];
  sites: Item<z.output<typeof Site>>[];
  law: Item<z.output<typeof LawPair>>[];
  parties: Item<z.output<typeof Party>>[];
  desks: Item<z.output<typeof Desk>>[];
  roles: Item<z.output<typeof Role>>[];
  units: Item<z.output<typeof Unit>>[];
  actors: Item<z.output<typeof Actor>>[];
  injects: Item<z.output<typeof Inject>>[];
  objectives: Item<z.output<typeof Objective>>[];
  /** Every id written in each list, valid item or not: a reference to a broken item is not "unknown". */
  rawIds: Record<string, string[]>;
  /** Unit id -> role id, from every role written, valid or not: absence checks must not cascade. */
  rawCommand: Map<string, string>;
  /** Parties that at least one written role belongs to. */
  rawRoleParties: Set<string>;
  /** Country outlines whose points are well-formed, even if the code is not. */
  shapes: Item<{ code: string; polygon: [number, number][] }>[];
}

function items<T>(raw: unknown, schema: z.ZodType<T>): Item<T>[] {
  if (!Array.isArray(raw)) return [];
  const out: Item<T>[] = [];
  raw.forEach((v, i) => {
    const r = schema.safeParse(v);
    if (r.success) out.push({ i, v: r.data });
  });
  return out;
}

function ids(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((v) => (v && typeof v === "object" && typeof (v as { id?: unknown }).id === "string" ? [(v as { id: string }).id] : []));
}

const LooseRole = zod.object({ id: zod.string(), party: zod.string().optional(), units: zod.array(zod.string()).optional() });
const LooseCountry = zod.object({ code: zod.string(), polygon: Polygon });

export function partialScenario(raw: Record<string, unknown>): PartialScenario {
  const map = (raw.map && typeof raw.map === "object" ? raw.map : {}) as Record<string, unknown>;
  const meta = Meta.safeParse(raw.meta);
  const extent = MapSection.shape.extent.safeParse(map.extent);
  const looseRoles = items(raw.roles, LooseRole);
  const rawCommand = new Map<string, string>();
  for (const r of looseRoles) for (const u of r.v.units ?? []) if (!rawCommand.has(u)) rawCommand.set(u, r.v.id);
  return {
    meta: meta.success ? meta.data : undefined,
    extent: extent.success ? extent.data : undefined,
    countries: items(map.countries, CountryArea),
    roads: items(map.roads, Road),
    sites: items(map.sites, Site),
    law: items(raw.law, LawPair),
    parties: items(raw.parties, Party),
    desks: items(raw.desks, Desk),
    roles: items(raw.roles, Role),
    units: items(raw.units, Unit),
    actors: items(raw.actors, Actor),
    injects: items(raw.injects, Inject),
    objectives: items(raw.objectives, Objective),
    rawIds: {
      roads: ids(map.roads), sites: ids(map.sites), parties: ids(raw.parties), desks: ids(raw.desks),
      roles: ids(raw.roles), units: ids(raw.units), actors: ids(raw.actors), injects: ids(raw.injects),
      objectives: ids(raw.objectives),
    },
    rawCommand,
    rawRoleParties: new Set(looseRoles.flatMap((r) => (r.v.party ? [r.v.party] : []))),
    shapes: items(map.countries, LooseCountry),
  };
}
