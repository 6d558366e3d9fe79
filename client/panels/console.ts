// Exercise control's console, by the path its importers have always used. The panel lives in
// panels/console/, one file per part (clock bar, events list, ad-hoc form, objectives, legal findings,
// participants, who exercise control plays) plus the frame it shares with the evaluator view.
export { mountConsole } from "./console/panel.ts";
export { h, options, section, sym } from "./console/dom.ts";
export { namer, tr } from "./console/words.ts";
export { keepValues, restoreValues } from "./console/kept-values.ts";
export { clockBar, SPEEDS } from "./console/clock-bar.ts";
export { injectList } from "./console/inject-list.ts";
export { objectiveList } from "./console/objectives.ts";
export { violationList } from "./console/findings.ts";
export { participantList } from "./console/participants.ts";
