// Hostile and random input: the parser answers with issues, never a throw, a hang or a crash.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, type ParseResult } from "../../shared/scenario/parse.ts";
import { MAX_DEPTH, MAX_FILE_BYTES } from "../../shared/scenario/yaml-source.ts";

const minimal = readFileSync(new URL("../fixtures/minimal.yaml", import.meta.url), "utf8");

function wellFormed(r: ParseResult): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.column).toBeGreaterThanOrEqual(1);
    expect(i.message.length).toBeGreaterThan(5);
    expect(i.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
}

describe("hostile scenario input", () => {
  it("refuses a file over the size limit before parsing it", () => {
    const big = `jointex: 1\nmeta:\n  briefing: "${"x".repeat(MAX_FILE_BYTES)}"\n`;
    const r = parseScenario(big, "big.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ line: 1, column: 1, message: expect.stringContaining("limited to 1 MiB") })]);
  });

  it("refuses nesting deeper than the limit", () => {
    const deep = `jointex: 1\nmeta: ${"[".repeat(MAX_DEPTH + 10)}${"]".repeat(MAX_DEPTH + 10)}\n`;
    const r = parseScenario(deep, "deep.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toBe(`the file nests more than ${MAX_DEPTH} levels deep, the most a scenario file may`);
  });

  it("survives 100,000 unclosed brackets", () => {
    const r = parseScenario(`a: ${"[".repeat(100_000)}`, "brackets.yaml");
    expect(r.ok).toBe(false);
    wellFormed(r);
  });

  it("stops an exponential alias bomb", () => {
    const levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let k = 1; k < 12; k++) {
      const prev = String.fromCharCode(96 + k);
      levels.push(`${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const r = parseScenario(`jointex: 1\n${levels.join("\n")}\n`, "bomb.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(/too many alias/);
  });

  it("refuses YAML tags that other loaders would turn into code", () => {
    const r = parseScenario(`${minimal}\nextra: !!js/function "function () { return 1 }"\n`, "tag.yaml");
    expect(r.ok).toBe(false);
    wellFormed(r);
  });

  it("answers binary garbage with an issue", () => {
    const bytes = Array.from({ length: 4000 }, (_, k) => String.fromCharCode((k * 7919) % 256)).join("");
    const r = parseScenario(bytes, "garbage.yaml");
    expect(r.ok).toBe(false);
    wellFormed(r);
  });

  it("never throws on random text (seeded)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => wellFormed(parseScenario(text, "fuzz.yaml"))), { seed: 20261129, numRuns: 400 });
  });

  it("never throws on random JSON-shaped documents (seeded)", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => wellFormed(parseScenario(JSON.stringify({ jointex: 1, ...(typeof value === "object" && value && !Array.isArray(value) ? value : { meta: value }) }), "fuzz.json"))), { seed: 7, numRuns: 300 });
  });

  it("never throws on the minimal scenario with lines deleted or characters replaced (seeded)", () => {
    const lines = minimal.split("\n");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), fc.integer({ min: 0, max: 80 }), fc.constantFrom("", ":", "-", "[", "{", " ", "'", "x", "9"), (line, col, ch) => {
        const copy = [...lines];
        const l = copy[line] ?? "";
        copy[line] = ch === "" ? "" : `${l.slice(0, col)}${ch}${l.slice(col + 1)}`;
        wellFormed(parseScenario(copy.join("\n"), "mutant.yaml"));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
