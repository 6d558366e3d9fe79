// Map metres <-> world <-> screen: round trips, y flipped (north up), zoom at the cursor, clamping.
import { describe, expect, it } from "vitest";
import {
  clampView, fitView, fitZoom, MAX_ZOOM, metresToScreenAffine, minZoom, Projection, screenToWorld, viewRect, worldToScreen, zoomAt,
} from "../../client/map/projection.ts";

const extents = [{ width: 4000, height: 3000 }, { width: 45000, height: 40000 }, { width: 50000, height: 60000 }];

describe("map projection", () => {
  it("puts north at the top: a larger y in metres is higher on screen", () => {
    const p = new Projection({ width: 50000, height: 60000 });
    expect(p.toWorld(0, 60000)).toEqual([0, 0]);
    expect(p.toWorld(0, 0)).toEqual([0, 60000]);
    const v = fitView(p, 800, 600);
    const south = worldToScreen(v, ...p.toWorld(12000, 4000));
    const north = worldToScreen(v, ...p.toWorld(12000, 40000));
    expect(north.y).toBeLessThan(south.y);
    expect(north.x).toBeCloseTo(south.x, 9);
  });

  it("round-trips metres -> world -> screen -> world -> metres for extents from 4 km to 60 km at any zoom", () => {
    for (const e of extents) {
      const p = new Projection(e);
      for (const zoom of [minZoom(p, 1000, 700), fitZoom(p, 1000, 700), 0.3, MAX_ZOOM]) {
        const v = { cx: p.worldW * 0.3, cy: p.worldH * 0.6, zoom, w: 1000, h: 700 };
        for (const [x, y] of [[0, 0], [e.width, e.height], [e.width * 0.37, e.height * 0.81]] as const) {
          const s = worldToScreen(v, ...p.toWorld(x, y));
          const w = screenToWorld(v, s.x, s.y);
          const m = p.toMetres(w.x, w.y);
          expect(m[0]).toBeCloseTo(x, 6);
          expect(m[1]).toBeCloseTo(y, 6);
        }
      }
    }
  });

  it("the affine shortcut used for crowds gives the same screen point as the full projection", () => {
    const p = new Projection({ width: 45000, height: 40000 });
    const v = { cx: 19000, cy: 12000, zoom: 0.35, w: 1200, h: 800 };
    const t = metresToScreenAffine(p, v);
    for (const [x, y] of [[19000, 28000], [0, 0], [45000, 40000]] as const) {
      const s = worldToScreen(v, ...p.toWorld(x, y));
      expect(x * t.a + t.bx).toBeCloseTo(s.x, 6);
      expect(-y * t.a + t.by).toBeCloseTo(s.y, 6);
    }
  });

  it("fits the whole extent inside the canvas, centred", () => {
    for (const e of extents) {
      const p = new Projection(e);
      const v = fitView(p, 900, 500);
      const a = worldToScreen(v, 0, 0), b = worldToScreen(v, p.worldW, p.worldH);
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(b.x).toBeLessThanOrEqual(900);
      expect(b.y).toBeLessThanOrEqual(500);
      expect((a.x + b.x) / 2).toBeCloseTo(450, 6);
      expect(Math.max(b.x - a.x, (b.y - a.y) * (900 / 500))).toBeGreaterThan(800); // uses the space
    }
  });

  it("zooms about the cursor: the world point under it stays under it", () => {
    const p = new Projection({ width: 50000, height: 60000 });
    const v = fitView(p, 1000, 800);
    const before = screenToWorld(v, 300, 200);
    const z = zoomAt(p, v, 2.5, 300, 200);
    expect(z.zoom).toBeCloseTo(v.zoom * 2.5, 9);
    const after = screenToWorld(z, 300, 200);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
  });

  it("clamps zoom between half the fit and 4 px per metre, and keeps the centre over the map", () => {
    const p = new Projection({ width: 4000, height: 3000 });
    const v = clampView(p, { cx: -500, cy: 99999, zoom: 1e-9, w: 800, h: 600 });
    expect(v.zoom).toBeCloseTo(fitZoom(p, 800, 600) / 2, 9);
    expect(v.cx).toBe(0);
    expect(v.cy).toBe(p.worldH);
    expect(clampView(p, { ...v, zoom: 100 }).zoom).toBe(MAX_ZOOM);
    const r = viewRect({ cx: 100, cy: 50, zoom: 2, w: 400, h: 200 });
    expect(r).toEqual({ x: 0, y: 0, w: 200, h: 100 });
  });
});
