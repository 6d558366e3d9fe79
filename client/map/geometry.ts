// Plane geometry the map needs beyond what Phaser draws: point in polygon, clipping to the view,
// hatch patterns and dashed borders computed as plain segments (so both renderers draw them the
// same way). Coordinates are whatever the caller uses (metres or world units). Pure.
export type Pt = readonly [number, number];
export interface Rect { x: number; y: number; w: number; h: number }
/** A segment as [x1, y1, x2, y2]. */
export type Seg = [number, number, number, number];

export function pointInPolygon(x: number, y: number, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function polygonArea(poly: readonly Pt[]): number {
  let a = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) a += poly[j]![0] * poly[i]![1] - poly[i]![0] * poly[j]![1];
  return Math.abs(a) / 2;
}

/** Area centroid (falls back to the vertex mean for degenerate polygons). */
export function centroid(poly: readonly Pt[]): [number, number] {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [x0, y0] = poly[j]!;
    const [x1, y1] = poly[i]!;
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  if (Math.abs(a) < 1e-9) {
    const n = Math.max(1, poly.length);
    return [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/** Sutherland-Hodgman: the part of a polygon inside an axis-aligned rectangle. */
export function clipPolygonToRect(poly: readonly Pt[], r: Rect): Pt[] {
  const edges: [(p: Pt) => boolean, (a: Pt, b: Pt) => Pt][] = [
    [(p) => p[0] >= r.x, (a, b) => lerpAt(a, b, (r.x - a[0]) / (b[0] - a[0]))],
    [(p) => p[0] <= r.x + r.w, (a, b) => lerpAt(a, b, (r.x + r.w - a[0]) / (b[0] - a[0]))],
    [(p) => p[1] >= r.y, (a, b) => lerpAt(a, b, (r.y - a[1]) / (b[1] - a[1]))],
    [(p) => p[1] <= r.y + r.h, (a, b) => lerpAt(a, b, (r.y + r.h - a[1]) / (b[1] - a[1]))],
  ];
  let out: Pt[] = [...poly];
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (!out.length) return [];
  }
  return out;
}
const lerpAt = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** Liang-Barsky: the parameter range [t0, t1] of segment a->b inside the rectangle, or null. */
export function clipSegment(a: Pt, b: Pt, r: Rect): [number, number] | null {
  let t0 = 0, t1 = 1;
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const tests: [number, number][] = [[-dx, a[0] - r.x], [dx, r.x + r.w - a[0]], [-dy, a[1] - r.y], [dy, r.y + r.h - a[1]]];
  for (const [p, q] of tests) {
    if (p === 0) { if (q < 0) return null; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return null; if (t > t0) t0 = t; } else { if (t < t0) return null; if (t < t1) t1 = t; }
  }
  return [t0, t1];
}

/**
 * Parallel hatch lines across a polygon: lines at `angle` radians, `spacing` apart, anchored at the
 * origin (so they stay put while the view pans), restricted to the clip rectangle.
 */
export function hatchSegments(poly: readonly Pt[], spacing: number, angle: number, clip: Rect): Seg[] {
  const part = clipPolygonToRect(poly, clip);
  if (part.length < 3 || spacing <= 0) return [];
  const c = Math.cos(angle), s = Math.sin(angle);
  // Rotate so the hatch lines are horizontal: v = -x sin + y cos is constant along a line.
  const rot = part.map(([x, y]) => [x * c + y * s, -x * s + y * c] as const);
  const vs = rot.map((p) => p[1]);
  const out: Seg[] = [];
  const first = Math.ceil(Math.min(...vs) / spacing), last = Math.floor(Math.max(...vs) / spacing);
  if (last - first > 5000) return [];
  for (let k = first; k <= last; k++) {
    const v = k * spacing;
    const xs: number[] = [];
    for (let i = 0, j = rot.length - 1; i < rot.length; j = i++) {
      const [ui, vi] = rot[i]!, [uj, vj] = rot[j]!;
      if (vi > v !== vj > v) xs.push(ui + ((v - vi) / (vj - vi)) * (uj - ui));
    }
    xs.sort((a, b) => a - b);
    for (let m = 0; m + 1 < xs.length; m += 2) {
      const u0 = xs[m]!, u1 = xs[m + 1]!;
      out.push([u0 * c - v * s, u0 * s + v * c, u1 * c - v * s, u1 * s + v * c]);
    }
  }
  return out;
}

/** Regular grid points inside a polygon and the clip rectangle (the "dots" pattern). */
export function dotGrid(poly: readonly Pt[], spacing: number, clip: Rect): [number, number][] {
  const part = clipPolygonToRect(poly, clip);
  if (part.length < 3 || spacing <= 0) return [];
  const xs = part.map((p) => p[0]), ys = part.map((p) => p[1]);
  const out: [number, number][] = [];
  const x0 = Math.ceil(Math.min(...xs) / spacing), x1 = Math.floor(Math.max(...xs) / spacing);
  const y0 = Math.ceil(Math.min(...ys) / spacing), y1 = Math.floor(Math.max(...ys) / spacing);
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > 20000) return [];
  for (let j = y0; j <= y1; j++) {
    // Stagger every other row so the dots read as a texture, not a grid of lines.
    const off = j % 2 ? spacing / 2 : 0;
    for (let i = x0; i <= x1; i++) {
      const x = i * spacing + off, y = j * spacing;
      if (pointInPolygon(x, y, part)) out.push([x, y]);
    }
  }
  return out;
}

/**
 * Borders between countries: every polygon edge that does not run along the edge of the map, once
 * (shared edges appear in both neighbours), with its ends in a canonical order so dashes computed
 * on it are the same whichever polygon it came from.
 */
export function borderEdges(polys: readonly (readonly Pt[])[], extent: { width: number; height: number }): Seg[] {
  const seen = new Set<string>();
  const out: Seg[] = [];
  const onFrame = (a: Pt, b: Pt) =>
    (a[0] === b[0] && (a[0] <= 0 || a[0] >= extent.width)) || (a[1] === b[1] && (a[1] <= 0 || a[1] >= extent.height));
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      let a = poly[i]!, b = poly[(i + 1) % poly.length]!;
      if ((a[0] === b[0] && a[1] === b[1]) || onFrame(a, b)) continue;
      if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) [a, b] = [b, a];
      const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push([a[0], a[1], b[0], b[1]]);
    }
  }
  return out;
}

/** Dashes along a segment, restricted to the clip rectangle, phase anchored at the segment start. */
export function dashSegment(s: Seg, dash: number, gap: number, clip: Rect | null): Seg[] {
  const [x1, y1, x2, y2] = s;
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0 || dash <= 0) return [];
  const range: [number, number] | null = clip ? clipSegment([x1, y1], [x2, y2], clip) : [0, 1];
  if (!range) return [];
  const period = dash + gap;
  const from = range[0] * len, to = range[1] * len;
  if ((to - from) / period > 20000) return [[x1 + (x2 - x1) * range[0], y1 + (y2 - y1) * range[0], x1 + (x2 - x1) * range[1], y1 + (y2 - y1) * range[1]]];
  const ux = (x2 - x1) / len, uy = (y2 - y1) / len;
  const out: Seg[] = [];
  for (let d = Math.floor(from / period) * period; d < to; d += period) {
    const a = Math.max(d, from), b = Math.min(d + dash, to);
    if (b > a) out.push([x1 + ux * a, y1 + uy * a, x1 + ux * b, y1 + uy * b]);
  }
  return out;
}

export function expandRect(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Points inside a polygon on a 6 x 6 grid over its box, nearest to `from` first (fallback label spots). */
export function interiorSpots(poly: readonly Pt[], from: { x: number; y: number }, n = 6): [number, number][] {
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = x0 + ((i + 0.5) / n) * (x1 - x0), y = y0 + ((j + 0.5) / n) * (y1 - y0);
      if (pointInPolygon(x, y, poly)) out.push([x, y]);
    }
  }
  return out.sort((a, b) => Math.hypot(a[0] - from.x, a[1] - from.y) - Math.hypot(b[0] - from.x, b[1] - from.y));
}
