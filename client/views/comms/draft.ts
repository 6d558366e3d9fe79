// The composer's draft and the message command it becomes. The draft holds what the form shows
// (empty strings for "not chosen"); draftToCommand leaves out what is empty, adds the Art. 4(3)
// fields only to a SPOC request, and checks the result with the room's own MessageCommand schema, so
// a mistake is shown beside its field instead of coming back as a refusal.
import type { z } from "zod";
import type { Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { MessageCommand } from "../../../shared/sim/commands.ts";
import type { MessageKind } from "../../../shared/scenario/vocab.ts";
import { tr, type Channel, type LegalBasis, type Urgency } from "./format.ts";
import { zodIssues, type Issue } from "./issues.ts";
import { isSpocRequest, spocAdvice } from "./spoc.ts";

export type MessageInput = z.input<typeof MessageCommand>;

export interface RequestFields {
  purpose: string; grounds: string; link_to_person: string; urgency_reasons: string; use_restrictions: string;
  judicial_authorisation_needed: boolean;
}
export interface Draft {
  kind: MessageKind | "";
  to: string;
  cc: string[];
  channel: Channel | "";
  urgency: Urgency | "";
  language: string;
  legal_basis: LegalBasis | "";
  /** Actor id the message is about ("" for none). */
  about: string;
  /** Speak as one of the seat's desks, or (instructor) any party or desk; "" for oneself. */
  as: string;
  in_reply_to: string;
  text: string;
  fields: RequestFields;
}
export const REQUEST_FIELDS = ["purpose", "grounds", "link_to_person", "urgency_reasons", "use_restrictions"] as const;

export const emptyDraft = (): Draft => ({
  kind: "", to: "", cc: [], channel: "", urgency: "", language: "", legal_basis: "", about: "", as: "", in_reply_to: "", text: "",
  fields: { purpose: "", grounds: "", link_to_person: "", urgency_reasons: "", use_restrictions: "", judicial_authorisation_needed: false },
});

export interface CheckOptions {
  /**
   * What to do when a SPOC request misses Art. 4(3) content, is in a language the SPOC does not
   * accept, or is not copied to the own SPOC: "warn" (shown beside the fields; the request can still
   * be sent, and the engine scores it), "block" (an error), "off" (say nothing: an exam).
   */
  spoc?: "warn" | "block" | "off";
}
export type DraftResult =
  | { ok: true; command: MessageInput; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

/**
 * A form draft as a message command, validated with the room's own MessageCommand schema. Empty
 * optional fields are left out; the Art. 4(3) fields travel only with a request to a SPOC.
 */
export function draftToCommand(draft: Draft, seat: Seat, sc: Scenario, opts: CheckOptions = {}): DraftResult {
  const issues: Issue[] = [];
  if (seat.kind === "evaluator") return { ok: false, issues: [{ field: "", message: tr("err.observer") }], warnings: [] };
  if (!draft.kind) issues.push({ field: "kind", message: tr("err.kind") });
  if (!draft.to) issues.push({ field: "to", message: tr("err.to") });
  if (!draft.text.trim()) issues.push({ field: "text", message: tr("err.text") });
  if (draft.as && seat.kind === "trainee" && !(sc.roles.find((r) => r.id === seat.role)?.desks ?? []).includes(draft.as)) {
    issues.push({ field: "as", message: tr("err.as") });
  }
  const spocMode = opts.spoc ?? "warn";
  const advice = spocMode === "off" ? [] : spocAdvice(sc, seat, draft);
  if (spocMode === "block") issues.push(...advice);
  const warnings = spocMode === "warn" ? advice : [];

  const cc = [...new Set(draft.cc.filter((c) => c && c !== draft.to))];
  const fields: Record<string, unknown> = {};
  if (isSpocRequest(sc, draft)) {
    for (const k of REQUEST_FIELDS) if (draft.fields[k].trim()) fields[k] = draft.fields[k].trim();
    if (draft.fields.judicial_authorisation_needed) fields.judicial_authorisation_needed = true;
  }
  const raw: Record<string, unknown> = {
    type: "message", to: draft.to, cc, kind: draft.kind, text: draft.text,
    ...(draft.as ? { as: draft.as } : {}),
    ...(draft.channel ? { channel: draft.channel } : {}),
    ...(draft.urgency ? { urgency: draft.urgency } : {}),
    ...(draft.language ? { language: draft.language } : {}),
    ...(draft.legal_basis ? { legal_basis: draft.legal_basis } : {}),
    ...(draft.about ? { about: draft.about } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(draft.in_reply_to ? { in_reply_to: draft.in_reply_to } : {}),
  };
  const parsed = MessageCommand.safeParse(raw);
  const seen = new Set(issues.map((i) => i.field));
  if (!parsed.success) issues.push(...zodIssues(parsed.error.issues, seen));
  if (issues.length || !parsed.success) return { ok: false, issues, warnings };
  return { ok: true, command: parsed.data, warnings };
}
