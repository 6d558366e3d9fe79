// Exercise time as people read it: one tick is one second; H:MM:SS on the clock, and the story's
// wall-clock time (the scenario's start_time plus the exercise time) as HH:MM.
import type { Scenario } from "../../shared/scenario/schema.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Ticks as H:MM:SS. */
export function clock(tick: number): string {
  const s = Math.max(0, Math.floor(tick));
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** The story's clock at a tick ("16:47"), or null when the scenario gives no start time. */
export function storyTime(scenario: Scenario | null | undefined, tick: number): string | null {
  const m = /^(\d\d):(\d\d)$/.exec(scenario?.meta.start_time ?? "");
  if (!m) return null;
  const total = (Number(m[1]) * 60 + Number(m[2]) + Math.floor(Math.max(0, tick) / 60)) % 1440;
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
