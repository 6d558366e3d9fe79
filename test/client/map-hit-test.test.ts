// What a click hits: units before actors, crowds, sites and the bare ground; own units on a tie;
// the smallest site containing the point; tolerance in screen pixels at any zoom.
import { describe, expect, it } from "vitest";
import { clickOutcome, hitTest, type HitScene } from "../../client/map/hit-test.ts";

const scene: HitScene = {
  units: [
    { id: "own-1", x: 1000, y: 1000, own: true },
    { id: "other-1", x: 1000, y: 1000, own: false },
    { id: "other-2", x: 1200, y: 1000, own: false },
  ],
  actors: [{ id: "robbers", x: 1006, y: 1000 }],
  crowds: [{ id: "fans", xy: [3000, 3000, 3010, 3000, 3020, 3004] }],
  sites: [
    { id: "stadium", at: [3000, 3000], radius_m: 200 },
    { id: "big-area", area: [[0, 0], [5000, 0], [5000, 5000], [0, 5000]] },
    { id: "garage", area: [[1900, 1900], [2100, 1900], [2100, 2100], [1900, 2100]] },
    { id: "police", at: [4000, 1000] },
  ],
};

describe("map hit-testing", () => {
  it("a unit on top of a site wins; on an exact tie the own unit wins over another role's", () => {
    expect(hitTest(scene, 1000, 1000, 1)).toEqual({ kind: "unit", id: "own-1" });
  });

  it("the nearest glyph wins between a unit and an actor", () => {
    expect(hitTest(scene, 1005, 1000, 1)).toEqual({ kind: "actor", id: "robbers" });
    expect(hitTest(scene, 1002, 1000, 1)).toEqual({ kind: "unit", id: "own-1" });
  });

  it("reach is in screen pixels: 11 px is 11 m at 1 m/px and 110 m at 10 m/px", () => {
    expect(hitTest(scene, 1200, 1015, 1)).not.toEqual({ kind: "unit", id: "other-2" });
    expect(hitTest(scene, 1200, 1010, 1)).toEqual({ kind: "unit", id: "other-2" });
    expect(hitTest(scene, 1200, 1100, 10)).toEqual({ kind: "unit", id: "other-2" });
  });

  it("a crowd dot beats the site it stands in; away from dots the site answers", () => {
    expect(hitTest(scene, 3011, 3001, 1)).toEqual({ kind: "actor", id: "fans" });
    expect(hitTest(scene, 3000, 3150, 1)).toEqual({ kind: "site", id: "stadium" });
  });

  it("the smallest containing site wins (a gated garage inside a large area)", () => {
    expect(hitTest(scene, 2000, 2000, 1)).toEqual({ kind: "site", id: "garage" });
    expect(hitTest(scene, 2500, 500, 1)).toEqual({ kind: "site", id: "big-area" });
  });

  it("a point site without radius is hit near its glyph only", () => {
    const noArea = { ...scene, sites: scene.sites.filter((s) => s.id !== "big-area") };
    expect(hitTest(noArea, 4005, 1005, 1)).toEqual({ kind: "site", id: "police" });
    expect(hitTest(noArea, 4030, 1000, 1)).toEqual({ kind: "point", at: [4030, 1000] });
  });

  it("empty ground gives the point in whole metres", () => {
    expect(hitTest(scene, 7000.4, 6999.6, 2)).toEqual({ kind: "point", at: [7000, 7000] });
  });

  it("honours the crowd's live agent count over the array length", () => {
    const c = { ...scene, crowds: [{ id: "fans", xy: [3000, 3000, 6000, 6000], n: 1 }] };
    expect(hitTest(c, 6000, 6000, 1)).toEqual({ kind: "point", at: [6000, 6000] });
  });
});

describe("what a click does", () => {
  const own = (id: string) => id.startsWith("own");
  it("left click selects an own unit, clears on ground or site, ignores others", () => {
    expect(clickOutcome("left", false, { kind: "unit", id: "own-1" }, own)).toEqual({ select: "own-1" });
    expect(clickOutcome("left", false, { kind: "unit", id: "other-1" }, own)).toBeNull();
    expect(clickOutcome("left", false, { kind: "actor", id: "robbers" }, own)).toBeNull();
    expect(clickOutcome("left", false, { kind: "point", at: [1, 2] }, own)).toEqual({ select: null });
    expect(clickOutcome("left", false, { kind: "site", id: "garage" }, own)).toEqual({ select: null });
  });
  it("right click, or left click with an armed order, reports the target", () => {
    const t = { kind: "actor", id: "robbers" } as const;
    expect(clickOutcome("right", false, t, own)).toEqual({ target: t });
    expect(clickOutcome("left", true, t, own)).toEqual({ target: t });
    expect(clickOutcome("left", true, { kind: "unit", id: "own-1" }, own)).toEqual({ target: { kind: "unit", id: "own-1" } });
  });
});
