// Does a recorded action match what a scenario looks for (expected actions, conditions)?
import type { ActionMatch } from "../scenario/conditions.ts";
import type { ActionRecord } from "./types.ts";

export function matchesAction(m: ActionMatch, a: ActionRecord): boolean {
  if ("message" in m) {
    const x = m.message;
    return a.kind === "message" &&
      (x.kind === undefined || a.messageKind === x.kind) &&
      (x.to === undefined || (a.to ?? []).includes(x.to)) &&
      (x.from === undefined || (a.from ?? []).includes(x.from)) &&
      (x.legal_basis === undefined || a.legalBasis === x.legal_basis) &&
      (x.urgency === undefined || a.urgency === x.urgency);
  }
  if ("order" in m) {
    const x = m.order;
    return a.kind === "order" && a.order === x.type && (x.unit === undefined || a.unit === x.unit) && (x.target === undefined || a.target === x.target);
  }
  if ("decision" in m) return a.kind === "decision" && (m.decision.legal_basis === undefined || a.legalBasis === m.decision.legal_basis);
  if ("assistance_request" in m) return a.kind === "assistance_request" && (m.assistance_request.to === undefined || (a.to ?? []).includes(m.assistance_request.to));
  if ("assistance_answer" in m) return a.kind === "assistance_answer" && (m.assistance_answer.from === undefined || (a.from ?? []).includes(m.assistance_answer.from));
  const x = "agreement" in m ? m.agreement : m.confer_powers;
  const kind = "agreement" in m ? "agreement" : "confer_powers";
  return a.kind === kind && (x.host === undefined || a.host === x.host) && (x.sending === undefined || a.sending === x.sending);
}
