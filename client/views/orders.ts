// From mouse and keyboard to order commands, without Phaser or DOM: which key arms which order, what
// kind of target an order takes, and the command a click on a target makes. The engine judges the
// order (and the law judges the officer); this only refuses what could never be a valid command.
import type { OrderType } from "../../shared/scenario/vocab.ts";
import type { CommandInput } from "../../shared/sim/commands.ts";
import type { MapTarget } from "../map/map-view.ts";

/**
 * What an order points at, as the engine's checks accept it: an actor, a place (site, point, or
 * anything with a position), a site, an actor or a site, an optional actor (hold: keep back from a
 * crowd, or just hold), an optional site (the engine finds the local authority), or nothing.
 */
export type TargetKind = "actor" | "place" | "site" | "actor_or_site" | "optional_actor" | "optional_site" | "none";
export const ORDER_TARGET: Record<OrderType, TargetKind> = {
  move: "place", pursue: "actor", stop: "actor", hold: "optional_actor", apprehend: "actor", arrest: "actor",
  identity_check: "place", search: "place", cordon: "site", patrol: "place", surveil: "actor",
  negotiate: "actor", intervene: "actor_or_site", use_force: "actor", present_to_local_authority: "optional_site",
  withdraw: "none", disarm: "none",
};

/** Keyboard shortcuts for the common orders (letters; digits select units). */
export const ORDER_KEYS: Record<string, OrderType> = {
  m: "move", p: "pursue", s: "stop", a: "apprehend", c: "cordon", h: "hold", n: "negotiate",
  i: "intervene", r: "present_to_local_authority", w: "withdraw", v: "surveil", k: "identity_check",
};
/** The orders shown as buttons, in this order. */
export const COMMON_ORDERS: OrderType[] = ["move", "pursue", "stop", "hold", "apprehend", "cordon", "negotiate", "intervene", "present_to_local_authority", "withdraw"];

export interface OrderInput { unit: string | null; order: OrderType; target?: MapTarget; selfDefence?: boolean }
export type OrderResult = { ok: true; command: CommandInput } | { ok: false; reason: "need_unit" | "need_target" | "wrong_target" };

/** The engine's target for a clicked thing: ids for actors, units and sites, whole metres for points. */
function targetValue(kind: TargetKind, t: MapTarget | undefined): string | [number, number] | undefined | null {
  if (!t) return kind === "none" || kind === "optional_site" || kind === "optional_actor" ? undefined : null;
  if (kind === "none") return undefined;
  if (kind === "actor" || kind === "optional_actor") return t.kind === "actor" ? t.id : null;
  if (kind === "optional_site" || kind === "site") return t.kind === "site" ? t.id : null;
  if (kind === "actor_or_site") return t.kind === "actor" || t.kind === "site" ? t.id : null;
  if (t.kind === "point") return [Math.round(t.at[0]), Math.round(t.at[1])];
  return t.id;
}

/** The command for an order on a target, or why there is none yet. */
export function orderCommand(x: OrderInput): OrderResult {
  if (!x.unit) return { ok: false, reason: "need_unit" };
  const kind = ORDER_TARGET[x.order];
  const target = targetValue(kind, x.target);
  if (target === null) return { ok: false, reason: x.target ? "wrong_target" : "need_target" };
  return {
    ok: true,
    command: { type: "order", unit: x.unit, order: x.order, ...(target !== undefined ? { target } : {}), ...(x.order === "use_force" && x.selfDefence ? { claim_self_defence: true } : {}) },
  };
}

/** Orders that go at once when their key is pressed (no target to pick). */
export const needsTarget = (o: OrderType): boolean => ORDER_TARGET[o] !== "none" && ORDER_TARGET[o] !== "optional_site" && ORDER_TARGET[o] !== "optional_actor";
/** Orders that wait for a target when armed, though they may also go without one (press the key again). */
export const mayTakeTarget = (o: OrderType): boolean => ORDER_TARGET[o] === "optional_actor";

export type KeyAction =
  | { kind: "select"; index: number }
  | { kind: "arm"; order: OrderType }
  | { kind: "cancel" }
  | { kind: "focus_map" }
  | { kind: "next_unit"; step: 1 | -1 }
  | null;

/** A key press outside text fields, as an action of the units panel. */
export function keyAction(key: string, mods: { ctrl?: boolean; alt?: boolean; meta?: boolean } = {}): KeyAction {
  if (mods.ctrl || mods.alt || mods.meta) return null;
  if (key === "Escape") return { kind: "cancel" };
  if (/^[1-9]$/.test(key)) return { kind: "select", index: Number(key) - 1 };
  if (key === "Tab") return null;
  if (key === "[") return { kind: "next_unit", step: -1 };
  if (key === "]") return { kind: "next_unit", step: 1 };
  const k = key.toLowerCase();
  if (k === "f") return { kind: "focus_map" };
  const order = ORDER_KEYS[k];
  return order ? { kind: "arm", order } : null;
}

/** The key for an order, for button labels ("Pursue [P]"). */
export function keyOf(order: OrderType): string | undefined {
  return Object.entries(ORDER_KEYS).find(([, o]) => o === order)?.[0]?.toUpperCase();
}
