// The live map of the exercise page: a Phaser game in a box of the page, fed with frames of unit,
// actor and crowd positions. Other parts of the client code against this class only.
import Phaser from "phaser";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { CrowdMode } from "./crowd-layer.ts";
import type { MapTarget } from "./hit-test.ts";
import { MapInput } from "./input.ts";
import { MapScene } from "./map-scene.ts";
import type { MapFrame } from "./model.ts";
import { MAP_COLOURS } from "./palette.ts";
import { worldToScreen } from "./projection.ts";
import { autoRenderer } from "./renderer.ts";
import { mapTexts } from "./texts.ts";
import "./map.css";

export type { MapActor, MapFrame, MapUnit } from "./model.ts";
export type { MapTarget } from "./hit-test.ts";
export type { CrowdMode } from "./crowd-layer.ts";

export interface MapViewOptions {
  parent: HTMLElement;           // the element the canvas fills (it may be resized: follow it)
  map: Scenario["map"];
  lang: string;                  // site/country names: name[lang] ?? name.en
  onSelect?: (unitId: string | null) => void;                        // left click on an own unit (null: on empty ground)
  onTarget?: (target: MapTarget, ev: { shift: boolean }) => void;      // right click anywhere, or left click while an order is armed
  renderer?: "auto" | "canvas" | "webgl";   // auto: WebGL unless it is a software rasteriser (then Canvas)
  minimap?: boolean;             // default true
  /** Esc on the focused map while an order is armed (the hint then says "Esc cancels"). */
  onCancelArmed?: () => void;
  /** How crowd dots are drawn; default: the cheaper one measured by bench/client-frame.ts. */
  crowdMode?: CrowdMode | "auto";
}

const RENDERERS = { canvas: Phaser.CANVAS, webgl: Phaser.WEBGL } as const;
/** Kept clear of labels: the zoom buttons in the top right corner. */
const TOOLS_BOX = { w: 48, h: 116 };

export class MapView {
  private readonly costs: number[] = [];
  private stepStart = 0;
  private readonly ro: ResizeObserver | null;

  private constructor(
    private readonly game: Phaser.Game,
    private readonly scene: MapScene,
    private readonly host: HTMLElement,
    private readonly input: MapInput,
    private readonly hint: HTMLElement,
    private readonly opts: MapViewOptions,
  ) {
    // Frame cost: CPU time of one whole step (update + render of all cameras), for stats and the benchmark.
    game.events.on(Phaser.Core.Events.PRE_STEP, () => (this.stepStart = performance.now()));
    game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      if (this.costs.length < 100_000) this.costs.push(performance.now() - this.stepStart);
    });
    // Follow the parent's size at once (Phaser alone polls it every half second).
    this.ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => {
      if (game.scale.getParentBounds()) game.scale.refresh();
    });
    this.ro?.observe(host);
  }

  static async create(opts: MapViewOptions): Promise<MapView> {
    const t = mapTexts(opts.lang);
    const host = document.createElement("div");
    host.className = "jx-map";
    opts.parent.append(host);
    const scene = new MapScene({ map: opts.map, lang: opts.lang, t, minimap: opts.minimap !== false, crowdMode: opts.crowdMode ?? "auto", toolsBox: TOOLS_BOX });
    const game = new Phaser.Game({
      type: RENDERERS[!opts.renderer || opts.renderer === "auto" ? autoRenderer() : opts.renderer],
      parent: host,
      width: Math.max(1, host.clientWidth),
      height: Math.max(1, host.clientHeight),
      scale: { mode: Phaser.Scale.RESIZE },
      backgroundColor: MAP_COLOURS.sea,
      banner: false,
      audio: { noAudio: true },
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      render: { antialias: true, roundPixels: false },
      scene,
    });
    await scene.ready;

    const canvas = game.canvas;
    canvas.setAttribute("role", "application");
    canvas.setAttribute("aria-label", t("canvas"));
    const hint = Object.assign(document.createElement("div"), { className: "jx-map-hint", hidden: true });
    hint.setAttribute("role", "status");
    const tip = Object.assign(document.createElement("div"), { className: "jx-map-tip", hidden: true });
    const tools = Object.assign(document.createElement("div"), { className: "jx-map-tools" });
    const input = new MapInput(canvas, scene, {
      onSelect: opts.onSelect, onTarget: opts.onTarget, onCancelArmed: opts.onCancelArmed,
      onHover: (text, x, y) => {
        tip.hidden = !text;
        tip.textContent = text;
        tip.style.left = `${Math.min(x + 14, Math.max(0, host.clientWidth - 350))}px`;
        tip.style.top = `${y + 16}px`;
      },
    });
    for (const [label, title, act] of [
      ["+", t("zoomIn"), () => input.zoomBy(1.4)],
      ["−", t("zoomOut"), () => input.zoomBy(1 / 1.4)],
      ["⤢", t("fitAll"), () => scene.fitAll()],
    ] as const) {
      const b = Object.assign(document.createElement("button"), { type: "button", textContent: label, title });
      b.setAttribute("aria-label", title);
      b.onclick = act;
      tools.append(b);
    }
    scene.onViewChange = () => (tip.hidden = true);
    host.append(hint, tip, tools);
    return new MapView(game, scene, host, input, hint, opts);
  }

  /** New positions: everything glides from where it is drawn now to them over smoothMs (0 = jump). */
  setFrame(frame: MapFrame, smoothMs: number): void {
    this.scene.model.apply(frame, performance.now(), smoothMs);
  }

  setSelected(unitId: string | null): void { this.scene.selected = unitId; }

  /** An order waiting for its target: crosshair cursor and a hint on the map (null clears it). */
  setArmedOrder(label: string | null): void {
    const t = mapTexts(this.opts.lang);
    this.input.armed = label !== null;
    this.host.classList.toggle("armed", label !== null);
    this.hint.hidden = label === null;
    this.hint.textContent = label === null ? "" : t("armed", { order: label });
    if (label !== null && this.opts.onCancelArmed) {
      const small = document.createElement("small");
      small.textContent = t("escCancels");
      this.hint.append(small);
    }
  }

  /** Centre the camera on a map point (metres), keeping the zoom. */
  focus(x: number, y: number): void {
    const s = this.scene;
    s.setView({ ...s.view, cx: s.proj.wx(x), cy: s.proj.wy(y) });
  }

  fitAll(): void { this.scene.fitAll(); }

  /** Page (CSS pixel, viewport) coordinates of a map point in metres, for tests and overlays. */
  screenPointOf(x: number, y: number): { x: number; y: number } {
    const s = this.scene, v = s.view;
    const p = worldToScreen(v, s.proj.wx(x), s.proj.wy(y));
    const r = this.game.canvas.getBoundingClientRect();
    return { x: r.left + (p.x * r.width) / v.w, y: r.top + (p.y * r.height) / v.h };
  }

  stats(): { fps: number; frames: number } {
    return { fps: this.game.loop.actualFps, frames: this.game.loop.frame };
  }

  // --- Additions beyond the agreed API (tests, benchmark) ---

  /** CPU milliseconds of each frame step since the last call. */
  frameCosts(): number[] { return this.costs.splice(0); }
  /** "webgl" or "canvas": what Phaser actually started with. */
  get rendererType(): "webgl" | "canvas" { return this.game.renderer.type === Phaser.WEBGL ? "webgl" : "canvas"; }
  get crowdMode(): CrowdMode { return this.scene.crowdMode; }
  /** Crowd dots drawn in the last frame, after off-screen culling and merging dots on one cell. */
  get dotsDrawn(): number { return this.scene.dotsDrawn; }
  setCrowdMode(mode: CrowdMode): void { this.scene.setCrowdMode(mode); }
  /** The minimap's box in page coordinates (null when hidden), for tests and overlays. */
  minimapRect(): { x: number; y: number; w: number; h: number } | null {
    const m = this.scene.minimap;
    if (!m?.visible) return null;
    const r = this.game.canvas.getBoundingClientRect(), k = r.width / this.scene.view.w;
    return { x: r.left + m.rect.x * k, y: r.top + m.rect.y * k, w: m.rect.w * k, h: m.rect.h * k };
  }
  /** Labels drawn on the map by key (u:unit, a:actor, s:site, c:country), with their canvas boxes. */
  labels(): ReturnType<MapScene["labelTexts"]> { return this.scene.labelTexts(); }
  /** Current zoom in screen pixels per metre. */
  get zoom(): number { return this.scene.view.zoom * this.scene.proj.scale; }
  setZoom(pxPerMetre: number): void { this.scene.setView({ ...this.scene.view, zoom: pxPerMetre / this.scene.proj.scale }); }

  destroy(): void {
    this.input.destroy();
    this.ro?.disconnect();
    this.game.destroy(true);
    this.host.remove();
  }
}
