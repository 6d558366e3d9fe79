// What the map draws, as plain data: the last frame given to setFrame, each unit's and actor's
// glide and trail, each crowd's agent arrays. MapView feeds it; the scene reads it every frame.
// Pure (no Phaser), so the frame semantics are tested in Node.
import { CrowdGlide, Glide } from "./interp.ts";
import { TrailBuffer } from "./trail.ts";

export interface MapUnit { id: string; callsign: string; type: string; party: string; country: string; x: number; y: number; order: string; active: boolean; own: boolean }
export interface MapActor { id: string; kind: string; name: string; state: string; x: number; y: number; level: number }
export interface MapFrame { tick: number; units: MapUnit[]; actors: MapActor[]; crowds: { id: string; xy: number[] }[] }

export interface UnitRec { data: MapUnit; glide: Glide; trail: TrailBuffer }
export interface ActorRec { data: MapActor; glide: Glide; trail: TrailBuffer | null }

export const isCrowdKind = (kind: string): boolean => kind === "crowd" || kind === "bystanders";

export class MapModel {
  readonly units = new Map<string, UnitRec>();
  readonly actors = new Map<string, ActorRec>();
  readonly crowds = new Map<string, CrowdGlide>();
  tick = -1;
  /** Bumped by every apply(): the scene redraws trails when it changes. */
  version = 0;

  apply(frame: MapFrame, now: number, smoothMs: number): void {
    const back = frame.tick < this.tick; // scrubbed backwards: old trails would lie
    const ms = back ? 0 : Math.max(0, smoothMs);
    this.tick = frame.tick;
    this.version++;

    const seenU = new Set<string>();
    for (const u of frame.units) {
      seenU.add(u.id);
      const rec = this.units.get(u.id);
      if (!rec) { this.units.set(u.id, { data: u, glide: new Glide(u.x, u.y), trail: new TrailBuffer() }); continue; }
      this.advance(rec.glide, rec.trail, u.x, u.y, now, ms, back || !rec.data.active || !u.active);
      rec.data = u;
    }
    for (const id of this.units.keys()) if (!seenU.has(id)) this.units.delete(id);

    const seenA = new Set<string>();
    for (const a of frame.actors) {
      seenA.add(a.id);
      const rec = this.actors.get(a.id);
      if (!rec) { this.actors.set(a.id, { data: a, glide: new Glide(a.x, a.y), trail: isCrowdKind(a.kind) ? null : new TrailBuffer() }); continue; }
      this.advance(rec.glide, rec.trail, a.x, a.y, now, ms, back);
      rec.data = a;
    }
    for (const id of this.actors.keys()) if (!seenA.has(id)) this.actors.delete(id);

    const seenC = new Set<string>();
    for (const c of frame.crowds) {
      seenC.add(c.id);
      const g = this.crowds.get(c.id);
      if (g) g.set(c.xy, now, ms);
      else this.crowds.set(c.id, new CrowdGlide(c.xy));
    }
    for (const id of this.crowds.keys()) if (!seenC.has(id)) this.crowds.delete(id);
  }

  /** The trail keeps where the thing is drawn now, then the glide heads for the new position. */
  private advance(glide: Glide, trail: TrailBuffer | null, x: number, y: number, now: number, ms: number, reset: boolean): void {
    if (trail) {
      if (reset) trail.clear();
      else trail.push(glide.x(now), glide.y(now));
    }
    glide.set(x, y, now, ms);
  }

  /** Agents of all crowds, for the people count in labels. */
  agentCount(id: string): number { return this.crowds.get(id)?.n ?? 0; }
}
