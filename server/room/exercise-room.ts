// The exercise room: thin. It owns one engine (shared/sim), feeds it the commands of the roles its
// clients play, steps it on a fixed timestep, and maps the engine state to the Colyseus state in one
// place (sync). Each client sees only what its role may see (StateView + roleView). Every command is
// validated (zod) and checked against the sender's role; the log is checkpointed and committed.
import "./node-websocket.ts";
import { Room, validate, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { reportFromLog } from "../../shared/report/from-log.ts";
import { renderReportHtml } from "../../shared/report/html.ts";
import { roleView } from "../../shared/sim/awareness.ts";
import { INSTRUCTOR } from "../../shared/sim/commands.ts";
import { createSim } from "../../shared/sim/create.ts";
import { newLog, scenarioHash, stepLogged, type ExerciseLog } from "../../shared/sim/log.ts";
import type { Sim } from "../../shared/sim/step.ts";
import type { SimEvent } from "../../shared/sim/types.ts";
import { consoleSnapshot } from "../../shared/console-snapshot.ts";
import type { Seat as SeatInfo, Welcome } from "../../shared/protocol.ts";
import { Id } from "../../shared/scenario/primitives.ts";
import { scenarioForSeat } from "../../shared/scenario-for-seat.ts";
import { Evaluations as EvaluationsSchema, NO_EVALUATIONS, type Evaluations } from "../../shared/score/evaluations.ts";
import { RATINGS } from "../../shared/score/ratings.ts";
import { crowdSamples } from "./crowd-frames.ts";
import { outOfPicture } from "./fog.ts";
import { Mailroom } from "./mailroom.ts";
import type { Accounts } from "../auth/accounts.ts";
import type { JoinCodes } from "../auth/join-codes.ts";
import type { LoadedScenario } from "../scenario-library.ts";
import type { Records } from "../storage/records.ts";
import { ActorView, ExerciseState, ParticipantView, UnitView, type ActorViewT, type ExerciseStateT, type UnitViewT } from "./state.ts";

export interface RoomServices {
  scenarios: LoadedScenario[];
  joinCodes: JoinCodes;
  accounts?: Accounts;
  records?: Records;
  /** Rooms are created by the server on an instructor's request, never directly by a client. */
  createSecret: string;
  /** How long a dropped client keeps its seat (default RECONNECT_SECONDS). */
  reconnectSeconds?: number;
}

type Seat = SeatInfo & { participant?: string };
const JoinOptions = z.object({ role: z.string().max(64).optional(), pseudonym: z.string().trim().min(1).max(40).optional(), code: z.string().max(64).optional(), token: z.string().max(200).optional() });
const Control = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("brief") }),
  // By participant id (display names need not be unique) or, for scripts, by display name.
  z.strictObject({ action: z.literal("assign"), participant: z.string().min(1).max(64).optional(), pseudonym: z.string().min(1).max(40).optional(), role: z.string().min(1).max(64) }),
  z.strictObject({ action: z.literal("start") }),
  z.strictObject({ action: z.literal("pause") }),
  z.strictObject({ action: z.literal("resume") }),
  z.strictObject({ action: z.literal("speed"), speed: z.int().min(1).max(60) }),
  z.strictObject({ action: z.literal("end") }),
]);
const Evaluation = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("note"), text: z.string().trim().min(1).max(2000), at: z.int().min(0).optional(), inject: Id.optional(), objective: Id.optional() }),
  z.strictObject({ kind: z.literal("rating"), objective: Id, rating: z.enum(RATINGS), reason: z.string().trim().max(2000).optional(), at: z.int().min(0).optional() }),
]);
const CHECKPOINT_TICKS = 60;
/** Commands waiting while the exercise is paused, at most. */
const MAX_QUEUE = 200;
/** Wall steps (100 ms) between crowd samples and between exercise control's console snapshots. */
const CROWD_EVERY = 4;
const CONSOLE_EVERY = 10;
const isStaff = (s: Seat | undefined) => s?.kind === "instructor" || s?.kind === "evaluator";
export const RECONNECT_SECONDS = 60;

export class ExerciseRoom extends Room {
  static services: RoomServices;
  override state: ExerciseStateT = new ExerciseState();
  override maxMessagesPerSecond = 20;
  private sim!: Sim;
  private log!: ExerciseLog;
  exerciseId = "";
  private queue: { by: string; cmd: unknown }[] = [];
  private carry = 0;
  private readonly seats = new Map<string, Seat>();
  private readonly unitViews = new Map<string, UnitViewT>();
  private readonly actorViews = new Map<string, ActorViewT>();
  refusedJoins = 0;
  private readonly absent = new Set<string>();
  private mail!: Mailroom;
  /** Every event so far (for exercise control's live objective ratings). */
  private readonly events: SimEvent[] = [];
  /** Actors each client may see now (crowd samples go only to those). */
  private readonly visibleActors = new Map<string, Set<string>>();
  private beat = 0;
  private readonly welcomed = new Set<string>();
  private readonly evaluations: Evaluations = { notes: [], ratings: [], overrides: [] };

  override messages = {
    command: validate(z.record(z.string(), z.unknown()), function (this: ExerciseRoom, client, payload) {
      const seat = this.seats.get(client.sessionId);
      if (!seat || seat.kind === "evaluator") return void this.refuse(client, "command", "auth/observer", "observers do not give commands");
      const phase = this.state.phase;
      if (phase === "lobby" || phase === "briefing") return void this.refuse(client, "command", "exercise/not_started", "the exercise has not started: orders and messages go once exercise control starts it");
      if (phase === "ending" || phase === "debrief") return void this.refuse(client, "command", "exercise/over", "the exercise has ended");
      if (this.queue.length >= MAX_QUEUE) return void this.refuse(client, "command", "exercise/queue_full", "too many commands wait for the exercise to resume");
      const unseen = seat.kind === "trainee" ? outOfPicture(this.sim.world, this.sim.state, seat.role, payload) : null;
      if (unseen) return void this.refuse(client, "command", unseen.code, unseen.reason);
      this.queue.push({ by: seat.kind === "instructor" ? INSTRUCTOR : seat.role, cmd: payload });
    }),
    control: validate(Control, function (this: ExerciseRoom, client, c) {
      const seat = this.seats.get(client.sessionId);
      if (seat?.kind !== "instructor") return void this.refuse(client, `control ${c.action}`, "auth/instructor_only", "only exercise control runs the clock");
      // Every control action is part of the exercise record.
      (this.log.controls ??= []).push({ tick: this.sim.state.tick, by: seat.pseudonym, action: c.action, ...(c.action === "speed" ? { speed: c.speed } : {}) });
      this.control(c);
    }),
    // A client that is listening asks for its welcome.
    hello: function (this: ExerciseRoom, client: Client) {
      const seat = this.seats.get(client.sessionId);
      // Once per connection: a welcome carries the scenario and the history, not to be asked for in a loop.
      if (!seat || this.welcomed.has(client.sessionId)) return;
      this.welcomed.add(client.sessionId);
      this.welcome(client, seat);
    },
    // Evaluators (and exercise control) note and rate during the exercise; anchored to a moment or an inject.
    evaluation: validate(Evaluation, async function (this: ExerciseRoom, client, e) {
      const seat = this.seats.get(client.sessionId);
      if (!isStaff(seat) || !seat) return void this.refuse(client, `evaluation ${e.kind}`, "auth/evaluator_only", "only evaluators and exercise control note and rate");
      const sc = this.sim.world.scenario;
      const objective = "objective" in e ? e.objective : undefined;
      const inject = "inject" in e ? e.inject : undefined;
      if (objective && !sc.objectives.some((o) => o.id === objective)) return void this.refuse(client, "evaluation", "evaluation/unknown_objective", `no objective "${objective}" in this exercise`);
      if (inject && !sc.injects.some((i) => i.id === inject) && !this.sim.state.adhoc[inject]) return void this.refuse(client, "evaluation", "evaluation/unknown_inject", `no inject "${inject}" in this exercise`);
      // Stored as the report reads it: durations as text ("95s"), checked by the same schema.
      const { kind, ...rest } = e;
      const payload = { ...rest, at: `${e.at ?? this.sim.state.tick}s`, evaluator: seat.pseudonym };
      const parsed = EvaluationsSchema.safeParse(kind === "note" ? { notes: [payload] } : { ratings: [payload] });
      if (!parsed.success) return void this.refuse(client, "evaluation", "evaluation/invalid", parsed.error.issues[0]?.message ?? "invalid evaluation");
      if (kind === "note") this.evaluations.notes.push(...parsed.data.notes);
      else this.evaluations.ratings.push(...parsed.data.ratings);
      await ExerciseRoom.services.records?.addEvaluation(this.exerciseId, kind, payload);
      client.send("evaluation_saved", { kind });
      this.sendConsole();
    }),
  };

  override async onCreate(options: { scenarioId: string; seed: string | number; cohort?: string; createdBy?: string; secret?: string }) {
    const svc = ExerciseRoom.services;
    if (!svc || options.secret !== svc.createSecret) throw new Error("exercises are created by an instructor through the server");
    const scenario = svc.scenarios.find((s) => s.scenario?.meta.id === options.scenarioId)?.scenario;
    if (!scenario) throw new Error(`no scenario "${options.scenarioId}"`);
    this.setPrivate(true);
    // An exercise lives until it has ended, not until its lobby is empty (a refused join empties it).
    this.autoDispose = false;
    this.sim = createSim(scenario, options.seed);
    this.mail = new Mailroom(this.sim.world);
    this.log = newLog(scenario, options.seed);
    this.state.scenarioId = scenario.meta.id;
    this.state.phase = "lobby";
    this.state.speed = 1;
    this.exerciseId = svc.records
      ? await svc.records.createExercise({ scenarioId: scenario.meta.id, scenarioHash: scenarioHash(scenario), seed: String(options.seed), cohort: options.cohort ?? "", createdBy: options.createdBy ?? "instructor" })
      : randomUUID();
    this.setMetadata({ exerciseId: this.exerciseId, scenarioId: scenario.meta.id });
    this.sync([]);
    // Ten wall steps a second; each carries `speed` tenths of a simulated second.
    this.setSimulationInterval(() => this.advance(), 100);
  }

  override async onJoin(client: Client, raw: unknown) {
    const svc = ExerciseRoom.services;
    const o = JoinOptions.safeParse(raw);
    if (!o.success) { this.recordRefusal("a client", "join", "join/bad_options"); throw new Error("join/refused: bad join options"); }
    let seat: Seat | undefined;
    const staff = o.data.token && svc.accounts ? await svc.accounts.verify(o.data.token) : undefined;
    if (staff && (staff.role === "instructor" || staff.role === "admin")) seat = { role: "instructor", kind: "instructor", pseudonym: staff.username };
    else if (staff?.role === "evaluator") seat = { role: "evaluator", kind: "evaluator", pseudonym: staff.username };
    else {
      const code = await svc.joinCodes.check(o.data.code, this.exerciseId);
      const roleOk = !!o.data.role && this.sim.world.roleParty.has(o.data.role);
      if (code?.kind === "evaluator") seat = { role: "evaluator", kind: "evaluator", pseudonym: o.data.pseudonym ?? "observer" };
      else if (code && roleOk && o.data.pseudonym) {
        const max = this.sim.world.scenario.roles.find((r) => r.id === o.data.role)?.max_players ?? 4;
        // People present now: a dropped seat waiting for its owner does not keep a newcomer out.
        const taken = [...this.seats.entries()].filter(([id, x]) => x.kind === "trainee" && x.role === o.data.role && this.state.participants.get(id)?.connected).length;
        if (taken >= max) {
          this.recordRefusal(o.data.pseudonym, `join as ${o.data.role}`, "join/role_full");
          throw new Error(`join/role_full: this role already has ${max} people; choose another`);
        }
        seat = { role: o.data.role as string, kind: "trainee", pseudonym: o.data.pseudonym };
      }
    }
    if (!seat) {
      this.recordRefusal(o.data.pseudonym ?? "a client", `join as ${o.data.role ?? "?"}`, "join/refused");
      throw new Error("join/refused: a valid join code, a role of this exercise and a pseudonym are needed");
    }
    if (svc.records) seat.participant = await svc.records.addParticipant(this.exerciseId, { pseudonym: seat.pseudonym, role: seat.role, kind: seat.kind });
    this.seats.set(client.sessionId, seat);
    client.view = new StateView();
    this.updateView(client, seat);
    this.state.participants.set(client.sessionId, new ParticipantView({ id: client.sessionId, pseudonym: seat.pseudonym, role: seat.role, kind: seat.kind, connected: true }));
    // The welcome waits for the client's "hello": sent from onJoin it could arrive before the page listens.
  }

  /** Everything a client needs besides the synced state: its seat, the scenario as it may know it, its comms. */
  private welcome(client: Client, seat: Seat): void {
    const key = isStaff(seat) ? INSTRUCTOR : seat.role;
    const w: Welcome = {
      exerciseId: this.exerciseId,
      seat: { role: seat.role, kind: seat.kind, pseudonym: seat.pseudonym },
      scenario: scenarioForSeat(this.sim.world.scenario, seat),
      history: this.mail.historyOf(key),
      spoc: this.mail.spocOf(this.sim.state, key),
    };
    client.send("welcome", w);
    if (isStaff(seat)) client.send("console", consoleSnapshot(this.sim.world.scenario, this.sim.state, this.events, this.evaluations));
    if (this.state.phase === "debrief") client.send("debrief", this.debriefPayload());
  }

  /** A dropped client keeps its seat for a minute: it comes back into its role with its view. */
  override async onDrop(client: Client) {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    const p = this.state.participants.get(client.sessionId);
    if (p) p.connected = false;
    // A page that reloads comes back with a new listener: it may ask for its welcome again.
    this.welcomed.delete(client.sessionId);
    try {
      await this.allowReconnection(client, ExerciseRoom.services.reconnectSeconds ?? RECONNECT_SECONDS);
    } catch {
      // Not back in time: onLeave records the participant as absent.
      this.absent.add(client.sessionId);
    }
  }

  override onReconnect(client: Client) {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    const p = this.state.participants.get(client.sessionId);
    if (p) p.connected = true;
    this.updateView(client, seat);
    this.welcome(client, seat);
  }

  override async onLeave(client: Client) {
    const seat = this.seats.get(client.sessionId);
    this.seats.delete(client.sessionId);
    this.state.participants.delete(client.sessionId);
    this.welcomed.delete(client.sessionId);
    this.visibleActors.delete(client.sessionId);
    client.view?.dispose?.();
    const absent = this.absent.delete(client.sessionId);
    // At shutdown the records may close before the last clients are let go: a lost "left at" is no loss.
    if (seat?.participant) await ExerciseRoom.services.records?.markLeft(seat.participant, absent).catch(() => undefined);
  }

  private refuse(client: Client, what: string, code: string, reason: string): void {
    const seat = this.seats.get(client.sessionId);
    this.recordRefusal(seat?.pseudonym ?? client.sessionId, what, code);
    client.send("refused", { code, reason });
    // A trainee's refused command is a line of its comms, like the engine's refusals.
    if (seat?.kind === "trainee" && what === "command") for (const [role, item] of this.mail.refusal(seat.role, this.sim.state.tick, code, reason)) this.sendTo(role, "comms", item);
  }

  /** Refused attempts are part of the record: the debrief can show who tried what. */
  private recordRefusal(who: string, what: string, code: string): void {
    this.refusedJoins += what.startsWith("join") ? 1 : 0;
    (this.log.refusals ??= []).push({ tick: this.sim.state.tick, who, what, code });
  }

  private control(c: z.output<typeof Control>): void {
    const p = this.state.phase;
    const status = (x: "running" | "paused") => void ExerciseRoom.services.records?.setStatus(this.exerciseId, x);
    if (c.action === "start" && (p === "lobby" || p === "briefing")) status("running");
    if (c.action === "pause" && p === "running") status("paused");
    if (c.action === "resume" && p === "paused") status("running");
    if (c.action === "brief" && p === "lobby") this.state.phase = "briefing";
    else if (c.action === "assign") this.assign(c, c.role);
    else if (c.action === "start" && (p === "lobby" || p === "briefing")) this.state.phase = "running";
    else if (c.action === "pause" && p === "running") this.state.phase = "paused";
    else if (c.action === "resume" && p === "paused") this.state.phase = "running";
    else if (c.action === "speed") this.state.speed = c.speed;
    else if (c.action === "end" && (p === "running" || p === "paused")) {
      // Ending from a pause runs the one tick that closes the exercise.
      this.state.phase = "running";
      this.queue.push({ by: INSTRUCTOR, cmd: { type: "end", reason: "ended by exercise control" } });
    }
  }

  /** Exercise control puts a trainee into another role (several people may share one). */
  private assign(who: { participant?: string; pseudonym?: string }, role: string): void {
    if (!this.sim.world.roleParty.has(role)) return;
    for (const c of this.clients) {
      const seat = this.seats.get(c.sessionId);
      if (seat?.kind === "trainee" && (who.participant ? c.sessionId === who.participant : seat.pseudonym === who.pseudonym)) {
        seat.role = role;
        if (seat.participant) void ExerciseRoom.services.records?.setParticipantRole(seat.participant, role);
        const p = this.state.participants.get(c.sessionId);
        if (p) p.role = role;
        this.updateView(c, seat);
        c.send("assigned", { role });
        this.welcome(c, seat);
      }
    }
  }

  /** Run as many engine ticks as the clock speed asks; commands go into the next tick. */
  private advance(): void {
    // Paused means frozen: commands wait in the queue until exercise control resumes.
    if (this.state.phase !== "running") return;
    this.carry += this.state.speed / 10;
    let ticks = Math.floor(this.carry);
    this.carry -= ticks;
    if (this.queue.length && ticks === 0) ticks = 1;
    const events: SimEvent[] = [];
    for (let k = 0; k < ticks && !this.sim.state.ended; k++) {
      const cmds = k === 0 ? this.queue.splice(0) : [];
      const r = stepLogged(this.sim, this.log, cmds);
      events.push(...r.events);
      for (const x of r.refused) this.sendTo(x.by, "refused", { code: "command/malformed", reason: x.error });
      if (this.sim.state.tick % CHECKPOINT_TICKS === 0) void ExerciseRoom.services.records?.saveCheckpoint(this.exerciseId, this.log);
    }
    this.sync(events);
    this.beat += 1;
    if (this.beat % CROWD_EVERY === 0) this.sendCrowds();
    if (this.beat % CONSOLE_EVERY === 0) this.sendConsole();
    const phase: string = this.state.phase;
    if (this.sim.state.ended && phase !== "debrief" && phase !== "ending") void this.finish();
  }

  /** The finished exercise is committed before anyone is told it is over. */
  private async finish(): Promise<void> {
    this.state.phase = "ending";
    const svc = ExerciseRoom.services;
    if (svc.records) {
      const stored = await svc.records.evaluations(this.exerciseId);
      Object.assign(this.evaluations, stored);
      const aar = reportFromLog(this.sim.world.scenario, this.log, stored);
      await svc.records.finishExercise(this.exerciseId, this.log, [{ format: "json", lang: "en", body: JSON.stringify(aar) }, { format: "html", lang: "en", body: renderReportHtml(aar) }]);
    }
    this.state.phase = "debrief";
    this.autoDispose = true;
    this.sendConsole();
    this.broadcast("debrief", this.debriefPayload());
  }

  /** At the end everyone gets the whole scenario and the log: the page replays it and computes the report. */
  private debriefPayload() {
    return { exerciseId: this.exerciseId, ticks: this.log.ticks, scenario: this.sim.world.scenario, log: this.log, evaluations: this.evaluations ?? NO_EVALUATIONS };
  }

  private sendCrowds(): void {
    const samples = crowdSamples(this.sim.state);
    if (!samples.length) return;
    for (const c of this.clients) {
      const seen = this.visibleActors.get(c.sessionId);
      const crowds = samples.filter((x) => seen?.has(x.id));
      if (crowds.length) c.send("crowd", { tick: this.sim.state.tick, crowds });
    }
  }

  private sendConsole(): void {
    const staff = this.clients.filter((c) => isStaff(this.seats.get(c.sessionId)));
    if (!staff.length) return;
    const snap = consoleSnapshot(this.sim.world.scenario, this.sim.state, this.events, this.evaluations);
    for (const c of staff) c.send("console", snap);
  }

  /** To every client seated in a role; INSTRUCTOR reaches exercise control and evaluators. */
  private sendTo(role: string, type: string, payload: unknown): void {
    for (const c of this.clients) {
      const seat = this.seats.get(c.sessionId);
      if (role === INSTRUCTOR ? isStaff(seat) : seat?.kind === "trainee" && seat.role === role) c.send(type, payload);
    }
  }

  /** The one place engine state becomes Colyseus state; then each client's view is brought up to date. */
  private sync(events: SimEvent[]): void {
    const s = this.sim.state;
    this.state.tick = s.tick;
    for (const u of Object.values(s.units)) {
      let v = this.unitViews.get(u.id);
      if (!v) {
        const spec = this.sim.world.scenario.units.find((x) => x.id === u.id);
        v = new UnitView({ id: u.id, party: u.party, country: u.country, callsign: spec?.callsign ?? u.id, type: spec?.type ?? "", x: 0, y: 0, in: "", order: "", target: "", active: false });
        this.unitViews.set(u.id, v);
        this.state.units.set(u.id, v);
      }
      v.x = u.pos[0]; v.y = u.pos[1]; v.in = u.in; v.active = u.active;
      v.order = u.order?.type ?? ""; v.target = typeof u.order?.target === "string" ? u.order.target : "";
    }
    for (const a of Object.values(s.actors)) {
      let v = this.actorViews.get(a.id);
      if (!v) {
        const spec = this.sim.world.scenario.actors.find((x) => x.id === a.id);
        v = new ActorView({ id: a.id, kind: a.kind, name: spec?.name.en ?? a.id, names: JSON.stringify(spec?.name ?? {}), state: "", x: 0, y: 0, level: 0, size: a.kind === "crowd" || a.kind === "bystanders" ? a.agents.length / 2 : 1 });
        this.actorViews.set(a.id, v);
        this.state.actors.set(a.id, v);
      }
      const pos = "pos" in a ? a.pos : a.centre;
      v.x = pos[0]; v.y = pos[1];
      v.state = "state" in a ? a.state : "";
      v.level = a.kind === "crowd" ? a.tension : a.kind === "hostage_takers" ? a.agitation : 0;
    }
    for (const c of this.clients) {
      const seat = this.seats.get(c.sessionId);
      if (seat) this.updateView(c, seat);
    }
    for (const e of events) this.deliver(e);
    for (const e of events) if (e.type !== "seen") this.events.push(e);
    const roles = [...new Set([...this.seats.values()].map((x) => (isStaff(x) ? INSTRUCTOR : x.role)))];
    for (const [role, list] of this.mail.spocChanges(this.sim.state, roles)) this.sendTo(role, "spoc", list);
  }

  private updateView(client: Client, seat: Seat): void {
    const view = client.view;
    if (!view) return;
    const rv = roleView(this.sim.world, this.sim.state, seat.kind === "trainee" ? seat.role : INSTRUCTOR);
    const units = new Set([...rv.units, ...rv.otherUnits]);
    const actors = new Set(rv.actors);
    this.visibleActors.set(client.sessionId, actors);
    for (const [id, v] of this.unitViews) { if (units.has(id)) { if (!view.has(v)) view.add(v); } else if (view.has(v)) view.remove(v); }
    for (const [id, v] of this.actorViews) { if (actors.has(id)) { if (!view.has(v)) view.add(v); } else if (view.has(v)) view.remove(v); }
  }

  /** Events a role should hear of (the mailroom decides), its refusals; exercise control hears every event. */
  private deliver(e: SimEvent): void {
    for (const [role, item] of this.mail.route(e)) this.sendTo(role, "comms", item);
    if (e.type === "command_rejected") this.sendTo(e.by, "refused", { code: e.code, reason: e.reason });
    if (e.type !== "seen") this.sendTo(INSTRUCTOR, "event", e);
  }
}
