// Fog of war on what a trainee may point at: an order's target or a message's "about" must be an
// actor or a unit its role has in its picture now, has seen or was told of (or a place, role, desk or
// party, which everyone knows). Unknown and unseen ids get the same answer, so a refusal reveals
// nothing about what exists out of sight.
import { roleView } from "../../shared/sim/awareness.ts";
import type { SimState } from "../../shared/sim/types.ts";
import type { World } from "../../shared/sim/world/world.ts";

export function outOfPicture(w: World, s: SimState, role: string, payload: Record<string, unknown>): { code: string; reason: string } | null {
  const id = payload.type === "order" ? payload.target : payload.type === "message" ? payload.about : undefined;
  if (typeof id !== "string") return null;
  const view = roleView(w, s, role);
  const isPlace = w.sites.has(id) || w.roleParty.has(id) || w.reach.has(id);
  const known = s.actors[id]
    ? view.actors.includes(id) || (s.seen[role] ?? []).includes(id) || (s.shared[role] ?? []).includes(id)
    : s.units[id]
      ? view.units.includes(id) || view.otherUnits.includes(id)
      : isPlace;
  if (known) return null;
  return payload.type === "order"
    ? { code: "order/not_in_picture", reason: `"${id}" is not in your picture: you can only point at what your units see, have seen, or were told of` }
    : { code: "message/not_in_picture", reason: `"${id}" is not in your picture` };
}
