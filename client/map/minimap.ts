// The overview in a corner: a third camera looking at its own small layer (country fills and
// borders, roads, units, crowds as a few dots, the main view's rectangle), so it never draws the
// full-detail world twice. A click inside it recentres the main view (handled by the input code).
import Phaser from "phaser";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { borderEdges, type Pt, type Rect } from "./geometry.ts";
import type { MapModel } from "./model.ts";
import { countryStyle, MAP_COLOURS, OKABE_ITO } from "./palette.ts";
import type { Projection, View } from "./projection.ts";
import { path } from "./world-layer.ts";

type MapSpec = Scenario["map"];

export class Minimap {
  readonly camera: Phaser.Cameras.Scene2D.Camera;
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly marks: Phaser.GameObjects.Graphics;
  /** Screen rectangle of the minimap on the canvas. */
  rect: Rect = { x: 0, y: 0, w: 0, h: 0 };
  zoom = 1;

  constructor(scene: Phaser.Scene, layer: Phaser.GameObjects.Layer, private readonly proj: Projection, private readonly map: MapSpec) {
    this.base = scene.add.graphics();
    this.marks = scene.add.graphics();
    layer.add([this.base, this.marks]);
    this.camera = scene.cameras.add(0, 0, 10, 10, false, "minimap");
    this.camera.setBackgroundColor(MAP_COLOURS.sea);
    this.camera.setRoundPixels(false);
  }

  /** Size and place it for a w x h canvas (bottom right, about a fifth of the width). */
  layout(w: number, h: number): void {
    const mw = Math.round(Math.min(220, Math.max(110, w * 0.2)));
    let mh = Math.round((mw * this.proj.worldH) / this.proj.worldW);
    if (mh > h * 0.35) mh = Math.round(h * 0.35);
    this.rect = { x: w - mw - 10, y: h - mh - 10, w: mw, h: mh };
    this.camera.setViewport(this.rect.x, this.rect.y, mw, mh);
    this.zoom = Math.min(mw / this.proj.worldW, mh / this.proj.worldH);
    this.camera.setZoom(this.zoom);
    this.camera.centerOn(this.proj.worldW / 2, this.proj.worldH / 2);
    this.camera.setVisible(w > 320 && h > 240);
    this.drawBase();
  }

  get visible(): boolean { return this.camera.visible; }

  private drawBase(): void {
    const g = this.base, px = 1 / this.zoom, w = (p: Pt) => this.proj.toWorld(p[0], p[1]);
    g.clear();
    this.map.countries.forEach((c, i) => {
      g.fillStyle(countryStyle(c.code, i).fill, 1);
      path(g, c.polygon.map(w), true);
      g.fillPath();
    });
    g.lineStyle(1.5 * px, MAP_COLOURS.roadCasing, 1);
    for (const r of this.map.roads) { path(g, r.points.map(w), false); g.strokePath(); }
    g.lineStyle(1.2 * px, MAP_COLOURS.border, 1);
    for (const [x1, y1, x2, y2] of borderEdges(this.map.countries.map((c) => c.polygon), this.map.extent)) {
      const a = w([x1, y1]), b = w([x2, y2]);
      g.lineBetween(a[0], a[1], b[0], b[1]);
    }
  }

  /** Screen point inside the minimap -> world point. */
  toWorld(sx: number, sy: number): { x: number; y: number } {
    const r = this.rect;
    return { x: (sx - r.x - r.w / 2) / this.zoom + this.proj.worldW / 2, y: (sy - r.y - r.h / 2) / this.zoom + this.proj.worldH / 2 };
  }
  contains(sx: number, sy: number): boolean {
    const r = this.rect;
    return this.visible && sx >= r.x && sy >= r.y && sx <= r.x + r.w && sy <= r.y + r.h;
  }

  /** Units, suspects, a sample of each crowd, and the main view's rectangle. */
  drawMarks(model: MapModel, v: View, now: number): void {
    if (!this.visible) return;
    const g = this.marks, px = 1 / this.zoom, p = this.proj;
    g.clear();
    g.fillStyle(0x555555, 0.8);
    for (const c of model.crowds.values()) {
      const stride = Math.max(1, Math.ceil(c.n / 150));
      for (let i = 0; i < c.n; i += stride) g.fillRect(p.wx(c.to[2 * i]!) - px, p.wy(c.to[2 * i + 1]!) - px, 2 * px, 2 * px);
    }
    for (const u of model.units.values()) {
      if (!u.data.active) continue;
      g.fillStyle(u.data.own ? 0x000000 : 0x444444, 1);
      g.fillRect(p.wx(u.glide.x(now)) - 2 * px, p.wy(u.glide.y(now)) - 2 * px, 4 * px, 4 * px);
    }
    g.fillStyle(OKABE_ITO.vermillion, 1);
    for (const a of model.actors.values()) if (a.trail) g.fillCircle(p.wx(a.glide.x(now)), p.wy(a.glide.y(now)), 3 * px);
    const vw = v.w / v.zoom, vh = v.h / v.zoom;
    g.lineStyle(3 * px, 0xffffff, 0.9);
    g.strokeRect(v.cx - vw / 2, v.cy - vh / 2, vw, vh);
    g.lineStyle(1.5 * px, 0x000000, 1);
    g.strokeRect(v.cx - vw / 2, v.cy - vh / 2, vw, vh);
  }
}
