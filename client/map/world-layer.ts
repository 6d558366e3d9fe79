// The ground, drawn in world units under the main camera: country areas with their patterns,
// dashed borders, roads, site areas and radii, and the trails. Line widths and pattern spacing are
// given in screen pixels, so this is redrawn when the view changes (Phaser's WebGL Graphics
// tessellates every frame anyway: a redraw only rebuilds the command list).
import Phaser from "phaser";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { borderEdges, dashSegment, dotGrid, expandRect, hatchSegments, type Pt, type Rect, type Seg } from "./geometry.ts";
import type { MapModel } from "./model.ts";
import { countryStyle, MAP_COLOURS, OKABE_ITO, type CountryStyle } from "./palette.ts";
import { type Projection, type View, viewRect } from "./projection.ts";
import { trailAlpha } from "./trail.ts";

type MapSpec = Scenario["map"];
type G = Phaser.GameObjects.Graphics;

/** A closed or open path through world points. */
export function path(g: G, pts: readonly Pt[], close: boolean): void {
  g.beginPath();
  g.moveTo(pts[0]![0], pts[0]![1]);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]![0], pts[i]![1]);
  if (close) g.closePath();
}

export class WorldLayer {
  readonly ground: G;
  readonly patterns: G;
  readonly lines: G;
  readonly trails: G;
  private readonly countries: { poly: Pt[]; style: CountryStyle }[];
  private readonly borders: Seg[];
  private readonly roads: { pts: Pt[]; fast: boolean }[];
  private readonly areas: { poly: Pt[]; priv: boolean }[];
  private readonly circles: { x: number; y: number; r: number; priv: boolean }[];

  constructor(scene: Phaser.Scene, layer: Phaser.GameObjects.Layer, private readonly proj: Projection, map: MapSpec) {
    const w = (p: readonly [number, number]): Pt => proj.toWorld(p[0], p[1]);
    this.countries = map.countries.map((c, i) => ({ poly: c.polygon.map(w), style: countryStyle(c.code, i) }));
    this.borders = borderEdges(map.countries.map((c) => c.polygon), map.extent).map(([x1, y1, x2, y2]) => [...w([x1, y1]), ...w([x2, y2])] as Seg);
    this.roads = map.roads.map((r) => ({ pts: r.points.map(w), fast: r.speed_kmh >= 100 }));
    this.areas = map.sites.filter((s) => s.area).map((s) => ({ poly: s.area!.map(w), priv: s.tags.includes("private_premises") }));
    this.circles = map.sites.filter((s) => s.at && s.radius_m).map((s) => {
      const [x, y] = w(s.at!);
      return { x, y, r: s.radius_m! * proj.scale, priv: s.tags.includes("private_premises") };
    });
    this.ground = scene.add.graphics();
    this.patterns = scene.add.graphics();
    this.lines = scene.add.graphics();
    this.trails = scene.add.graphics();
    layer.add([this.ground, this.patterns, this.lines, this.trails]);
    this.drawGround();
  }

  /** Fills do not depend on the zoom: drawn once. */
  private drawGround(): void {
    const g = this.ground;
    for (const c of this.countries) {
      g.fillStyle(c.style.fill, 1);
      path(g, c.poly, true);
      g.fillPath();
    }
  }

  /** Everything with a screen-pixel width. */
  redraw(v: View): void {
    const px = 1 / v.zoom;
    const clip = expandRect(viewRect(v), 40 * px);
    this.drawPatterns(v, clip);
    const g = this.lines;
    g.clear();
    // Extent frame.
    g.lineStyle(1 * px, 0x8a8a8a, 1);
    g.strokeRect(0, 0, this.proj.worldW, this.proj.worldH);
    // Site areas and radii under the roads.
    for (const a of this.areas) {
      g.fillStyle(a.priv ? MAP_COLOURS.private : MAP_COLOURS.site, a.priv ? 0.28 : 0.14);
      path(g, a.poly, true);
      g.fillPath();
      g.lineStyle((a.priv ? 2.5 : 1.5) * px, a.priv ? MAP_COLOURS.private : MAP_COLOURS.site, 0.9);
      path(g, a.poly, true);
      g.strokePath();
    }
    for (const c of this.circles) {
      if (c.r * v.zoom < 4) continue; // smaller than the glyph drawn on top
      g.fillStyle(c.priv ? MAP_COLOURS.private : MAP_COLOURS.site, 0.08);
      g.fillCircle(c.x, c.y, c.r);
      g.lineStyle(1.25 * px, c.priv ? MAP_COLOURS.private : MAP_COLOURS.site, 0.7);
      g.strokeCircle(c.x, c.y, c.r);
    }
    // Roads: a grey casing under a light centre, motorways wider and yellowish.
    for (const fast of [false, true]) {
      for (const r of this.roads.filter((x) => x.fast === fast)) {
        g.lineStyle((fast ? 6 : 4.5) * px, MAP_COLOURS.roadCasing, 1);
        path(g, r.pts, false);
        g.strokePath();
        g.lineStyle((fast ? 3.5 : 2.5) * px, fast ? MAP_COLOURS.motorway : MAP_COLOURS.road, 1);
        path(g, r.pts, false);
        g.strokePath();
      }
    }
    // Borders: a white halo, then dark dashes, so they read on every tint and over roads.
    for (const s of this.borders) {
      const dashes = dashSegment(s, 10 * px, 6 * px, clip);
      if (!dashes.length) continue;
      g.lineStyle(5 * px, MAP_COLOURS.borderHalo, 0.8);
      g.lineBetween(dashes[0]![0], dashes[0]![1], dashes[dashes.length - 1]![2], dashes[dashes.length - 1]![3]);
      g.lineStyle(2.5 * px, MAP_COLOURS.border, 1);
      for (const d of dashes) g.lineBetween(d[0], d[1], d[2], d[3]);
    }
  }

  private drawPatterns(v: View, clip: Rect): void {
    const g = this.patterns;
    g.clear();
    // Spacing snapped to powers of two world units, so the texture does not crawl while zooming.
    const spacing = 2 ** Math.round(Math.log2(13 / v.zoom));
    for (const c of this.countries) {
      const p = c.style.pattern;
      if (p === "none") continue;
      g.lineStyle(1 / v.zoom, c.style.stroke, 0.3);
      const angles = p === "hatch" ? [Math.PI / 4] : p === "backhatch" ? [-Math.PI / 4] : p === "cross" ? [Math.PI / 4, -Math.PI / 4] : p === "horizontal" ? [0] : p === "vertical" ? [Math.PI / 2] : [];
      for (const a of angles) for (const s of hatchSegments(c.poly, spacing, a, clip)) g.lineBetween(s[0], s[1], s[2], s[3]);
      if (p === "dots") {
        g.fillStyle(c.style.stroke, 0.45);
        const d = 2.2 / v.zoom;
        for (const [x, y] of dotGrid(c.poly, spacing * 1.2, clip)) g.fillRect(x - d / 2, y - d / 2, d, d);
      }
    }
    // Private premises carry their own hatch, whatever the country pattern.
    g.lineStyle(1.2 / v.zoom, MAP_COLOURS.private, 0.8);
    for (const a of this.areas.filter((x) => x.priv)) {
      for (const s of hatchSegments(a.poly, Math.max(spacing / 2, 1), -Math.PI / 4, clip)) g.lineBetween(s[0], s[1], s[2], s[3]);
    }
  }

  /** Faded polylines of the last positions: units dark, suspects vermillion. */
  drawTrails(model: MapModel, v: View): void {
    const g = this.trails;
    g.clear();
    const buckets = 6;
    const draw = (trail: { length: number; x(i: number): number; y(i: number): number }, colour: number) => {
      const n = trail.length;
      if (n < 2) return;
      // Segments grouped by opacity step: a few paths instead of one per segment.
      for (let b = 0; b < buckets; b++) {
        g.lineStyle(2.5 / v.zoom, colour, trailAlpha(b, buckets, 0.75));
        g.beginPath();
        let any = false;
        for (let i = 1; i < n; i++) {
          if (Math.min(buckets - 1, Math.floor((i / n) * buckets)) !== b) continue;
          g.moveTo(this.proj.wx(trail.x(i - 1)), this.proj.wy(trail.y(i - 1)));
          g.lineTo(this.proj.wx(trail.x(i)), this.proj.wy(trail.y(i)));
          any = true;
        }
        if (any) g.strokePath();
      }
    };
    for (const u of model.units.values()) if (u.data.active) draw(u.trail, u.data.own ? 0x000000 : 0x555555);
    for (const a of model.actors.values()) if (a.trail) draw(a.trail, OKABE_ITO.vermillion);
  }
}
