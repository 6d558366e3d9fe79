// What every panel of the exercise page is given: the model, the way to talk to the room, and the
// interface language. Panels are plain DOM modules: mount(el, ctx) returns an unmount function.
import type { Store } from "./store.ts";
import type { CommandInput } from "../../shared/sim/commands.ts";

export type Control =
  | { action: "brief" | "start" | "pause" | "resume" | "end" }
  | { action: "speed"; speed: number }
  | { action: "assign"; participant: string; role: string };

export type Evaluation =
  | { kind: "note"; text: string; at?: number; inject?: string; objective?: string }
  | { kind: "rating"; objective: string; rating: "P" | "S" | "M" | "U"; reason?: string; at?: number };

export interface Net {
  command(cmd: CommandInput): void;
  control(c: Control): void;
  evaluate(e: Evaluation): void;
}

export interface Ctx { store: Store; net: Net }
export type Mount = (el: HTMLElement, ctx: Ctx) => () => void;
