// Starts the real server entry point (server/main.ts) as its own process, for tests that must kill
// it or run several: resolves when it says it is listening.
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./scenarios.ts";

export async function spawnServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: "", REDIS_URL: "", CLIENT_DIR: join(tmpdir(), "none"), ...env },
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (d: Buffer) => { out += d.toString(); if (out.includes("Jointex listening")) { clearTimeout(timer); resolve(); } });
    child.stderr?.on("data", (d: Buffer) => { out += d.toString(); });
    child.on("exit", (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return child;
}
