// Scaling out with the Colyseus Redis presence and driver (REDIS_URL): two server processes share
// one set of exercises. An instructor starts an exercise through process A; a trainee who reaches
// process B joins it all the same, with the join code A issued. Skipped, saying why, without Redis.
import { Client } from "@colyseus/sdk";
import Redis from "ioredis";
import type { ChildProcess } from "node:child_process";
import { spawnServer } from "../support/spawn-server.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Accounts } from "../../server/auth/accounts.ts";
import { openDatabase } from "../../server/storage/db.ts";

const REDIS = process.env.REDIS_URL;
// A Redis database of its own (9), emptied first, so no earlier run's processes linger in it.
const redisDb = REDIS ? `${REDIS.replace(/\/\d*$/, "")}/9` : "";

const start = (db: string, port: number) => spawnServer({ PORT: String(port), JOINTEX_SQLITE: db, REDIS_URL: redisDb, PUBLIC_ADDRESS: `127.0.0.1:${port}`, JOINTEX_ROOM_SECRET: "scale-out-test" });

describe.skipIf(!REDIS)(`scale-out through Redis${REDIS ? "" : " (skipped: REDIS_URL is not set)"}`, () => {
  const children: ChildProcess[] = [];
  afterAll(() => { for (const c of children) c.kill("SIGTERM"); });

  it("lets a trainee on process B join an exercise started on process A", async () => {
    const redis = new Redis(redisDb);
    await redis.flushdb();
    await redis.quit();
    const db = join(mkdtempSync(join(tmpdir(), "jointex-scale-")), "scale.sqlite");
    const setup = await openDatabase({ sqliteFile: db });
    await new Accounts(setup.db).createUser("anna.instructor", "correct horse battery", "instructor");
    await setup.close();
    const [pa, pb] = [41000 + (process.pid % 1000), 42000 + (process.pid % 1000)];
    children.push(await start(db, pa), await start(db, pb));
    const a = `http://127.0.0.1:${pa}`;
    const b = `http://127.0.0.1:${pb}`;
    const { token } = await (await fetch(`${a}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "anna.instructor", password: "correct horse battery" }) })).json();
    const created = await (await fetch(`${a}/api/exercises`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ scenarioId: "pursuit-thionville", seed: 3 }) })).json();
    expect(created.roomId).toBeTruthy();
    const trainee = await new Client(b).joinById(created.roomId, { code: created.traineeCode, role: "fr-patrol", pseudonym: "Falcon" });
    const inst = await new Client(b).joinById(created.roomId, { token });
    const units = (r: { state: unknown }) => [...(((r.state as { units?: Map<string, unknown> }).units)?.keys() ?? [])].sort();
    const end = Date.now() + 8000;
    while ((units(trainee).length === 0 || units(inst).length < 7) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(units(trainee)).toEqual(["fr-bac-1", "fr-bac-2"]);
    expect(units(inst)).toHaveLength(7);
    await expect(new Client(b).joinById(created.roomId, { code: "wrong", role: "fr-patrol", pseudonym: "X" })).rejects.toThrow(/join\/refused/);
    await Promise.all([trainee.leave(), inst.leave()]);
  }, 90_000);
});
