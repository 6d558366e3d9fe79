// Mouse, wheel and keyboard on the map canvas, as plain DOM listeners (Phaser's input plugins are
// off: its keyboard plugin listens on the whole window and would steal keys from text inputs).
// Keys act only while the canvas has focus; a press-and-move pans, a press-and-release clicks.
import { clickOutcome, type MapTarget } from "./hit-test.ts";
import type { MapScene } from "./map-scene.ts";
import { zoomAt } from "./projection.ts";

export interface InputCallbacks {
  onSelect?: (unitId: string | null) => void;
  onTarget?: (target: MapTarget, ev: { shift: boolean }) => void;
  onCancelArmed?: () => void;
  /** Hover: a description of what is under the cursor ("" for nothing), and where. */
  onHover: (text: string, x: number, y: number) => void;
}

const DRAG_PX = 5;
const KEY_ZOOM = 1.4;

export class MapInput {
  armed = false;
  private press: { x: number; y: number; button: number; moved: boolean; mini: boolean; cx: number; cy: number } | null = null;
  private readonly off: (() => void)[] = [];

  constructor(private readonly canvas: HTMLCanvasElement, private readonly scene: MapScene, private readonly cb: InputCallbacks) {
    canvas.tabIndex = 0;
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      canvas.addEventListener(type, fn as EventListener, opts);
      this.off.push(() => canvas.removeEventListener(type, fn as EventListener, opts));
    };
    on("pointerdown", (e) => this.down(e));
    on("pointermove", (e) => this.move(e));
    on("pointerup", (e) => this.up(e));
    on("pointercancel", () => (this.press = null));
    on("pointerleave", () => this.cb.onHover("", 0, 0));
    on("contextmenu", (e) => e.preventDefault());
    on("wheel", (e) => this.wheel(e), { passive: false });
    on("keydown", (e) => this.key(e));
  }

  /** Canvas pixel of a pointer event (the canvas may be scaled by CSS). */
  private at(e: MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * this.scene.view.w) / Math.max(1, r.width), y: ((e.clientY - r.top) * this.scene.view.h) / Math.max(1, r.height) };
  }

  private down(e: PointerEvent): void {
    this.canvas.focus({ preventScroll: true });
    const p = this.at(e);
    const mini = !!this.scene.minimap?.contains(p.x, p.y);
    this.press = { ...p, button: e.button, moved: false, mini, cx: this.scene.view.cx, cy: this.scene.view.cy };
    if (mini) this.recentre(p.x, p.y);
    this.canvas.setPointerCapture?.(e.pointerId);
  }

  private move(e: PointerEvent): void {
    const p = this.at(e);
    const pr = this.press;
    if (!pr) {
      const over = this.scene.minimap?.contains(p.x, p.y) ? "" : this.scene.describe(this.scene.hitAt(p.x, p.y));
      this.cb.onHover(over, p.x, p.y);
      return;
    }
    if (pr.mini) { this.recentre(p.x, p.y); return; }
    if (!pr.moved && Math.hypot(p.x - pr.x, p.y - pr.y) < DRAG_PX) return;
    pr.moved = true;
    if (pr.button !== 0) return;
    const v = this.scene.view;
    this.scene.setView({ ...v, cx: pr.cx - (p.x - pr.x) / v.zoom, cy: pr.cy - (p.y - pr.y) / v.zoom });
    this.cb.onHover("", 0, 0);
  }

  private up(e: PointerEvent): void {
    const pr = this.press;
    this.press = null;
    if (!pr || pr.mini || pr.moved) return;
    const button = pr.button === 2 ? "right" : pr.button === 0 ? "left" : null;
    if (!button) return;
    const target = this.scene.hitAt(pr.x, pr.y);
    const out = clickOutcome(button, this.armed, target, (id) => !!this.scene.model.units.get(id)?.data.own);
    if (!out) return;
    if ("target" in out) this.cb.onTarget?.(out.target, { shift: e.shiftKey });
    else this.cb.onSelect?.(out.select);
  }

  private recentre(sx: number, sy: number): void {
    const w = this.scene.minimap!.toWorld(sx, sy);
    this.scene.setView({ ...this.scene.view, cx: w.x, cy: w.y });
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    const p = this.at(e);
    // Pixel deltas from wheels and touchpads alike: about x1.5 per notch of 100.
    const dy = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
    this.scene.setView(zoomAt(this.scene.proj, this.scene.view, Math.exp(-dy * 0.004), p.x, p.y));
  }

  private key(e: KeyboardEvent): void {
    if (e.target !== this.canvas || e.ctrlKey || e.metaKey || e.altKey) return;
    const v = this.scene.view;
    const step = (Math.min(v.w, v.h) * 0.2) / v.zoom;
    const pan = (dx: number, dy: number) => this.scene.setView({ ...v, cx: v.cx + dx * step, cy: v.cy + dy * step });
    const zoom = (f: number) => this.zoomBy(f);
    switch (e.key) {
      case "ArrowLeft": pan(-1, 0); break;
      case "ArrowRight": pan(1, 0); break;
      case "ArrowUp": pan(0, -1); break;
      case "ArrowDown": pan(0, 1); break;
      case "+": case "=": zoom(KEY_ZOOM); break;
      case "-": case "_": zoom(1 / KEY_ZOOM); break;
      case "0": case "Home": this.scene.fitAll(); break;
      case "Escape": if (this.armed && this.cb.onCancelArmed) this.cb.onCancelArmed(); else return; break;
      default: return;
    }
    e.preventDefault();
  }

  /** Zoom about the centre of the canvas (keys and buttons). */
  zoomBy(f: number): void {
    const v = this.scene.view;
    this.scene.setView(zoomAt(this.scene.proj, v, f, v.w / 2, v.h / 2));
  }

  destroy(): void { for (const f of this.off) f(); this.off.length = 0; }
}
