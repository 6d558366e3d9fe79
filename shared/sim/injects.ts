// The master events list at run time: timed, conditional, contingency and manual injects; expected
// player actions with their deadlines; world effects. Runs once per tick after the world has moved.
import type { Condition } from "../scenario/conditions.ts";
import type { Inject } from "../scenario/schema.ts";
import { holds } from "./conditions.ts";
import { emit, type Ctx } from "./context.ts";
import { applyEffect } from "./effects.ts";
import { matchesAction } from "./match.ts";
import type { ActionRecord, InjectRuntime } from "./types.ts";


/** Does a condition look at what players did (rather than at the world)? */
function dependsOnPlayers(c: Condition): boolean {
  if ("all" in c) return c.all.some(dependsOnPlayers);
  if ("any" in c) return c.any.some(dependsOnPlayers);
  if ("not" in c) return dependsOnPlayers(c.not);
  return "message_sent" in c || "order_given" in c || "violation" in c || "expected_met" in c || "action_taken" in c;
}

export function allInjects(ctx: Ctx): Inject[] {
  return [...ctx.world.scenario.injects, ...Object.values(ctx.state.adhoc)];
}
const injectById = (ctx: Ctx, id: string) => ctx.world.scenario.injects.find((i) => i.id === id) ?? ctx.state.adhoc[id];

export function fireInject(ctx: Ctx, inject: Inject, manual: boolean): void {
  const s = ctx.state;
  const rt = (s.injects[inject.id] ??= { fired: null, expected: {} });
  if (rt.fired !== null) return;
  rt.fired = s.tick;
  for (const e of inject.expected) rt.expected[e.id] = { deadline: s.tick + e.within, doneBy: [], met: null, missed: false };
  emit(ctx, {
    type: "inject_fired", inject: inject.id, manual,
    deliveries: inject.deliver.map((d) => ({ from: d.from, to: d.to, channel: d.channel, kind: d.kind, text: d.text })),
  });
  for (const effect of inject.effects) applyEffect(ctx, effect);
  // Actions taken unprompted shortly before count where the scenario says so (lookback:), never the
  // very action that made a conditional inject fire in this tick.
  // An action of this very tick counts too, unless the inject fired because of what players did
  // (then that action would answer the inject it caused).
  const t = inject.trigger;
  const sameTickCounts = !("when" in t) || !dependsOnPlayers(t.when);
  for (const a of s.actions) {
    const inWindow = inject.expected.some((e) => a.tick >= s.tick - e.lookback);
    if ((a.tick < s.tick || sameTickCounts) && inWindow) matchExpected(ctx, inject.id, inject, a, rt);
  }
}

/** Timed and conditional triggers, then deadlines of expected actions (whose misses fire contingencies). */
export function injectSystem(ctx: Ctx): void {
  const s = ctx.state;
  for (const inject of allInjects(ctx)) {
    const rt = s.injects[inject.id];
    if (!rt || rt.fired !== null) continue;
    const t = inject.trigger;
    if ("at" in t && s.tick >= t.at) fireInject(ctx, inject, false);
    else if ("when" in t && holds(ctx, t.when)) {
      // A delay counts from the first tick the condition held.
      const key = `pending|${inject.id}`;
      const since = (s.once[key] ??= s.tick);
      if (s.tick >= since + (t.delay ?? 0)) fireInject(ctx, inject, false);
    }
  }
  for (const inject of allInjects(ctx)) {
    const rt = s.injects[inject.id];
    if (!rt || rt.fired === null) continue;
    for (const e of inject.expected) {
      const x = rt.expected[e.id];
      if (!x || x.met !== null || x.missed || s.tick < x.deadline) continue;
      x.missed = true;
      emit(ctx, { type: "expected_missed", inject: inject.id, expected: e.id, roles: e.by.filter((r) => !x.doneBy.includes(r)) });
      for (const c of allInjects(ctx)) {
        const ct = c.trigger;
        if ("contingency_for" in ct && ct.contingency_for.inject === inject.id && ct.contingency_for.expected === e.id) fireInject(ctx, c, false);
      }
    }
  }
}

/** Every action a player takes is checked against the open expected actions at once. */
export function recordAction(ctx: Ctx, action: Omit<ActionRecord, "tick">): void {
  const s = ctx.state;
  const a: ActionRecord = { tick: s.tick, ...action };
  s.actions.push(a);
  for (const [injectId, rt] of Object.entries(s.injects)) {
    if (rt.fired === null) continue;
    const inject = injectById(ctx, injectId);
    if (inject) matchExpected(ctx, injectId, inject, a, rt);
  }
}

function matchExpected(ctx: Ctx, injectId: string, inject: Inject, a: ActionRecord, rt: InjectRuntime): void {
  const s = ctx.state;
  for (const e of inject.expected) {
    const x = rt.expected[e.id];
    if (!x || x.met !== null || x.missed || !e.by.includes(a.role) || x.doneBy.includes(a.role)) continue;
    const fired = rt.fired ?? 0;
    if (a.tick < fired - e.lookback || !matchesAction(e.do, a)) continue;
    x.doneBy.push(a.role);
    if (e.who === "any" || e.by.every((r) => x.doneBy.includes(r))) {
      x.met = s.tick;
      emit(ctx, { type: "expected_met", inject: injectId, expected: e.id, by: [...x.doneBy], latency: Math.max(0, a.tick - (rt.fired ?? a.tick)) });
    }
  }
}
