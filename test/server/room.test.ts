// The exercise room on a real Colyseus server with real @colyseus/sdk clients: join codes and staff
// tokens, fog of war on the decoded client state from the first patch, role checks on every command,
// and a played exercise committed to the database, whose log replays to the same state.
import { defineRoom, defineServer } from "@colyseus/core";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts } from "../../server/auth/accounts.ts";
import { JoinCodes } from "../../server/auth/join-codes.ts";
import { ExerciseRoom } from "../../server/room/exercise-room.ts";
import { websocketShimmed } from "../../server/room/node-websocket.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";
import { openDatabase, type OpenDb } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import { replay, stateHash } from "../../shared/sim/log.ts";
import { flagship, ROOT } from "../support/scenarios.ts";

const until = async (ok: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};
type Decoded = { units: Map<string, unknown>; actors: Map<string, unknown>; phase: string; tick: number };
const keys = (m: Map<string, unknown> | undefined) => [...(m?.keys() ?? [])].sort();

describe("exercise room", () => {
  let colyseus: ColyseusTestServer;
  let store: OpenDb;
  let records: Records;
  const joinCodes = new JoinCodes();
  let token = "";
  beforeAll(async () => {
    store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-room-")), "room.sqlite") });
    records = new Records(store.db);
    const accounts = new Accounts(store.db);
    await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
    token = (await accounts.login("anna.instructor", "correct horse battery")).token;
    ExerciseRoom.services = { scenarios: await loadScenarioFolder(`${ROOT}scenarios`), joinCodes, accounts, records, createSecret: "test-secret" };
    colyseus = await boot(defineServer({ rooms: { exercise: defineRoom(ExerciseRoom) } }));
  }, 60_000);
  afterAll(async () => {
    await colyseus?.shutdown();
    await store?.close();
  });

  it("runs on Node 20 with the WebSocket shim in place", () => {
    expect(websocketShimmed || typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function").toBe(true);
  });

  it("refuses a client that tries to create an exercise itself", async () => {
    await expect(colyseus.createRoom("exercise", { scenarioId: "pursuit-thionville", seed: 1 })).rejects.toThrow();
  });

  it("shows each role only its own picture, refuses what a role may not do, and commits the played exercise", async () => {
    const room = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "pursuit-thionville", seed: 1, cohort: "CEPOL 14", secret: "test-secret", createdBy: "anna.instructor" });
    const code = await joinCodes.issue(room.exerciseId, "trainee");

    for (const bad of [{ role: "fr-patrol", pseudonym: "Falcon" }, { code: "guessed-code", role: "fr-patrol", pseudonym: "Falcon" }, { code, role: "no-such-role", pseudonym: "Falcon" }]) {
      await expect(colyseus.connectTo(room, bad)).rejects.toThrow(/join\/refused/);
    }
    expect(room.refusedJoins).toBe(3);

    const fr = await colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const lu = await colyseus.connectTo(room, { code, role: "lu-patrol", pseudonym: "Heron" });
    const inst = await colyseus.connectTo(room, { token });
    const frState = () => fr.state as unknown as Decoded;
    const luState = () => lu.state as unknown as Decoded;
    const instState = () => inst.state as unknown as Decoded;
    await until(() => keys(instState().units).length === 7 && keys(frState().units).length > 0 && keys(luState().units).length > 0);
    // Right after joining: own units only (and what is in sensor range), all for exercise control.
    expect(keys(frState().units)).toEqual(["fr-bac-1", "fr-bac-2"]);
    expect(keys(luState().units)).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(keys(instState().units)).toEqual(["de-sb-1112", "de-tr-1421", "fr-bac-1", "fr-bac-2", "lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(keys(luState().actors)).toEqual([]);
    expect(frState().phase).toBe("lobby");

    const refused: { code: string }[] = [];
    fr.onMessage("refused", (m: { code: string }) => refused.push(m));
    fr.send("control", { action: "start" });
    fr.send("command", { type: "order", unit: "lu-dud-21", order: "move", target: "bc-zoufftgen" });
    inst.send("control", { action: "start" });
    inst.send("control", { action: "speed", speed: 60 });
    await until(() => instState().phase === "running" && instState().tick > 10);
    fr.send("command", { type: "order", unit: "fr-bac-1", order: "pursue", target: "robbers" });
    await until(() => refused.length >= 2);
    expect(refused.map((r) => r.code).sort()).toEqual(["auth/instructor_only", "order/not_your_unit"]);
    // The robbers appear to the French once their car is in sight; never to Luxembourg before.
    await until(() => keys(frState().actors).includes("robbers"));
    expect(keys(luState().actors)).not.toContain("robbers");

    const debrief = new Promise<{ exerciseId: string }>((resolve) => fr.onMessage("debrief", resolve));
    await until(() => instState().tick > 300);
    inst.send("control", { action: "end" });
    const d = await debrief;
    expect(d.exerciseId).toBe(room.exerciseId);
    // Committed before the debrief was announced: final log, participants, reports.
    const stored = await records.getLog(room.exerciseId);
    expect(stored?.final).toBe(true);
    expect((await records.getExercise(room.exerciseId))?.status).toBe("debrief");
    expect((await records.participants(room.exerciseId)).map((p) => [p.pseudonym, p.role])).toEqual([["Falcon", "fr-patrol"], ["Heron", "lu-patrol"], ["anna.instructor", "instructor"]]);
    expect(JSON.parse((await records.getReport(room.exerciseId, "json"))!.body).scenario.id).toBe("pursuit-thionville");
    expect(stored!.log.controls?.map((c) => c.action)).toEqual(["start", "speed", "end"]);
    // Refused joins and controls are part of the record too.
    expect(stored!.log.refusals?.map((r) => `${r.what} ${r.code}`)).toEqual(["join as fr-patrol join/refused", "join as fr-patrol join/refused", "join as no-such-role join/refused", "control start auth/instructor_only"]);
    const again = replay(flagship("pursuit-thionville"), stored!.log);
    expect(again.mismatches).toEqual([]);
    // The report stored at the debrief is the one the log recomputes to.
    const { reportFromLog } = await import("../../shared/report/from-log.ts");
    expect(JSON.parse((await records.getReport(room.exerciseId, "json"))!.body)).toEqual(JSON.parse(JSON.stringify(reportFromLog(flagship("pursuit-thionville"), stored!.log))));
    expect(again.sim.state.ended).toBe(true);
    expect(stateHash(again.sim)).toBe(stored!.log.checkpoints.at(-1)?.hash);
    await Promise.all([fr.leave(), lu.leave(), inst.leave()]);
  }, 60_000);
});

describe("exercise room: briefing and roles", () => {
  let colyseus: ColyseusTestServer;
  let store: OpenDb;
  const joinCodes = new JoinCodes();
  let token = "";
  beforeAll(async () => {
    store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-room3-")), "room.sqlite") });
    const accounts = new Accounts(store.db);
    await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
    token = (await accounts.login("anna.instructor", "correct horse battery")).token;
    ExerciseRoom.services = { scenarios: await loadScenarioFolder(`${ROOT}scenarios`), joinCodes, accounts, records: new Records(store.db), createSecret: "s3" };
    colyseus = await boot(defineServer({ rooms: { exercise: defineRoom(ExerciseRoom) } }));
  }, 60_000);
  afterAll(async () => {
    await colyseus?.shutdown();
    await store?.close();
  });

  it("goes through a briefing, lets exercise control move a trainee to another role, and lets two people share one", async () => {
    const room = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "pursuit-thionville", seed: 1, secret: "s3" });
    const code = await joinCodes.issue(room.exerciseId, "trainee");
    const a = await colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const b = await colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Osprey" });
    const inst = await colyseus.connectTo(room, { token });
    const units = (r: { state: unknown }) => keys((r.state as unknown as Decoded).units);
    await until(() => units(a).length === 2 && units(b).length === 2);
    inst.send("control", { action: "brief" });
    await until(() => (a.state as unknown as Decoded).phase === "briefing");
    inst.send("control", { action: "assign", pseudonym: "Osprey", role: "lu-patrol" });
    await until(() => units(b).includes("lu-dud-21"));
    expect(units(b)).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(units(a)).toEqual(["fr-bac-1", "fr-bac-2"]);
    await new Promise((r) => setTimeout(r, 100)); // the role change is written asynchronously
    expect((await new Records(store.db).participants(room.exerciseId)).map((p) => [p.pseudonym, p.role])).toContainEqual(["Osprey", "lu-patrol"]);
    await Promise.all([a.leave(), b.leave(), inst.leave()]);
  }, 30_000);
});

describe("exercise room: a dropped client", () => {
  let colyseus: ColyseusTestServer;
  let store: OpenDb;
  const joinCodes = new JoinCodes();
  beforeAll(async () => {
    store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-room2-")), "room.sqlite") });
    ExerciseRoom.services = { scenarios: await loadScenarioFolder(`${ROOT}scenarios`), joinCodes, records: new Records(store.db), createSecret: "s2" };
    colyseus = await boot(defineServer({ rooms: { exercise: defineRoom(ExerciseRoom) } }));
  }, 60_000);
  afterAll(async () => {
    await colyseus?.shutdown();
    await store?.close();
  });

  it("comes back into its role with its view after its socket dies (needs the Node 20 WebSocket shim)", async () => {
    const room = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "pursuit-thionville", seed: 1, secret: "s2" });
    const code = await joinCodes.issue(room.exerciseId, "trainee");
    const fr = await colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const units = () => keys((fr.state as unknown as Decoded).units);
    await until(() => units().length === 2);
    const sessionId = fr.sessionId;
    // The SDK reconnects by itself only after a connection lived 5 s (its minUptime).
    await new Promise((r) => setTimeout(r, 5200));
    const back = new Promise<void>((resolve) => fr.onReconnect(() => resolve()));
    (fr.connection.transport as unknown as { ws: { terminate: () => void } }).ws.terminate();
    await back;
    expect(fr.sessionId).toBe(sessionId);
    await until(() => units().length === 2);
    expect(units()).toEqual(["fr-bac-1", "fr-bac-2"]);
    const refused: { code: string }[] = [];
    fr.onMessage("refused", (m: { code: string }) => refused.push(m));
    fr.send("command", { type: "order", unit: "lu-dud-21", order: "hold" });
    room.state.phase = "running";
    await until(() => refused.length === 1);
    expect(refused[0]?.code).toBe("order/not_your_unit");
    await fr.leave();
  }, 30_000);
});

const PG = process.env.DATABASE_URL;
describe.skipIf(!PG)(`exercise room with PostgreSQL records${PG ? "" : " (skipped: DATABASE_URL is not set)"}`, () => {
  let colyseus: ColyseusTestServer;
  let store: OpenDb;
  const joinCodes = new JoinCodes();
  const pgSchema = `jointex_room_${process.pid}_${Date.now()}`;
  let token = "";
  beforeAll(async () => {
    store = await openDatabase({ databaseUrl: PG, pgSchema });
    const accounts = new Accounts(store.db);
    await accounts.createUser("anna.instructor", "correct horse battery", "instructor");
    token = (await accounts.login("anna.instructor", "correct horse battery")).token;
    ExerciseRoom.services = { scenarios: await loadScenarioFolder(`${ROOT}scenarios`), joinCodes, accounts, records: new Records(store.db), createSecret: "pg" };
    colyseus = await boot(defineServer({ rooms: { exercise: defineRoom(ExerciseRoom) } }));
  }, 60_000);
  afterAll(async () => {
    await colyseus?.shutdown();
    const { sql } = await import("kysely");
    if (store) await sql`drop schema if exists ${sql.id(pgSchema)} cascade`.execute(store.db);
    await store?.close();
  });

  it("commits the played exercise to PostgreSQL, and its log replays to the stored final state", async () => {
    const room = await colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "football-joint-patrols", seed: 4, secret: "pg" });
    const code = await joinCodes.issue(room.exerciseId, "trainee");
    const be = await colyseus.connectTo(room, { code, role: "be-contingent-lead", pseudonym: "Lynx" });
    const inst = await colyseus.connectTo(room, { token });
    const debrief = new Promise((resolve) => be.onMessage("debrief", resolve));
    inst.send("control", { action: "start" });
    inst.send("control", { action: "speed", speed: 60 });
    await until(() => (inst.state as unknown as Decoded).tick > 120);
    inst.send("control", { action: "end" });
    await debrief;
    const records = new Records(store.db);
    const stored = await records.getLog(room.exerciseId);
    expect(stored?.final).toBe(true);
    const again = replay(flagship("football-joint-patrols"), stored!.log);
    expect(again.mismatches).toEqual([]);
    expect(stateHash(again.sim)).toBe(stored!.log.checkpoints.at(-1)?.hash);
    expect((await records.participants(room.exerciseId)).map((p) => p.pseudonym)).toEqual(["Lynx", "anna.instructor"]);
    await Promise.all([be.leave(), inst.leave()]);
  }, 60_000);
});
