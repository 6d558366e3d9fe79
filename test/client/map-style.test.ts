// Colour-blind-safe styling: Okabe-Ito hues only, every country its own pattern and its code as a
// label, glyph shapes that tell own units from others and each site kind apart, and the map's
// interface texts present in all three languages.
import { describe, expect, it } from "vitest";
import texts from "../../client/i18n/map.ts";
import { actorShape, outline, SITE_KINDS, siteKind, siteShape, unitShape } from "../../client/map/glyphs.ts";
import { COUNTRY_HUES, countryStyle, crowdColour, OKABE_ITO, tint } from "../../client/map/palette.ts";
import { mapTexts } from "../../client/map/texts.ts";
import { ORDER_TYPES, ACTOR_STATES } from "../../shared/scenario/vocab.ts";

const rgb = (c: number) => [(c >> 16) & 255, (c >> 8) & 255, c & 255].map((v) => v / 255);
const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
/** Deuteranopia and protanopia simulation (Viénot, Brettel & Mollon 1999) in linear RGB. */
const CVD = {
  protan: [[0.11238, 0.88762, 0], [0.11238, 0.88762, 0], [0.00401, -0.00401, 1]],
  deutan: [[0.29275, 0.70725, 0], [0.29275, 0.70725, 0], [-0.02234, 0.02234, 1]],
};
const simulate = (c: number, m: number[][]) => { const l = rgb(c).map(lin); return m.map((r) => r[0]! * l[0]! + r[1]! * l[1]! + r[2]! * l[2]!); };
const dist = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe("country palette", () => {
  const styles = Array.from({ length: 7 }, (_, i) => countryStyle(["FR", "LU", "DE", "BE", "NL", "AT", "SK"][i]!, i));

  it("uses only Okabe-Ito hues, all distinct, and the CSS form matches", () => {
    const set = new Set<number>(Object.values(OKABE_ITO));
    for (const s of styles) {
      expect(set.has(s.stroke)).toBe(true);
      expect(s.css).toBe(`#${s.stroke.toString(16).padStart(6, "0")}`);
      expect(s.fill).toBe(tint(s.stroke, 0.72));
    }
    expect(new Set(styles.map((s) => s.stroke)).size).toBe(7);
    expect(new Set(styles.map((s) => s.fill)).size).toBe(7);
    expect(COUNTRY_HUES).not.toContain(OKABE_ITO.black);
  });

  it("gives every country a pattern of its own and its code as label, so colour is never the only cue", () => {
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(7);
    expect(styles.map((s) => s.label)).toEqual(["FR", "LU", "DE", "BE", "NL", "AT", "SK"]);
    // Past seven countries the hue repeats but not together with the same pattern.
    const eighth = countryStyle("PL", 7);
    expect(eighth.stroke).toBe(styles[0]!.stroke);
    expect(eighth.pattern).not.toBe(styles[0]!.pattern);
  });

  it("neighbours in the list stay apart under simulated protanopia and deuteranopia", () => {
    for (const m of Object.values(CVD)) {
      for (let i = 0; i + 1 < styles.length; i++) {
        expect(dist(simulate(styles[i]!.stroke, m), simulate(styles[i + 1]!.stroke, m))).toBeGreaterThan(0.08);
      }
    }
  });

  it("crowd states differ in colour and the state is also written (see labels)", () => {
    const c = ["calm", "agitated", "disorder", "dispersed"].map((s) => crowdColour("crowd", s));
    expect(new Set(c).size).toBe(4);
    expect(crowdColour("bystanders", "calm")).not.toBe(crowdColour("crowd", "calm"));
  });
});

describe("glyph shapes", () => {
  it("own units and other roles' units differ in shape; suspects and hostage takers have their own", () => {
    const shapes = [unitShape(true), unitShape(false), actorShape("fleeing_vehicle"), actorShape("hostage_takers")];
    expect(new Set(shapes).size).toBe(4);
    expect(actorShape("crowd")).toBeNull();
  });

  it("private premises, PCCC and police stations each have a distinct glyph", () => {
    const s = ["private_premises", "pccc", "police_station"].map((t) => siteShape([t]));
    expect(new Set(s).size).toBe(3);
    expect(siteShape(["public_place"])).toBe("dot");
    expect(siteKind(["police_station", "local_authority"])?.tag).toBe("police_station");
    for (const k of SITE_KINDS) expect(outline(k.shape).length).toBeGreaterThanOrEqual(3);
  });
});

describe("map texts", () => {
  const keys = (o: object, pre = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${pre}${k}.`) : [`${pre}${k}`]));
  it("has every English key in French and German", () => {
    const en = keys(texts.en).sort();
    expect(keys(texts.fr).sort()).toEqual(en);
    expect(keys(texts.de).sort()).toEqual(en);
  });
  it("names every order type, actor state and site-kind tag", () => {
    for (const o of ORDER_TYPES) expect(Object.keys(texts.en.order)).toContain(o);
    for (const s of ACTOR_STATES) expect(Object.keys(texts.en.state)).toContain(s);
    for (const k of SITE_KINDS) expect(Object.keys(texts.en.site)).toContain(k.tag);
  });
  it("looks up in the language, falls back to English, interpolates", () => {
    expect(mapTexts("fr")("order.pursue")).toBe("poursuivre");
    expect(mapTexts("nl")("order.pursue")).toBe("pursue");
    expect(mapTexts("de")("armed", { order: "fahren" })).toBe("Ziel anklicken für: fahren");
    expect(mapTexts("en")("order.unknown_order")).toBe("unknown_order");
  });
});

describe("renderer choice", () => {
  it("recognises software WebGL rasterisers by name", async () => {
    const { isSoftwareRendererName } = await import("../../client/map/renderer.ts");
    expect(isSoftwareRendererName("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe(true);
    expect(isSoftwareRendererName("llvmpipe (LLVM 15.0.6, 256 bits)")).toBe(true);
    expect(isSoftwareRendererName("ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)")).toBe(true);
    expect(isSoftwareRendererName("ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe(false);
    expect(isSoftwareRendererName("Apple M2")).toBe(false);
  });
});
