// What is under the cursor, in map metres. Tolerances are in screen pixels (a glyph is the same
// size on screen at every zoom) and converted with metres-per-pixel. Priority, highest first:
//   1. units and point actors (fleeing vehicle, hostage takers): the nearest glyph wins, a unit on a tie;
//   2. crowd and bystander agents (a dot within reach);
//   3. sites: inside the area polygon or the radius (or near a point site's glyph), the smallest first;
//   4. otherwise the point itself, in whole metres.
// Pure: no Phaser, tested in Node.
import { pointInPolygon, polygonArea, type Pt } from "./geometry.ts";

export type MapTarget = { kind: "unit"; id: string } | { kind: "actor"; id: string } | { kind: "site"; id: string } | { kind: "point"; at: [number, number] };

export interface HitUnit { id: string; x: number; y: number; own: boolean }
export interface HitActor { id: string; x: number; y: number }
export interface HitCrowd { id: string; xy: ArrayLike<number>; n?: number }
export interface HitSite { id: string; at?: Pt; radius_m?: number; area?: readonly Pt[] }
export interface HitScene { units: readonly HitUnit[]; actors: readonly HitActor[]; crowds: readonly HitCrowd[]; sites: readonly HitSite[] }
export interface HitOptions { unitPx: number; crowdPx: number; sitePx: number }
export const HIT_DEFAULTS: HitOptions = { unitPx: 11, crowdPx: 5, sitePx: 9 };

export function hitTest(scene: HitScene, x: number, y: number, metresPerPx: number, opt: HitOptions = HIT_DEFAULTS): MapTarget {
  // 1. Glyphs: nearest within reach.
  const reach = opt.unitPx * metresPerPx;
  const cands: [MapTarget, number, number, number][] = [
    ...scene.units.map((u): [MapTarget, number, number, number] => [{ kind: "unit", id: u.id }, u.x, u.y, u.own ? 0 : 1]),
    ...scene.actors.map((a): [MapTarget, number, number, number] => [{ kind: "actor", id: a.id }, a.x, a.y, 2]),
  ];
  let best: MapTarget | undefined;
  let bestD = reach * reach;
  let bestRank = 9;
  for (const [t, px, py, rank] of cands) {
    const d = (px - x) ** 2 + (py - y) ** 2;
    if (d < bestD || (d === bestD && rank < bestRank)) { best = t; bestD = d; bestRank = rank; }
  }
  if (best) return best;

  // 2. Crowd dots.
  const dotReach = opt.crowdPx * metresPerPx;
  let crowd: string | null = null;
  let crowdD = dotReach * dotReach;
  for (const c of scene.crowds) {
    const n = c.n ?? c.xy.length >> 1;
    for (let i = 0; i < n; i++) {
      const d = (c.xy[2 * i]! - x) ** 2 + (c.xy[2 * i + 1]! - y) ** 2;
      if (d <= crowdD) { crowdD = d; crowd = c.id; }
    }
  }
  if (crowd) return { kind: "actor", id: crowd };

  // 3. Sites containing the point; the smallest wins (a car park inside a stadium area).
  const glyph = opt.sitePx * metresPerPx;
  let site: string | null = null;
  let siteArea = Infinity;
  for (const s of scene.sites) {
    let area = Infinity;
    if (s.area && s.area.length >= 3) {
      if (pointInPolygon(x, y, s.area)) area = polygonArea(s.area);
    } else if (s.at) {
      const d = Math.hypot(s.at[0] - x, s.at[1] - y);
      const r = Math.max(s.radius_m ?? 0, glyph);
      if (d <= r) area = Math.PI * r * r;
    }
    if (area < siteArea) { siteArea = area; site = s.id; }
  }
  if (site) return { kind: "site", id: site };

  return { kind: "point", at: [Math.round(x), Math.round(y)] };
}

/** What a click means, given the button and whether an order waits for its target. */
export type ClickOutcome = { select: string | null } | { target: MapTarget } | null;
export function clickOutcome(button: "left" | "right", armed: boolean, target: MapTarget, ownUnit: (id: string) => boolean): ClickOutcome {
  if (button === "right" || armed) return { target };
  if (target.kind === "unit") return ownUnit(target.id) ? { select: target.id } : null;
  if (target.kind === "point" || target.kind === "site") return { select: null };
  return null; // left click on an actor or another role's unit: nothing to select
}
