// The road network as a graph: junctions are points that roads share. Routes are shortest in time,
// with an optional weight for seeded route choice; off-road legs join a point to its nearest road.
import type { Pt } from "../types.ts";

export interface RoadEdge { to: number; metres: number; mps: number }
export interface RoadGraph {
  nodes: Pt[];
  adj: RoadEdge[][];
  /** Every road segment once, for projecting a point onto the network. */
  segments: { a: number; b: number; mps: number }[];
}

/** Speed away from roads (fields, yards, streets too small to draw): about 30 km/h. */
export const OFFROAD_MPS = 8;

export { dist as distance } from "../../geo/geometry.ts";
import { dist as distance } from "../../geo/geometry.ts";

export function buildRoadGraph(roads: { points: Pt[]; speed_kmh: number }[]): RoadGraph {
  const index = new Map<string, number>();
  const nodes: Pt[] = [];
  const adj: RoadEdge[][] = [];
  const segments: RoadGraph["segments"] = [];
  const node = (p: Pt) => {
    const key = `${p[0]},${p[1]}`;
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.length;
      index.set(key, i);
      nodes.push([p[0], p[1]]);
      adj.push([]);
    }
    return i;
  };
  for (const r of roads) {
    const mps = r.speed_kmh / 3.6;
    for (let k = 0; k + 1 < r.points.length; k++) {
      const a = node(r.points[k] as Pt);
      const b = node(r.points[k + 1] as Pt);
      const metres = distance(nodes[a] as Pt, nodes[b] as Pt);
      adj[a]?.push({ to: b, metres, mps });
      adj[b]?.push({ to: a, metres, mps });
      segments.push({ a, b, mps });
    }
  }
  return { nodes, adj, segments };
}

/** The nearest point of the network to p, on segment `seg`, rounded to whole metres. */
export function project(g: RoadGraph, p: Pt): { seg: number; at: Pt; off: number } | null {
  let best: { seg: number; at: Pt; off: number } | null = null;
  g.segments.forEach((s, k) => {
    const a = g.nodes[s.a] as Pt;
    const b = g.nodes[s.b] as Pt;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const at: Pt = [Math.round(a[0] + t * dx), Math.round(a[1] + t * dy)];
    const off = distance(p, at);
    if (!best || off < best.off) best = { seg: k, at, off };
  });
  return best;
}

/**
 * Fastest path from `from` to `to`: off-road to the nearest road, along the network, off-road to the
 * target. `weight` scales each edge's time (seeded route choice); it defaults to 1.
 */
export interface Path { points: Pt[]; /** per leg: true when it leaves the roads */ offroad: boolean[] }

export function routeBetween(g: RoadGraph, from: Pt, to: Pt, roadMps: number, weight?: (a: number, b: number) => number): Path {
  const direct = distance(from, to);
  const pf = project(g, from);
  const pt = project(g, to);
  if (!pf || !pt || direct <= pf.off + pt.off) return { points: [from, to], offroad: [true] };
  // Temporary nodes for the two projections, joined to their segment ends.
  const n = g.nodes.length;
  const START = n;
  const END = n + 1;
  const nodes: Pt[] = [...g.nodes, pf.at, pt.at];
  const extra: RoadEdge[][] = [[], []];
  const link = (tmp: number, seg: number) => {
    const s = g.segments[seg];
    if (!s) return;
    for (const end of [s.a, s.b]) extra[tmp - n]?.push({ to: end, metres: distance(nodes[tmp] as Pt, nodes[end] as Pt), mps: s.mps });
  };
  link(START, pf.seg);
  link(END, pt.seg);
  const edgesOf = (i: number): RoadEdge[] => {
    const base = i < n ? (g.adj[i] ?? []) : (extra[i - n] ?? []);
    if (i < n) {
      // Road nodes of the two projected segments also reach the temporary nodes.
      const more: RoadEdge[] = [];
      for (const [tmp, seg] of [[START, pf.seg], [END, pt.seg]] as const) {
        const s = g.segments[seg];
        if (s && (s.a === i || s.b === i)) more.push({ to: tmp, metres: distance(nodes[i] as Pt, nodes[tmp] as Pt), mps: s.mps });
      }
      return more.length ? [...base, ...more] : base;
    }
    if (i === START && pf.seg === pt.seg) return [...base, { to: END, metres: distance(pf.at, pt.at), mps: g.segments[pf.seg]?.mps ?? OFFROAD_MPS }];
    return base;
  };
  const total = n + 2;
  const time = new Array<number>(total).fill(Infinity);
  const prev = new Array<number>(total).fill(-1);
  const done = new Array<boolean>(total).fill(false);
  time[START] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < total; i++) if (!done[i] && time[i] !== Infinity && (u === -1 || (time[i] as number) < (time[u] as number))) u = i;
    if (u === -1 || u === END) break;
    done[u] = true;
    for (const e of edgesOf(u)) {
      const w = weight && u < n && e.to < n ? weight(u, e.to) : 1;
      const t = (time[u] as number) + (e.metres / Math.min(e.mps, roadMps)) * w;
      if (t < (time[e.to] as number)) { time[e.to] = t; prev[e.to] = u; }
    }
  }
  if (time[END] === Infinity) return { points: [from, to], offroad: [true] };
  const path: Pt[] = [];
  for (let v = END; v !== -1; v = prev[v] as number) path.push(nodes[v] as Pt);
  path.reverse();
  // from -> (off road) -> projection -> roads -> projection -> (off road) -> to
  const out: Pt[] = [from];
  const offroad: boolean[] = [];
  const push = (p: Pt, off: boolean) => {
    const last = out[out.length - 1] as Pt;
    if (last[0] === p[0] && last[1] === p[1]) return;
    out.push([p[0], p[1]]);
    offroad.push(off);
  };
  path.forEach((p, k) => push(p, k === 0));
  push(to, true);
  return { points: out, offroad };
}
