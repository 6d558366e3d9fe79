// Facts the legal rules ask about: which declaration applies, whether the host was told, whether
// host officers are near, whether a self-defence situation exists.
import type { LawPair } from "../../scenario/schema.ts";
import { HOT_PURSUIT_CATALOGUE, OFFENCES } from "../../scenario/vocab.ts";
import type { Ctx } from "../context.ts";
import { within } from "../movement.ts";
import type { Pt, UnitState } from "../types.ts";
import { lawKey } from "../world/world.ts";

export const PURSUIT_ORDERS = new Set(["pursue", "stop", "apprehend", "arrest"]);
export const EXECUTIVE_ORDERS = new Set(["apprehend", "arrest", "identity_check", "search", "use_force", "intervene", "stop"]);
/** The power each executive order uses (Decision 2008/615/JHA Art. 17(2)). */
export const ORDER_POWER: Record<string, string> = {
  apprehend: "detain", arrest: "arrest", identity_check: "identity_check", search: "stop_and_search",
  use_force: "use_of_force", intervene: "crowd_dispersal", stop: "traffic_control",
};
/** Offences no extradition is given for in practice; everything else counts as extraditable. */
const NOT_EXTRADITABLE = new Set(["public_disorder", "other"]);
export const SURVEILLANCE_CATALOGUE = new Set<string>([...HOT_PURSUIT_CATALOGUE, "migrant_smuggling", "child_sexual_abuse", "fraud", "money_laundering"]);

export function lawFor(ctx: Ctx, host: string, sending: string): LawPair | undefined {
  return ctx.world.law.get(lawKey(host, sending));
}

export function offenceInScope(scope: "catalogue" | "extraditable" | string[], offence: string): boolean {
  if (scope === "catalogue") return (HOT_PURSUIT_CATALOGUE as readonly string[]).includes(offence);
  if (scope === "extraditable") return (OFFENCES as readonly string[]).includes(offence) && !NOT_EXTRADITABLE.has(offence);
  return scope.includes(offence);
}

/** Did a role of `from` tell the host (one of `desks`, or anyone of the host state) between two ticks? */
export function hostTold(ctx: Ctx, from: string, host: string, desks: string[], since: number, until: number, kinds?: string[]): boolean {
  return ctx.state.actions.some((a) =>
    a.kind === "message" && a.tick >= since && a.tick <= until &&
    ctx.world.countryOf.get(a.role) === from &&
    (kinds === undefined || kinds.includes(a.messageKind ?? "")) &&
    (a.to ?? []).some((id) => desks.includes(id) || ctx.world.countryOf.get(id) === host));
}

/** Did the host authorise (message kind authorise from the host to this unit's side) before `until`? */
export function hostAuthorised(ctx: Ctx, host: string, unit: UnitState, until: number, since = 0): boolean {
  return ctx.state.actions.some((a) =>
    a.kind === "message" && a.messageKind === "authorise" && a.tick >= since && a.tick <= until &&
    ctx.world.countryOf.get(a.role) === host &&
    (a.to ?? []).some((id) => id === unit.role || id === unit.party || ctx.world.countryOf.get(id) === unit.country));
}

export function hostUnitsNear(ctx: Ctx, host: string, pos: Pt, metres: number): UnitState[] {
  return Object.values(ctx.state.units).filter((u) => u.active && u.country === host && within(u.pos, pos, metres));
}

/** A self-defence situation exists when an armed, unsubdued actor is at close range. */
export function selfDefenceSituation(ctx: Ctx, unit: UnitState): boolean {
  return Object.values(ctx.state.actors).some((a) => {
    if (!a.active) return false;
    if (a.kind === "fleeing_vehicle") {
      const spec = ctx.world.scenario.actors.find((x) => x.id === a.id);
      return spec?.kind === "fleeing_vehicle" && spec.armed && (a.state === "fleeing" || a.state === "stopped" || a.state === "hiding") && within(unit.pos, a.pos, 50);
    }
    if (a.kind === "hostage_takers") {
      const spec = ctx.world.scenario.actors.find((x) => x.id === a.id);
      return spec?.kind === "hostage_takers" && spec.armed && (a.state === "holding" || a.state === "negotiating") && a.agitation >= 700 && within(unit.pos, a.pos, 100);
    }
    return false;
  });
}
