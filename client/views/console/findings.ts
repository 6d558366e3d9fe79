// The legal findings (violations the engine recorded) as the console lists them. A file of its own
// so that the findings panel does not depend on the objectives or the events list.
import type { ConsoleSnapshot } from "../../../shared/protocol.ts";

/** The legal findings, newest first. */
export function violationRows(snapshot: ConsoleSnapshot | null): ConsoleSnapshot["violations"] {
  return [...(snapshot?.violations ?? [])].reverse();
}
