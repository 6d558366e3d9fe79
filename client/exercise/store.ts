// The client's picture of the exercise: filled by net.ts from the room (synced state and messages),
// read by the panels and the map. Plain data and topics; no framework.
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { CommsItem, ConsoleSnapshot, Debrief, Seat, SpocItem } from "../../shared/protocol.ts";
import type { SimEvent } from "../../shared/sim/types.ts";

export interface UnitSnap { id: string; party: string; country: string; callsign: string; type: string; x: number; y: number; in: string; order: string; target: string; active: boolean }
export interface ActorSnap { id: string; kind: string; name: string; state: string; x: number; y: number; level: number; size: number; /** tick it was last seen, when out of sight now */ lostAt?: number }
export interface Participant { id: string; pseudonym: string; role: string; kind: string; connected: boolean }
export type Phase = "connecting" | "lobby" | "briefing" | "running" | "paused" | "ending" | "debrief";

export interface ExerciseModel {
  exerciseId: string;
  seat: Seat | null;
  scenario: Scenario | null;
  phase: Phase;
  tick: number;
  speed: number;
  units: Map<string, UnitSnap>;
  actors: Map<string, ActorSnap>;
  /** Crowd agents (flat x,y list) by actor id, a sample for drawing. */
  crowds: Map<string, number[]>;
  participants: Participant[];
  comms: CommsItem[];
  spoc: SpocItem[];
  console: ConsoleSnapshot | null;
  /** Exercise control's event feed (instructor and evaluator seats only). */
  events: SimEvent[];
  debrief: Debrief | null;
  selected: string | null;
  /** Last refusal or connection problem, shown in the status bar. */
  notice: { level: "info" | "warn" | "error"; text: string } | null;
}

export type Topic = "seat" | "phase" | "tick" | "comms" | "read" | "spoc" | "console" | "events" | "participants" | "selection" | "debrief" | "notice" | "lang";

export class Store {
  readonly m: ExerciseModel = {
    exerciseId: "", seat: null, scenario: null, phase: "connecting", tick: 0, speed: 1,
    units: new Map(), actors: new Map(), crowds: new Map(), participants: [], comms: [], spoc: [],
    console: null, events: [], debrief: null, selected: null, notice: null,
  };
  private readonly subs = new Map<Topic, Set<() => void>>();

  on(topic: Topic, fn: () => void): () => void {
    let set = this.subs.get(topic);
    if (!set) this.subs.set(topic, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  emit(...topics: Topic[]): void {
    for (const t of topics) for (const fn of this.subs.get(t) ?? []) fn();
  }

  select(unit: string | null): void {
    if (this.m.selected === unit) return;
    this.m.selected = unit;
    this.emit("selection");
  }

  notify(level: "info" | "warn" | "error", text: string): void {
    this.m.notice = { level, text };
    this.emit("notice");
  }
}
