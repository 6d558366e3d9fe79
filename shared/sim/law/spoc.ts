// Information requests between SPOCs, Directive (EU) 2023/977: deadlines by urgency (compressed by
// the clock ratio), delay notices, language, completeness, and the copy to one's own SPOC.
import type { Ctx } from "../context.ts";
import { legalTicks, violation } from "../context.ts";
import type { Command } from "../commands.ts";
import { emit } from "../context.ts";
import { lawFor } from "./common.ts";

type Message = Extract<Command, { type: "message" }>;
const DEFAULTS = { urgent_direct: 8 * 3600, urgent_indirect: 3 * 86400, other: 7 * 86400 };
/** "Immediately" for a delay notice: one hour of legal time. */
const DELAY_NOTICE_SECONDS = 3600;

/** The requested SPOC answers for its deadlines: the role that staffs the desk (none if exercise control plays it). */
const deskRole = (ctx: Ctx, desk: string): string | null => ctx.world.deskRoles.get(desk)?.[0] ?? null;

function spocDesks(ctx: Ctx, country?: string) {
  return ctx.world.scenario.desks.filter((d) => d.kind === "spoc" && (country === undefined || d.country === country));
}

export function onSpocMessage(ctx: Ctx, role: string, id: string, m: Message, byControl = false): void {
  const senderCountry = ctx.world.countryOf.get(role) ?? "";
  if (m.kind === "request") {
    const desk = spocDesks(ctx).find((d) => (d.id === m.to || m.cc.includes(d.id)) && d.country !== senderCountry);
    if (!desk) return;
    const rules = lawFor(ctx, desk.country, senderCountry)?.spoc;
    const urgency = m.urgency ?? "normal";
    const seconds = urgency === "urgent_direct" ? (rules?.urgent_direct ?? DEFAULTS.urgent_direct) : urgency === "urgent_indirect" ? (rules?.urgent_indirect ?? DEFAULTS.urgent_indirect) : (rules?.other ?? DEFAULTS.other);
    const t = ctx.state.tick;
    const req = { id, tick: t, by: role, requester: senderCountry, requestedCountry: desk.country, desk: desk.id, urgency, deadline: t + legalTicks(ctx, seconds), judicialAuthorisation: m.fields?.judicial_authorisation_needed ?? false, replied: null, delayNotice: null, flagged: [] };
    ctx.state.spoc.push(req);
    // Exercise control playing a requester sets the scene; only trainees' requests are judged.
    if (byControl) return;
    const languages = rules?.languages ?? desk.languages;
    if (!languages.includes(m.language)) violation(ctx, "spoc/wrong_language", role, undefined, `written in ${m.language}; the ${desk.country} SPOC accepts ${languages.join(", ")}`);
    const f = m.fields ?? {};
    const missing = [!f.purpose && "purpose", !f.grounds && "grounds", !f.link_to_person && "link to the person", urgency !== "normal" && !f.urgency_reasons && "reasons for urgency"].filter(Boolean);
    if (missing.length) violation(ctx, "spoc/request_incomplete", role, undefined, `the request does not state: ${missing.join(", ")}`);
    const ownSpoc = spocDesks(ctx, senderCountry);
    const fromSpoc = ownSpoc.some((s) => s.id === role) || (ctx.world.roleDesks.get(role) ?? []).some((d) => ownSpoc.some((s) => s.id === d));
    if (!fromSpoc && ownSpoc.length > 0 && !ownSpoc.some((s) => m.cc.includes(s.id))) {
      violation(ctx, "spoc/direct_request_without_own_spoc_copy", role, undefined, `sent straight to ${desk.id} without a copy to ${ownSpoc.map((s) => s.id).join(" or ")}`);
    }
    return;
  }
  if ((m.kind === "reply" || m.kind === "delay_notice") && m.in_reply_to) {
    const req = ctx.state.spoc.find((r) => r.id === m.in_reply_to && ctx.world.countryOf.get(role) === r.requestedCountry);
    if (!req) return;
    if (m.kind === "reply" && req.replied === null) {
      req.replied = ctx.state.tick;
      emit(ctx, { type: "spoc_deadline", request: req.id, met: ctx.state.tick <= req.deadline });
    }
    if (m.kind === "delay_notice" && req.delayNotice === null) req.delayNotice = ctx.state.tick;
  }
}

export function spocTick(ctx: Ctx): void {
  const t = ctx.state.tick;
  for (const r of ctx.state.spoc) {
    if (r.replied === null && t > r.deadline) {
      violation(ctx, "spoc/deadline_missed", deskRole(ctx, r.desk), undefined, `request ${r.id} to ${r.desk} was not answered by its deadline`, r.id);
    }
    if (r.judicialAuthorisation && r.delayNotice === null && r.replied === null && t > r.tick + legalTicks(ctx, DELAY_NOTICE_SECONDS)) {
      violation(ctx, "spoc/delay_notice_missing", deskRole(ctx, r.desk), undefined, `request ${r.id} needs judicial authorisation, and no delay notice was sent`, r.id);
    }
  }
}
