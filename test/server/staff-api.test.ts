// The staff HTTP API on the real app with a real SQLite database: accounts and short-lived tokens,
// role checks on every route, exercise records and reports recomputed from the stored log, origins.
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts, TOKEN_TTL_MS } from "../../server/auth/accounts.ts";
import { createApp } from "../../server/app.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";
import { openDatabase, type OpenDb } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import { scenarioHash } from "../../shared/sim/log.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { flagship, loadPlaythrough, ROOT } from "../support/scenarios.ts";

describe("staff API", () => {
  let store: OpenDb;
  let server: Server;
  let url = "";
  let now = Date.parse("2026-11-29T10:00:00Z");
  let exerciseId = "";
  beforeAll(async () => {
    store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-api-")), "api.sqlite") });
    const accounts = new Accounts(store.db, () => now);
    const records = new Records(store.db);
    await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
    await accounts.createUser("carl.coordinator", "another long password", "coordinator");
    const p = loadPlaythrough("pursuit-thionville.unlawful.yaml");
    const scenario = flagship(p.scenario);
    const run = runPlaythrough(scenario, p);
    exerciseId = await records.createExercise({ scenarioId: scenario.meta.id, scenarioHash: scenarioHash(scenario), seed: "1", cohort: "CEPOL 14", createdBy: "anna.instructor" });
    await records.addParticipant(exerciseId, { pseudonym: "Falcon", role: "fr-patrol", kind: "trainee" });
    await records.finishExercise(exerciseId, run.log);
    const app = createApp({ scenarios: await loadScenarioFolder(`${ROOT}scenarios`), clientDir: tmpdir(), accounts, records, allowedOrigins: ["https://training.example.eu"] });
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await store.close();
  });

  const login = async (username: string, password: string) => fetch(`${url}/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  const get = (path: string, token?: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  it("refuses wrong credentials with one message, and gives a token that expires", async () => {
    for (const [u, p] of [["anna.instructor", "wrong password!"], ["nobody", "correct horse battery"]] as const) {
      const r = await login(u, p);
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: "auth/bad_credentials", reason: "wrong username or password" });
    }
    const ok = await login("anna.instructor", "correct horse battery");
    const body = await ok.json();
    expect(body.user).toMatchObject({ username: "anna.instructor", role: "instructor" });
    expect(Date.parse(body.expiresAt) - now).toBe(TOKEN_TTL_MS);
    expect((await get("/me", body.token)).status).toBe(200);
    now += TOKEN_TTL_MS + 1;
    expect((await get("/me", body.token)).status).toBe(401);
    now -= TOKEN_TTL_MS + 1;
  });

  it("refuses every record route without a valid token, and revokes a token at logout", async () => {
    for (const path of ["/exercises", `/exercises/${exerciseId}`, `/exercises/${exerciseId}/report`, "/me"]) {
      const r = await get(path);
      expect(r.status, path).toBe(401);
    }
    expect((await get("/exercises", "forged-token")).status).toBe(401);
    const { token } = await (await login("carl.coordinator", "another long password")).json();
    expect((await get("/exercises", token)).status).toBe(200);
    expect((await fetch(`${url}/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await get("/exercises", token)).status).toBe(401);
  });

  it("shows the record with pseudonyms only, and the report recomputed from the stored log", async () => {
    const { token } = await (await login("carl.coordinator", "another long password")).json();
    const list = await (await get("/exercises?scenario=pursuit-thionville", token)).json();
    expect(list.exercises.map((e: { id: string }) => e.id)).toEqual([exerciseId]);
    const record = await (await get(`/exercises/${exerciseId}`, token)).json();
    expect(record.exercise).toMatchObject({ status: "debrief", cohort: "CEPOL 14" });
    expect(record.log).toMatchObject({ ticks: 3600, final: true });
    expect(record.participants).toEqual([expect.objectContaining({ pseudonym: "Falcon", role: "fr-patrol", kind: "trainee", absent: false })]);
    const json = await (await get(`/exercises/${exerciseId}/report?format=json`, token)).json();
    expect(json.scorecard.overall).toMatchObject({ rating: "U", score: 30 });
    const html = await get(`/exercises/${exerciseId}/report?lang=de`, token);
    expect(html.headers.get("content-type")).toContain("text/html");
    expect(await html.text()).toContain("Einsatznachbereitung");
    expect((await get("/exercises/nope", token)).status).toBe(404);
  });

  it("takes evaluator notes and ratings, refuses an override without reason, and the report reflects them", async () => {
    const { token } = await (await login("anna.instructor", "correct horse battery")).json();
    const post = (body: unknown) => fetch(`${url}/exercises/${exerciseId}/evaluations`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post({ kind: "note", at: "12m", text: "The cordon was quick." })).status).toBe(201);
    expect((await post({ kind: "rating", objective: "o-apprehend", rating: "S" })).status).toBe(201);
    const bad = await post({ kind: "override", objective: "o-stop", rating: "P", reason: "no" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).reason).toContain("an override needs its reason");
    const coord = (await (await login("carl.coordinator", "another long password")).json()).token;
    expect((await fetch(`${url}/exercises/${exerciseId}/evaluations`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${coord}` }, body: JSON.stringify({ kind: "note", text: "x" }) })).status).toBe(403);
    const report = await (await get(`/exercises/${exerciseId}/report?format=json`, token)).json();
    expect(report.notes).toEqual([{ at: 720, time: "00:12:00", evaluator: "anna.instructor", text: "The cordon was quick." }]);
    expect(report.scorecard.objectives.find((o: { id: string }) => o.id === "o-apprehend").evaluatorRatings).toEqual([{ evaluator: "anna.instructor", rating: "S" }]);
  });

  it("refuses calls from origins outside the allow-list", async () => {
    const { token } = await (await login("carl.coordinator", "another long password")).json();
    const evil = await get("/exercises", token, { origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({ error: "http/origin_not_allowed", origin: "https://evil.example" });
    expect((await get("/exercises", token, { origin: "https://training.example.eu" })).status).toBe(200);
  });
});
