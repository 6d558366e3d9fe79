// The ad-hoc inject form as data: the choices it offers, the next free id, and the form turned into
// an Inject checked with the scenario schema and with the engine's own ad-hoc check, so a mistake is
// shown beside its field and never sent. Needs a minimal engine context, built once per scenario.
import type { z } from "zod";
import { Inject, type Scenario } from "../../../shared/scenario/schema.ts";
import { CHANNELS, MESSAGE_KINDS, ORDER_TYPES } from "../../../shared/scenario/vocab.ts";
import { adhocProblem } from "../../../shared/sim/adhoc-check.ts";
import type { Ctx } from "../../../shared/sim/context.ts";
import type { SimState } from "../../../shared/sim/types.ts";
import { buildWorld, type World } from "../../../shared/sim/world/world.ts";
import type { Text } from "./format.ts";
import { instructorParties } from "./parties.ts";

export type InjectInput = z.input<typeof Inject>;

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
