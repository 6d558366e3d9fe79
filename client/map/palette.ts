// Colours of the map, from the Okabe-Ito set (distinguishable with the common colour-vision
// deficiencies). Colour never carries information alone: every country also gets a fill pattern of
// its own and its code written on the map, units carry text labels and role-specific shapes.
export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export type Pattern = "none" | "hatch" | "backhatch" | "dots" | "cross" | "horizontal" | "vertical";
export interface CountryStyle {
  /** Light tint of the hue for the country's area. */
  fill: number;
  /** The full Okabe-Ito hue: pattern lines, unit glyphs of that nationality, legend chips. */
  stroke: number;
  /** `stroke` as a CSS colour, for DOM panels and legends. */
  css: string;
  /** A texture of its own, so neighbours differ without colour. */
  pattern: Pattern;
  /** The text written on the area. */
  label: string;
}

// Order chosen so that neighbours in a scenario's list (usually neighbours on the ground) differ in
// lightness as well as hue: orange/sky blue/bluish green/reddish purple/yellow/blue/vermillion.
export const COUNTRY_HUES: readonly number[] = [
  OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow, OKABE_ITO.blue, OKABE_ITO.vermillion,
];
export const COUNTRY_PATTERNS: readonly Pattern[] = ["none", "hatch", "dots", "backhatch", "cross", "horizontal", "vertical"];

export const css = (c: number): string => `#${c.toString(16).padStart(6, "0")}`;
/** Mix a colour towards white by k (0 = unchanged, 1 = white). */
export function tint(c: number, k: number): number {
  const ch = (s: number) => Math.round(((c >> s) & 255) + (255 - ((c >> s) & 255)) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** The style of the index-th country of a scenario's map (index decides; the code is its label). */
export function countryStyle(code: string, index: number): CountryStyle {
  const i = ((index % COUNTRY_HUES.length) + COUNTRY_HUES.length) % COUNTRY_HUES.length;
  const hue = COUNTRY_HUES[i]!;
  // Past seven countries the patterns shift against the hues so no pair repeats both.
  const pattern = COUNTRY_PATTERNS[(i + Math.floor(index / COUNTRY_HUES.length)) % COUNTRY_PATTERNS.length]!;
  return { fill: tint(hue, 0.72), stroke: hue, css: css(hue), pattern, label: code };
}

/** Fixed colours of map features, chosen to stay apart from the country tints. */
export const MAP_COLOURS = {
  sea: 0xe9edf1,
  border: 0x222222,
  borderHalo: 0xffffff,
  road: 0xffffff,
  roadCasing: 0x6b6b6b,
  motorway: 0xfff3b0,
  site: 0x333333,
  private: OKABE_ITO.vermillion,
  police: OKABE_ITO.blue,
  text: 0x111111,
  actor: OKABE_ITO.black,
  selection: OKABE_ITO.black,
} as const;

/** Crowd dots by the crowd's state; the state is also written in the crowd's label. */
export function crowdColour(kind: string, state: string): number {
  if (kind === "bystanders") return 0x6e6e6e;
  if (state === "disorder") return OKABE_ITO.vermillion;
  if (state === "agitated") return OKABE_ITO.reddishPurple;
  if (state === "dispersed") return 0x9a9a9a;
  return OKABE_ITO.blue;
}
export const CROWD_COLOURS: readonly number[] = [0x6e6e6e, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, 0x9a9a9a, OKABE_ITO.blue];
