// Everything that keeps its screen size, drawn each frame under the UI camera (zoom 1, no scroll):
// site, unit and actor glyphs, the selection ring, and text labels placed so they do not overlap.
import Phaser from "phaser";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { centroid, clipPolygonToRect, interiorSpots, type Pt, type Rect } from "./geometry.ts";
import { actorShape, outline, siteKind, siteShape, unitShape, type Shape } from "./glyphs.ts";
import { placeLabels, shortName, type LabelRequest } from "./labels.ts";
import { isCrowdKind, type MapModel } from "./model.ts";
import { countryStyle, MAP_COLOURS, OKABE_ITO } from "./palette.ts";
import { type Projection, type View, viewRect, worldToScreen } from "./projection.ts";
import type { MapText } from "./texts.ts";

type MapSpec = Scenario["map"];
const FONT = "system-ui, 'DejaVu Sans', 'Segoe UI', Arial, sans-serif";
export const UNIT_R = 7;

const STYLES = {
  unit: { fontFamily: FONT, fontSize: "12px", color: "#111111", backgroundColor: "rgba(255,255,255,0.9)", padding: { x: 3, y: 1 } },
  selected: { fontFamily: FONT, fontSize: "13px", fontStyle: "bold", color: "#ffffff", backgroundColor: "#000000", padding: { x: 4, y: 2 } },
  actor: { fontFamily: FONT, fontSize: "12px", color: "#ffffff", backgroundColor: "rgba(0,0,0,0.8)", padding: { x: 3, y: 1 } },
  site: { fontFamily: FONT, fontSize: "11px", color: "#222222", backgroundColor: "rgba(255,255,255,0.72)", padding: { x: 2, y: 0 } },
  country: { fontFamily: FONT, fontSize: "22px", fontStyle: "bold", color: "#333333", stroke: "#ffffff", strokeThickness: 4 },
} satisfies Record<string, Phaser.Types.GameObjects.Text.TextStyle>;
type StyleId = keyof typeof STYLES;

interface Label { text: Phaser.GameObjects.Text; str: string; style: StyleId; used: boolean }
interface Site { id: string; at: Pt; tags: string[]; name: string; label: string }

export interface OverlayState { view: View; now: number; selected: string | null; blockers: Rect[]; /** minimap box to outline */ frame: Rect | null }

export class Overlay {
  readonly g: Phaser.GameObjects.Graphics;
  private readonly labels = new Map<string, Label>();
  readonly sites: Site[];
  private readonly countries: { code: string; poly: Pt[] }[];
  private readonly hue = new Map<string, number>();

  constructor(private readonly scene: Phaser.Scene, private readonly layer: Phaser.GameObjects.Layer, private readonly proj: Projection, map: MapSpec, lang: string, private readonly t: MapText) {
    this.g = scene.add.graphics();
    layer.add(this.g);
    const name = (n: Record<string, string | undefined> | undefined, fallback: string) => n?.[lang] ?? n?.en ?? fallback;
    this.sites = map.sites.map((s) => {
      const at = s.at ?? centroid(s.area ?? [[0, 0]]);
      const full = name(s.name, s.id);
      const kind = siteKind(s.tags);
      return { id: s.id, at: [at[0], at[1]], tags: s.tags, name: full, label: `${kind ? `${t(`site.${kind.tag}`)} ` : ""}${shortName(full, 28)}` };
    });
    this.countries = map.countries.map((c) => ({ code: c.code, poly: c.polygon.map((p) => proj.toWorld(p[0], p[1])) }));
    map.countries.forEach((c, i) => this.hue.set(c.code, countryStyle(c.code, i).stroke));
  }

  /** A nationality's colour; countries not on the map get hues after the map's own. */
  hueOf(code: string): number {
    let h = this.hue.get(code);
    if (h === undefined) this.hue.set(code, (h = countryStyle(code, this.hue.size).stroke));
    return h;
  }

  private screen(v: View, x: number, y: number): { x: number; y: number } {
    return worldToScreen(v, this.proj.wx(x), this.proj.wy(y));
  }

  draw(model: MapModel, s: OverlayState): void {
    const { view: v, now } = s;
    const g = this.g;
    g.clear();
    if (s.frame) {
      // Outline just outside the minimap's viewport (its camera draws after this one, over the inside).
      g.lineStyle(2, 0x333333, 1);
      g.strokeRect(s.frame.x - 1, s.frame.y - 1, s.frame.w + 2, s.frame.h + 2);
    }
    for (const l of this.labels.values()) l.used = false;
    const reqs: (LabelRequest & { str: string; style: StyleId })[] = [];
    const blockers = [...s.blockers];
    const add = (key: string, str: string, style: StyleId, x: number, y: number, r: number, mode: "point" | "centre", must: boolean, alts?: [number, number][]) => {
      const l = this.label(key, str, style);
      reqs.push({ key, x, y, w: l.text.width, h: l.text.height, r, mode, must, str, style, alts });
    };

    // Sites: glyphs, labels last in priority.
    const siteReqs: [string, string, number, number][] = [];
    for (const site of this.sites) {
      const p = this.screen(v, site.at[0], site.at[1]);
      if (p.x < -20 || p.y < -20 || p.x > v.w + 20 || p.y > v.h + 20) continue;
      const kind = siteKind(site.tags);
      const col = kind?.tag === "private_premises" ? MAP_COLOURS.private : kind && ["pccc", "spoc", "police_station"].includes(kind.tag) ? MAP_COLOURS.police : MAP_COLOURS.site;
      const shape = siteShape(site.tags);
      if (shape === "dot") { g.fillStyle(col, 1); g.fillCircle(p.x, p.y, 3.5); }
      else this.glyph(shape, p.x, p.y, 6, 0xffffff, col, 2);
      siteReqs.push([`s:${site.id}`, site.label, p.x, p.y]);
    }

    // Units: others first, own on top, the selected one last.
    const units = [...model.units.values()].filter((u) => u.data.active)
      .sort((a, b) => Number(a.data.own) - Number(b.data.own) || Number(a.data.id === s.selected) - Number(b.data.id === s.selected));
    const unitReqs: Parameters<typeof add>[] = [];
    for (const u of units) {
      const x = u.glide.x(now), y = u.glide.y(now);
      const p = this.screen(v, x, y);
      this.trailLink(u.trail.last(), p, v, u.data.own ? 0x000000 : 0x555555);
      const sel = u.data.id === s.selected;
      if (sel) {
        g.lineStyle(6, 0xffffff, 0.9); g.strokeCircle(p.x, p.y, UNIT_R + 8);
        g.lineStyle(3, MAP_COLOURS.selection, 1); g.strokeCircle(p.x, p.y, UNIT_R + 8);
      }
      this.glyph(unitShape(u.data.own), p.x, p.y, UNIT_R, this.hueOf(u.data.country), u.data.own ? 0x000000 : 0x333333, u.data.own ? 2.5 : 1.5);
      blockers.push({ x: p.x - 10, y: p.y - 8, w: 20, h: 16 });
      const order = u.data.order ? ` · ${this.t(`order.${u.data.order}`)}` : "";
      unitReqs.push([`u:${u.data.id}`, `${u.data.callsign} ${u.data.country}${order}`, sel ? "selected" : "unit", p.x, p.y, sel ? UNIT_R + 9 : 11, "point", true]);
    }

    // Actors after units, so a suspect stays visible under its pursuers: point actors get a glyph,
    // crowds only a label at their centre.
    const actorReqs: Parameters<typeof add>[] = [];
    for (const a of model.actors.values()) {
      const x = a.glide.x(now), y = a.glide.y(now);
      const p = this.screen(v, x, y);
      const shape = actorShape(a.data.kind);
      const state = a.data.state ? this.t(`state.${a.data.state}`) : "";
      const level = a.data.kind === "hostage_takers" && a.data.level > 0 ? ` ${Math.round(a.data.level / 10)}%` : "";
      const str = `${shortName(a.data.name, 26)}${state ? ` · ${state}${level}` : ""}`;
      if (shape) {
        this.trailLink(a.trail?.last() ?? null, p, v, OKABE_ITO.vermillion);
        this.glyph(shape, p.x, p.y, UNIT_R, OKABE_ITO.black, 0xffffff, 2);
        blockers.push({ x: p.x - 9, y: p.y - 9, w: 18, h: 18 });
        actorReqs.push([`a:${a.data.id}`, str, "actor", p.x, p.y, 10, "point", true]);
      } else if (isCrowdKind(a.data.kind)) {
        actorReqs.push([`a:${a.data.id}`, str, "actor", p.x, p.y, 4, "centre", false]);
      }
    }

    // Label priority: selected, own units, other units, suspects and crowds, countries, sites.
    unitReqs.reverse().forEach((r) => add(...r));
    actorReqs.forEach((r) => add(...r));
    const vr = viewRect(v);
    for (const c of this.countries) {
      const part = clipPolygonToRect(c.poly, vr);
      if (part.length < 3) continue;
      const [cx, cy] = centroid(part);
      const p = worldToScreen(v, cx, cy);
      add(`c:${c.code}`, c.code, "country", p.x, p.y, 0, "centre", true, interiorSpots(part, { x: cx, y: cy }).map((q) => {
        const sp = worldToScreen(v, q[0], q[1]);
        return [sp.x, sp.y];
      }));
    }
    for (const [key, str, x, y] of siteReqs) add(key, str, "site", x, y, 7, "point", false);

    const placed = placeLabels(reqs, v, blockers);
    g.lineStyle(1, 0x333333, 0.8);
    placed.forEach((p, i) => {
      const q = reqs[i]!;
      const l = this.labels.get(q.key)!;
      l.text.setVisible(p.visible);
      if (!p.visible) return;
      l.text.setPosition(Math.round(p.x), Math.round(p.y));
      if (p.leader) {
        const lx = Math.min(Math.max(q.x, p.x), p.x + q.w), ly = Math.min(Math.max(q.y, p.y), p.y + q.h);
        g.lineBetween(q.x, q.y, lx, ly);
      }
    });
    // Labels off-screen this frame are kept hidden (a Text is a texture: cheaper to keep than to
    // rebuild when panning back); those of units and actors gone from the frame are destroyed.
    for (const [key, l] of this.labels) {
      if (l.used) continue;
      const gone = (key.startsWith("u:") && !model.units.get(key.slice(2))?.data.active) || (key.startsWith("a:") && !model.actors.has(key.slice(2)));
      if (gone) { l.text.destroy(); this.labels.delete(key); } else l.text.setVisible(false);
    }
  }

  /** The label for a key, created or updated only when its text or style changes (each is a texture). */
  private label(key: string, str: string, style: StyleId): Label {
    let l = this.labels.get(key);
    if (!l) {
      const text = this.scene.add.text(0, 0, str, STYLES[style]);
      this.layer.add(text);
      this.labels.set(key, (l = { text, str, style, used: true }));
    } else {
      if (l.style !== style) { l.text.setStyle(STYLES[style]); l.style = style; }
      if (l.str !== str) { l.text.setText(str); l.str = str; }
    }
    l.used = true;
    return l;
  }

  /** The last stretch of a trail, from its newest point to where the glyph is drawn now. */
  private trailLink(last: [number, number] | null, p: { x: number; y: number }, v: View, colour: number): void {
    if (!last) return;
    const q = this.screen(v, last[0], last[1]);
    this.g.lineStyle(2.5, colour, 0.75);
    this.g.lineBetween(q.x, q.y, p.x, p.y);
  }

  private glyph(shape: Shape, x: number, y: number, r: number, fill: number, line: number, width: number): void {
    const g = this.g;
    g.fillStyle(fill, 1);
    g.lineStyle(width, line, 1);
    if (shape === "circle" || shape === "dot") {
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      return;
    }
    const pts = outline(shape).map(([px, py]) => [x + px * r, y + py * r] as const);
    g.beginPath();
    g.moveTo(pts[0]![0], pts[0]![1]);
    for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]![0], pts[i]![1]);
    g.closePath();
    g.fillPath();
    g.strokePath();
  }

  /** Text objects currently on the map, for tests: key -> [text, visible]. */
  labelTexts(): Record<string, { text: string; visible: boolean; x: number; y: number; w: number; h: number }> {
    const out: Record<string, { text: string; visible: boolean; x: number; y: number; w: number; h: number }> = {};
    for (const [k, l] of this.labels) out[k] = { text: l.str, visible: l.text.visible, x: l.text.x, y: l.text.y, w: l.text.width, h: l.text.height };
    return out;
  }

  destroy(): void { for (const l of this.labels.values()) l.text.destroy(); this.labels.clear(); this.g.destroy(); }
}
