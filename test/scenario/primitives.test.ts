// Small pieces the validator leans on: durations, geometry predicates, "did you mean".
import { describe, expect, it } from "vitest";
import { polygonsOverlap, selfIntersection, strictlyInside, type Pt } from "../../shared/geo/geometry.ts";
import { Duration, durationSeconds } from "../../shared/scenario/primitives.ts";
import { closest, didYouMean } from "../../shared/scenario/suggest.ts";

describe("durations", () => {
  it.each([["45s", 45], ["5m", 300], ["1h30m", 5400], ["3d", 259200], ["1d2h3m4s", 93784], ["0s", 0]])("%s is %i seconds", (text, s) => {
    expect(durationSeconds(text)).toBe(s);
    expect(Duration.parse(text)).toBe(s);
  });
  it.each(["", "5", "m", "5 m", "1.5h", "30 minutes", "5m1h", "-5m"])("refuses %j", (text) => {
    expect(Duration.safeParse(text).success).toBe(false);
  });
});

describe("geometry", () => {
  const square: Pt[] = [[0, 0], [10, 0], [10, 10], [0, 10]];
  it("tells inside from the outline", () => {
    expect(strictlyInside([5, 5], square)).toBe(true);
    expect(strictlyInside([10, 5], square)).toBe(false);
    expect(strictlyInside([11, 5], square)).toBe(false);
  });
  it("finds a bow-tie and accepts a simple outline", () => {
    expect(selfIntersection([[0, 0], [10, 10], [10, 0], [0, 10]])).toEqual([0, 2]);
    expect(selfIntersection(square)).toBeUndefined();
  });
  it("lets neighbours share a border but not area", () => {
    expect(polygonsOverlap(square, [[10, 0], [20, 0], [20, 10], [10, 10]])).toBe(false);
    expect(polygonsOverlap(square, [[5, 0], [20, 0], [20, 10], [5, 10]])).toBe(true);
    expect(polygonsOverlap(square, [[2, 2], [4, 2], [4, 4]])).toBe(true);
    expect(polygonsOverlap(square, square)).toBe(true);
  });
});

describe("did you mean", () => {
  it("suggests typos, shortened words and same stems", () => {
    expect(closest("speeed_kmh", ["speed_kmh", "crew"])).toBe("speed_kmh");
    expect(closest("unmarked", ["car", "unmarked_car"])).toBe("unmarked_car");
    expect(closest("fleeing_car", ["fleeing_vehicle", "crowd"])).toBe("fleeing_vehicle");
  });
  it("stays quiet when nothing is close", () => {
    expect(didYouMean("zzzzzz", ["police", "customs"])).toBeUndefined();
    expect(didYouMean(42, ["police"])).toBeUndefined();
  });
});

describe("polygons", () => {
  it("accept an outline that repeats its first point at the end, as map tools write it", async () => {
    const { Polygon } = await import("../../shared/scenario/primitives.ts");
    expect(Polygon.parse([[0, 0], [10, 0], [10, 10], [0, 0]])).toEqual([[0, 0], [10, 0], [10, 10]]);
    expect(Polygon.safeParse([[0, 0], [10, 0], [0, 0]]).success).toBe(false);
  });
});
