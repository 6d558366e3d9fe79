// Every refusal code the engine and the exercise room can send has a sentence in English, French
// and German. The codes are read from the source text, so a new code without a translation fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import refusals from "../../client/i18n/refusals.ts";
import { refusalKey, refusalText } from "../../client/views/refusals.ts";
import { VIOLATION_CODES } from "../../shared/scenario/vocab.ts";

const root = new URL("../../", import.meta.url).pathname;
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}
const withoutComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
const CODE = String.raw`[a-z]+\/[a-z0-9_]+`;
/** Violations are events judged by the law, not refusals; MIME types are no codes. */
const notRefusal = (c: string) => (VIOLATION_CODES as readonly string[]).includes(c) || /^(text|application|image|audio|video|multipart)\//.test(c);

/** Engine refusals: reject("area/what", ...) and { code: "area/what", reason } in shared/sim. */
function engineCodes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of tsFiles(join(root, "shared/sim"))) {
    const text = withoutComments(readFileSync(file, "utf8"));
    for (const re of [new RegExp(String.raw`\breject\(\s*["'\`](${CODE})["'\`]`, "g"), new RegExp(String.raw`\bcode:\s*["'\`](${CODE})["'\`]`, "g")]) {
      for (const m of text.matchAll(re)) if (!notRefusal(m[1] as string)) out.set(m[1] as string, relative(root, file));
    }
  }
  return out;
}

/** Room refusals: every "area/what" string in the exercise room (refuse(...), recordRefusal(...),
 *  "join/refused: ..." errors, "command/malformed"), whatever helper the room sends it through. */
function roomCodes(): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(root, "server/room/exercise-room.ts");
  const text = withoutComments(readFileSync(file, "utf8"));
  for (const m of text.matchAll(new RegExp(String.raw`["'\`](${CODE})(?=["'\`:])`, "g"))) {
    if (!notRefusal(m[1] as string)) out.set(m[1] as string, relative(root, file));
  }
  return out;
}

/** Codes the room sends that may not be in the source yet when this test was written. */
const ANNOUNCED = [
  "exercise/not_started", "exercise/queue_full", "exercise/over", "order/not_in_picture", "message/not_in_picture",
  "join/role_full", "evaluation/invalid", "evaluation/unknown_objective", "evaluation/unknown_inject",
  "auth/evaluator_only", "auth/observer", "auth/instructor_only", "command/malformed", "join/refused",
];

const LANGS = ["en", "fr", "de"] as const;
const keyOf = (code: string) => code.replaceAll("/", "_");

describe("refusal texts", () => {
  const found = new Map([...engineCodes(), ...roomCodes()]);

  it("finds the codes in the source", () => {
    expect(found.size).toBeGreaterThan(30);
    for (const c of ["order/not_your_unit", "order/target_required", "order/out_of_reach", "message/unknown_actor", "auth/instructor_only", "command/malformed", "join/refused"]) {
      expect(found.has(c), c).toBe(true);
    }
  });

  it("has a sentence for every code in every language", () => {
    const missing: string[] = [];
    for (const [code, file] of [...found, ...ANNOUNCED.map((c) => [c, "announced"] as const)]) {
      for (const l of LANGS) {
        const text = (refusals[l] as Record<string, string>)[keyOf(code)];
        if (typeof text !== "string" || !text.trim()) missing.push(`${code} (${file}) in ${l}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has the same keys in en, fr and de, safe for i18next", () => {
    const en = Object.keys(refusals.en).sort();
    expect(Object.keys(refusals.fr).sort()).toEqual(en);
    expect(Object.keys(refusals.de).sort()).toEqual(en);
    for (const k of en) expect(k).toMatch(/^[a-z]+_[a-z0-9_]+$/);
  });

  it("translates rather than copies, with plain sentences", () => {
    for (const k of Object.keys(refusals.en) as (keyof typeof refusals.en)[]) {
      expect(refusals.fr[k], k).not.toBe(refusals.en[k]);
      expect(refusals.de[k], k).not.toBe(refusals.en[k]);
      for (const l of LANGS) expect(refusals[l][k], `${l} ${k}`).toMatch(/^[A-ZÀ-ÖØ-Þ].*\.$/u);
    }
  });
});

describe("refusalText", () => {
  const dict: Record<string, string> = Object.fromEntries(Object.entries(refusals.fr).map(([k, v]) => [`refusals:${k}`, v]));
  const t = (key: string) => dict[key] ?? key;
  const exists = (key: string) => key in dict;

  it("gives the translated sentence for a known code", () => {
    expect(refusalKey("order/not_your_unit")).toBe("refusals:order_not_your_unit");
    expect(refusalText("order/not_your_unit", "u1 is not commanded by fr_cmd", t, exists)).toBe(refusals.fr.order_not_your_unit);
  });

  it("falls back to the server's reason for an unknown code", () => {
    expect(refusalText("order/brand_new_rule", "a reason only the server knows", t, exists)).toBe("a reason only the server knows");
    expect(refusalText("", "no code at all", t, exists)).toBe("no code at all");
  });

  it("passes the reason to t for sentences that quote it", () => {
    let opts: Record<string, unknown> | undefined;
    refusalText("inject/invalid", "bad trigger", (k, o) => { opts = o; return k; }, () => true);
    expect(opts).toEqual({ reason: "bad trigger" });
  });
});
