// Plane geometry on whole-metre points. Integer inputs keep every predicate exact, which the
// validator and the deterministic engine both rely on.
export type Pt = readonly [number, number];

export function cross(o: Pt, a: Pt, b: Pt): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

export function onSegment(p: Pt, a: Pt, b: Pt): boolean {
  return (
    cross(a, b, p) === 0 &&
    Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1])
  );
}

/** True when the open segments cross at a single interior point of both. */
export function properlyIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const d1 = Math.sign(cross(c, d, a));
  const d2 = Math.sign(cross(c, d, b));
  const d3 = Math.sign(cross(a, b, c));
  const d4 = Math.sign(cross(a, b, d));
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Twice the signed area (shoelace). */
export function area2(poly: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Pt;
    const b = poly[(i + 1) % poly.length] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

export function onBoundary(p: Pt, poly: readonly Pt[]): boolean {
  for (let i = 0; i < poly.length; i++) {
    if (onSegment(p, poly[i] as Pt, poly[(i + 1) % poly.length] as Pt)) return true;
  }
  return false;
}

/** Strictly inside (ray casting); points on the outline are not inside. */
export function strictlyInside(p: Pt, poly: readonly Pt[]): boolean {
  if (onBoundary(p, poly)) return false;
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Pt;
    const b = poly[j] as Pt;
    if (a[1] > p[1] !== b[1] > p[1]) {
      const x = a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (p[0] < x) inside = !inside;
    }
  }
  return inside;
}

export function insideOrOn(p: Pt, poly: readonly Pt[]): boolean {
  return onBoundary(p, poly) || strictlyInside(p, poly);
}

/** The first pair of edges (i, j) that cross or touch where they should not, or undefined. */
export function selfIntersection(poly: readonly Pt[]): [number, number] | undefined {
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const a = poly[i] as Pt;
    const b = poly[(i + 1) % n] as Pt;
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const c = poly[j] as Pt;
      const d = poly[(j + 1) % n] as Pt;
      if (properlyIntersect(a, b, c, d)) return [i, j];
      if (!adjacent && (onSegment(c, a, b) || onSegment(d, a, b) || onSegment(a, c, d) || onSegment(b, c, d))) return [i, j];
    }
  }
  return undefined;
}

/** Do two simple polygons share interior area? Shared edges and corners are allowed. */
export function polygonsOverlap(p: readonly Pt[], q: readonly Pt[]): boolean {
  for (let i = 0; i < p.length; i++) {
    for (let j = 0; j < q.length; j++) {
      if (properlyIntersect(p[i] as Pt, p[(i + 1) % p.length] as Pt, q[j] as Pt, q[(j + 1) % q.length] as Pt)) return true;
    }
  }
  const probes = (poly: readonly Pt[]): Pt[] =>
    poly.flatMap((a, i) => {
      const b = poly[(i + 1) % poly.length] as Pt;
      return [a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as Pt];
    });
  if (probes(p).some((pt) => strictlyInside(pt, q)) || probes(q).some((pt) => strictlyInside(pt, p))) return true;
  // Identical outlines: every probe is on the boundary; compare an interior point.
  const c = interiorPoint(p);
  return c !== undefined && strictlyInside(c, q);
}

/** Some point strictly inside a simple polygon (a nudged triangle centroid). */
export function interiorPoint(poly: readonly Pt[]): Pt | undefined {
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Pt;
    const b = poly[(i + 1) % poly.length] as Pt;
    const c = poly[(i + 2) % poly.length] as Pt;
    const g: Pt = [(a[0] + b[0] + c[0]) / 3, (a[1] + b[1] + c[1]) / 3];
    if (strictlyInside(g, poly)) return g;
  }
  return undefined;
}

/** Squared distance: products only, exact on whole metres. */
export function dist2(a: Pt, b: Pt): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** Distance; Math.sqrt is correctly rounded by IEEE 754, so it is the same on every engine. */
export function dist(a: Pt, b: Pt): number {
  return Math.sqrt(dist2(a, b));
}

/** Distance from p to segment ab. */
export function distToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return dist(p, a);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return dist(p, [a[0] + t * dx, a[1] + t * dy]);
}
