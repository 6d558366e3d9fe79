// step(): the only thing that changes a simulation. Commands first, then the systems in a fixed,
// listed order; the events of the tick come back in the order they happened.
import { awarenessSystem } from "./awareness.ts";
import { crowdSystem } from "./actors/crowd.ts";
import { fleeingSystem } from "./actors/fleeing.ts";
import { hostageSystem } from "./actors/hostage.ts";
import type { Envelope } from "./commands.ts";
import type { Ctx } from "./context.ts";
import { geographySystem } from "./geography.ts";
import { applyCommand } from "./handlers/index.ts";
import { injectSystem } from "./injects.ts";
import { objectivesSystem } from "./objectives.ts";
import { lawTick } from "./law/index.ts";
import type { Rejection } from "./orders/common.ts";
import { openRng } from "./rng.ts";
import type { SimEvent, SimState } from "./types.ts";
import type { World } from "./world/world.ts";
import { unitsSystem as unitsSystemStep } from "./units-system.ts";

export interface Sim { world: World; state: SimState }

export interface StepResult { events: SimEvent[]; rejections: (Rejection | null)[] }

export const SYSTEM_ORDER = ["commands", "actors", "units", "geography", "law", "injects", "objectives", "awareness"] as const;

export function step(sim: Sim, commands: readonly Envelope[] = []): StepResult {
  const { world, state } = sim;
  const ctx: Ctx = { world, state, rng: openRng(state.rng), events: [] };
  const rejections = commands.map((c) => applyCommand(ctx, c));
  if (!state.ended) {
    for (const a of Object.values(state.actors)) {
      if (a.kind === "fleeing_vehicle") fleeingSystem(ctx, a);
      else if (a.kind === "hostage_takers") hostageSystem(ctx, a);
      else if (a.kind === "crowd") crowdSystem(ctx, a);
    }
    unitsSystemStep(ctx);
    geographySystem(ctx);
    lawTick(ctx);
    injectSystem(ctx);
    objectivesSystem(ctx);
    awarenessSystem(ctx);
    state.tick += 1;
  }
  state.rng = ctx.rng.state();
  return { events: ctx.events, rejections };
}
