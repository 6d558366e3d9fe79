// The communications panel, by the path its importers have always used. The panel lives in
// panels/comms/: the composer, the mailbox, the SPOC deadlines, the refusal banner, and the small
// DOM kit it shares with the decision log.
export { mountComms } from "./comms/panel.ts";
export { field, h, newId, showIssue } from "./comms/fields.ts";
