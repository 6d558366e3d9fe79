// Unit types and what they imply when the scenario does not say: top speed, and how they look.
import type { UNIT_TYPES } from "../scenario/vocab.ts";

export type UnitType = (typeof UNIT_TYPES)[number];

const SPEED_KMH: Record<UnitType, number> = {
  car: 160, unmarked_car: 160, van: 120, motorbike: 170, foot_team: 6, helicopter: 250, boat: 60,
  armoured_vehicle: 90, bus: 100, command_vehicle: 110, water_cannon: 70,
};
export const defaultSpeedKmh = (t: UnitType): number => SPEED_KMH[t];
