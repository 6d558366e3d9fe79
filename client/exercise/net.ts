// The page's link to its exercise room (@colyseus/sdk): joins with a code or a staff token, copies
// the synced state into the store on every patch, turns room messages into store updates, and sends
// commands, clock controls and evaluations. A reload within the reconnection window gets the seat back.
import { Client, type Room } from "@colyseus/sdk";
import type { ServerMessages } from "../../shared/protocol.ts";
import type { CommandInput } from "../../shared/sim/commands.ts";
import i18next from "i18next";
import { t, tx } from "../i18n/index.ts";
import { refusalText } from "../views/refusals.ts";
import type { Control, Evaluation, Net } from "./ctx.ts";
import type { ActorSnap, Participant, Phase, Store, UnitSnap } from "./store.ts";

export interface Session { roomId: string; exerciseId?: string; code?: string; role?: string; pseudonym?: string; token?: string }
const SESSION_KEY = "jointex.session";
const RECONNECT_KEY = "jointex.reconnect";

export function readSession(): Session | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    return s && typeof s.roomId === "string" ? s : null;
  } catch {
    return null;
  }
}
export function writeSession(s: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  sessionStorage.removeItem(RECONNECT_KEY);
}

/** The actor's name in the interface language where the scenario gives it. */
function actorName(a: { name: string; names?: string }): string {
  try {
    return tx(JSON.parse(a.names || "{}") as Record<string, string>) || a.name;
  } catch {
    return a.name;
  }
}

interface Synced {
  phase: string; tick: number; speed: number;
  units: Map<string, UnitSnap>; actors: Map<string, ActorSnap>; participants: Map<string, Participant>;
}

/** Copies the decoded schema state into plain snapshots (the store never holds schema objects). */
function pull(store: Store, state: Synced): void {
  const m = store.m;
  const topics: Parameters<Store["emit"]> = ["tick"];
  if (!state.phase) return; // not decoded yet
  if (m.phase !== state.phase) { m.phase = state.phase as Phase; topics.push("phase"); }
  m.tick = state.tick;
  m.speed = state.speed;
  const units = new Map<string, UnitSnap>();
  state.units?.forEach((u, id) => units.set(id, { id, party: u.party, country: u.country, callsign: u.callsign, type: u.type, x: u.x, y: u.y, in: u.in, order: u.order, target: u.target, active: u.active }));
  m.units = units;
  const actors = new Map<string, ActorSnap>();
  state.actors?.forEach((a, id) => actors.set(id, { id, kind: a.kind, name: actorName(a), state: a.state, x: a.x, y: a.y, level: a.level, size: a.size }));
  // An actor that leaves the picture stays as "last seen" (where and when): officers keep what they saw.
  for (const [id, a] of m.actors) if (!actors.has(id) && a.kind !== "crowd" && a.kind !== "bystanders") actors.set(id, { ...a, lostAt: a.lostAt ?? m.tick });
  m.actors = actors;
  for (const id of [...m.crowds.keys()]) if (!actors.has(id)) m.crowds.delete(id);
  const people: Participant[] = [];
  state.participants?.forEach((p) => people.push({ id: p.id, pseudonym: p.pseudonym, role: p.role, kind: p.kind, connected: p.connected }));
  const key = JSON.stringify(people);
  if (key !== JSON.stringify(m.participants)) { m.participants = people; topics.push("participants"); }
  store.emit(...topics);
}

function listen(room: Room, store: Store): void {
  const m = store.m;
  const on = <K extends keyof ServerMessages>(type: K, fn: (x: ServerMessages[K]) => void) => room.onMessage(type as string, fn as (x: unknown) => void);
  on("welcome", (w) => {
    m.exerciseId = w.exerciseId;
    m.seat = w.seat;
    m.scenario = w.scenario;
    m.comms = w.history;
    m.spoc = w.spoc;
    store.emit("seat", "comms", "spoc");
  });
  on("comms", (c) => { m.comms.push(c); store.emit("comms"); });
  on("spoc", (s) => { m.spoc = s; store.emit("spoc"); });
  on("console", (c) => { m.console = c; store.emit("console"); });
  on("crowd", (f) => { for (const c of f.crowds) m.crowds.set(c.id, c.xy); });
  on("event", (e) => { m.events.push(e); if (m.events.length > 5000) m.events.splice(0, 1000); store.emit("events"); });
  on("refused", (r) => store.notify("warn", t("shell.refused", { reason: refusalText(r.code, r.reason, (k, o) => t(k, o ?? {}), (k) => i18next.exists(k)) })));
  on("evaluation_saved", () => store.notify("info", t("shell.saved")));
  on("debrief", (d) => { m.debrief = d; store.emit("debrief"); });
  room.onMessage("assigned", () => undefined);
  room.onStateChange((s) => pull(store, s as unknown as Synced));
  room.onDrop(() => store.notify("warn", t("shell.reconnecting")));
  room.onReconnect(() => { sessionStorage.setItem(RECONNECT_KEY, room.reconnectionToken); store.notify("info", t("shell.reconnected")); });
  room.onLeave(() => store.notify("error", t("shell.disconnected")));
}

export async function connect(store: Store, session: Session): Promise<{ net: Net; room: Room }> {
  const client = new Client(`${location.protocol}//${location.host}`);
  let room: Room | undefined;
  // A reload keeps its seat: try the reconnection token of this tab first.
  const token = sessionStorage.getItem(RECONNECT_KEY);
  if (token) {
    try { room = await client.reconnect(token); } catch { sessionStorage.removeItem(RECONNECT_KEY); }
  }
  if (!room) {
    const options = session.token ? { token: session.token } : { code: session.code, role: session.role, pseudonym: session.pseudonym };
    room = await client.joinById(session.roomId, options);
  }
  sessionStorage.setItem(RECONNECT_KEY, room.reconnectionToken);
  // Registered before any await: the room's welcome follows the join in the next frames.
  listen(room, store);
  if (room.state) pull(store, room.state as unknown as Synced);
  room.send("hello", {});
  const r = room;
  const net: Net = {
    command: (cmd: CommandInput) => r.send("command", cmd),
    control: (c: Control) => r.send("control", c),
    evaluate: (e: Evaluation) => r.send("evaluation", e),
  };
  return { net, room: r };
}
