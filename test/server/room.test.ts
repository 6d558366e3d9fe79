// The exercise room on a real Colyseus server with real @colyseus/sdk clients: join codes and staff
// tokens, fog of war on the decoded client state from the first patch, role checks on every command,
// briefing and role assignment, reconnection, and a played exercise committed to the database
// (SQLite; PostgreSQL when DATABASE_URL is set) whose log replays to the same state and report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExerciseRoom } from "../../server/room/exercise-room.ts";
import { websocketShimmed } from "../../server/room/node-websocket.ts";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { replay, stateHash } from "../../shared/sim/log.ts";
import { startRoomServer, until, type RoomServer } from "../support/room-server.ts";
import { flagship } from "../support/scenarios.ts";

type Decoded = { units: Map<string, unknown>; actors: Map<string, unknown>; phase: string; tick: number };
const keys = (m: Map<string, unknown> | undefined) => [...(m?.keys() ?? [])].sort();
const units = (r: { state: unknown }) => keys((r.state as unknown as Decoded).units);
const actors = (r: { state: unknown }) => keys((r.state as unknown as Decoded).actors);
const decoded = (r: { state: unknown }) => r.state as unknown as Decoded;

describe("exercise room", () => {
  let s: RoomServer;
  beforeAll(async () => { s = await startRoomServer(); }, 60_000);
  afterAll(async () => s?.close());
  const create = (scenarioId: string, seed: number) => s.colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId, seed, cohort: "CEPOL 14", secret: s.secret, createdBy: "anna.instructor" });

  it("runs on Node 20 with the WebSocket shim in place", () => {
    expect(websocketShimmed || typeof (globalThis as { WebSocket?: unknown }).WebSocket === "function").toBe(true);
  });

  it("refuses a client that tries to create an exercise itself", async () => {
    await expect(s.colyseus.createRoom("exercise", { scenarioId: "pursuit-thionville", seed: 1 })).rejects.toThrow();
  });

  it("shows each role only its own picture, refuses what a role may not do, and commits the played exercise", async () => {
    const room = await create("pursuit-thionville", 1);
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    for (const bad of [{ role: "fr-patrol", pseudonym: "Falcon" }, { code: "guessed-code", role: "fr-patrol", pseudonym: "Falcon" }, { code, role: "no-such-role", pseudonym: "Falcon" }]) {
      await expect(s.colyseus.connectTo(room, bad)).rejects.toThrow(/join\/refused/);
    }
    expect(room.refusedJoins).toBe(3);

    const fr = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const lu = await s.colyseus.connectTo(room, { code, role: "lu-patrol", pseudonym: "Heron" });
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    await until(() => units(inst).length === 7 && units(fr).length > 0 && units(lu).length > 0);
    // Right after joining: own units only (and what is in sensor range), all for exercise control.
    expect(units(fr)).toEqual(["fr-bac-1", "fr-bac-2"]);
    expect(units(lu)).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(units(inst)).toEqual(["de-sb-1112", "de-tr-1421", "fr-bac-1", "fr-bac-2", "lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(actors(lu)).toEqual([]);
    expect(decoded(fr).phase).toBe("lobby");

    const refused: { code: string }[] = [];
    fr.onMessage("refused", (m: { code: string }) => refused.push(m));
    fr.send("control", { action: "start" });
    inst.send("control", { action: "start" });
    inst.send("control", { action: "speed", speed: 60 });
    await until(() => decoded(inst).phase === "running" && decoded(inst).tick > 10);
    fr.send("command", { type: "order", unit: "lu-dud-21", order: "move", target: "bc-zoufftgen" });
    fr.send("command", { type: "order", unit: "fr-bac-1", order: "pursue", target: "robbers" });
    // Another role's unit, and a car the French have not seen yet (its id is no help: fog of war).
    await until(() => refused.length >= 3);
    expect(refused.map((r) => r.code).sort()).toEqual(["auth/instructor_only", "order/not_in_picture", "order/not_your_unit"]);
    // The robbers appear to the French once their car is in sight; never to Luxembourg before.
    await until(() => actors(fr).includes("robbers"));
    fr.send("command", { type: "order", unit: "fr-bac-1", order: "pursue", target: "robbers" });
    expect(actors(lu)).not.toContain("robbers");
    // Exercise control fires a planned inject now: only the roles it is addressed to hear it.
    const heard: string[] = [];
    lu.onMessage("comms", (m: { kind: string; inject?: string }) => void (m.kind === "delivery" && heard.push(`lu ${m.inject}`)));
    fr.onMessage("comms", (m: { kind: string; inject?: string }) => void (m.kind === "delivery" && heard.push(`fr ${m.inject}`)));
    inst.send("command", { type: "fire_inject", inject: "i-press" });
    await until(() => heard.includes("lu i-press"));
    expect(heard).not.toContain("fr i-press");

    const debrief = new Promise<{ exerciseId: string }>((resolve) => fr.onMessage("debrief", resolve));
    await until(() => decoded(inst).tick > 300);
    inst.send("control", { action: "end" });
    expect((await debrief).exerciseId).toBe(room.exerciseId);
    // Committed before the debrief was announced: final log, participants, reports.
    const stored = await s.records.getLog(room.exerciseId);
    expect(stored?.final).toBe(true);
    expect((await s.records.getExercise(room.exerciseId))?.status).toBe("debrief");
    expect((await s.records.participants(room.exerciseId)).map((p) => [p.pseudonym, p.role]).sort()).toEqual([["Falcon", "fr-patrol"], ["Heron", "lu-patrol"], ["anna.instructor", "instructor"]]);
    expect(stored!.log.controls?.map((c) => c.action)).toEqual(["start", "speed", "end"]);
    // Refused joins and controls are part of the record too.
    expect(stored!.log.refusals?.map((r) => `${r.what} ${r.code}`)).toEqual(["join as fr-patrol join/refused", "join as fr-patrol join/refused", "join as no-such-role join/refused", "control start auth/instructor_only", "command order/not_in_picture"]);
    const again = replay(flagship("pursuit-thionville"), stored!.log);
    expect(again.mismatches).toEqual([]);
    expect(again.sim.state.ended).toBe(true);
    expect(stateHash(again.sim)).toBe(stored!.log.checkpoints.at(-1)?.hash);
    // The report stored at the debrief is the one the log recomputes to.
    expect(JSON.parse((await s.records.getReport(room.exerciseId, "json"))!.body)).toEqual(JSON.parse(JSON.stringify(reportFromLog(flagship("pursuit-thionville"), stored!.log))));
    await Promise.all([fr.leave(), lu.leave(), inst.leave()]);
  }, 60_000);

  it("goes through a briefing, lets exercise control move a trainee to another role, and lets two people share one", async () => {
    const room = await create("pursuit-thionville", 1);
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const a = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const b = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Osprey" });
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    await until(() => units(a).length === 2 && units(b).length === 2);
    inst.send("control", { action: "brief" });
    await until(() => decoded(a).phase === "briefing");
    inst.send("control", { action: "assign", pseudonym: "Osprey", role: "lu-patrol" });
    await until(() => units(b).includes("lu-dud-21"));
    expect(units(b)).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(units(a)).toEqual(["fr-bac-1", "fr-bac-2"]);
    await new Promise((r) => setTimeout(r, 100)); // the role change is written asynchronously
    expect((await s.records.participants(room.exerciseId)).map((p) => [p.pseudonym, p.role])).toContainEqual(["Osprey", "lu-patrol"]);
    await Promise.all([a.leave(), b.leave(), inst.leave()]);
  }, 30_000);

  it("takes a dropped client back into its role with its view (needs the Node 20 WebSocket shim)", async () => {
    const room = await create("pursuit-thionville", 1);
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const fr = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    await until(() => units(fr).length === 2);
    const sessionId = fr.sessionId;
    // The SDK reconnects by itself only after a connection lived 5 s (its minUptime).
    await new Promise((r) => setTimeout(r, 5200));
    const back = new Promise<void>((resolve) => fr.onReconnect(() => resolve()));
    (fr.connection.transport as unknown as { ws: { terminate: () => void } }).ws.terminate();
    await back;
    expect(fr.sessionId).toBe(sessionId);
    await until(() => units(fr).length === 2);
    expect(units(fr)).toEqual(["fr-bac-1", "fr-bac-2"]);
    const refused: { code: string }[] = [];
    fr.onMessage("refused", (m: { code: string }) => refused.push(m));
    fr.send("command", { type: "order", unit: "lu-dud-21", order: "hold" });
    room.state.phase = "running";
    await until(() => refused.length === 1);
    expect(refused[0]?.code).toBe("order/not_your_unit");
    await fr.leave();
  }, 30_000);
});

describe("exercise room: a client that does not come back", () => {
  let s: RoomServer;
  beforeAll(async () => { s = await startRoomServer({ reconnectSeconds: 1 }); }, 60_000);
  afterAll(async () => s?.close());

  it("is marked absent in the record once its grace period is over", async () => {
    const room = await s.colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "pursuit-thionville", seed: 1, secret: s.secret });
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const fr = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    fr.reconnection.enabled = false;
    await until(() => units(fr).length === 2);
    (fr.connection.transport as unknown as { ws: { terminate: () => void } }).ws.terminate();
    await new Promise((r) => setTimeout(r, 2000));
    expect((await s.records.participants(room.exerciseId)).map((p) => [p.pseudonym, p.absent])).toEqual([["Falcon", 1]]);
  }, 30_000);
});

const PG = process.env.DATABASE_URL;
describe.skipIf(!PG)(`exercise room with PostgreSQL records${PG ? "" : " (skipped: DATABASE_URL is not set)"}`, () => {
  let s: RoomServer;
  beforeAll(async () => { s = await startRoomServer({ postgres: PG }); }, 60_000);
  afterAll(async () => s?.close());

  it("commits the played exercise to PostgreSQL, and its log replays to the stored final state", async () => {
    const room = await s.colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId: "football-joint-patrols", seed: 4, secret: s.secret });
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const be = await s.colyseus.connectTo(room, { code, role: "be-contingent-lead", pseudonym: "Lynx" });
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    const debrief = new Promise((resolve) => be.onMessage("debrief", resolve));
    inst.send("control", { action: "start" });
    inst.send("control", { action: "speed", speed: 60 });
    await until(() => decoded(inst).tick > 120);
    inst.send("control", { action: "end" });
    await debrief;
    const stored = await s.records.getLog(room.exerciseId);
    expect(stored?.final).toBe(true);
    const again = replay(flagship("football-joint-patrols"), stored!.log);
    expect(again.mismatches).toEqual([]);
    expect(stateHash(again.sim)).toBe(stored!.log.checkpoints.at(-1)?.hash);
    expect((await s.records.participants(room.exerciseId)).map((p) => p.pseudonym).sort()).toEqual(["Lynx", "anna.instructor"]);
    await Promise.all([be.leave(), inst.leave()]);
  }, 60_000);
});
