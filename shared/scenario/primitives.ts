// Small building blocks of the scenario schema: ids, durations, points, polygons, translated text.
// Each carries the message an instructor reads when it is written wrong.
import { z } from "zod";
import { COUNTRY_CODES, LANGUAGES } from "./vocab.ts";

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const Id = z
  .string({ error: "write an id: lowercase letters, digits, - and _ (e.g. fr-patrol-1)" })
  .regex(ID_PATTERN, { error: "an id uses only lowercase letters, digits, - and _, and starts with a letter or digit (e.g. fr-patrol-1)" });

/** "90s", "5m", "1h30m", "3d" -> seconds. Written as text so that YAML keeps it readable. */
export const DURATION_PATTERN = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
export function durationSeconds(text: string): number {
  const m = DURATION_PATTERN.exec(text);
  if (!m || text === "") return NaN;
  const [d = 0, h = 0, min = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  return ((d * 24 + h) * 60 + min) * 60 + s;
}
const durationHelp = "write a duration like 45s, 5m, 1h30m or 3d";
/** "1h90m" is refused: a smaller unit after a larger one stays below the larger one. */
function durationCarries(text: string): boolean {
  const m = DURATION_PATTERN.exec(text);
  if (!m) return true;
  const [d, h, min, s] = m.slice(1);
  return !((d !== undefined && Number(h ?? 0) >= 24) || ((d ?? h) !== undefined && Number(min ?? 0) >= 60) || ((d ?? h ?? min) !== undefined && Number(s ?? 0) >= 60));
}
export const Duration = z
  .string({ error: durationHelp })
  .regex(/^(?=\d)(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?$/, { error: durationHelp })
  .refine(durationCarries, { error: "carry over into the larger unit: write 2h30m, not 1h90m" })
  .transform(durationSeconds)
  .meta({ id: "Duration", description: "A duration: days d, hours h, minutes m, seconds s, e.g. 90s, 5m, 1h30m, 3d" });

const pointHelp = "write a point as [x, y] in whole metres from the map's south-west corner";
export const Point = z
  .tuple([z.int({ error: pointHelp }), z.int({ error: pointHelp })], { error: pointHelp })
  .meta({ id: "Point", description: "[x, y] in whole metres: x east, y north, from the south-west corner of the map" });
export type Point = z.infer<typeof Point>;

export const Polygon = z
  .array(Point, { error: "write a polygon as a list of [x, y] points" })
  // Many map tools repeat the first point at the end to close the outline: accept and drop it.
  .transform((pts) => {
    const [a, z2] = [pts[0], pts[pts.length - 1]];
    return pts.length > 1 && a && z2 && a[0] === z2[0] && a[1] === z2[1] ? pts.slice(0, -1) : pts;
  })
  .pipe(z.array(Point).min(3, { error: "a polygon needs at least 3 different points" }))
  .meta({ id: "Polygon", description: "A closed outline: at least 3 [x, y] points, the last joined to the first" });

/** A place is either a site id or a point. */
export const Place = z.union([Id, Point], { error: "write a site id or a point [x, y]" });
export type Place = z.infer<typeof Place>;

export const Country = z.enum(COUNTRY_CODES, {
  error: "write a two-letter ISO country code in capitals (e.g. FR, LU, DE)",
});
export const Language = z.enum(LANGUAGES, { error: "write a two-letter EU language code (e.g. en, fr, de)" });

const langShape = Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1).optional()])) as Record<
  (typeof LANGUAGES)[number],
  z.ZodOptional<z.ZodString>
>;
const TextObject = z.strictObject({ ...langShape, en: z.string({ error: "English text (en) is required" }).min(1) });
/** Text in one or more languages; plain text means English. */
export const Text = z
  .union([z.string().min(1), TextObject], { error: "write text, or a map of languages with at least en:" })
  .transform((v) => (typeof v === "string" ? { en: v } : v))
  .meta({ id: "Text", description: "Text: a plain string (English) or a map of language codes, en required" });
export type Text = z.infer<typeof Text>;

export const Fraction = z
  .number({ error: "write a number from 0 to 1" })
  .min(0, { error: "must be between 0 and 1" })
  .max(1, { error: "must be between 0 and 1" });

export const Source = z
  .string()
  .min(1)
  .meta({ description: "Where this rule comes from (declaration, treaty article, fiche), shown in debriefs" });
