// Decisions, special-unit assistance, operation agreements and conferred powers: records that the
// debrief reads, and facts the legal rules rely on.
import type { Command } from "../commands.ts";
import type { Ctx } from "../context.ts";
import { emit, newId } from "../context.ts";
import { recordAction } from "../injects.ts";
import { checkRequest } from "../law/atlas.ts";
import { byCode } from "../order-by.ts";
import { reject, type Rejection } from "../orders/common.ts";

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;

export function handleDecision(ctx: Ctx, by: string, c: Of<"decision">): Rejection | null {
  emit(ctx, { type: "decision_recorded", by, decision: c.decision, options: c.options, rationale: c.rationale, ...(c.legal_basis ? { legalBasis: c.legal_basis } : {}) });
  recordAction(ctx, { role: by, kind: "decision", ...(c.legal_basis ? { legalBasis: c.legal_basis } : {}) });
  return null;
}

export function handleAssistanceRequest(ctx: Ctx, by: string, c: Of<"assistance_request">): Rejection | null {
  const w = ctx.world;
  const toCountry = w.countryOf.get(c.to);
  const fromCountry = w.countryOf.get(by) ?? "";
  if (!toCountry) return reject("assistance/unknown_recipient", `no party, role or desk "${c.to}"`);
  if (toCountry === fromCountry) return reject("assistance/same_state", "special-unit assistance is asked of another state");
  const id = newId(ctx, "atlas");
  ctx.state.assistance.push({ id, tick: ctx.state.tick, by, fromCountry, to: c.to, toCountry, nature: c.nature, necessity: c.necessity, forms: c.forms, answer: null });
  emit(ctx, { type: "assistance_requested", by, request: id, to: c.to, nature: c.nature, necessity: c.necessity, forms: c.forms });
  if (c.legal_basis === "decision_2008_617") checkRequest(ctx, by, c.nature, c.necessity);
  recordAction(ctx, { role: by, kind: "assistance_request", to: w.reach.get(c.to) ?? [c.to], legalBasis: c.legal_basis });
  return null;
}

export function handleAssistanceAnswer(ctx: Ctx, by: string, c: Of<"assistance_answer">): Rejection | null {
  const req = ctx.state.assistance.find((r) => r.id === c.request);
  if (!req) return reject("assistance/unknown_request", `no request "${c.request}"`);
  if (ctx.world.countryOf.get(by) !== req.toCountry) return reject("assistance/not_requested_state", `only ${req.toCountry} answers this request`);
  if (req.answer) return reject("assistance/already_answered", "this request has its answer");
  req.answer = { tick: ctx.state.tick, by, answer: c.answer, forms: c.forms };
  emit(ctx, { type: "assistance_answered", by, request: req.id, answer: c.answer, forms: c.forms });
  recordAction(ctx, { role: by, kind: "assistance_answer", from: ctx.world.reach.get(by) ?? [by] });
  return null;
}

export function handleAgreement(ctx: Ctx, by: string, c: Of<"agreement">): Rejection | null {
  const country = ctx.world.countryOf.get(by);
  if (country !== c.host && country !== c.sending) return reject("agreement/not_a_party", `${by} is neither the host nor the sending state`);
  if (c.host === c.sending) return reject("agreement/same_state", "an agreement is between two states");
  const id = newId(ctx, "agreement");
  ctx.state.agreements.push({ id, kind: "agreement", host: c.host, sending: c.sending, tick: ctx.state.tick, powers: c.powers, arms: c.arms });
  emit(ctx, { type: "agreement_signed", by, agreement: id, host: c.host, sending: c.sending, powers: c.powers, arms: c.arms });
  recordAction(ctx, { role: by, kind: "agreement", host: c.host, sending: c.sending });
  return null;
}

export function handleConferPowers(ctx: Ctx, by: string, c: Of<"confer_powers">): Rejection | null {
  if (ctx.world.countryOf.get(by) !== c.host) return reject("agreement/not_host", "only the host state confers powers");
  // Conferring powers adds to what the seconded officers may do; it is not itself the agreement.
  const a = ctx.state.agreements.find((x) => x.host === c.host && x.sending === c.sending);
  if (a) a.powers = [...new Set([...a.powers, ...c.powers])].sort(byCode);
  else ctx.state.agreements.push({ id: newId(ctx, "powers"), kind: "conferral", host: c.host, sending: c.sending, tick: ctx.state.tick, powers: [...c.powers].sort(byCode), arms: "self_defence" });
  emit(ctx, { type: "powers_conferred", by, host: c.host, sending: c.sending, powers: c.powers });
  recordAction(ctx, { role: by, kind: "confer_powers", host: c.host, sending: c.sending });
  return null;
}
