// Moving along a polyline in whole metres: progress is kept in integer millimetres so every machine
// computes the same positions.
import { dist, dist2 } from "../geo/geometry.ts";
import type { Pt, Route } from "./types.ts";

export { dist, dist2 };

export const segMm = (a: Pt, b: Pt): number => Math.round(dist(a, b) * 1000);

import { OFFROAD_MPS, type Path } from "./world/roads.ts";

export function newRoute(path: Path): Route | null {
  const points: Pt[] = [];
  const offroad: boolean[] = [];
  path.points.forEach((p, k) => {
    const last = points[points.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    if (k > 0) offroad.push(path.offroad[k - 1] ?? true);
    points.push([p[0], p[1]]);
  });
  return points.length >= 2 ? { points, seg: 0, alongMm: 0, offroad } : null;
}

/** Millimetres a mover covers this tick: its speed, capped off-road for the leg it is on. */
export function stepMm(route: Route, speedMps: number): number {
  const mps = route.offroad[route.seg] ? Math.min(speedMps, OFFROAD_MPS) : speedMps;
  return Math.round(mps * 1000);
}

/** Advance `mm` millimetres; returns the new position and whether the route is finished. */
export function advance(route: Route, mm: number): { pos: Pt; done: boolean } {
  let left = Math.max(0, Math.round(mm));
  for (;;) {
    const a = route.points[route.seg] as Pt;
    const b = route.points[route.seg + 1];
    if (!b) return { pos: [a[0], a[1]], done: true };
    const len = segMm(a, b);
    if (route.alongMm + left < len) {
      route.alongMm += left;
      const f = route.alongMm / len;
      return { pos: [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f)], done: false };
    }
    left -= len - route.alongMm;
    route.seg += 1;
    route.alongMm = 0;
    if (route.seg >= route.points.length - 1) {
      const end = route.points[route.points.length - 1] as Pt;
      return { pos: [end[0], end[1]], done: true };
    }
  }
}

export const within = (a: Pt, b: Pt, metres: number): boolean => dist2(a, b) <= metres * metres;
