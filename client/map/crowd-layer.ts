// Crowd dots on screen. Two interchangeable drawers, compared by bench/client-frame.ts:
//   "graphics": one Graphics cleared and refilled with a rectangle per dot each frame;
//   "blitter":  one Blitter whose pooled Bobs are moved each frame (one quad each, pre-coloured
//               frames of one small texture, so it also works in Canvas, which ignores Bob tints).
// Either way there is one Game Object for all crowds, never one per agent.
import Phaser from "phaser";
import { CROWD_COLOURS } from "./palette.ts";

export type CrowdMode = "graphics" | "blitter";
export const DOT_SIZES = [2, 3] as const;

export interface CrowdDrawer {
  readonly mode: CrowdMode;
  readonly object: Phaser.GameObjects.GameObject;
  begin(): void;
  /** n dots whose top-left corners are xy[0..2n). */
  dots(xy: Float32Array, n: number, colour: number, size: number): void;
  end(): void;
  destroy(): void;
}

class GraphicsDrawer implements CrowdDrawer {
  readonly mode = "graphics" as const;
  readonly object: Phaser.GameObjects.Graphics;
  constructor(scene: Phaser.Scene) { this.object = scene.add.graphics(); }
  begin(): void { this.object.clear(); }
  dots(xy: Float32Array, n: number, colour: number, size: number): void {
    const g = this.object;
    g.fillStyle(colour, 1);
    for (let i = 0; i < n; i++) g.fillRect(xy[2 * i]!, xy[2 * i + 1]!, size, size);
  }
  end(): void {}
  destroy(): void { this.object.destroy(); }
}

const TEX = "jx-crowd-dots";
class BlitterDrawer implements CrowdDrawer {
  readonly mode = "blitter" as const;
  readonly object: Phaser.GameObjects.Blitter;
  private readonly frames = new Map<string, Phaser.Textures.Frame>();
  private readonly pool: Phaser.GameObjects.Bob[] = [];
  private readonly poolFrames: Phaser.Textures.Frame[] = [];
  private used = 0;
  constructor(scene: Phaser.Scene) {
    // One texture, one frame per colour and dot size, a transparent pixel between frames.
    if (!scene.textures.exists(TEX)) {
      const tex = scene.textures.createCanvas(TEX, 64, 8)!;
      const ctx = tex.getContext();
      CROWD_COLOURS.forEach((c, i) => {
        let y = 0;
        for (const s of DOT_SIZES) {
          ctx.fillStyle = `#${c.toString(16).padStart(6, "0")}`;
          ctx.fillRect(i * 5, y, s, s);
          tex.add(`${c}:${s}`, 0, i * 5, y, s, s);
          y += s + 1;
        }
      });
      tex.refresh();
      tex.setFilter(Phaser.Textures.FilterMode.NEAREST);
    }
    this.object = scene.add.blitter(0, 0, TEX);
    const tex = scene.textures.get(TEX);
    for (const c of CROWD_COLOURS) for (const s of DOT_SIZES) this.frames.set(`${c}:${s}`, tex.get(`${c}:${s}`));
  }
  begin(): void { this.used = 0; }
  dots(xy: Float32Array, n: number, colour: number, size: number): void {
    const frame = this.frames.get(`${colour}:${size}`) ?? this.frames.values().next().value!;
    for (let i = 0; i < n; i++) {
      let bob = this.pool[this.used];
      if (!bob) { bob = this.object.create(0, 0, frame); this.pool.push(bob); this.poolFrames.push(frame); }
      bob.x = xy[2 * i]!;
      bob.y = xy[2 * i + 1]!;
      if (this.poolFrames[this.used] !== frame) { bob.setFrame(frame); this.poolFrames[this.used] = frame; }
      if (!bob.visible) bob.visible = true;
      this.used++;
    }
  }
  /** Bobs not used this frame are hidden, not destroyed: the pool follows the largest crowd seen. */
  end(): void {
    for (let i = this.used; i < this.pool.length; i++) {
      const bob = this.pool[i]!;
      if (!bob.visible) break; // hidden from here on (earlier frames hid them in order)
      bob.visible = false;
    }
  }
  destroy(): void { this.object.destroy(); }
}

export function createCrowdDrawer(scene: Phaser.Scene, mode: CrowdMode): CrowdDrawer {
  return mode === "blitter" ? new BlitterDrawer(scene) : new GraphicsDrawer(scene);
}
