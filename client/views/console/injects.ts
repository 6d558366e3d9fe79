// The master events list as data: one row per inject (scenario order, then ad-hoc ones), with how
// it is triggered, whether it fired, and the state of each expected action (waiting, met, missed) at
// the current tick. Built from the scenario plus the live snapshot, so a row exists before it fires.
import type { ConsoleSnapshot, InjectStatus } from "../../../shared/protocol.ts";
import type { Condition } from "../../../shared/scenario/conditions.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Text } from "./format.ts";

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
