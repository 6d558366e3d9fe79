// What the room tells each client besides the synced state (shared/protocol.ts): the welcome with
// the scenario as the seat may know it, comms routed to receivers and to the sender's outbox, history
// for a late joiner, the lobby's participants, exercise control's console, evaluator input, crowd
// samples, and the debrief with the whole log. Real server, real @colyseus/sdk clients.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExerciseRoom } from "../../server/room/exercise-room.ts";
import type { CommsItem, ConsoleSnapshot, CrowdFrame, Debrief, Welcome } from "../../shared/protocol.ts";
import { replay } from "../../shared/sim/log.ts";
import { startRoomServer, until, type RoomServer } from "../support/room-server.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Conn = { onMessage(type: string, cb: (x: any) => void): unknown; send(type: string, payload: unknown): void; state: unknown; sessionId: string };
/** Listens first, then says hello, as the page does. */
function inbox(c: Conn) {
  const got = { welcome: [] as Welcome[], comms: [] as CommsItem[], console: [] as ConsoleSnapshot[], crowd: [] as CrowdFrame[], refused: [] as { code: string }[], saved: [] as unknown[], debrief: [] as Debrief[] };
  c.onMessage("welcome", (w: Welcome) => got.welcome.push(w));
  c.onMessage("comms", (x: CommsItem) => got.comms.push(x));
  c.onMessage("console", (x: ConsoleSnapshot) => got.console.push(x));
  c.onMessage("crowd", (x: CrowdFrame) => got.crowd.push(x));
  c.onMessage("refused", (x: { code: string }) => got.refused.push(x));
  c.onMessage("evaluation_saved", (x: unknown) => got.saved.push(x));
  c.onMessage("debrief", (x: Debrief) => got.debrief.push(x));
  for (const t of ["spoc", "event", "assigned"]) c.onMessage(t, () => undefined);
  c.send("hello", {});
  return got;
}
const participants = (c: Conn) => {
  const out: { pseudonym: string; role: string; kind: string; connected: boolean }[] = [];
  (c.state as unknown as { participants: Map<string, { pseudonym: string; role: string; kind: string; connected: boolean }> }).participants?.forEach((p) => out.push({ pseudonym: p.pseudonym, role: p.role, kind: p.kind, connected: p.connected }));
  return out.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : 1));
};

describe("room protocol", () => {
  let s: RoomServer;
  beforeAll(async () => { s = await startRoomServer(); }, 60_000);
  afterAll(async () => s?.close());
  const create = (scenarioId: string, seed: number) => s.colyseus.createRoom<ExerciseRoom>("exercise", { scenarioId, seed, cohort: "CEPOL 15", secret: s.secret, createdBy: "anna.instructor" });

  it("welcomes each seat with what it may know, routes comms, and ends with the whole log", async () => {
    const room = await create("pursuit-thionville", 3);
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const evalCode = await s.joinCodes.issue(room.exerciseId, "evaluator");
    const fr = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Falcon" });
    const frIn = inbox(fr);
    const desk = await s.colyseus.connectTo(room, { code, role: "ccpd-desk", pseudonym: "Owl" });
    const deskIn = inbox(desk);
    const lu = await s.colyseus.connectTo(room, { code, role: "lu-patrol", pseudonym: "Heron" });
    const luIn = inbox(lu);
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    const instIn = inbox(inst);
    const ev = await s.colyseus.connectTo(room, { code: evalCode, pseudonym: "Judge" });
    const evIn = inbox(ev);
    await until(() => frIn.welcome.length > 0 && instIn.welcome.length > 0 && evIn.welcome.length > 0 && instIn.console.length > 0);

    // A trainee's scenario: no injects, no actors, only its own briefing and its objectives, no checks.
    const w = frIn.welcome[0] as Welcome;
    expect(w.seat).toEqual({ role: "fr-patrol", kind: "trainee", pseudonym: "Falcon" });
    expect(w.scenario.injects).toEqual([]);
    expect(w.scenario.actors).toEqual([]);
    expect(w.scenario.roles.filter((r) => r.briefing).map((r) => r.id)).toEqual(["fr-patrol"]);
    expect(w.scenario.objectives.length).toBeGreaterThan(0);
    expect(w.scenario.objectives.every((o) => o.rated.includes("fr-patrol") && o.achieve === undefined)).toBe(true);
    expect(w.scenario.map.countries.map((c) => c.code)).toEqual(["FR", "LU", "DE"]);
    expect(w.scenario.units.map((u) => u.id)).toEqual(["fr-bac-1", "fr-bac-2"]);
    // Exercise control and evaluators get the whole scenario and the console.
    expect((instIn.welcome[0] as Welcome).scenario.injects.length).toBe(12);
    expect((evIn.welcome[0] as Welcome).seat.kind).toBe("evaluator");
    const snap = instIn.console[0] as ConsoleSnapshot;
    expect(snap.injects.map((i) => i.id)).toContain("i-robbery");
    expect(snap.objectives.map((o) => o.id)).toContain("o-notify");
    // The lobby: everyone by pseudonym, connected.
    await until(() => participants(fr).length === 5);
    expect(participants(fr).map((p) => `${p.pseudonym}:${p.role}:${p.kind}:${p.connected}`)).toEqual([
      "Falcon:fr-patrol:trainee:true", "Heron:lu-patrol:trainee:true", "Judge:evaluator:evaluator:true", "Owl:ccpd-desk:trainee:true", "anna.instructor:instructor:instructor:true",
    ]);

    inst.send("control", { action: "start" });
    await until(() => (fr.state as unknown as { phase: string }).phase === "running");
    fr.send("command", { type: "message", to: "ccpd-lu", kind: "notify", language: "fr", legal_basis: "cisa_41", text: "BAC Thionville en poursuite, A31 nord." });
    await until(() => frIn.comms.some((c) => c.kind === "message") && deskIn.comms.some((c) => c.kind === "message"));
    const sent = frIn.comms.find((c) => c.kind === "message");
    const heard = deskIn.comms.find((c) => c.kind === "message");
    expect(sent).toMatchObject({ direction: "out", by: "fr-patrol", to: "ccpd-lu", messageKind: "notify", legalBasis: "cisa_41" });
    expect(heard).toMatchObject({ direction: "in", by: "fr-patrol", text: "BAC Thionville en poursuite, A31 nord." });
    // The desk acknowledges; the reply threads to the message.
    desk.send("command", { type: "message", to: "fr-patrol", kind: "reply", language: "fr", in_reply_to: heard?.id, text: "Reçu." });
    await until(() => frIn.comms.some((c) => c.kind === "message" && c.direction === "in"));
    expect(frIn.comms.find((c) => c.kind === "message" && c.direction === "in")).toMatchObject({ inReplyTo: heard?.id, by: "ccpd-desk" });
    expect(luIn.comms.filter((c) => c.kind === "message")).toEqual([]);
    // A decision goes to its role's log; a bad order comes back as a refusal line.
    fr.send("command", { type: "decision", decision: "Continue the pursuit into Luxembourg", options: ["continue", "break off"], rationale: "Armed robbery, extraditable; CCPD notified.", legal_basis: "cisa_41" });
    fr.send("command", { type: "order", unit: "fr-bac-1", order: "pursue", target: "nobody-here" });
    await until(() => frIn.comms.some((c) => c.kind === "decision") && frIn.comms.some((c) => c.kind === "refused")).catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(frIn.comms.map((c) => c.kind))} ${JSON.stringify(frIn.refused)}`); });

    // A late joiner in the same role gets the role's history in its welcome.
    const fr2 = await s.colyseus.connectTo(room, { code, role: "fr-patrol", pseudonym: "Kestrel" });
    const fr2In = inbox(fr2);
    await until(() => fr2In.welcome.length > 0);
    expect((fr2In.welcome[0] as Welcome).history.map((c) => c.kind)).toEqual(expect.arrayContaining(["message", "decision", "refused"]));
    // The welcome is given once per connection: asking again in a loop gets nothing.
    for (let k = 0; k < 5; k++) fr2.send("hello", {});
    await new Promise((r) => setTimeout(r, 300));
    expect(fr2In.welcome).toHaveLength(1);

    // Evaluators note and rate; a trainee may not.
    ev.send("evaluation", { kind: "note", text: "Notification came before the crossing.", objective: "o-notify" });
    ev.send("evaluation", { kind: "rating", objective: "o-notify", rating: "P", reason: "on time" });
    fr.send("evaluation", { kind: "note", text: "I did great" });
    await until(() => evIn.saved.length === 2 && frIn.refused.some((r) => r.code === "auth/evaluator_only"));
    const stored = await s.records.evaluations(room.exerciseId);
    expect(stored.notes).toEqual([expect.objectContaining({ evaluator: "Judge", objective: "o-notify", text: "Notification came before the crossing." })]);
    expect(stored.ratings).toEqual([expect.objectContaining({ evaluator: "Judge", objective: "o-notify", rating: "P" })]);

    inst.send("control", { action: "end" });
    await until(() => frIn.debrief.length > 0 && instIn.debrief.length > 0, 15_000);
    const d = frIn.debrief[0] as Debrief;
    expect(d.exerciseId).toBe(room.exerciseId);
    expect(d.scenario.injects.length).toBe(12);
    expect(d.log.commands.map((c) => c.cmd.type)).toEqual(expect.arrayContaining(["message", "decision", "end"]));
    expect(d.evaluations.ratings).toHaveLength(1);
    expect(replay(d.scenario, d.log).mismatches).toEqual([]);
  });

  it("keeps the fog of war in what a trainee may point at, freezes the clock in a pause, and keeps role limits", async () => {
    const room = await create("pursuit-thionville", 4);
    const code = await s.joinCodes.issue(room.exerciseId, "trainee");
    const de = await s.colyseus.connectTo(room, { code, role: "de-patrol", pseudonym: "Eagle" });
    const deIn = inbox(de);
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    inbox(inst);
    // Before the start, orders are refused (not queued for tick 0).
    de.send("command", { type: "order", unit: "de-sb-1112", order: "hold" });
    await until(() => deIn.refused.some((r) => r.code === "exercise/not_started"));
    inst.send("control", { action: "start" });
    const phase = () => (de.state as unknown as { phase: string; tick: number });
    await until(() => phase().phase === "running" && phase().tick > 3);
    // The robbers are far from Germany: pointing at them, or at an id that does not exist, gets the
    // same answer, so a refusal tells nothing.
    de.send("command", { type: "order", unit: "de-sb-1112", order: "pursue", target: "robbers" });
    de.send("command", { type: "order", unit: "de-sb-1112", order: "pursue", target: "no-such-car" });
    de.send("command", { type: "message", to: "de-pol", kind: "information", text: "Where are they?", about: "robbers" });
    await until(() => deIn.refused.filter((r) => r.code.endsWith("/not_in_picture")).length === 3);
    expect(deIn.refused.filter((r) => r.code.endsWith("/not_in_picture")).map((r) => r.code)).toEqual(["order/not_in_picture", "order/not_in_picture", "message/not_in_picture"]);
    expect(deIn.comms.filter((c) => c.kind === "refused").length).toBeGreaterThanOrEqual(3);
    expect(Object.keys((de.state as unknown as { actors: Map<string, unknown> }).actors ? Object.fromEntries((de.state as unknown as { actors: Map<string, unknown> }).actors) : {})).not.toContain("robbers");
    // A pause freezes the clock: commands wait, time does not move.
    inst.send("control", { action: "pause" });
    await until(() => phase().phase === "paused");
    const frozen = phase().tick;
    for (let k = 0; k < 10; k++) de.send("command", { type: "decision", decision: `Decision ${k}`, rationale: "Waiting for the host." });
    await new Promise((r) => setTimeout(r, 600));
    expect(phase().tick).toBe(frozen);
    inst.send("control", { action: "resume" });
    await until(() => deIn.comms.filter((c) => c.kind === "decision").length === 10 && phase().tick > frozen);
    // Role limits (de-patrol takes 4 people) and assignment of one person by participant id.
    const more = [];
    for (const name of ["Hawk", "Kite", "Buzzard"]) more.push(await s.colyseus.connectTo(room, { code, role: "de-patrol", pseudonym: name }));
    await expect(s.colyseus.connectTo(room, { code, role: "de-patrol", pseudonym: "Osprey" })).rejects.toThrow(/join\/role_full/);
    const twin = await s.colyseus.connectTo(room, { code, role: "lu-patrol", pseudonym: "Eagle" });
    inst.send("control", { action: "assign", participant: de.sessionId, role: "ccpd-desk" });
    await until(() => participants(inst).some((p) => p.pseudonym === "Eagle" && p.role === "ccpd-desk"));
    expect(participants(inst).filter((p) => p.pseudonym === "Eagle").map((p) => p.role).sort()).toEqual(["ccpd-desk", "lu-patrol"]);
    void more;
    void twin;
  });

  it("sends crowd samples only to those who see the crowd", async () => {
    const room = await create("football-joint-patrols", 2);
    const inst = await s.colyseus.connectTo(room, { token: s.token });
    const instIn = inbox(inst);
    inst.send("control", { action: "start" });
    await until(() => instIn.crowd.length > 0, 10_000);
    const frame = instIn.crowd[0] as CrowdFrame;
    expect(frame.crowds.length).toBeGreaterThan(0);
    for (const c of frame.crowds) {
      expect(c.xy.length % 2).toBe(0);
      expect(c.xy.length / 2).toBeLessThanOrEqual(2500);
      expect(c.xy.length).toBeGreaterThan(0);
    }
    inst.send("control", { action: "end" });
  });
});
