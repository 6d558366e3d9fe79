// Smoothing between patches, trail buffers and the frame model MapView.setFrame feeds.
import { describe, expect, it } from "vitest";
import { CrowdGlide, Glide } from "../../client/map/interp.ts";
import { MapModel, type MapFrame } from "../../client/map/model.ts";
import { TrailBuffer, trailAlpha } from "../../client/map/trail.ts";

describe("glide", () => {
  it("moves at constant speed from the drawn position to the target over smoothMs", () => {
    const g = new Glide(0, 0);
    g.set(100, 50, 1000, 100);
    expect([g.x(1000), g.y(1000)]).toEqual([0, 0]);
    expect([g.x(1050), g.y(1050)]).toEqual([50, 25]);
    expect([g.x(1100), g.y(1100)]).toEqual([100, 50]);
    expect([g.x(5000), g.y(5000)]).toEqual([100, 50]);
  });

  it("a patch arriving mid-glide starts from where the point is drawn, without a jump", () => {
    const g = new Glide(0, 0);
    g.set(100, 0, 0, 100);
    g.set(100, 100, 40, 100);
    expect(g.x(40)).toBeCloseTo(40, 9);
    expect(g.y(40)).toBeCloseTo(0, 9);
    expect(g.x(90)).toBeCloseTo(70, 9);
    expect(g.y(90)).toBeCloseTo(50, 9);
  });

  it("smoothMs 0 jumps (replay scrubbing)", () => {
    const g = new Glide(0, 0);
    g.set(100, 0, 0, 100);
    g.set(-500, 7, 50, 0);
    expect([g.x(50), g.y(50)]).toEqual([-500, 7]);
  });

  it("crowds glide agent by agent in typed arrays; new agents appear in place; fewer agents shrink", () => {
    const c = new CrowdGlide([0, 0, 10, 10]);
    c.set([100, 0, 10, 110, 500, 500], 0, 100);
    expect(c.n).toBe(3);
    expect(c.at(0, 50)).toEqual([50, 0]);
    expect(c.at(1, 50)).toEqual([10, 60]);
    expect(c.at(2, 0)).toEqual([500, 500]);
    c.set([0, 0], 50, 100);
    expect(c.n).toBe(1);
    expect(c.at(0, 50)).toEqual([50, 0]);
    expect(c.at(0, 150)).toEqual([0, 0]);
  });
});

describe("trail buffer", () => {
  it("keeps the last 60 positions oldest first, skipping a unit standing still", () => {
    const t = new TrailBuffer();
    expect(t.capacity).toBe(60);
    for (let i = 0; i < 100; i++) t.push(i, -i);
    expect(t.length).toBe(60);
    expect([t.x(0), t.y(0)]).toEqual([40, -40]);
    expect(t.last()).toEqual([99, -99]);
    expect(t.push(99.2, -99.2)).toBe(false);
    expect(t.length).toBe(60);
    expect(t.toArray().map((p) => p[0])).toEqual(Array.from({ length: 60 }, (_, i) => 40 + i));
    t.clear();
    expect(t.length).toBe(0);
    expect(t.last()).toBeNull();
  });

  it("fades from old (faint) to new (strong)", () => {
    const a = Array.from({ length: 10 }, (_, i) => trailAlpha(i, 10));
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a[0]!).toBeGreaterThan(0);
    expect(a[9]!).toBeCloseTo(0.8, 9);
  });
});

describe("map model (setFrame)", () => {
  const unit = (x: number, y: number, extra: object = {}) => ({ id: "u1", callsign: "NL1", type: "car", party: "nl", country: "NL", x, y, order: "move", active: true, own: true, ...extra });
  const frame = (tick: number, x: number, y: number, extra: Partial<MapFrame> = {}): MapFrame => ({
    tick, units: [unit(x, y)], actors: [{ id: "r", kind: "fleeing_vehicle", name: "Robbers", state: "fleeing", x: x + 5, y, level: 0 }, { id: "fans", kind: "crowd", name: "Fans", state: "calm", x: 0, y: 0, level: 300 }],
    crowds: [{ id: "fans", xy: [x, y, x + 1, y + 1] }], ...extra,
  });

  it("glides units, actors and crowd agents and records where they were drawn in the trails", () => {
    const m = new MapModel();
    m.apply(frame(1, 0, 0), 0, 100);
    m.apply(frame(2, 100, 0), 0, 100);
    m.apply(frame(3, 200, 0), 50, 100); // mid-glide: trail gets the drawn point (50, 0)
    const u = m.units.get("u1")!;
    expect(u.trail.toArray()).toEqual([[0, 0], [50, 0]]);
    expect(u.glide.x(100)).toBeCloseTo(125, 9);
    expect(m.actors.get("r")!.trail!.length).toBe(2);
    expect(m.actors.get("fans")!.trail).toBeNull(); // crowds leave no trail
    expect(m.crowds.get("fans")!.at(0, 100)).toEqual([125, 0]);
    expect(m.agentCount("fans")).toBe(2);
  });

  it("drops what is no longer in the frame and clears trails when scrubbed backwards", () => {
    const m = new MapModel();
    for (let t = 1; t <= 5; t++) m.apply(frame(t, t * 10, 0), t * 100, 0);
    expect(m.units.get("u1")!.trail.length).toBe(4);
    m.apply(frame(2, 20, 0), 600, 100);
    expect(m.units.get("u1")!.trail.length).toBe(0);
    expect(m.units.get("u1")!.glide.x(600)).toBe(20); // backwards: jump, no glide
    m.apply({ tick: 3, units: [], actors: [], crowds: [] }, 700, 100);
    expect(m.units.size + m.actors.size + m.crowds.size).toBe(0);
  });

  it("an inactive unit leaves no trail across its (re)appearance", () => {
    const m = new MapModel();
    m.apply({ ...frame(1, 0, 0), units: [unit(0, 0, { active: false })] }, 0, 100);
    m.apply({ ...frame(2, 900, 0), units: [unit(900, 0)] }, 100, 100);
    expect(m.units.get("u1")!.trail.length).toBe(0);
  });
});
