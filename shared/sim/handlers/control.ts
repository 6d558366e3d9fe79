// Exercise control: fire a planned inject now, add an ad-hoc one, end the exercise.
import type { Command } from "../commands.ts";
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { allInjects, fireInject } from "../injects.ts";
import { adhocProblem } from "../adhoc-check.ts";
import { lawEnd } from "../law/index.ts";
import { objectivesAtEnd } from "../objectives.ts";
import { reject, type Rejection } from "../orders/common.ts";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

export function handleFireInject(ctx: Ctx, c: Of<"fire_inject">): Rejection | null {
  const inject = allInjects(ctx).find((i) => i.id === c.inject);
  if (!inject) return reject("inject/unknown", `no inject "${c.inject}"`);
  if (ctx.state.injects[inject.id]?.fired !== null) return reject("inject/already_fired", `${c.inject} has already fired`);
  fireInject(ctx, inject, true);
  return null;
}

export function handleAdhocInject(ctx: Ctx, c: Of<"adhoc_inject">): Rejection | null {
  if (allInjects(ctx).some((i) => i.id === c.inject.id)) return reject("inject/duplicate_id", `an inject "${c.inject.id}" exists already`);
  const problem = adhocProblem(ctx, c.inject);
  if (problem) return reject("inject/invalid", problem);
  ctx.state.adhoc[c.inject.id] = c.inject;
  ctx.state.injects[c.inject.id] = { fired: null, expected: {} };
  // Ad-hoc injects with a timed or manual trigger fire now; conditional ones wait for their condition.
  const t = c.inject.trigger;
  if ("manual" in t || ("at" in t && t.at <= ctx.state.tick)) fireInject(ctx, c.inject, true);
  return null;
}

export function handleEnd(ctx: Ctx, c: Of<"end">): Rejection | null {
  // Whatever was still expected when the exercise stops was not done.
  for (const inject of allInjects(ctx)) {
    const rt = ctx.state.injects[inject.id];
    for (const e of inject.expected) {
      const x = rt?.expected[e.id];
      if (!x || x.met !== null || x.missed) continue;
      x.missed = true;
      emit(ctx, { type: "expected_missed", inject: inject.id, expected: e.id, roles: e.by.filter((r) => !x.doneBy.includes(r)) });
    }
  }
  lawEnd(ctx);
  objectivesAtEnd(ctx);
  ctx.state.ended = true;
  emit(ctx, { type: "exercise_ended", reason: c.reason });
  return null;
}
