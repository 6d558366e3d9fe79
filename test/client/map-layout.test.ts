// Geometry behind the drawing (clipping, hatches, dashed borders), label placement and the crowd
// point cloud: the parts of the live map that need no browser.
import { describe, expect, it } from "vitest";
import { DotGrid, projectCrowd } from "../../client/map/crowd-points.ts";
import {
  borderEdges, centroid, clipPolygonToRect, dashSegment, dotGrid, hatchSegments, interiorSpots, pointInPolygon, polygonArea, rectsOverlap,
} from "../../client/map/geometry.ts";
import { placeLabels, shortName, type LabelRequest } from "../../client/map/labels.ts";

const square = [[0, 0], [100, 0], [100, 100], [0, 100]] as const;

describe("geometry", () => {
  it("point in polygon, area, centroid", () => {
    expect(pointInPolygon(50, 50, square)).toBe(true);
    expect(pointInPolygon(150, 50, square)).toBe(false);
    expect(polygonArea(square)).toBe(10000);
    expect(centroid(square)).toEqual([50, 50]);
    const tri = [[0, 0], [90, 0], [0, 90]] as const;
    expect(centroid(tri)[0]).toBeCloseTo(30, 9);
  });

  it("clips a polygon to the view rectangle", () => {
    const part = clipPolygonToRect(square, { x: 50, y: -10, w: 100, h: 60 });
    expect(polygonArea(part)).toBeCloseTo(50 * 50, 6);
    expect(clipPolygonToRect(square, { x: 200, y: 200, w: 10, h: 10 })).toEqual([]);
  });

  it("hatches stay inside the polygon, are evenly spaced and anchored to the origin", () => {
    const segs = hatchSegments(square, 10, 0, { x: -1000, y: -1000, w: 3000, h: 3000 });
    expect(segs.map((s) => s[1])).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    for (const [x1, , x2] of segs) { expect(x1).toBeCloseTo(0, 9); expect(x2).toBeCloseTo(100, 9); }
    const diag = hatchSegments(square, 10, Math.PI / 4, { x: 0, y: 0, w: 100, h: 100 });
    expect(diag.length).toBeGreaterThan(10);
    for (const [x1, y1, x2, y2] of diag) for (const [x, y] of [[x1, y1], [x2, y2]]) { expect(x).toBeGreaterThanOrEqual(-1e-9); expect(x).toBeLessThanOrEqual(100 + 1e-9); expect(y).toBeGreaterThanOrEqual(-1e-9); expect(y).toBeLessThanOrEqual(100 + 1e-9); }
    expect(dotGrid(square, 25, { x: 0, y: 0, w: 100, h: 100 }).every(([x, y]) => pointInPolygon(x, y, square))).toBe(true);
  });

  it("finds each shared border once, not the map frame, whichever polygon lists it", () => {
    const extent = { width: 200, height: 100 };
    const a = [[0, 0], [100, 0], [100, 100], [0, 100]] as const;
    const b = [[100, 100], [100, 0], [200, 0], [200, 100]] as const; // shares x = 100, listed the other way
    expect(borderEdges([a, b], extent)).toEqual([[100, 0, 100, 100]]);
  });

  it("dashes are anchored to the edge start, so a clipped part shows the same dashes", () => {
    const s = [0, 0, 100, 0] as [number, number, number, number];
    const all = dashSegment(s, 10, 5, null);
    expect(all.slice(0, 2)).toEqual([[0, 0, 10, 0], [15, 0, 25, 0]]);
    const part = dashSegment(s, 10, 5, { x: 20, y: -1, w: 40, h: 2 });
    expect(part[0]).toEqual([20, 0, 25, 0]);
    expect(part[1]).toEqual([30, 0, 40, 0]);
    expect(dashSegment(s, 10, 5, { x: 200, y: 0, w: 1, h: 1 })).toEqual([]);
  });

  it("interior spots lie inside the polygon, nearest first", () => {
    const spots = interiorSpots(square, { x: 0, y: 0 });
    expect(spots.length).toBe(36);
    expect(spots.every(([x, y]) => pointInPolygon(x, y, square))).toBe(true);
    expect(Math.hypot(...spots[0]!)).toBeLessThan(Math.hypot(...spots[35]!));
  });
});

describe("label placement", () => {
  const req = (key: string, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest => ({ key, x, y, w: 60, h: 14, r: 8, mode: "point", must: true, ...extra });
  const box = (p: { x: number; y: number }) => ({ x: p.x, y: p.y, w: 60, h: 14 });

  it("puts a lone label to the right of its glyph", () => {
    const [p] = placeLabels([req("a", 100, 100)], { w: 800, h: 600 });
    expect(p).toEqual({ key: "a", x: 111, y: 93, visible: true, leader: false });
  });

  it("stacked units at one spot all get readable, non-overlapping labels", () => {
    const reqs = Array.from({ length: 6 }, (_, i) => req(`u${i}`, 300, 300));
    const out = placeLabels(reqs, { w: 800, h: 600 });
    expect(out.every((p) => p.visible)).toBe(true);
    for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(rectsOverlap(box(out[i]!), box(out[j]!))).toBe(false);
    expect(out.some((p) => p.leader)).toBe(true);
  });

  it("hides optional labels that would overlap, keeps them off blockers and inside the screen", () => {
    const out = placeLabels(
      [req("unit", 300, 300), ...Array.from({ length: 30 }, (_, i) => req(`site${i}`, 300, 300, { must: false }))],
      { w: 800, h: 600 }, [{ x: 700, y: 500, w: 100, h: 100 }],
    );
    expect(out.filter((p) => !p.visible).length).toBeGreaterThan(0);
    const edge = placeLabels([req("e", 795, 300)], { w: 800, h: 600 }, [{ x: 700, y: 500, w: 100, h: 100 }])[0]!;
    expect(edge.x + 60).toBeLessThanOrEqual(800);
    const off = placeLabels([req("far", -500, 300)], { w: 800, h: 600 })[0]!;
    expect(off.visible).toBe(false);
  });

  it("a country code moves to another spot of its area when its centre is taken", () => {
    const unit = req("u", 400, 300, { w: 200 });
    const country = req("c", 400, 300, { mode: "centre", w: 30, h: 26, alts: [[100, 100]] });
    const [, c] = placeLabels([unit, country], { w: 800, h: 600 });
    expect(c!.visible).toBe(true);
    expect(rectsOverlap({ x: c!.x, y: c!.y, w: 30, h: 26 }, { x: 411, y: 293, w: 200, h: 14 })).toBe(false);
  });

  it("shortens long site names at a bracket or comma", () => {
    expect(shortName("EPICC Heerlen (Euregional Police Information and Cooperation Centre, NL-BE-DE)")).toBe("EPICC Heerlen");
    expect(shortName("Jeweller, Place du Marché, Thionville")).toBe("Jeweller");
    expect(shortName("A".repeat(50), 30)).toHaveLength(30);
  });
});

describe("crowd point cloud", () => {
  const t = { a: 1, bx: 0, by: 600 }; // 1 px per metre, y flipped about 600

  it("interpolates, projects, culls off-screen agents and keeps one dot per cell", () => {
    const from = Float32Array.from([10, 590, 10, 590, 5000, 5000, 100, 100]);
    const to = Float32Array.from([20, 590, 20, 590, 5000, 5000, 100, 100]);
    const grid = new DotGrid();
    grid.begin(800, 600, 2);
    const out = new Float32Array(16);
    const n = projectCrowd(from, to, 4, 0.5, t, 800, 600, grid, out);
    expect(n).toBe(2); // two agents on one cell, one off-screen
    expect([out[0], out[1]]).toEqual([14, 9]); // (15, 10) minus half a dot
    expect([out[2], out[3]]).toEqual([99, 499]);
  });

  it("2,000 agents packed in a few pixels (zoomed out) collapse to a handful of dots", () => {
    const xy = new Float32Array(4000);
    for (let i = 0; i < 2000; i++) { xy[2 * i] = 400 + (i % 7); xy[2 * i + 1] = 300 + ((i / 7) | 0) % 5; }
    const grid = new DotGrid();
    grid.begin(800, 600, 2);
    const n = projectCrowd(xy, xy, 2000, 1, t, 800, 600, grid, new Float32Array(4000));
    expect(n).toBeLessThanOrEqual(4 * 3);
    grid.begin(800, 600, 2); // a new frame forgets the cells without clearing them
    expect(projectCrowd(xy, xy, 2000, 1, t, 800, 600, grid, new Float32Array(4000))).toBe(n);
  });
});
