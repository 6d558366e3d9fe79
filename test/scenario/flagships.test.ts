// The three flagship scenarios: valid, with the editor hint line, and rich enough for a real exercise.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const dir = new URL("../../scenarios/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
const load = (f: string): Scenario => {
  const r = parseScenario(readFileSync(new URL(f, dir), "utf8"), f);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.path} ${i.message}`).join("\n"));
  return r.scenario;
};

describe("flagship scenarios", () => {
  it("are the three flagships", () => {
    expect(files).toEqual(["football-joint-patrols.yaml", "hostage-train.yaml", "pursuit-thionville.yaml"]);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(new URL(file, dir), "utf8");
      it("starts with the editor schema hint", () => {
        expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./scenario.schema.json");
      });
      it("validates and is named after its id", () => {
        expect(load(file).meta.id).toBe(file.replace(/\.yaml$/, ""));
      });
      it("has two countries, four trainee roles, eight injects (two conditional, one contingency) and four objectives", () => {
        const s = load(file);
        expect(s.map.countries.length).toBeGreaterThanOrEqual(2);
        expect(new Set(s.parties.map((p) => p.country)).size).toBeGreaterThanOrEqual(2);
        expect(s.roles.length).toBeGreaterThanOrEqual(4);
        expect(s.injects.length).toBeGreaterThanOrEqual(8);
        expect(s.injects.filter((i) => "when" in i.trigger).length).toBeGreaterThanOrEqual(2);
        expect(s.injects.filter((i) => "contingency_for" in i.trigger).length).toBeGreaterThanOrEqual(1);
        expect(s.objectives.length).toBeGreaterThanOrEqual(4);
        expect(s.injects.flatMap((i) => i.expected).length).toBeGreaterThanOrEqual(4);
      });
      it("cites a source for every legal declaration", () => {
        const s = load(file);
        expect(s.law.length).toBeGreaterThan(0);
        for (const pair of s.law) {
          for (const key of ["hot_pursuit", "surveillance", "joint_operations", "atlas", "spoc"] as const) {
            const rule = pair[key];
            if (rule) expect(rule.source, `${pair.host} <- ${pair.sending} ${key}`).toMatch(/\w{3,}/);
          }
        }
      });
      it("checks legal rules in its objectives", () => {
        const s = load(file);
        expect(s.objectives.flatMap((o) => o.rules).length).toBeGreaterThanOrEqual(3);
      });
    });
  }

  it("cover the three instruments the issue names", () => {
    const all = files.map(load);
    expect(all.some((s) => s.law.some((l) => l.hot_pursuit) && s.map.sites.some((x) => x.tags.includes("private_premises")))).toBe(true);
    expect(all.some((s) => s.law.some((l) => l.atlas) && s.actors.some((a) => a.kind === "hostage_takers"))).toBe(true);
    expect(all.some((s) => s.law.some((l) => l.joint_operations) && s.actors.filter((a) => a.kind === "crowd").length >= 2)).toBe(true);
  });
});
