// The Phaser scene behind MapView. Three cameras over three layers:
//   main (world units, pans and zooms) -> the ground and trails;
//   ui   (screen pixels, fixed)        -> crowd dots, glyphs, labels: constant size at every zoom;
//   minimap (fixed, corner)            -> its own coarse drawing.
// The view (centre, zoom) is plain data in projection.ts; the cameras follow it each frame.
import Phaser from "phaser";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { createCrowdDrawer, type CrowdDrawer, type CrowdMode } from "./crowd-layer.ts";
import { DotGrid, projectCrowd } from "./crowd-points.ts";
import { expandRect, pointInPolygon } from "./geometry.ts";
import { hitTest, type MapTarget } from "./hit-test.ts";
import { Minimap } from "./minimap.ts";
import { isCrowdKind, MapModel } from "./model.ts";
import { Overlay } from "./overlay.ts";
import { crowdColour } from "./palette.ts";
import { clampView, fitView, metresToScreenAffine, Projection, screenToWorld, type View } from "./projection.ts";
import type { MapText } from "./texts.ts";
import { WorldLayer } from "./world-layer.ts";

type MapSpec = Scenario["map"];
export interface SceneOptions {
  map: MapSpec; lang: string; t: MapText; minimap: boolean;
  /** "auto": the cheaper drawer for the renderer Phaser started with (see bench/RESULTS.md). */
  crowdMode: CrowdMode | "auto";
  /** Screen box in the top right corner kept clear of labels (the DOM zoom buttons). */
  toolsBox: { w: number; h: number } | null;
}

/**
 * The crowd drawer when none is asked for, decided by bench/client-frame.ts (bench/RESULTS.md): one
 * Graphics wins with Canvas (a fillRect per dot against a drawImage per Bob) and, with WebGL, the
 * Blitter saves a little main-thread time but costs SwiftShader several times more per frame.
 */
export function autoCrowdMode(_webgl: boolean): CrowdMode {
  return "graphics";
}

export class MapScene extends Phaser.Scene {
  readonly proj: Projection;
  readonly model = new MapModel();
  view: View;
  selected: string | null = null;
  /** True until the user pans or zooms: a resize then refits the whole map. */
  fitted = true;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private world!: WorldLayer;
  private overlay!: Overlay;
  private crowd!: CrowdDrawer;
  private uiLayer!: Phaser.GameObjects.Layer;
  private uiCam!: Phaser.Cameras.Scene2D.Camera;
  minimap: Minimap | null = null;
  private readonly grid = new DotGrid();
  private buf = new Float32Array(2 * 4096);
  private drawnView = "";
  private drawnTrails = "";
  /** Crowd dots drawn in the last frame (after culling and merging), for the benchmark. */
  dotsDrawn = 0;

  constructor(private readonly opts: SceneOptions) {
    super({ key: "jointex-map" });
    this.proj = new Projection(opts.map.extent);
    this.view = fitView(this.proj, 800, 600);
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  create(): void {
    const worldLayer = this.add.layer();
    this.uiLayer = this.add.layer();
    const miniLayer = this.add.layer();
    this.world = new WorldLayer(this, worldLayer, this.proj, this.opts.map);
    this.crowd = createCrowdDrawer(this, this.opts.crowdMode === "auto" ? autoCrowdMode(this.game.renderer.type === Phaser.WEBGL) : this.opts.crowdMode);
    this.uiLayer.add(this.crowd.object);
    this.overlay = new Overlay(this, this.uiLayer, this.proj, this.opts.map, this.opts.lang, this.opts.t);

    const main = this.cameras.main;
    // No camera background: the renderer's clear (game backgroundColor) already paints the sea, and
    // a second full-canvas fill costs a whole frame's fill rate on software GL (SwiftShader).
    main.setRoundPixels(false);
    this.uiCam = this.cameras.add(0, 0, this.scale.width, this.scale.height, false, "ui");
    this.uiCam.setRoundPixels(false);
    if (this.opts.minimap) this.minimap = new Minimap(this, miniLayer, this.proj, this.opts.map);
    main.ignore([this.uiLayer, miniLayer]);
    this.uiCam.ignore([worldLayer, miniLayer]);
    this.minimap?.camera.ignore([worldLayer, this.uiLayer]);

    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.layout());
    this.layout();
    this.resolveReady();
  }

  /** Canvas size changed (or first layout): cameras, view and minimap follow. */
  layout(): void {
    const w = Math.max(1, this.scale.width), h = Math.max(1, this.scale.height);
    this.cameras.main.setSize(w, h);
    this.uiCam.setSize(w, h);
    this.view = this.fitted ? fitView(this.proj, w, h) : clampView(this.proj, { ...this.view, w, h });
    this.minimap?.layout(w, h);
  }

  /** Called after every change of view (MapView hides a hover tooltip that no longer fits). */
  onViewChange: (() => void) | null = null;

  setView(v: View, userMoved = true): void {
    this.view = clampView(this.proj, v);
    if (userMoved) this.fitted = false;
    this.onViewChange?.();
  }
  fitAll(): void {
    this.view = fitView(this.proj, this.view.w, this.view.h);
    this.fitted = true;
    this.onViewChange?.();
  }

  setCrowdMode(mode: CrowdMode): void {
    if (mode === this.crowd.mode) return;
    this.crowd.destroy();
    this.crowd = createCrowdDrawer(this, mode);
    this.uiLayer.addAt(this.crowd.object, 0);
    this.cameras.main.ignore(this.crowd.object);
    this.minimap?.camera.ignore(this.crowd.object);
  }
  get crowdMode(): CrowdMode { return this.crowd.mode; }

  override update(): void {
    const now = performance.now();
    const v = this.view;
    const key = `${v.cx},${v.cy},${v.zoom},${v.w},${v.h}`;
    if (key !== this.drawnView) {
      this.cameras.main.setZoom(v.zoom);
      this.cameras.main.centerOn(v.cx, v.cy);
      this.world.redraw(v);
    }
    const trailsKey = `${this.model.version},${v.zoom}`;
    if (trailsKey !== this.drawnTrails) this.world.drawTrails(this.model, v);
    this.drawnView = key;
    this.drawnTrails = trailsKey;
    this.drawCrowds(now);
    const tb = this.opts.toolsBox;
    const blockers = tb ? [{ x: v.w - tb.w, y: 0, w: tb.w, h: tb.h }] : [];
    if (this.minimap?.visible) blockers.push(expandRect(this.minimap.rect, 4));
    this.overlay.draw(this.model, { view: v, now, selected: this.selected, blockers, frame: this.minimap?.visible ? this.minimap.rect : null });
    this.minimap?.drawMarks(this.model, v, now);
  }

  private drawCrowds(now: number): void {
    const v = this.view;
    const t = metresToScreenAffine(this.proj, v);
    const size = this.proj.metresPerPixel(v.zoom) > 1.5 ? 2 : 3;
    this.grid.begin(v.w, v.h, size);
    this.crowd.begin();
    this.dotsDrawn = 0;
    for (const [id, c] of this.model.crowds) {
      if (this.buf.length < c.n * 2 + 2) this.buf = new Float32Array(c.n * 2 + 2);
      const actor = this.model.actors.get(id)?.data;
      const n = projectCrowd(c.from, c.to, c.n, c.progress(now), t, v.w, v.h, this.grid, this.buf);
      this.crowd.dots(this.buf, n, crowdColour(actor?.kind ?? "crowd", actor?.state ?? ""), size);
      this.dotsDrawn += n;
    }
    this.crowd.end();
  }

  /** What is under a canvas pixel. */
  hitAt(sx: number, sy: number): MapTarget {
    const now = performance.now();
    const w = screenToWorld(this.view, sx, sy);
    const [x, y] = this.proj.toMetres(w.x, w.y);
    const units = [...this.model.units.values()].filter((u) => u.data.active).map((u) => ({ id: u.data.id, x: u.glide.x(now), y: u.glide.y(now), own: u.data.own }));
    const actors = [...this.model.actors.values()].filter((a) => !isCrowdKind(a.data.kind)).map((a) => ({ id: a.data.id, x: a.glide.x(now), y: a.glide.y(now) }));
    const crowds = [...this.model.crowds].map(([id, c]) => ({ id, xy: c.to, n: c.n }));
    return hitTest({ units, actors, crowds, sites: this.opts.map.sites }, x, y, this.proj.metresPerPixel(this.view.zoom));
  }

  /** A one-line description of a target for the hover tooltip (full names, unit type, state). */
  describe(target: MapTarget): string {
    const t = this.opts.t;
    if (target.kind === "unit") {
      const u = this.model.units.get(target.id)?.data;
      if (!u) return "";
      return [u.callsign, u.country, u.type.replaceAll("_", " "), u.own ? t("ownUnit") : t("otherUnit"), u.order ? t(`order.${u.order}`) : ""].filter(Boolean).join(" · ");
    }
    if (target.kind === "actor") {
      const a = this.model.actors.get(target.id)?.data;
      if (!a) return "";
      const n = this.model.agentCount(a.id);
      return [a.name, t(`kind.${a.kind}`), a.state ? t(`state.${a.state}`) : "", n ? t("people", { n }) : ""].filter(Boolean).join(" · ");
    }
    if (target.kind === "site") {
      const s = this.overlay.sites.find((x) => x.id === target.id);
      return s ? `${s.name} (${s.tags.map((x) => x.replaceAll("_", " ")).join(", ")})` : "";
    }
    // Bare ground: the country it lies in, by name.
    const c = this.opts.map.countries.find((k) => pointInPolygon(target.at[0], target.at[1], k.polygon));
    const name = c?.name as Record<string, string | undefined> | undefined;
    return c ? `${name?.[this.opts.lang] ?? name?.en ?? c.code} (${c.code})` : "";
  }

  labelTexts(): ReturnType<Overlay["labelTexts"]> { return this.overlay.labelTexts(); }
}
