// Turning scenario places (a site id or a point) into points, and scattering crowd agents in an area.
import { insideOrOn } from "../geo/geometry.ts";
import type { Rng } from "./rng.ts";
import type { Pt } from "./types.ts";
import { DEFAULT_SITE_RADIUS_M, type World } from "./world/world.ts";

export function placePoint(world: World, place: string | readonly number[]): Pt {
  if (typeof place === "string") {
    const s = world.sites.get(place);
    return s ? [s.centre[0], s.centre[1]] : [0, 0];
  }
  return [place[0] ?? 0, place[1] ?? 0];
}

/** `count` agents at random points of an area (site id or polygon), as a flat [x, y, ...] list. */
export function scatter(world: World, rng: Rng, area: string | readonly (readonly number[])[], count: number): number[] {
  let poly: Pt[] | null = null;
  let centre: Pt = [0, 0];
  let radius = DEFAULT_SITE_RADIUS_M;
  if (typeof area === "string") {
    const s = world.sites.get(area);
    if (s?.area) poly = s.area.map((p) => [p[0], p[1]] as Pt);
    else if (s) { centre = s.centre; radius = s.radius_m ?? Math.max(DEFAULT_SITE_RADIUS_M, Math.round(Math.sqrt(count) * 3)); }
  } else poly = area.map((p) => [p[0] ?? 0, p[1] ?? 0] as Pt);
  const out: number[] = [];
  if (poly && poly.length >= 3) {
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    for (let k = 0; k < count; k++) {
      let p: Pt = poly[0] as Pt;
      for (let tries = 0; tries < 20; tries++) {
        const q: Pt = [x0 + rng.int(x1 - x0 + 1), y0 + rng.int(y1 - y0 + 1)];
        if (insideOrOn(q, poly)) { p = q; break; }
      }
      out.push(p[0], p[1]);
    }
    return out;
  }
  for (let k = 0; k < count; k++) {
    out.push(centre[0] + rng.int(2 * radius + 1) - radius, centre[1] + rng.int(2 * radius + 1) - radius);
  }
  return out;
}

export function centreOf(agents: number[]): Pt {
  const n = agents.length / 2;
  if (n === 0) return [0, 0];
  let sx = 0;
  let sy = 0;
  for (let k = 0; k < agents.length; k += 2) { sx += agents[k] as number; sy += agents[k + 1] as number; }
  return [Math.round(sx / n), Math.round(sy / n)];
}
