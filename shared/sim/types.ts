// The simulation state: plain data only (records keyed by id, integer ticks, whole metres), so that
// it can be hashed, cloned, saved and replayed. Only step() changes it.
import type { Inject } from "../scenario/schema.ts";
import type { RngState } from "./rng.ts";
import type { ViolationCode, OrderType, MessageKind } from "../scenario/vocab.ts";

export type Pt = [number, number];
/** One tick is one second of exercise time. */
export const TICK_SECONDS = 1;

/** Where something is going: a polyline it follows, and how far along it (millimetres). */
export interface Route { points: Pt[]; seg: number; alongMm: number; /** legs away from roads, driven slower */ offroad: boolean[] }

export interface UnitState {
  id: string;
  party: string;
  country: string; // nationality (of its party)
  role: string | null; // commanding role, null when instructor-played
  active: boolean;
  pos: Pt;
  /** Country under the unit now ("" outside every country). */
  in: string;
  speedMps: number;
  route: Route | null;
  order: { type: OrderType; target?: string | Pt; since: number; claimSelfDefence?: boolean; /** roadblock point of a stop order */ block?: Pt } | null;
  /** Hot pursuit or surveillance abroad: when and where this unit crossed into a host state. */
  abroad: { host: string; since: number; at: Pt; mode: "pursuit" | "surveillance" | "other"; actor?: string } | null;
  sites: string[]; // sites the unit is inside, sorted
  reportedTo: string[]; // hosts it has reported to in person
  /** Carries service weapons now (a unit can leave them behind with a disarm order). */
  armed: boolean;
  /** Hosts where it operated (pursuit, surveillance) and must still report in person. */
  mustReport: string[];
}

export type FleeState = "waiting" | "fleeing" | "hiding" | "stopped" | "apprehended" | "escaped";
export interface FleeingState {
  kind: "fleeing_vehicle";
  id: string;
  active: boolean;
  state: FleeState;
  pos: Pt;
  in: string;
  speedMps: number;
  route: Route | null;
  waypoints: (string | Pt)[]; // what is left of its intended route
  vehicle: Record<string, string | undefined>;
  switched: boolean;
  hideUntil: number | null;
  sites: string[];
}
export type HostageStatus = "holding" | "negotiating" | "surrendered" | "assaulted" | "hostages_released" | "casualties";
export interface HostageState {
  kind: "hostage_takers";
  id: string;
  active: boolean;
  state: HostageStatus;
  pos: Pt;
  in: string;
  site: string;
  /** Agitation in thousandths (0..1000): integers keep the engine exact. */
  agitation: number;
  hostages: number;
  released: number;
  casualties: number;
  demandsMissed: string[];
  calmSince: number | null;
  sites: string[];
}
export interface CrowdState {
  kind: "crowd";
  id: string;
  active: boolean;
  state: "calm" | "agitated" | "disorder" | "dispersed";
  tension: number; // thousandths
  /** Agent positions as a flat [x0, y0, x1, y1, ...] list of whole metres. */
  agents: number[];
  centre: Pt;
  in: string;
  target: Pt;
  waypoints: (string | Pt)[];
  sites: string[];
}
export interface BystanderState { kind: "bystanders"; id: string; active: boolean; agents: number[]; centre: Pt; in: string; sites: string[] }
export type ActorState = FleeingState | HostageState | CrowdState | BystanderState;

/** A player's action as remembered for expected actions, conditions and scoring. */
export interface ActionRecord {
  tick: number;
  role: string;
  kind: "message" | "order" | "decision" | "assistance_request" | "assistance_answer" | "agreement" | "confer_powers";
  /** For messages: every id the message reached (role, its desks, its party...). */
  to?: string[];
  from?: string[];
  messageKind?: MessageKind;
  legalBasis?: string;
  urgency?: string;
  order?: OrderType;
  unit?: string;
  target?: string;
  host?: string;
  sending?: string;
}

export interface InjectRuntime {
  fired: number | null;
  /** expected-id -> roles that did it, deadline tick and outcome */
  expected: Record<string, { deadline: number; doneBy: string[]; met: number | null; missed: boolean }>;
}

export interface Agreement { id: string; kind: "agreement" | "conferral"; host: string; sending: string; tick: number; powers: string[]; arms: string }
export interface AssistanceRequest {
  id: string; tick: number; by: string; fromCountry: string; to: string; toCountry: string;
  nature: string; necessity: string; forms: string[];
  answer: null | { tick: number; by: string; answer: "accept" | "refuse" | "offer_alternative"; forms: string[] };
}
export interface SpocRequest {
  id: string; tick: number; by: string; requester: string; requestedCountry: string; desk: string;
  urgency: string; deadline: number; judicialAuthorisation: boolean; replied: number | null;
  delayNotice: number | null; flagged: string[];
}
export interface HostInstruction { id: string; host: string; to: string[]; forbid: OrderType[]; noEntry: boolean; area?: string; tick: number; lifted: number | null }
export interface StopRequest { host: string; sending: string; actor?: string; tick: number }

export interface SimState {
  simVersion: number;
  scenarioId: string;
  tick: number;
  ended: boolean;
  rng: RngState;
  units: Record<string, UnitState>;
  actors: Record<string, ActorState>;
  injects: Record<string, InjectRuntime>;
  /** Injects added live by exercise control, by id (they are part of the log, so replay has them). */
  adhoc: Record<string, Inject>;
  actions: ActionRecord[];
  crossings: { tick: number; who: string; from: string; into: string }[];
  siteEntries: { tick: number; who: string; site: string }[];
  violations: { tick: number; code: ViolationCode; role: string | null; unit?: string }[];
  stopRequests: StopRequest[];
  instructions: HostInstruction[];
  agreements: Agreement[];
  assistance: AssistanceRequest[];
  spoc: SpocRequest[];
  /** Actors a role was shown by someone else (reveal effect, messages about an actor): role -> actor ids. */
  shared: Record<string, string[]>;
  /** Facts each role has seen (actor ids first seen), for situational-awareness metrics. */
  seen: Record<string, string[]>;
  /** Objective id -> first tick its outcome (achieve:) held, or null. */
  objectives: Record<string, number | null>;
  /** Keys of once-only findings already emitted ("code|unit|context"). */
  once: Record<string, number>;
  nextId: number;
}

// --- events: the facts of a tick, in the order they happened -------------------------------------
export type SimEvent =
  | { t: number; type: "command_rejected"; by: string; command: string; code: string; reason: string }
  | { t: number; type: "order_given"; by: string; unit: string; order: OrderType; target?: string | Pt }
  | { t: number; type: "order_done"; unit: string; order: OrderType }
  | { t: number; type: "message_sent"; id: string; by: string; from: string; to: string; cc: string[]; kind: MessageKind; channel: string; language: string; legalBasis?: string; urgency?: string; text: string; inReplyTo?: string; about?: string }
  | { t: number; type: "decision_recorded"; by: string; decision: string; options: string[]; rationale: string; legalBasis?: string }
  | { t: number; type: "assistance_requested"; by: string; request: string; to: string; nature: string; necessity: string; forms: string[] }
  | { t: number; type: "assistance_answered"; by: string; request: string; answer: string; forms: string[] }
  | { t: number; type: "agreement_signed"; by: string; agreement: string; host: string; sending: string; powers: string[]; arms: string }
  | { t: number; type: "powers_conferred"; by: string; host: string; sending: string; powers: string[] }
  | { t: number; type: "border_crossed"; who: string; from: string; into: string; at: Pt; pursuit?: string }
  | { t: number; type: "site_entered"; who: string; site: string }
  | { t: number; type: "site_left"; who: string; site: string }
  | { t: number; type: "inject_fired"; inject: string; manual: boolean; deliveries: { from: string; to: string[]; channel: string; kind: string; text: Record<string, string | undefined> }[] }
  | { t: number; type: "expected_met"; inject: string; expected: string; by: string[]; latency: number }
  | { t: number; type: "expected_missed"; inject: string; expected: string; roles: string[] }
  | { t: number; type: "violation"; code: ViolationCode; article: string; role: string | null; unit?: string; detail: string }
  | { t: number; type: "actor_state"; actor: string; from: string; to: string; detail?: string }
  | { t: number; type: "stop_requested"; host: string; sending: string; actor?: string }
  | { t: number; type: "instruction_given"; instruction: string; host: string; to: string[]; forbid: string[]; noEntry: boolean; area?: string }
  | { t: number; type: "instruction_lifted"; instruction: string }
  | { t: number; type: "tension"; crowd: string; value: number; state: string }
  | { t: number; type: "agitation"; actor: string; value: number }
  | { t: number; type: "reported_to_local_authority"; unit: string; host: string; site: string }
  | { t: number; type: "spoc_deadline"; request: string; met: boolean }
  | { t: number; type: "seen"; role: string; actor: string }
  | { t: number; type: "objective_achieved"; objective: string }
  | { t: number; type: "objective_final"; objective: string; achievedAt: number | null; holdsAtEnd: boolean }
  | { t: number; type: "exercise_ended"; reason: string };

export type EventOf<T extends SimEvent["type"]> = Extract<SimEvent, { type: T }>;
