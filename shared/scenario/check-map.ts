// Cross-checks of the map: valid outlines, everything inside the map and in a country, roads joined.
import { distToSegment, insideOrOn, onBoundary, polygonsOverlap, selfIntersection, area2, type Pt } from "../geo/geometry.ts";
import type { Finding } from "./explain.ts";
import type { PartialScenario } from "./partial.ts";
import type { PathSeg } from "./yaml-source.ts";

export function checkMap(s: PartialScenario, out: Finding[]): void {
  const ext = s.extent;
  const inExtent = (p: Pt) => !ext || (p[0] >= 0 && p[1] >= 0 && p[0] <= ext.width && p[1] <= ext.height);
  const extentText = ext ? `0..${ext.width} east, 0..${ext.height} north` : "";

  const polygon = (poly: readonly Pt[], path: PathSeg[]) => {
    poly.forEach((p, k) => {
      if (!inExtent(p)) out.push({ path: [...path, k], message: `point [${p.join(", ")}] lies outside the map (${extentText})` });
    });
    const x = selfIntersection(poly);
    if (x) {
      out.push({
        path: [...path, x[1]],
        message: `the outline crosses itself: the edge from point ${x[0] + 1} meets the edge from point ${x[1] + 1}`,
        hint: "list the points in order around the outline, without crossing back",
      });
    } else if (area2(poly) === 0) {
      out.push({ path, message: "the outline has no area: its points lie on one line" });
    }
  };

  const seen = new Map<string, number>();
  for (const { i, v } of s.countries) {
    const prev = seen.get(v.code);
    if (prev !== undefined) out.push({ path: ["map", "countries", i, "code"], message: `country ${v.code} is already drawn at map.countries[${prev}]`, hint: "draw each country once, as one outline" });
    seen.set(v.code, i);
    polygon(v.polygon, ["map", "countries", i, "polygon"]);
  }
  const valid = s.countries.filter((c) => !selfIntersection(c.v.polygon) && area2(c.v.polygon) !== 0);
  for (let a = 0; a < valid.length; a++) {
    for (let b = a + 1; b < valid.length; b++) {
      const [ca, cb] = [valid[a], valid[b]];
      if (ca && cb && polygonsOverlap(ca.v.polygon, cb.v.polygon)) {
        out.push({
          path: ["map", "countries", cb.i, "polygon"],
          message: `${cb.v.code} overlaps ${ca.v.code}: countries may share border lines but not area`,
          hint: "use the same points for the shared border in both outlines",
        });
      }
    }
  }

  const countryAt = (p: Pt) => s.shapes.find((c) => insideOrOn(p, c.v.polygon));
  /** A point that units or sites stand on: inside the map and in some country. */
  const placePoint = (p: Pt, path: PathSeg[]) => {
    if (!inExtent(p)) out.push({ path, message: `[${p.join(", ")}] lies outside the map (${extentText})` });
    else if (s.shapes.length && !countryAt(p)) out.push({ path, message: `[${p.join(", ")}] lies in no country drawn on the map` });
  };

  for (const { i, v } of s.sites) {
    if (v.at) placePoint(v.at, ["map", "sites", i, "at"]);
    const at = v.at;
    const sides = at ? s.shapes.filter((c) => onBoundary(at, c.v.polygon)).map((c) => c.v.code) : [];
    const inside = at && sides.length === 0 ? s.shapes.find((c) => insideOrOn(at, c.v.polygon))?.v.code : undefined;
    if (v.country && inside && inside !== v.country) {
      out.push({ path: ["map", "sites", i, "country"], message: `the site lies inside ${inside}, not ${v.country}`, hint: "country: is only for a site on a border line" });
    }
    if (at && sides.length > 1 && !v.country) {
      out.push({ path: ["map", "sites", i, "at"], message: `[${at.join(", ")}] lies on the border between ${sides.join(" and ")}`, hint: `say which side the site belongs to with country: ${sides[0]} (or ${sides.slice(1).join(", ")})` });
    }
    if (v.area) polygon(v.area, ["map", "sites", i, "area"]);
    if (v.radius_m !== undefined && v.area) out.push({ path: ["map", "sites", i, "radius_m"], message: "radius_m is for a site given as a point (at:), not an area" });
  }
  for (const { i, v } of s.roads) {
    v.points.forEach((p, k) => {
      if (!inExtent(p)) out.push({ path: ["map", "roads", i, "points", k], message: `point [${p.join(", ")}] lies outside the map (${extentText})` });
      const next = v.points[k + 1];
      if (next && next[0] === p[0] && next[1] === p[1]) out.push({ path: ["map", "roads", i, "points", k + 1], message: "the same point twice in a row: remove one" });
    });
  }
  checkRoadsConnected(s, out);
  placePointsOfEntities(s, placePoint);
  for (const { i, v } of s.actors) if ("area" in v && Array.isArray(v.area)) polygon(v.area, ["actors", i, "area"]);
}

function placePointsOfEntities(s: PartialScenario, placePoint: (p: Pt, path: PathSeg[]) => void): void {
  for (const { i, v } of s.units) if (Array.isArray(v.at)) placePoint(v.at, ["units", i, "at"]);
  for (const { i, v } of s.actors) {
    if ("at" in v && Array.isArray(v.at)) placePoint(v.at, ["actors", i, "at"]);
    if ("route" in v) v.route.forEach((p, k) => Array.isArray(p) && placePoint(p, ["actors", i, "route", k]));
  }
}

/** Roads join where they share an exact point; every road must reach the rest of the network. */
function checkRoadsConnected(s: PartialScenario, out: Finding[]): void {
  const roads = s.roads;
  if (roads.length < 2) return;
  const parent = roads.map((_, k) => k);
  const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k] as number)));
  const owner = new Map<string, number>();
  roads.forEach((r, k) => {
    for (const p of r.v.points) {
      const key = `${p[0]},${p[1]}`;
      const o = owner.get(key);
      if (o === undefined) owner.set(key, k);
      else parent[find(k)] = find(o);
    }
  });
  const sizes = new Map<number, number>();
  roads.forEach((_, k) => sizes.set(find(k), (sizes.get(find(k)) ?? 0) + 1));
  const main = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  roads.forEach((r, k) => {
    if (find(k) === main) return;
    // Say how far it is from the main network and where, so the fix is one edit.
    let best = { d: Infinity, p: [0, 0] as Pt, other: "" };
    roads.forEach((o, m) => {
      if (find(m) !== main) return;
      for (const p of r.v.points) {
        o.v.points.forEach((a, n) => {
          const b = o.v.points[n + 1];
          const d = b ? distToSegment(p, a, b) : Infinity;
          if (d < best.d) best = { d, p, other: o.v.id };
        });
      }
    });
    out.push({
      path: ["map", "roads", r.i, "id"],
      message: `road ${r.v.id} is not connected to the rest of the road network`,
      hint: best.d < 1
        ? `its point [${best.p.join(", ")}] lies on road ${best.other} between two of its points: add [${best.p.join(", ")}] to the points of ${best.other} so that the roads join`
        : best.d < Infinity
          ? `its point [${best.p.join(", ")}] is ${Math.round(best.d)} m from road ${best.other}: roads join only where both list the exact same point`
          : "roads join only where both list the exact same point",
    });
  });
}
