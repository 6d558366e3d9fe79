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
