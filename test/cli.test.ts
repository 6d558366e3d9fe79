// The instructor's command line, run as a real process: exit codes and what it prints.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = new URL("../", import.meta.url).pathname;
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run("node", ["--import", "tsx", "server/cli/scenario.ts", ...args], { cwd: root });
    return { code: 0, out: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe("npm run scenario -- validate", () => {
  it("accepts the three flagships with exit code 0", async () => {
    const { code, out } = await cli("validate", "scenarios/pursuit-thionville.yaml", "scenarios/hostage-train.yaml", "scenarios/football-joint-patrols.yaml");
    expect(out).toContain("3 of 3 files valid");
    expect(out.match(/^ok {2}/gm)?.length).toBe(3);
    expect(code).toBe(0);
  });

  it("prints every problem with file:line:column and exits 1", async () => {
    const { code, out } = await cli("validate", "test/fixtures/broken/33-many-problems.yaml", "test/fixtures/minimal.yaml");
    expect(code).toBe(1);
    expect(out).toContain("test/fixtures/broken/33-many-problems.yaml:8:13  meta.duration: write a duration like 45s, 5m, 1h30m or 3d (found text \"soon\")");
    expect(out).toContain("hint: did you mean \"desk-lu\"?");
    expect(out).toContain("33-many-problems.yaml: 4 problems");
    expect(out).toContain("1 of 2 files valid");
  });

  it("says so when a file does not exist", async () => {
    const { code, out } = await cli("validate", "scenarios/nope.yaml");
    expect(code).toBe(1);
    expect(out).toContain("scenarios/nope.yaml:1:1  no such file");
  });

  it("explains its usage on a wrong command", async () => {
    const { code, out } = await cli("validat");
    expect(code).toBe(2);
    expect(out).toContain('unknown command "validat"');
    expect(out).toContain("validate <files...>");
  });
});

describe("npm run scenario -- simulate", () => {
  it("plays a scripted exercise, prints the timeline with violations and writes a log that replays", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { replay } = await import("../shared/sim/log.ts");
    const { flagship } = await import("./support/scenarios.ts");
    const out = join(mkdtempSync(join(tmpdir(), "jointex-cli-")), "run.log.json");
    const { code, out: text } = await cli("simulate", "scenarios/pursuit-thionville.yaml", "--script", "scenarios/playthroughs/pursuit-thionville.unlawful.yaml", "--out", out);
    expect(code).toBe(0);
    expect(text).toContain("00:06:00  VIOLATION pursuit/not_notified_at_crossing [CISA Art. 41(1)] fr-patrol/fr-bac-1");
    expect(text).toContain("pursuit-thionville, seed 1: 3600 s simulated, 10 violations");
    expect(text).toContain(`exercise log written to ${out}`);
    const log = JSON.parse(readFileSync(out, "utf8"));
    expect(replay(flagship("pursuit-thionville"), log).mismatches).toEqual([]);
  });

  it("says what is wrong with a playthrough file", async () => {
    const { code, out } = await cli("simulate", "scenarios/pursuit-thionville.yaml", "--script", "test/fixtures/minimal.yaml");
    expect(code).toBe(1);
    expect(out).toContain('test/fixtures/minimal.yaml:3:1  scenario: missing section "scenario"');
  });

  it("refuses a playthrough written for another scenario", async () => {
    const { code, out } = await cli("simulate", "scenarios/hostage-train.yaml", "--script", "scenarios/playthroughs/pursuit-thionville.lawful.yaml", "--out", "/tmp/jointex-wrong.json");
    expect(code).toBe(1);
    expect(out).toContain('this playthrough is for scenario "pursuit-thionville", not "hostage-train"');
  });
});

describe("npm run scenario -- report", () => {
  it("writes the report of a played exercise as HTML, JSON and CSV, with evaluator input", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "jointex-report-"));
    const log = join(dir, "run.log.json");
    expect((await cli("simulate", "scenarios/pursuit-thionville.yaml", "--script", "scenarios/playthroughs/pursuit-thionville.unlawful.yaml", "--out", log, "--quiet")).code).toBe(0);

    const html = await cli("report", log, "--format", "html", "--evaluations", "test/fixtures/evaluations.yaml", "--lang", "fr");
    expect(html.code).toBe(0);
    expect(html.out).toContain(`pursuit-thionville: overall U (30/100), 10 legal findings; report written to ${join(dir, "run.report.html")}`);
    const page = readFileSync(join(dir, "run.report.html"), "utf8");
    expect(page).toContain("Rapport après action");
    expect(page).toContain("The Luxembourg cordon around the garage compound was quick and well placed.");
    expect(page).toContain("Lead evaluator: The CCPD relay came late");

    expect((await cli("report", log, "--format", "json")).code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "run.report.json"), "utf8"));
    expect(json.scorecard.objectives.map((o: { final: string }) => o.final)).toEqual(["M", "M", "M", "U", "M"]);
    expect((await cli("report", log, "--format", "csv")).code).toBe(0);
    expect(readFileSync(join(dir, "run.report.csv"), "utf8").split("\n")[0]).toBe("section,id,title,weight,outcome,achieved_at_s,violations,automatic,evaluator_ratings,final,reasons");
  });

  it("says what is wrong with a bad log or evaluation file", async () => {
    const bad = await cli("report", "scenarios/scenario.schema.json");
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('not a Jointex exercise log (format "undefined")');
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "jointex-report-"));
    await cli("simulate", "scenarios/pursuit-thionville.yaml", "--script", "scenarios/playthroughs/pursuit-thionville.lawful.yaml", "--out", join(dir, "l.json"), "--quiet");
    writeFileSync(join(dir, "ev.yaml"), "overrides:\n  - { evaluator: X, objective: o-stop, rating: P, reason: ok }\n");
    const ev = await cli("report", join(dir, "l.json"), "--evaluations", join(dir, "ev.yaml"));
    expect(ev.code).toBe(1);
    expect(ev.out).toContain("overrides.0.reason: an override needs its reason");
  });
});
