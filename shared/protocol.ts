// What the exercise room tells its clients beyond the synced state: typed once here, used by the
// server (room) and the browser client. Client -> server messages are `command` (shared/sim/commands),
// `control` and `evaluation` (validated in the room).
import type { Scenario } from "./scenario/schema.ts";
import type { ExerciseLog } from "./sim/log.ts";
import type { SimEvent } from "./sim/types.ts";
import type { Evaluations } from "./score/evaluations.ts";
import type { Rating } from "./score/ratings.ts";
import type { Reason } from "./score/reasons.ts";

export type SeatKind = "trainee" | "evaluator" | "instructor";
export interface Seat { role: string; kind: SeatKind; pseudonym: string }
type Text = Record<string, string | undefined>;

/** One line of a role's communications: what it received, what it sent, what it decided. */
export type CommsItem =
  | { kind: "delivery"; id: string; t: number; inject: string; from: string; channel: string; messageKind: string; text: Text }
  | {
      kind: "message"; id: string; t: number; direction: "in" | "out"; by: string; from: string; to: string; cc: string[];
      messageKind: string; channel: string; language: string; legalBasis?: string; urgency?: string; text: string; inReplyTo?: string;
    }
  | { kind: "decision"; id: string; t: number; by: string; decision: string; options: string[]; rationale: string; legalBasis?: string }
  | { kind: "refused"; id: string; t: number; code: string; reason: string }
  | ActItem;

/** A formal act between states: a special-unit assistance request and its answer, an operation agreement, conferred powers. */
export interface ActItem {
  kind: "act"; id: string; t: number; by: string; direction: "in" | "out";
  act: "assistance_request" | "assistance_answer" | "agreement" | "conferral";
  request?: string; to?: string; legalBasis?: string; nature?: string; necessity?: string; forms?: string[]; answer?: string;
  host?: string; sending?: string; powers?: string[]; arms?: string;
}

/** A SPOC information request with its legal deadline (exercise ticks, compressed by the clock ratio). */
export interface SpocItem {
  id: string; t: number; by: string; desk: string; requestedCountry: string; urgency: string;
  deadline: number; replied: number | null; delayNotice: number | null;
}

/** Sent on join, on reconnection and when exercise control assigns another role. */
export interface Welcome {
  exerciseId: string;
  seat: Seat;
  /** The scenario as this seat may know it: trainees get no injects, no actors, only their own briefing and objectives. */
  scenario: Scenario;
  history: CommsItem[];
  spoc: SpocItem[];
}

export interface InjectStatus {
  id: string; title: Text; trigger: "at" | "when" | "contingency" | "manual"; at?: number; adhoc: boolean;
  fired: number | null;
  expected: { id: string; by: string[]; deadline: number; doneBy: string[]; met: number | null; missed: boolean; note?: Text }[];
}
/** `reasons` in English; `why` the same reasons as data, for the reader's language (shared/score/reasons.ts). */
export interface ObjectiveStatus { id: string; title: Text; rated: string[]; rating: Rating; reasons: string[]; why?: Reason[]; achievedAt: number | null }

/** Exercise control's and evaluators' live picture, pushed about once a second. */
export interface ConsoleSnapshot {
  tick: number;
  injects: InjectStatus[];
  objectives: ObjectiveStatus[];
  violations: { t: number; code: string; article: string; role: string | null; unit?: string; detail: string }[];
  overall: { rating: Rating; score: number };
}

/** Crowd agents as a flat [x0, y0, x1, y1, ...] sample (at most CROWD_SAMPLE agents), for drawing only. */
export interface CrowdFrame { tick: number; crowds: { id: string; xy: number[] }[] }
export const CROWD_SAMPLE = 2500;

/** Everything needed to read and replay a finished exercise in the page. */
export interface Debrief { exerciseId: string; ticks: number; scenario: Scenario; log: ExerciseLog; evaluations: Evaluations }

export interface ServerMessages {
  welcome: Welcome;
  comms: CommsItem;
  spoc: SpocItem[];
  console: ConsoleSnapshot;
  crowd: CrowdFrame;
  refused: { code: string; reason: string };
  event: SimEvent;
  debrief: Debrief;
  evaluation_saved: { kind: string };
}
