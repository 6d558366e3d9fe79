// The scenario file format, version 1: the zod schema that shapes every section. Cross-references
// (ids that must exist, geometry) are checked afterwards in crossref.ts, on whatever parsed.
import { z } from "zod";
import { ActionMatch, Condition, Delivery, Effect } from "./conditions.ts";
import { Country, Duration, Fraction, Id, Language, Place, Point, Polygon, Source, Text } from "./primitives.ts";
import {
  AGENCIES, APPREHENSION, ARMS_RULES, ATLAS_FORMS, BORDER_KINDS, CAPABILITIES, CROWD_SIDES, DESK_KINDS,
  EMPACT_TAGS, OFFENCES, POWERS, SITE_TAGS, UNIT_TYPES, VIOLATION_CODES,
} from "./vocab.ts";

export const FORMAT_VERSION = 1;
const Offence = z.enum(OFFENCES, { error: "not a known offence (see the list in scenarios/README.md)" });

export const Meta = z.strictObject({
  id: Id,
  title: Text,
  briefing: Text.meta({ description: "General briefing every participant reads before the start" }),
  empact: z.array(z.enum(EMPACT_TAGS)).default([]).meta({ description: "EMPACT priority tags" }),
  duration: Duration.meta({ description: "Planned length of the exercise in exercise time" }),
  clock_ratio: z
    .number({ error: "write how many times faster legal deadlines run, e.g. 60" })
    .min(1)
    .max(3600)
    .meta({ description: "Legal deadlines (SPOC, surveillance clock) are divided by this: 60 turns 8h into 8m" }),
  start_time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "write the story's start time as HH:MM, e.g. 21:40" })
    .optional(),
  languages: z.array(Language).default(["en"]).meta({ description: "Languages the exercise is run in" }),
  author: z.string().optional(),
  revision: z.string().optional().meta({ description: "Your own version label for this file" }),
});

export const CountryArea = z.strictObject({ code: Country, name: Text.optional(), polygon: Polygon });
export const Road = z.strictObject({
  id: Id,
  name: Text.optional(),
  speed_kmh: z.number({ error: "write the speed limit in km/h" }).positive().max(300),
  points: z.array(Point).min(2, { error: "a road needs at least 2 points" }),
});
export const Site = z
  .strictObject({
    id: Id,
    name: Text,
    tags: z.array(z.enum(SITE_TAGS)).min(1, { error: "give a site at least one tag" }),
    at: Point.optional(),
    radius_m: z.int().positive().max(50_000).optional(),
    area: Polygon.optional(),
    country: Country.optional().meta({ description: "Only needed when the site sits on a border line" }),
  })
  .refine((s) => (s.at === undefined) !== (s.area === undefined), {
    error: "give a site either at: [x, y] (a point) or area: (a polygon), not both and not neither",
  });
export const MapSection = z.strictObject({
  extent: z.strictObject({
    width: z.int().positive().max(1_000_000),
    height: z.int().positive().max(1_000_000),
  }),
  countries: z.array(CountryArea).min(1),
  roads: z.array(Road).default([]),
  sites: z.array(Site).default([]),
});

const HotPursuit = z.strictObject({
  allowed: z.boolean().default(true),
  apprehension: z.enum(APPREHENSION, { error: "write none (no right to apprehend) or hold" }),
  limit: z
    .union([
      z.literal("unlimited"),
      z.strictObject({ distance_km: z.number().positive().optional(), time: Duration.optional().meta({ description: "exercise time, not compressed by clock_ratio" }) })
        .refine((l) => l.distance_km !== undefined || l.time !== undefined, { error: "give distance_km:, time: or both, or write limit: unlimited" }),
    ])
    .default("unlimited"),
  offences: z.union([z.literal("catalogue"), z.literal("extraditable"), z.array(Offence).min(1)]).default("extraditable"),
  borders: z.array(z.enum(BORDER_KINDS)).min(1).default(["land"]),
  notify: z.array(Id).default([]).meta({ description: "Desks to contact no later than the crossing" }),
  report_to: z.array(Id).default([]).meta({ description: "Sites of the local authority to report to in person" }),
  source: Source.optional(),
});
const Surveillance = z.strictObject({
  urgent_limit: Duration.default(5 * 3600).meta({ description: "Urgent case: stops this long after crossing without authorisation" }),
  languages: z.array(Language).min(1),
  extra_justification_after: Duration.optional(),
  notify: z.array(Id).default([]),
  source: Source.optional(),
});
const JointOperations = z.strictObject({
  agreement_required: z.boolean().default(true),
  powers: z.array(z.enum(POWERS)).default([]).meta({ description: "Executive powers conferred on seconded officers" }),
  arms: z.enum(ARMS_RULES),
  host_presence_m: z.int().positive().max(5000).meta({ description: "A host officer must be this close" }),
  source: Source.optional(),
});
const Atlas = z.strictObject({
  forms: z.array(z.enum(ATLAS_FORMS)).min(1).meta({ description: "Forms of assistance the sending state can give" }),
  arms: z.enum(ARMS_RULES).default("as_host_officers").meta({ description: "How the assisting unit may use its weapons under host law" }),
  source: Source.optional(),
});
const Spoc = z.strictObject({
  urgent_direct: Duration.default(8 * 3600),
  urgent_indirect: Duration.default(3 * 86400),
  other: Duration.default(7 * 86400),
  languages: z.array(Language).min(1),
  source: Source.optional(),
});
export const LawPair = z.strictObject({
  host: Country,
  sending: Country,
  hot_pursuit: HotPursuit.optional(),
  surveillance: Surveillance.optional(),
  joint_operations: JointOperations.optional(),
  atlas: Atlas.optional(),
  spoc: Spoc.optional(),
});

export const Party = z.strictObject({
  id: Id,
  country: Country,
  agency: z.enum(AGENCIES),
  name: Text,
  played_by: z.enum(["trainees", "instructor"]),
});
export const Desk = z.strictObject({
  id: Id,
  kind: z.enum(DESK_KINDS),
  name: Text,
  party: Id.optional().meta({ description: "The party that runs the desk (for an instructor-played desk, who speaks)" }),
  country: Country,
  countries: z.array(Country).optional().meta({ description: "All states that staff a shared centre" }),
  site: Id.optional(),
  languages: z.array(Language).default(["en"]),
});
export const Role = z.strictObject({
  id: Id,
  party: Id,
  title: Text,
  briefing: Text.optional().meta({ description: "What only this role is told" }),
  units: z.array(Id).default([]),
  desks: z.array(Id).default([]),
  max_players: z.int().positive().max(40).default(4),
});
export const Unit = z.strictObject({
  id: Id,
  party: Id,
  callsign: z.string().min(1),
  type: z.enum(UNIT_TYPES),
  at: Place,
  active: z.boolean().default(true).meta({ description: "false: enters only when an inject spawns it" }),
  crew: z.int().positive().max(200).default(2),
  speed_kmh: z.number().positive().max(400).optional(),
  marked: z.boolean().meta({ description: "Marked vehicle (or identifiable on foot)" }),
  uniform: z.boolean(),
  armed: z.boolean(),
  capabilities: z.array(z.enum(CAPABILITIES)).default([]),
  sensor_m: z.int().positive().max(20_000).default(600).meta({ description: "How far the unit sees" }),
});

const ActorBase = { id: Id, name: Text, active: z.boolean().default(true) };
export const Actor = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      ...ActorBase,
      kind: z.literal("fleeing_vehicle"),
      vehicle: Text,
      offence: Offence,
      occupants: z.int().positive().max(20).default(2),
      at: Place,
      speed_kmh: z.number().positive().max(300),
      route: z.array(Place).min(1).meta({ description: "Where it heads, in order" }),
      armed: z.boolean().default(false),
      on_foot: z.boolean().default(false).meta({ description: "a person running, not a vehicle (vehicle: then describes them)" }),
      behaviour: z
        .strictObject({
          aggressiveness: Fraction.default(0.5),
          hide_at: Id.optional().meta({ description: "Site where it tries to hide" }),
          hide_for: Duration.optional().meta({ description: "How long it stays hidden (default 10m)" }),
          switch_vehicle: Text.optional().meta({ description: "The car it switches to after hiding" }),
          surrender_when_boxed: z.boolean().default(true),
        })
        .default({ aggressiveness: 0.5, surrender_when_boxed: true }),
    }),
    z.strictObject({
      ...ActorBase,
      kind: z.literal("hostage_takers"),
      site: Id,
      takers: z.int().positive().max(50),
      hostages: z.int().nonnegative().max(2000),
      armed: z.boolean().default(true),
      agitation: Fraction,
      responsiveness: Fraction.default(0.5).meta({ description: "How much negotiation calms them" }),
      demands: z
        .array(z.strictObject({ id: Id, text: Text, deadline: Duration.optional() }))
        .default([]),
    }),
    z.strictObject({
      ...ActorBase,
      kind: z.literal("crowd"),
      side: z.enum(CROWD_SIDES),
      size: z.int().positive().max(100_000),
      area: z.union([Id, Polygon], { error: "write a site id or a polygon" }),
      tension: Fraction,
      volatility: Fraction.default(0.3),
      rivals: z.array(Id).default([]),
      route: z.array(Place).default([]).meta({ description: "A march, in order" }),
    }),
    z.strictObject({
      ...ActorBase,
      kind: z.literal("bystanders"),
      count: z.int().positive().max(100_000),
      area: z.union([Id, Polygon], { error: "write a site id or a polygon" }),
    }),
  ],
  { error: "kind must be one of: fleeing_vehicle, hostage_takers, crowd, bystanders" },
);

export const Expected = z.strictObject({
  id: Id,
  by: z.array(Id).min(1).meta({ description: "Roles expected to act" }),
  who: z.enum(["any", "all"]).default("any").meta({ description: "Is one of them enough, or must all act?" }),
  do: ActionMatch,
  within: Duration.refine((s) => s > 0, { error: "allow some time: within: must be longer than 0s" }).meta({ description: "Time allowed after the inject fires" }),
  lookback: Duration.default(0).meta({ description: "Actions taken up to this long before the inject fired also count (for what a good player does unprompted)" }),
  note: Text.optional().meta({ description: "Why: shown to evaluators and in the debrief" }),
});
export const Trigger = z.union(
  [
    z.strictObject({ at: Duration }),
    z.strictObject({ when: Condition, delay: Duration.optional() }),
    z.strictObject({ contingency_for: z.strictObject({ inject: Id, expected: Id }) }),
    z.strictObject({ manual: z.literal(true) }),
  ],
  { error: "write one of: at, when, contingency_for, manual" },
);
export const Inject = z.strictObject({
  id: Id,
  title: Text,
  trigger: Trigger,
  deliver: z.array(Delivery).default([]),
  effects: z.array(Effect).default([]),
  expected: z.array(Expected).default([]),
  note: Text.optional().meta({ description: "For exercise control only" }),
});

export const Objective = z.strictObject({
  id: Id,
  title: Text,
  description: Text.optional(),
  weight: z.number().positive().max(100).default(1),
  rated: z.array(Id).min(1).meta({ description: "Roles whose performance this objective rates" }),
  achieve: Condition.optional().meta({ description: "The outcome; omit for an objective about conduct only" }),
  by: Duration.optional().meta({ description: "Deadline for the outcome" }),
  rules: z.array(z.enum(VIOLATION_CODES, { error: "not a known violation code" })).default([]).meta({ description: "Any of these violations, by a rated role or its units, caps the rating at M" }),
  rating: z
    .strictObject({
      grace: Duration.default(0).meta({ description: "Outcome this late still earns S" }),
      late: Duration.optional().meta({ description: "Outcome this late still earns M; later is U. Without it, any later outcome earns M" }),
      expected: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9_-]*$/, { error: "write inject-id/expected-id" })).default([]),
      aggregate: z.enum(["avg", "min"]).default("min").meta({ description: "How evaluator ratings merge with the automatic one" }),
    })
    .default({ grace: 0, expected: [], aggregate: "min" }),
});

export const SECTIONS = {
  meta: Meta,
  map: MapSection,
  law: z.array(LawPair),
  parties: z.array(Party).min(2, { error: "an exercise needs at least two parties" }),
  desks: z.array(Desk).default([]),
  roles: z.array(Role).min(1),
  units: z.array(Unit).default([]),
  actors: z.array(Actor).default([]),
  injects: z.array(Inject).min(1),
  objectives: z.array(Objective).min(1),
} as const;

export const Scenario = z
  .strictObject({
    jointex: z.literal(FORMAT_VERSION, { error: "the first key must be jointex: 1 (the format version)" }),
    ...SECTIONS,
  })
  .meta({ title: "Jointex scenario", description: "One exercise of the Jointex simulator, format version 1" });

export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
export type Unit = z.output<typeof Unit>;
export type Actor = z.output<typeof Actor>;
export type Inject = z.output<typeof Inject>;
export type Objective = z.output<typeof Objective>;
export type LawPair = z.output<typeof LawPair>;
export type Site = z.output<typeof Site>;
export type Role = z.output<typeof Role>;
