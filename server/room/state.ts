// What clients see of an exercise, as @colyseus/schema classes (schema 5 builder). Units and actors
// sit in view-filtered maps: each client's StateView holds only what its role may see.
import { schema, t } from "@colyseus/schema";

export const UnitView = schema({
  id: t.string(), party: t.string(), country: t.string(), callsign: t.string(), type: t.string(),
  x: t.int32(), y: t.int32(), in: t.string(), order: t.string(), target: t.string(), active: t.boolean(),
}, "UnitView");

export const ActorView = schema({
  id: t.string(), kind: t.string(), name: t.string(), /** the name in every language the scenario gives, as JSON */ names: t.string(), state: t.string(),
  x: t.int32(), y: t.int32(), level: t.uint16(), size: t.uint32(),
}, "ActorView");

/** Who is in the exercise (pseudonyms only): everyone sees the lobby. */
export const ParticipantView = schema({
  id: t.string(), pseudonym: t.string(), role: t.string(), kind: t.string(), connected: t.boolean(),
}, "ParticipantView");

export const ExerciseState = schema({
  scenarioId: t.string(),
  phase: t.string(),
  tick: t.uint32(),
  speed: t.uint8(),
  units: t.map(UnitView).view(),
  actors: t.map(ActorView).view(),
  participants: t.map(ParticipantView),
}, "ExerciseState");

export type UnitViewT = InstanceType<typeof UnitView>;
export type ActorViewT = InstanceType<typeof ActorView>;
export type ParticipantViewT = InstanceType<typeof ParticipantView>;
export type ExerciseStateT = InstanceType<typeof ExerciseState>;
