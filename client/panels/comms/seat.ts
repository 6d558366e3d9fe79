// What every part of the communications panel waits for before it draws: the seat and the scenario.
// Both arrive from the room after the panel may already be mounted.
import type { Store } from "../../exercise/store.ts";
import type { Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";

/** The seat and scenario, or null until the room has sent both. */
export const seatAndScenario = (store: Store): { seat: Seat; sc: Scenario } | null =>
  (store.m.seat && store.m.scenario ? { seat: store.m.seat, sc: store.m.scenario } : null);
