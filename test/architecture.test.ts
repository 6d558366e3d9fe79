// The simulation core stays pure: shared/ imports nothing from server/ or client/, no Colyseus,
// Phaser, node:* or DOM, and reads no clock or unseeded randomness. Checked from the source text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url).pathname;
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}
const shared = tsFiles(join(root, "shared"));
const importsOf = (text: string) => [...text.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");

describe("shared/ is a pure core", () => {
  it("has source files to check", () => expect(shared.length).toBeGreaterThan(5));

  it("imports nothing from server, client, Colyseus, Phaser, node:* or Node built-ins", () => {
    const bad: string[] = [];
    for (const file of shared) {
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        const resolved = spec.startsWith(".") ? relative(root, join(file, "..", spec)) : spec;
        if (/^(server|client)\//.test(resolved) || /^(node:|fs$|path$|os$|child_process$)|colyseus|phaser/.test(spec)) bad.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("uses no engine-dependent maths (only + - * / and Math.sqrt, which IEEE 754 rounds exactly)", () => {
    const bad: string[] = [];
    for (const file of shared) {
      const code = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
      for (const re of [/Math\.(pow|exp|expm1|log\w*|sin\w*|cos\w*|tan\w*|atan2?|hypot|cbrt|fround)\(/, /\*\*/]) {
        const m = re.exec(code.replace(/\/\*[\s\S]*?\*\//g, ""));
        if (m) bad.push(`${relative(root, file)}: ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("reads no clock, no unseeded randomness, no locale and no DOM", () => {
    const bad: string[] = [];
    for (const file of shared) {
      const code = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
      // localeCompare orders by the machine's language: a Danish browser would replay differently.
      for (const re of [/Math\.random\(/, /Date\.now\(/, /new Date\(/, /performance\.now\(/, /\bdocument\./, /\bwindow\./, /\blocalStorage\b/, /process\.env/, /localeCompare/, /toLocale\w*\(/]) {
        if (re.test(code)) bad.push(`${relative(root, file)}: ${re.source}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
