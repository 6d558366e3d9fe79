// Durability: the real server process (npm start's entry point) plays an exercise to its end; the
// debrief is announced only after the record is committed, so a kill -9 at any moment after that
// never loses it. Twenty kill points, each in its own server process, against one SQLite file.
import { Client } from "@colyseus/sdk";
import type { ChildProcess } from "node:child_process";
import { spawnServer } from "../support/spawn-server.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Accounts } from "../../server/auth/accounts.ts";
import { openDatabase } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import { openRng, seedRng } from "../../shared/sim/rng.ts";
import { replay } from "../../shared/sim/log.ts";
import { flagship } from "../support/scenarios.ts";

const KILL_POINTS = 20;

const startServer = (db: string, port: number) => spawnServer({ PORT: String(port), JOINTEX_SQLITE: db });

describe("kill -9 after an exercise ended", () => {
  it(`never loses the finished exercise (${KILL_POINTS} kill points)`, async () => {
    const db = join(mkdtempSync(join(tmpdir(), "jointex-kill-")), "kill.sqlite");
    const setup = await openDatabase({ sqliteFile: db });
    await new Accounts(setup.db).createUser("anna.instructor", "correct horse battery", "instructor");
    await setup.close();
    const rng = openRng(seedRng("kill-points"));
    const finished: string[] = [];
    for (let k = 0; k < KILL_POINTS; k++) {
      const port = 20_000 + ((process.pid * 7 + k * 13) % 20_000);
      const child = await startServer(db, port);
      try {
        const base = `http://127.0.0.1:${port}`;
        const { token } = await (await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "anna.instructor", password: "correct horse battery" }) })).json();
        const created = await (await fetch(`${base}/api/exercises`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ scenarioId: "pursuit-thionville", seed: k }) })).json();
        const inst = await new Client(base).joinById(created.roomId, { token });
        const debrief = new Promise((resolve) => inst.onMessage("debrief", resolve));
        inst.send("control", { action: "start" });
        inst.send("control", { action: "speed", speed: 60 });
        await new Promise((r) => setTimeout(r, 200 + rng.int(400)));
        inst.send("control", { action: "end" });
        await debrief;
        // A random moment after the announcement, up to 150 ms: the process dies without warning.
        await new Promise((r) => setTimeout(r, rng.int(150)));
        child.kill("SIGKILL");
        finished.push(created.exerciseId);
      } finally {
        if (child.exitCode === null) child.kill("SIGKILL");
        await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once("exit", r)));
      }
    }
    const after = await openDatabase({ sqliteFile: db });
    try {
      const records = new Records(after.db);
      const scenario = flagship("pursuit-thionville");
      for (const id of finished) {
        const stored = await records.getLog(id);
        expect(stored?.final, id).toBe(true);
        expect((await records.getExercise(id))?.status).toBe("debrief");
        expect(await records.getReport(id, "json")).toBeDefined();
        expect(replay(scenario, stored!.log).mismatches).toEqual([]);
      }
      expect(finished.length).toBe(KILL_POINTS);
    } finally {
      await after.close();
    }
  }, 240_000);
});
