// The product as `npm start` runs it, on one port: an instructor logs in over HTTP, starts an
// exercise, and real SDK clients (instructor and trainees with the join code) join it over WebSocket.
import { Client } from "@colyseus/sdk";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts } from "../../server/auth/accounts.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";
import { startServer } from "../../server/server.ts";
import { openDatabase, type OpenDb } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import { ROOT } from "../support/scenarios.ts";

const until = async (ok: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("game server on one port", () => {
  let store: OpenDb;
  let srv: Awaited<ReturnType<typeof startServer>>;
  let base = "";
  beforeAll(async () => {
    store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-gs-")), "gs.sqlite") });
    const accounts = new Accounts(store.db);
    await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
    await accounts.createUser("carl.coordinator", "another long password", "coordinator");
    srv = await startServer({ port: 0, scenarios: await loadScenarioFolder(`${ROOT}scenarios`), clientDir: tmpdir(), accounts, records: new Records(store.db) });
    base = `http://127.0.0.1:${srv.port}`;
  }, 60_000);
  afterAll(async () => {
    await srv?.close();
    await store?.close();
  });

  const login = async (u: string, p: string) => (await (await fetch(`${base}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: u, password: p }) })).json()).token as string;
  const start = (token: string, body: unknown) => fetch(`${base}/api/exercises`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

  it("lets only an instructor start an exercise, which trainees then join with its code", async () => {
    const coord = await login("carl.coordinator", "another long password");
    expect((await start(coord, { scenarioId: "hostage-train" })).status).toBe(403);
    const token = await login("anna.instructor", "correct horse battery");
    expect((await start(token, { scenarioId: "nope" })).status).toBe(404);
    const res = await start(token, { scenarioId: "hostage-train", seed: 5, cohort: "CEPOL 14" });
    expect(res.status).toBe(201);
    const { roomId, exerciseId, traineeCode } = await res.json();
    expect(exerciseId).toMatch(/^[0-9a-f-]{36}$/);

    // The start page asks what a code opens: the room and the roles to choose from, nothing more.
    const join = async (code: string) => fetch(`${base}/api/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
    const opened = await (await join(traineeCode)).json();
    expect(opened).toMatchObject({ roomId, exerciseId, kind: "trainee", scenario: { id: "hostage-train" } });
    expect(opened.roles.map((r: { id: string }) => r.id)).toContain("at-ic");
    expect(opened.roles[0]).toEqual(expect.objectContaining({ country: expect.stringMatching(/^[A-Z]{2}$/), maxPlayers: expect.any(Number) }));
    expect(JSON.stringify(opened)).not.toMatch(/injects|briefing|objectives/);
    expect((await join("not-a-code-at-all")).status).toBe(404);
    expect((await join("")).status).toBe(400);
    // Staff find the live room of an exercise by its id; a finished or unknown one has none.
    const live = await (await fetch(`${base}/api/exercises/${exerciseId}/room`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(live).toEqual({ roomId, exerciseId });
    expect((await fetch(`${base}/api/exercises/${exerciseId}/room`)).status).toBe(401);
    // A lost code is replaced: the new one opens the exercise, the old one no longer does.
    const fresh = await (await fetch(`${base}/api/exercises/${exerciseId}/codes`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).json();
    expect((await join(fresh.traineeCode)).status).toBe(200);
    expect((await join(traineeCode)).status).toBe(404);
    expect((await fetch(`${base}/api/exercises/${exerciseId}/codes`, { method: "POST", headers: { authorization: `Bearer ${coord}` } })).status).toBe(403);

    const sdk = new Client(base);
    const inst = await sdk.joinById(roomId, { token });
    const at = await sdk.joinById(roomId, { code: fresh.traineeCode, role: "at-ic", pseudonym: "Kestrel" });
    await expect(sdk.joinById(roomId, { code: "wrong", role: "de-lead", pseudonym: "X" })).rejects.toThrow(/join\/refused/);
    const units = (r: { state: unknown }) => [...(((r.state as { units?: Map<string, unknown> }).units)?.keys() ?? [])].sort();
    await until(() => units(inst).length > 0 && units(at).length > 0);
    // The Austrian commander sees Austrian units (and any in sensor range), exercise control all of them.
    expect(units(at).every((id) => id.startsWith("at-") || id.startsWith("de-bpol"))).toBe(true);
    expect(units(inst).length).toBeGreaterThan(units(at).length);
    expect((await fetch(`${base}/api/exercises/${exerciseId}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await Promise.all([inst.leave(), at.leave()]);
  }, 60_000);

  it("refuses a WebSocket upgrade from a foreign origin", async () => {
    const { WebSocket } = await import("ws");
    const status = (origin: string) => new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/nothing`, { origin });
      ws.on("unexpected-response", (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
      ws.on("open", () => { resolve(101); ws.close(); });
      ws.on("error", () => resolve(-1));
    });
    expect(await status("https://evil.example")).toBe(401);
    expect(await status(`http://127.0.0.1:${srv.port}`)).not.toBe(401);
  });
});
