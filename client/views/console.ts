// View models of exercise control's console and the evaluator view, by the path their importers have
// always used: plain data from the scenario and the live ConsoleSnapshot, no DOM and no interface
// language (the panels translate codes and keys). The code lives in views/console/, one file per part.
export { clock, nameOf, span, storyTime, type Text, type Tr } from "./console/format.ts";
export { injectRows, type ExpectedRow, type ExpectedState, type InjectOverall, type InjectRow } from "./console/injects.ts";
export { describeCondition } from "./console/conditions.ts";
export { objectiveRows, RATING_SYMBOL, RATING_WORD, type ObjectiveRow } from "./console/objectives.ts";
export { participantRows, type ParticipantGroup, type ParticipantLike } from "./console/participants.ts";
export { instructorParties, type PlayedParty } from "./console/parties.ts";
export {
  adhocInjectFromForm, adhocOptions, nextAdhocId, type AdhocField, type AdhocForm, type AdhocOptions, type AdhocResult, type FieldError,
  type InjectInput,
} from "./console/adhoc.ts";
export { violationRows } from "./console/findings.ts";
