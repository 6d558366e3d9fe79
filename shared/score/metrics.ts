// Measures computed from the exercise log's events (DOMAIN.md, "metrics a simulator can compute"):
// what happened, how fast, and through which channels. Pure functions of scenario and events.
import type { Scenario } from "../scenario/schema.ts";
import { byCode } from "../sim/order-by.ts";
import type { EventOf, SimEvent } from "../sim/types.ts";

type Ev<T extends SimEvent["type"]> = EventOf<T>;
const of = <T extends SimEvent["type"]>(events: SimEvent[], type: T) => events.filter((e): e is Ev<T> => e.type === type);

export interface Metrics {
  /** Each foreign unit's entry into another state: seconds between the host being told and the crossing
   *  (positive: told that long before; 0: in the same second; null: never told before it left). */
  notificationLatency: { t: number; unit: string; from: string; into: string; notifiedAt: number | null; lead: number | null }[];
  /** Each stop request: when each pursuing unit of the sending state broke off (null: never). */
  stopCompliance: { t: number; host: string; sending: string; units: { unit: string; brokeOffAt: number | null; after: number | null }[] }[];
  violationCounts: Record<string, number>;
  limitAndPremises: { limitExceeded: number; privatePremises: number };
  surveillance: { t: number; code: string; unit?: string; detail: string }[];
  spoc: { requests: number; answered: number; inTime: number; late: number; delayNotices: number; incomplete: number; wrongLanguage: number; noOwnSpocCopy: number };
  injectResponse: { inject: string; expected: string; status: "met" | "missed"; latency: number | null; roles: string[] }[];
  expectedCoverage: { met: number; missed: number; share: number | null; byRole: Record<string, { met: number; missed: number }> };
  decisions: { total: number; withLegalBasis: number; byRole: Record<string, number> };
  messages: { total: number; crossBorder: number; viaPcccOrSpoc: number; shareViaPcccOrSpoc: number | null; pairs: { from: string; to: string; count: number }[] };
  factsSeen: Record<string, { seen: number; of: number; actors: string[] }>;
  outcome: { objective: string; achievedAt: number | null; holdsAtEnd: boolean }[];
}

export function computeMetrics(s: Scenario, events: SimEvent[]): Metrics {
  const unitCountry = new Map<string, string>(s.units.map((u) => [u.id, s.parties.find((p) => p.id === u.party)?.country ?? ""]));
  const countryOf = new Map<string, string>();
  for (const p of s.parties) countryOf.set(p.id, p.country);
  for (const d of s.desks) countryOf.set(d.id, d.country);
  for (const r of s.roles) countryOf.set(r.id, countryOf.get(r.party) ?? "");
  const messages = of(events, "message_sent");
  const reachesCountry = (m: Ev<"message_sent">, country: string) => [m.to, ...m.cc].some((id) => countryOf.get(id) === country);

  // Notification before each crossing into a foreign state, by anyone of the unit's state.
  const notificationLatency = of(events, "border_crossed")
    .filter((c) => unitCountry.has(c.who) && c.into !== unitCountry.get(c.who))
    .map((c) => {
      const from = unitCountry.get(c.who) ?? "";
      const told = messages.filter((m) => m.t <= c.t && countryOf.get(m.by) === from && reachesCountry(m, c.into));
      const last = told[told.length - 1];
      return { t: c.t, unit: c.who, from: c.from, into: c.into, notifiedAt: last ? last.t : null, lead: last ? c.t - last.t : null };
    });

  const orders = of(events, "order_given");
  const CHASE = ["pursue", "stop", "apprehend", "arrest"];
  const stopCompliance = of(events, "stop_requested").map((r) => {
    // Units whose standing order at the request was a chase of the actor concerned.
    const latest = new Map<string, Ev<"order_given">>();
    for (const o of orders) if (o.t <= r.t && unitCountry.get(o.unit) === r.sending) latest.set(o.unit, o);
    const pursuing = new Set([...latest.values()].filter((o) => CHASE.includes(o.order) && (r.actor === undefined || o.target === r.actor)).map((o) => o.unit));
    return {
      t: r.t, host: r.host, sending: r.sending,
      units: [...pursuing].sort().map((unit) => {
        const next = orders.find((o) => o.t >= r.t && o.unit === unit && !CHASE.includes(o.order));
        return { unit, brokeOffAt: next ? next.t : null, after: next ? next.t - r.t : null };
      }),
    };
  });

  const violations = of(events, "violation");
  const violationCounts: Record<string, number> = {};
  for (const v of violations) violationCounts[v.code] = (violationCounts[v.code] ?? 0) + 1;

  const spocDesks = new Set(s.desks.filter((d) => d.kind === "spoc").map((d) => d.id));
  const pcccOrSpoc = new Set(s.desks.filter((d) => d.kind === "spoc" || d.kind === "pccc").map((d) => d.id));
  for (const r of s.roles) if (r.desks.some((d) => pcccOrSpoc.has(d))) pcccOrSpoc.add(r.id);
  const requests = messages.filter((m) => m.kind === "request" && [m.to, ...m.cc].some((id) => spocDesks.has(id)));
  const deadlines = of(events, "spoc_deadline");
  const count = (code: string) => violationCounts[code] ?? 0;

  const injectResponse = [
    ...of(events, "expected_met").map((e) => ({ inject: e.inject, expected: e.expected, status: "met" as const, latency: e.latency, roles: e.by, t: e.t })),
    ...of(events, "expected_missed").map((e) => ({ inject: e.inject, expected: e.expected, status: "missed" as const, latency: null, roles: e.roles, t: e.t })),
  ].sort((a, b) => a.t - b.t || byCode(a.inject, b.inject)).map(({ t: _t, ...rest }) => rest);
  const byRole: Record<string, { met: number; missed: number }> = {};
  for (const r of injectResponse) for (const role of r.roles) {
    const x = (byRole[role] ??= { met: 0, missed: 0 });
    if (r.status === "met") x.met += 1; else x.missed += 1;
  }
  const met = injectResponse.filter((r) => r.status === "met").length;
  const missed = injectResponse.length - met;

  const decisions = of(events, "decision_recorded");
  const decisionsByRole: Record<string, number> = {};
  for (const d of decisions) decisionsByRole[d.by] = (decisionsByRole[d.by] ?? 0) + 1;

  const trainee = messages.filter((m) => m.by !== "instructor");
  const crossBorder = trainee.filter((m) => [m.to, ...m.cc].some((id) => countryOf.get(id) !== countryOf.get(m.by)));
  const via = crossBorder.filter((m) => [m.from, m.to, ...m.cc].some((id) => pcccOrSpoc.has(id)));
  const pairMap = new Map<string, number>();
  for (const m of trainee) pairMap.set(`${m.from}\u0000${m.to}`, (pairMap.get(`${m.from}\u0000${m.to}`) ?? 0) + 1);

  const factsSeen: Metrics["factsSeen"] = {};
  for (const r of s.roles) {
    const actors = of(events, "seen").filter((e) => e.role === r.id).map((e) => e.actor);
    factsSeen[r.id] = { seen: actors.length, of: s.actors.length, actors };
  }

  return {
    notificationLatency,
    stopCompliance,
    violationCounts,
    limitAndPremises: { limitExceeded: count("pursuit/limit_exceeded"), privatePremises: count("any/entered_private_premises") },
    surveillance: violations.filter((v) => v.code.startsWith("surveillance/")).map((v) => ({ t: v.t, code: v.code, ...(v.unit ? { unit: v.unit } : {}), detail: v.detail })),
    spoc: {
      requests: requests.length, answered: deadlines.length, inTime: deadlines.filter((d) => d.met).length, late: count("spoc/deadline_missed"),
      delayNotices: messages.filter((m) => m.kind === "delay_notice").length, incomplete: count("spoc/request_incomplete"),
      wrongLanguage: count("spoc/wrong_language"), noOwnSpocCopy: count("spoc/direct_request_without_own_spoc_copy"),
    },
    injectResponse,
    expectedCoverage: { met, missed, share: injectResponse.length ? met / injectResponse.length : null, byRole },
    decisions: { total: decisions.length, withLegalBasis: decisions.filter((d) => d.legalBasis).length, byRole: decisionsByRole },
    messages: {
      total: trainee.length, crossBorder: crossBorder.length, viaPcccOrSpoc: via.length,
      shareViaPcccOrSpoc: crossBorder.length ? via.length / crossBorder.length : null,
      pairs: [...pairMap.entries()].map(([k, count2]) => { const [from = "", to = ""] = k.split("\u0000"); return { from, to, count: count2 }; }).sort((a, b) => b.count - a.count || byCode(a.from, b.from) || byCode(a.to, b.to)),
    },
    factsSeen,
    outcome: of(events, "objective_final").map((e) => ({ objective: e.objective, achievedAt: e.achievedAt, holdsAtEnd: e.holdsAtEnd })),
  };
}
