// The decision log's view models: the decision form as a command checked with the room's own
// DecisionCommand schema, the recorded decisions newest first, and the role filter of staff seats.
// Decisions travel as comms items of kind "decision", but they are read apart from the mail.
import type { z } from "zod";
import type { CommsItem } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { DecisionCommand, INSTRUCTOR } from "../../../shared/sim/commands.ts";
import { basisLabel, clock, pick, tr, uiLang, type LegalBasis } from "./format.ts";
import { zodIssues, type Issue } from "./issues.ts";
import { nameOf } from "./recipients.ts";

export type DecisionInput = z.input<typeof DecisionCommand>;

export interface DecisionDraft { decision: string; options: string[]; rationale: string; legal_basis: LegalBasis | "" }
export const emptyDecision = (): DecisionDraft => ({ decision: "", options: [""], rationale: "", legal_basis: "" });
export type DecisionResult = { ok: true; command: DecisionInput } | { ok: false; issues: Issue[] };

/** A decision form as a command, validated with DecisionCommand; empty option lines are dropped. */
export function decisionToCommand(draft: DecisionDraft): DecisionResult {
  const issues: Issue[] = [];
  if (!draft.decision.trim()) issues.push({ field: "decision", message: tr("err.decision") });
  if (!draft.rationale.trim()) issues.push({ field: "rationale", message: tr("err.rationale") });
  // Keep the form's positions so that an error points at the right line.
  const kept = draft.options.map((text, n) => ({ text: text.trim(), n })).filter((o) => o.text);
  const raw = {
    type: "decision", decision: draft.decision, options: kept.map((o) => o.text), rationale: draft.rationale,
    ...(draft.legal_basis ? { legal_basis: draft.legal_basis } : {}),
  };
  const parsed = DecisionCommand.safeParse(raw);
  if (!parsed.success) {
    const mapped = zodIssues(parsed.error.issues, new Set(issues.map((i) => i.field)), "err");
    for (const i of mapped) {
      const m = /^options\.(\d+)$/.exec(i.field);
      issues.push(m ? { ...i, field: `options.${kept[Number(m[1])]?.n ?? m[1]}` } : i);
    }
  }
  if (issues.length || !parsed.success) return { ok: false, issues };
  return { ok: true, command: parsed.data };
}

export interface DecisionRow {
  id: string; t: number; time: string; by: string;
  /** "French patrol commander (BAC Thionville) (FR)" */
  byLabel: string;
  /** The role's title alone: "French patrol commander (BAC Thionville)" ("Exercise control" for exercise control). */
  roleTitle: string;
  decision: string; options: string[]; rationale: string; legalBasis: string; legalBasisLabel: string;
}
export interface DecisionLogOptions {
  scenario?: Scenario | null;
  lang?: string;
  /** Only the decisions of this role ("" or absent: every role's). */
  by?: string;
}
const roleTitleOf = (sc: Scenario | null | undefined, id: string, l: string): string => {
  if (id === INSTRUCTOR) return tr("excon");
  const role = sc?.roles.find((r) => r.id === id);
  return role ? pick(role.title, l) : nameOf(sc, id, l);
};
type DecisionItem = Extract<CommsItem, { kind: "decision" }>;

/** Recorded decisions, newest first: a trainee's own; for staff seats every role's, optionally one role's. */
export function decisionLog(items: readonly CommsItem[], o: DecisionLogOptions = {}): DecisionRow[] {
  const l = o.lang ?? uiLang();
  return items
    .map((i, n) => ({ i, n }))
    .filter((x): x is { i: DecisionItem; n: number } => x.i.kind === "decision" && (!o.by || x.i.by === o.by))
    .sort((a, b) => b.i.t - a.i.t || b.n - a.n)
    .map(({ i }) => ({
      id: i.id, t: i.t, time: clock(i.t), by: i.by, byLabel: nameOf(o.scenario, i.by, l), roleTitle: roleTitleOf(o.scenario, i.by, l),
      decision: i.decision, options: [...i.options],
      rationale: i.rationale, legalBasis: i.legalBasis ?? "", legalBasisLabel: i.legalBasis ? basisLabel(i.legalBasis) : "",
    }));
}

export interface DecisionAuthor { id: string; label: string; count: number }
/**
 * The choices of the decision log's role filter (staff seats): every role of the scenario in its
 * order, with how many decisions it recorded (none yet is worth seeing too), then anyone else who
 * recorded one (exercise control, a role the scenario no longer lists).
 */
export function decisionAuthors(items: readonly CommsItem[], o: { scenario?: Scenario | null; lang?: string } = {}): DecisionAuthor[] {
  const l = o.lang ?? uiLang();
  const counts = new Map<string, number>();
  for (const i of items) if (i.kind === "decision") counts.set(i.by, (counts.get(i.by) ?? 0) + 1);
  const roles = (o.scenario?.roles ?? []).map((r) => r.id);
  const others = [...counts.keys()].filter((id) => !roles.includes(id)).sort();
  return [...roles, ...others].map((id) => ({ id, label: nameOf(o.scenario, id, l), count: counts.get(id) ?? 0 }));
}
