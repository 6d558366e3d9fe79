// View models of exercise control's console and the evaluator view: plain data from the scenario and
// the live ConsoleSnapshot, no DOM and no interface language (the panels translate codes and keys).
import type { z } from "zod";
import type { ConsoleSnapshot, InjectStatus, ObjectiveStatus } from "../../shared/protocol.ts";
import type { Condition } from "../../shared/scenario/conditions.ts";
import { Inject, type Scenario } from "../../shared/scenario/schema.ts";
import { CHANNELS, MESSAGE_KINDS, ORDER_TYPES } from "../../shared/scenario/vocab.ts";
import type { Rating } from "../../shared/score/ratings.ts";
import { adhocProblem } from "../../shared/sim/adhoc-check.ts";
import type { Ctx } from "../../shared/sim/context.ts";
import type { SimState } from "../../shared/sim/types.ts";
import { buildWorld, type World } from "../../shared/sim/world/world.ts";

export type Text = Record<string, string | undefined>;
export type InjectInput = z.input<typeof Inject>;
/** A translation function (i18next's t, or a stub in tests). */
export type Tr = (key: string, vars?: Record<string, unknown>) => string;

// --- time --------------------------------------------------------------------------------------
const pad = (n: number) => String(n).padStart(2, "0");
/** Exercise time as hh:mm:ss. */
export function clock(tick: number): string {
  const s = Math.max(0, Math.floor(tick));
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
/** The story's clock (scenario start_time plus exercise time) as HH:MM, or null without a start time. */
export function storyTime(scenario: Scenario, tick: number): string | null {
  const m = /^(\d\d):(\d\d)$/.exec(scenario.meta.start_time ?? "");
  if (!m) return null;
  const total = Number(m[1]) * 60 + Number(m[2]) + Math.floor(Math.max(0, tick) / 60);
  return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
}
/** A span of time: "45 s", "3 min", "2 min 15 s", "1 h 05 min" (units read the same in en/fr/de). */
export function span(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${pad(s % 60)} s` : `${s / 60} min`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

// --- names ---------------------------------------------------------------------------------------
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

// --- the events list -----------------------------------------------------------------------------
export type ExpectedState = "not_fired" | "waiting" | "met" | "missed";
export interface ExpectedRow {
  id: string;
  by: string[];
  state: ExpectedState;
  /** Time allowed after the inject fires (seconds), when known. */
  within: number | null;
  /** Tick by which it must be done (fired injects only). */
  deadline: number | null;
  /** Seconds left (waiting only); 0 when the deadline is reached and the miss is about to be recorded. */
  left: number | null;
  metAt: number | null;
  /** Seconds from the inject firing to the action that met it. */
  latency: number | null;
  doneBy: string[];
  /** Roles that have not acted (for a miss: who missed it). */
  missing: string[];
  note: Text | null;
}
export type InjectOverall = "pending" | "delivered" | "waiting" | "met" | "missed" | "partly_missed";
export interface InjectRow {
  id: string;
  title: Text;
  adhoc: boolean;
  trigger: InjectStatus["trigger"];
  status: "pending" | "fired";
  /** Due time of an `at` trigger, and seconds until then (pending only). */
  at: number | null;
  dueIn: number | null;
  condition: Condition | null;
  delay: number | null;
  contingencyFor: { inject: string; expected: string } | null;
  fired: number | null;
  expected: ExpectedRow[];
  overall: InjectOverall;
  /** Exercise control may fire it now (it has not fired yet). */
  canFire: boolean;
  deliveries: { from: string; to: string[]; channel: string; kind: string }[];
  note: Text | null;
}

function overallOf(fired: number | null, expected: ExpectedRow[]): InjectOverall {
  if (fired === null) return "pending";
  if (expected.length === 0) return "delivered";
  const missed = expected.filter((e) => e.state === "missed").length;
  const met = expected.filter((e) => e.state === "met").length;
  if (missed > 0) return met > 0 || missed < expected.length ? "partly_missed" : "missed";
  return met === expected.length ? "met" : "waiting";
}

/** One row per inject, in scenario order, then the ad-hoc ones in the order they were added. */
export function injectRows(snapshot: ConsoleSnapshot | null, scenario: Scenario, tick: number): InjectRow[] {
  const status = new Map((snapshot?.injects ?? []).map((s) => [s.id, s]));
  const rows: InjectRow[] = [];
  const build = (id: string, st: InjectStatus | undefined, inj: Scenario["injects"][number] | undefined): InjectRow => {
    const fired = st?.fired ?? null;
    const t = inj?.trigger;
    const trigger: InjectStatus["trigger"] = st?.trigger ?? (!t ? "manual" : "at" in t ? "at" : "when" in t ? "when" : "contingency_for" in t ? "contingency" : "manual");
    const at = t && "at" in t ? t.at : (st?.at ?? null);
    const specs = inj?.expected ?? [];
    const fallback: InjectStatus["expected"] = specs.map((e) => ({ id: e.id, by: e.by, deadline: e.within, doneBy: [], met: null, missed: false, ...(e.note ? { note: e.note } : {}) }));
    const expected: ExpectedRow[] = (st?.expected ?? fallback)
      .map((x) => {
        const spec = specs.find((e) => e.id === x.id);
        const within = spec ? spec.within : fired === null ? x.deadline : x.deadline - fired;
        const missing = x.by.filter((r) => !x.doneBy.includes(r));
        if (fired === null) {
          return { id: x.id, by: x.by, state: "not_fired" as const, within, deadline: null, left: null, metAt: null, latency: null, doneBy: [], missing, note: x.note ?? spec?.note ?? null };
        }
        const state: ExpectedState = x.met !== null ? "met" : x.missed ? "missed" : "waiting";
        return {
          id: x.id, by: x.by, state, within, deadline: x.deadline,
          left: state === "waiting" ? Math.max(0, x.deadline - tick) : null,
          metAt: x.met, latency: x.met !== null ? Math.max(0, x.met - fired) : null,
          doneBy: x.doneBy, missing: state === "met" ? [] : missing, note: x.note ?? spec?.note ?? null,
        };
      });
    return {
      id, title: st?.title ?? inj?.title ?? { en: id }, adhoc: st?.adhoc ?? !inj, trigger,
      status: fired === null ? "pending" : "fired",
      at: trigger === "at" ? at : null,
      dueIn: fired === null && trigger === "at" && at !== null ? Math.max(0, at - tick) : null,
      condition: t && "when" in t ? t.when : null,
      delay: t && "when" in t ? (t.delay ?? null) : null,
      contingencyFor: t && "contingency_for" in t ? { ...t.contingency_for } : null,
      fired, expected, overall: overallOf(fired, expected), canFire: fired === null,
      deliveries: (inj?.deliver ?? []).map((d) => ({ from: d.from, to: [...d.to], channel: d.channel, kind: d.kind })),
      note: inj?.note ?? null,
    };
  };
  for (const inj of scenario.injects) rows.push(build(inj.id, status.get(inj.id), inj));
  for (const st of snapshot?.injects ?? []) if (!scenario.injects.some((i) => i.id === st.id)) rows.push(build(st.id, st, undefined));
  return rows;
}

/** A trigger condition in plain words, through the console's translation keys (cond.*). */
export function describeCondition(c: Condition, tr: Tr, name: (id: string) => string = (id) => id): string {
  const range = (x: { above?: number; below?: number }) => [x.above !== undefined ? `> ${x.above}` : "", x.below !== undefined ? `< ${x.below}` : ""].filter(Boolean).join(", ");
  const parts = (o: Record<string, unknown>) =>
    Object.entries(o).filter(([k, v]) => v !== undefined && k !== "before").map(([k, v]) => (k === "to" || k === "from" || k === "unit" || k === "target" || k === "by" ? `${k} ${name(String(v))}` : String(v))).join(", ");
  if ("all" in c) return c.all.map((x) => describeCondition(x, tr, name)).join(` ${tr("console:cond.and")} `);
  if ("any" in c) return c.any.map((x) => describeCondition(x, tr, name)).join(` ${tr("console:cond.or")} `);
  if ("not" in c) return tr("console:cond.not", { c: describeCondition(c.not, tr, name) });
  if ("at" in c) return tr("console:cond.at", { time: clock(c.at) });
  if ("inject_fired" in c) return tr("console:cond.inject_fired", { inject: c.inject_fired });
  if ("crosses_border" in c) {
    const x = c.crosses_border;
    return x.into ? tr("console:cond.crosses_into", { who: name(x.who), into: x.into }) : tr("console:cond.crosses_border", { who: name(x.who) });
  }
  if ("enters_site" in c) return tr("console:cond.enters_site", { who: name(c.enters_site.who), site: name(c.enters_site.site) });
  if ("message_sent" in c) return tr("console:cond.message_sent", { detail: parts(c.message_sent) });
  if ("order_given" in c) return tr("console:cond.order_given", { detail: parts(c.order_given) });
  if ("violation" in c) return tr("console:cond.violation", { detail: parts(c.violation) || "*" });
  if ("actor_state" in c) return tr("console:cond.actor_state", { actor: name(c.actor_state.actor), state: tr(`console:actorState.${c.actor_state.is}`) });
  if ("tension" in c) return tr("console:cond.tension", { crowd: name(c.tension.crowd), range: range(c.tension) });
  if ("agitation" in c) return tr("console:cond.agitation", { actor: name(c.agitation.actor), range: range(c.agitation) });
  if ("expected_met" in c) return tr("console:cond.expected_met", { ref: `${c.expected_met.inject}/${c.expected_met.expected}` });
  const a = c.action_taken.do;
  const [kind, detail] = Object.entries(a)[0] ?? ["", {}];
  return tr("console:cond.action_taken", { detail: [kind.replaceAll("_", " "), parts(detail as Record<string, unknown>)].filter(Boolean).join(": ") });
}

// --- objectives ----------------------------------------------------------------------------------
export interface ObjectiveRow {
  id: string;
  title: Text;
  rating: Rating;
  /** Translation key of the rating's word (Performed / Some challenges / Major challenges / Unable). */
  word: string;
  reasons: string[];
  rated: { id: string; title: Text | null }[];
  weight: number;
  achievedAt: number | null;
  /** The outcome is not reached yet but still can be (before its deadline): the rating is provisional. */
  open: boolean;
  deadline: number | null;
}
export const RATING_WORD: Record<Rating, string> = { P: "console:rating.P", S: "console:rating.S", M: "console:rating.M", U: "console:rating.U" };
export const RATING_SYMBOL: Record<Rating, string> = { P: "✓", S: "◐", M: "▲", U: "✗" };

export function objectiveRows(snapshot: ConsoleSnapshot | null, scenario: Scenario): ObjectiveRow[] {
  const status = new Map<string, ObjectiveStatus>((snapshot?.objectives ?? []).map((o) => [o.id, o]));
  const tick = snapshot?.tick ?? 0;
  return scenario.objectives.map((o) => {
    const st = status.get(o.id);
    const achievedAt = st?.achievedAt ?? null;
    const rating: Rating = st?.rating ?? "P";
    return {
      id: o.id, title: st?.title ?? o.title, rating, word: RATING_WORD[rating], reasons: st?.reasons ?? [],
      rated: (st?.rated ?? o.rated).map((r) => ({ id: r, title: scenario.roles.find((x) => x.id === r)?.title ?? null })),
      weight: o.weight, achievedAt,
      open: !!o.achieve && achievedAt === null && (o.by === undefined || tick < o.by),
      deadline: o.by ?? null,
    };
  });
}

// --- participants --------------------------------------------------------------------------------
export interface ParticipantLike { id: string; pseudonym: string; role: string; kind: string; connected: boolean }
export interface ParticipantGroup {
  role: string;
  /** A scenario role, or the exercise control / evaluator seats, or a role the scenario does not know. */
  kind: "role" | "instructor" | "evaluator" | "other";
  title: Text | null;
  max: number | null;
  players: { id: string; pseudonym: string; kind: string; connected: boolean }[];
  connected: number;
  /** Nobody holds this role. */
  empty: boolean;
  /** Someone holds it but nobody is connected now. */
  unstaffed: boolean;
  /** More players than the role allows. */
  over: boolean;
}

export function participantRows(participants: readonly ParticipantLike[], scenario: Scenario): ParticipantGroup[] {
  const group = (role: string, kind: ParticipantGroup["kind"], title: Text | null, max: number | null, list: ParticipantLike[]): ParticipantGroup => {
    const players = [...list]
      .sort((a, b) => Number(b.connected) - Number(a.connected) || a.pseudonym.localeCompare(b.pseudonym))
      .map((p) => ({ id: p.id, pseudonym: p.pseudonym, kind: p.kind, connected: p.connected }));
    const connected = players.filter((p) => p.connected).length;
    return { role, kind, title, max, players, connected, empty: players.length === 0, unstaffed: players.length > 0 && connected === 0, over: max !== null && players.length > max };
  };
  const roles = new Set(scenario.roles.map((r) => r.id));
  const groups = scenario.roles.map((r) => group(r.id, "role", r.title, r.max_players, participants.filter((p) => p.role === r.id && p.kind === "trainee")));
  for (const kind of ["instructor", "evaluator"] as const) {
    const list = participants.filter((p) => p.kind === kind);
    if (list.length) groups.push(group(kind, kind, null, null, list));
  }
  const others = [...new Set(participants.filter((p) => p.kind === "trainee" && !roles.has(p.role)).map((p) => p.role))].sort();
  for (const r of others) groups.push(group(r, "other", null, null, participants.filter((p) => p.kind === "trainee" && p.role === r)));
  return groups;
}

// --- who exercise control plays ------------------------------------------------------------------
export interface PlayedParty { id: string; kind: "party" | "desk"; name: Text; country: string; what: string }

/** Parties marked played_by: instructor, then desks run by such a party or staffed by no role. */
export function instructorParties(scenario: Scenario): PlayedParty[] {
  const played = scenario.parties.filter((p) => p.played_by === "instructor");
  const staffed = new Set(scenario.roles.flatMap((r) => r.desks));
  const desks = scenario.desks.filter((d) => (d.party ? played.some((p) => p.id === d.party) : !staffed.has(d.id)));
  return [
    ...played.map((p) => ({ id: p.id, kind: "party" as const, name: p.name, country: p.country, what: p.agency })),
    ...desks.map((d) => ({ id: d.id, kind: "desk" as const, name: d.name, country: d.country, what: d.kind })),
  ];
}

// --- ad-hoc injects --------------------------------------------------------------------------------
export interface AdhocForm {
  title: string;
  /** Party or desk that speaks. */
  from: string;
  /** Roles, desks, parties, or "all". */
  to: string[];
  channel: string;
  kind: string;
  text: string;
  expected?: {
    by: string[];
    who?: "any" | "all";
    do: { message: { kind: string; to?: string } } | { order: { type: string } };
    withinMinutes: number;
  } | null;
}
export type AdhocField = "title" | "from" | "to" | "channel" | "kind" | "text" | "expected.by" | "expected.do" | "expected.within" | "form";
export interface FieldError { field: AdhocField; message: string; /** console translation key, when the console has its own words for it */ key?: string }
export type AdhocResult =
  | { ok: true; id: string; /** what to send in the adhoc_inject command (durations as text, as the room validates them) */ input: InjectInput; /** the same, as the engine will hold it */ inject: Inject }
  | { ok: false; errors: FieldError[] };

export interface AdhocOptions {
  from: { id: string; kind: "party" | "desk"; name: Text; played: boolean }[];
  to: { id: string; kind: "all" | "role" | "desk" | "party"; name: Text | null }[];
  roles: { id: string; name: Text }[];
  channels: readonly string[];
  kinds: readonly string[];
  orders: readonly string[];
}

/** The choices of the ad-hoc inject form: who may speak (instructor-played first), who may receive. */
export function adhocOptions(scenario: Scenario): AdhocOptions {
  const played = new Set(instructorParties(scenario).map((p) => p.id));
  const speakers = [
    ...scenario.parties.map((p) => ({ id: p.id, kind: "party" as const, name: p.name, played: played.has(p.id) })),
    ...scenario.desks.map((d) => ({ id: d.id, kind: "desk" as const, name: d.name, played: played.has(d.id) })),
  ];
  return {
    from: [...speakers.filter((s) => s.played), ...speakers.filter((s) => !s.played)],
    to: [
      { id: "all", kind: "all", name: null },
      ...scenario.roles.map((r) => ({ id: r.id, kind: "role" as const, name: r.title })),
      ...scenario.desks.map((d) => ({ id: d.id, kind: "desk" as const, name: d.name })),
      ...scenario.parties.map((p) => ({ id: p.id, kind: "party" as const, name: p.name })),
    ],
    roles: scenario.roles.map((r) => ({ id: r.id, name: r.title })),
    channels: CHANNELS, kinds: MESSAGE_KINDS, orders: ORDER_TYPES,
  };
}

/** "adhoc-N", the first N that no inject of the scenario, of the snapshot or in `taken` uses. */
export function nextAdhocId(scenario: Scenario, taken: Iterable<string> = []): string {
  const used = new Set([...scenario.injects.map((i) => i.id), ...taken]);
  let n = 1;
  while (used.has(`adhoc-${n}`)) n += 1;
  return `adhoc-${n}`;
}

const worlds = new WeakMap<Scenario, World>();
/** Just enough of an engine context for the ad-hoc check: the world and the ids of units and actors. */
function checkCtx(scenario: Scenario): Ctx {
  let world = worlds.get(scenario);
  if (!world) worlds.set(scenario, (world = buildWorld(scenario)));
  const state = {
    units: Object.fromEntries(scenario.units.map((u) => [u.id, { id: u.id }])),
    actors: Object.fromEntries(scenario.actors.map((a) => [a.id, { id: a.id, kind: a.kind }])),
    adhoc: {},
    injects: {},
  } as unknown as SimState;
  return { world, state, rng: undefined as never, events: [] };
}

const FIELD_OF_PATH: Record<string, AdhocField> = { title: "title", from: "from", to: "to", channel: "channel", kind: "kind", text: "text", by: "expected.by", do: "expected.do", within: "expected.within" };

/**
 * The ad-hoc inject form turned into an Inject: checked with the scenario schema and with the same
 * ad-hoc check the engine runs, so a mistake is shown beside its field and never sent. The inject's
 * trigger is manual: the engine fires a manual ad-hoc inject the moment it arrives.
 */
export function adhocInjectFromForm(form: AdhocForm, scenario: Scenario, taken: Iterable<string> = []): AdhocResult {
  const errors: FieldError[] = [];
  const err = (field: AdhocField, key: string, message: string) => errors.push({ field, key, message });
  const title = form.title.trim();
  const text = form.text.trim();
  const to = [...new Set(form.to.map((x) => x.trim()).filter(Boolean))];
  if (!title) err("title", "console:err.title", "Give the inject a title.");
  if (!form.from.trim()) err("from", "console:err.from", "Choose who speaks.");
  if (to.length === 0) err("to", "console:err.to", "Choose at least one recipient.");
  if (!text) err("text", "console:err.text", "Write the message the recipients receive.");
  const x = form.expected;
  if (x) {
    if (x.by.length === 0) err("expected.by", "console:err.expected_by", "Choose the role(s) expected to act.");
    if (!Number.isInteger(x.withinMinutes) || x.withinMinutes < 1 || x.withinMinutes > 24 * 60) err("expected.within", "console:err.within", "Allow a whole number of minutes, from 1 to 1440.");
    if ("message" in x.do && x.do.message.to && !checkCtx(scenario).world.reach.has(x.do.message.to)) err("expected.do", "console:err.expected_to", `No role, desk or party "${x.do.message.to}".`);
  }
  if (errors.length) return { ok: false, errors };

  const id = nextAdhocId(scenario, taken);
  const input: InjectInput = {
    id,
    title,
    trigger: { manual: true },
    deliver: [{ from: form.from.trim(), to, channel: form.channel as never, kind: form.kind as never, text }],
    ...(x
      ? {
          expected: [{
            id: "respond",
            by: [...new Set(x.by)],
            who: x.who ?? "any",
            do: ("message" in x.do
              ? { message: { kind: x.do.message.kind, ...(x.do.message.to ? { to: x.do.message.to } : {}) } }
              : { order: { type: x.do.order.type } }) as never,
            within: `${x.withinMinutes}m`,
          }],
        }
      : {}),
  };
  const parsed = Inject.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = [...issue.path].reverse().find((p) => typeof p === "string" && p in FIELD_OF_PATH);
      const field: AdhocField = key === undefined ? "form" : (FIELD_OF_PATH[key as string] ?? "form");
      const path = issue.path.map(String);
      // Inside an expected action, "to"/"kind" belong to what is expected, not to the delivery.
      errors.push({ field: path[0] === "expected" && field !== "expected.by" && field !== "expected.within" ? "expected.do" : field, message: issue.message });
    }
    return { ok: false, errors };
  }
  const problem = adhocProblem(checkCtx(scenario), parsed.data);
  if (problem) {
    const quoted = /"([^"]+)"/.exec(problem)?.[1];
    // The engine names expected roles as `no role "x"`, speakers as `no role, desk or party "x"`.
    const field: AdhocField = quoted === undefined ? "form"
      : problem.startsWith("no role \"") ? "expected.by"
      : quoted === form.from.trim() ? "from"
      : to.includes(quoted) ? "to"
      : "form";
    return { ok: false, errors: [{ field, message: problem }] };
  }
  return { ok: true, id, input, inject: parsed.data };
}

// --- violations ----------------------------------------------------------------------------------
/** The legal findings, newest first. */
export function violationRows(snapshot: ConsoleSnapshot | null): ConsoleSnapshot["violations"] {
  return [...(snapshot?.violations ?? [])].reverse();
}
