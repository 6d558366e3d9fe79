// Label placement in screen space: each frame, labels are placed in priority order at the first
// candidate position that overlaps nothing placed before (and no blocker such as the minimap).
// Labels that must show (units, countries) fall back to stacked rows beside their anchor, with a
// leader line; optional ones (sites, crowds) are hidden instead. Pure, tested in Node.
import { rectsOverlap, type Rect } from "./geometry.ts";

export interface LabelRequest {
  key: string;
  /** Anchor on screen (the glyph centre). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Half size of the glyph at the anchor: labels keep clear of it. */
  r: number;
  /** "point": beside the anchor; "centre": centred on it (country codes). */
  mode: "point" | "centre";
  must: boolean;
  /** Centre mode: further anchors to try, in order, when the first is taken (other spots of a country). */
  alts?: readonly (readonly [number, number])[];
}
export interface LabelPlacement { key: string; x: number; y: number; visible: boolean; leader: boolean }

function candidates(q: LabelRequest): [number, number, boolean][] {
  const gap = 3;
  const out: [number, number, boolean][] = [];
  if (q.mode === "centre") {
    out.push([q.x - q.w / 2, q.y - q.h / 2, false]);
    for (const k of [1, -1, 2, -2]) out.push([q.x - q.w / 2, q.y - q.h / 2 + k * (q.h + gap), false]);
    for (const [x, y] of q.alts ?? []) out.push([x - q.w / 2, y - q.h / 2, false]);
    return out;
  }
  const right = q.x + q.r + gap, left = q.x - q.r - gap - q.w, mid = q.y - q.h / 2;
  out.push([right, mid, false], [left, mid, false], [q.x - q.w / 2, q.y - q.r - gap - q.h, false], [q.x - q.w / 2, q.y + q.r + gap, false]);
  for (let k = 1; k <= 5; k++) {
    for (const side of [right, left]) {
      out.push([side, mid - k * (q.h + 1), true], [side, mid + k * (q.h + 1), true]);
    }
  }
  return out;
}

/** Places labels given in priority order; the result is in the same order. */
export function placeLabels(reqs: readonly LabelRequest[], screen: { w: number; h: number }, blockers: readonly Rect[] = []): LabelPlacement[] {
  const taken: Rect[] = [...blockers];
  const out: LabelPlacement[] = [];
  const margin = 40;
  for (const q of reqs) {
    if (q.x < -margin || q.y < -margin || q.x > screen.w + margin || q.y > screen.h + margin) {
      out.push({ key: q.key, x: q.x, y: q.y, visible: false, leader: false });
      continue;
    }
    let placed: LabelPlacement | null = null;
    const inside = (x: number, y: number) => x >= 0 && y >= 0 && x + q.w <= screen.w && y + q.h <= screen.h;
    const cands = candidates(q);
    for (const [x, y, leader] of cands) {
      const r = { x, y, w: q.w, h: q.h };
      if (inside(x, y) && !taken.some((t) => rectsOverlap(r, t))) { placed = { key: q.key, x, y, visible: true, leader }; break; }
    }
    if (!placed && q.must) {
      // Nowhere free: the first position, pushed inside the screen, overlapping if it must.
      const [x, y] = cands[0]!;
      placed = {
        key: q.key, x: Math.min(Math.max(x, 0), Math.max(0, screen.w - q.w)), y: Math.min(Math.max(y, 0), Math.max(0, screen.h - q.h)),
        visible: true, leader: false,
      };
    }
    if (placed) taken.push({ x: placed.x, y: placed.y, w: q.w, h: q.h });
    out.push(placed ?? { key: q.key, x: q.x, y: q.y, visible: false, leader: false });
  }
  return out;
}

/** A short form of a long place name for the map: up to the first bracket or comma, then an ellipsis. */
export function shortName(name: string, max = 30): string {
  let s = name.trim();
  const cut = s.search(/ \(|, | - /);
  if (cut >= 6) s = s.slice(0, cut);
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
