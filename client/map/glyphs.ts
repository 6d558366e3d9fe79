// Shapes drawn on the map, so that kinds of things differ by outline, not only by colour:
// own units are wide rectangles (the NATO "friendly" frame), other roles' units circles, a fleeing
// suspect a diamond (the "hostile" frame), hostage takers a star, and each kind of site its own
// outline plus a short tag written before its name. Pure: unit outlines on a radius of 1.
export type Shape = "rect" | "circle" | "diamond" | "star" | "square" | "hexagon" | "shield" | "triangle" | "cross" | "gate" | "dot";

const regular = (n: number, r = 1, rot = -Math.PI / 2): [number, number][] =>
  Array.from({ length: n }, (_, i) => [r * Math.cos(rot + (2 * Math.PI * i) / n), r * Math.sin(rot + (2 * Math.PI * i) / n)]);

/** Outline vertices (screen orientation, y down) of a shape of radius 1; circles are drawn natively. */
export function outline(shape: Shape): [number, number][] {
  switch (shape) {
    case "rect": return [[-1.35, -0.85], [1.35, -0.85], [1.35, 0.85], [-1.35, 0.85]];
    case "square": return [[-0.9, -0.9], [0.9, -0.9], [0.9, 0.9], [-0.9, 0.9]];
    case "diamond": return [[0, -1.25], [1.25, 0], [0, 1.25], [-1.25, 0]];
    case "hexagon": return regular(6, 1.05, 0);
    case "triangle": return [[0, -1.15], [1.1, 0.85], [-1.1, 0.85]];
    case "shield": return [[-0.95, -0.95], [0.95, -0.95], [0.95, 0.2], [0, 1.15], [-0.95, 0.2]];
    case "gate": return [[-1.4, -0.45], [1.4, -0.45], [1.4, 0.45], [-1.4, 0.45]];
    case "cross": {
      const a = 0.38, b = 1;
      return [[-a, -b], [a, -b], [a, -a], [b, -a], [b, a], [a, a], [a, b], [-a, b], [-a, a], [-b, a], [-b, -a], [-a, -a]];
    }
    case "star": {
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 ? 0.5 : 1.25;
        const t = -Math.PI / 2 + (Math.PI * i) / 5;
        pts.push([r * Math.cos(t), r * Math.sin(t)]);
      }
      return pts;
    }
    default: return regular(16);
  }
}

export const unitShape = (own: boolean): Shape => (own ? "rect" : "circle");
export function actorShape(kind: string): Shape | null {
  if (kind === "fleeing_vehicle") return "diamond";
  if (kind === "hostage_takers") return "star";
  return null; // crowds and bystanders are their dots and a label
}

/** Site kinds in order of precedence: a site tagged police_station and local_authority is a police station. */
export const SITE_KINDS = [
  { tag: "private_premises", shape: "square" },
  { tag: "pccc", shape: "hexagon" },
  { tag: "spoc", shape: "hexagon" },
  { tag: "police_station", shape: "shield" },
  { tag: "command_post", shape: "triangle" },
  { tag: "hospital", shape: "cross" },
  { tag: "border_crossing", shape: "gate" },
  { tag: "local_authority", shape: "shield" },
] as const satisfies readonly { tag: string; shape: Shape }[];

/** The site kind that decides a site's glyph and its tag text, or null for an ordinary place. */
export function siteKind(tags: readonly string[]): (typeof SITE_KINDS)[number] | null {
  return SITE_KINDS.find((k) => tags.includes(k.tag)) ?? null;
}
export function siteShape(tags: readonly string[]): Shape {
  return siteKind(tags)?.shape ?? "dot";
}
