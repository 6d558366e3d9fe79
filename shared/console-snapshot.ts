// Exercise control's live picture (ConsoleSnapshot) from the engine state and the events so far:
// the master events list with its expected actions, the objectives as the scorer rates them now,
// the legal findings and the overall rating. The room calls it about once a second, so it reads the
// state directly and scores only the few event types the scorer looks at.
import type { ConsoleSnapshot, InjectStatus } from "./protocol.ts";
import type { Inject, Scenario } from "./scenario/schema.ts";
import type { Evaluations } from "./score/evaluations.ts";
import { scoreExercise } from "./score/scorecard.ts";
import type { EventOf, SimEvent, SimState } from "./sim/types.ts";

/** The only event types scoring reads (see shared/score/objectives.ts). */
const SCORED = new Set<SimEvent["type"]>(["objective_achieved", "objective_final", "expected_met", "expected_missed", "violation"]);

// The room passes the same growing array each second: remember how far it was filtered.
const filtered = new WeakMap<SimEvent[], { seen: number; scored: SimEvent[] }>();
function scoredEvents(events: SimEvent[]): SimEvent[] {
  let c = filtered.get(events);
  if (!c || c.seen > events.length) filtered.set(events, (c = { seen: 0, scored: [] }));
  for (let i = c.seen; i < events.length; i++) {
    const e = events[i] as SimEvent;
    if (SCORED.has(e.type)) c.scored.push(e);
  }
  c.seen = events.length;
  return c.scored;
}

export function triggerKind(inject: Pick<Inject, "trigger">): InjectStatus["trigger"] {
  const t = inject.trigger;
  return "at" in t ? "at" : "when" in t ? "when" : "contingency_for" in t ? "contingency" : "manual";
}

function injectStatus(inject: Inject, state: SimState, adhoc: boolean): InjectStatus {
  const rt = state.injects[inject.id];
  const fired = rt?.fired ?? null;
  const t = inject.trigger;
  return {
    id: inject.id,
    title: inject.title,
    trigger: triggerKind(inject),
    ...("at" in t ? { at: t.at } : {}),
    adhoc,
    fired,
    expected: inject.expected.map((e) => {
      const x = rt?.expected[e.id];
      return {
        id: e.id,
        by: [...e.by],
        // Before the inject fires there is no deadline yet: the time allowed (seconds) stands in for it.
        deadline: x ? x.deadline : e.within,
        doneBy: x ? [...x.doneBy] : [],
        met: x ? x.met : null,
        missed: x ? x.missed : false,
        ...(e.note ? { note: e.note } : {}),
      };
    }),
  };
}

/**
 * The console snapshot of an exercise now. `events` are all events so far (passing the same growing
 * array each call keeps it cheap); `evaluations` are evaluators' ratings to merge into the live rating.
 * For an inject that has not fired, each expected action's `deadline` is the time allowed after firing.
 */
export function consoleSnapshot(scenario: Scenario, state: SimState, events: SimEvent[], evaluations?: Evaluations): ConsoleSnapshot {
  const scored = scoredEvents(events);
  const card = scoreExercise(scenario, scored, evaluations);
  const injects = [
    ...scenario.injects.map((i) => injectStatus(i, state, false)),
    ...Object.values(state.adhoc).filter((i) => !scenario.injects.some((s) => s.id === i.id)).map((i) => injectStatus(i, state, true)),
  ];
  const objectives = card.objectives.map((o) => ({
    id: o.id,
    title: o.title,
    rated: [...o.rated],
    rating: o.final,
    reasons: [...o.reasons],
    why: structuredClone(o.why),
    achievedAt: o.outcome.kind === "achieved" ? o.outcome.at : (state.objectives[o.id] ?? null),
  }));
  const violations = scored
    .filter((e): e is EventOf<"violation"> => e.type === "violation")
    .map((v) => ({ t: v.t, code: v.code, article: v.article, role: v.role, ...(v.unit ? { unit: v.unit } : {}), detail: v.detail }));
  return { tick: state.tick, injects, objectives, violations, overall: { rating: card.overall.rating, score: card.overall.score } };
}
