// A structured message between roles, desks and parties. Who it reaches is resolved once here; a
// stop request from a host becomes a stop request in the world; messages about an actor share it.
import type { Command } from "../commands.ts";
import { INSTRUCTOR } from "../commands.ts";
import { shareActor } from "../awareness.ts";
import type { Ctx } from "../context.ts";
import { emit, newId } from "../context.ts";
import { recordAction } from "../injects.ts";
import { onMessage } from "../law/index.ts";
import { byCode } from "../order-by.ts";
import { reject, type Rejection } from "../orders/common.ts";

type MessageCmd = Extract<Command, { type: "message" }>;

/**
 * The states a stop request asks to stop: those of the receivers (a shared centre stands for every
 * state it serves), narrowed to the states actually pursuing in the host when that is known.
 */
function stopTargets(ctx: Ctx, speaker: string, by: string, m: MessageCmd): { host: string; sending: string[] } {
  const w = ctx.world;
  const host = w.countryOf.get(speaker) ?? w.countryOf.get(by) ?? "";
  const served = (id: string) => {
    const desk = w.scenario.desks.find((d) => d.id === id);
    return desk?.countries?.length ? desk.countries : [w.countryOf.get(id) ?? ""];
  };
  const asked = new Set([m.to, ...m.cc].flatMap(served).filter((c) => c && c !== host));
  const pursuing = new Set(Object.values(ctx.state.units).filter((u) => u.in === host && u.abroad?.mode === "pursuit" && (!m.about || u.abroad.actor === m.about)).map((u) => u.country));
  const sending = [...asked].filter((c) => asked.size === 1 || pursuing.size === 0 || pursuing.has(c)).sort(byCode);
  return { host, sending: host ? sending : [] };
}

export function handleMessage(ctx: Ctx, by: string, m: MessageCmd): Rejection | null {
  const w = ctx.world;
  const known = (id: string) => w.reach.has(id);
  if (!known(m.to)) return reject("message/unknown_recipient", `no role, desk or party "${m.to}"`);
  const badCc = m.cc.find((c) => !known(c));
  if (badCc) return reject("message/unknown_recipient", `no role, desk or party "${badCc}"`);
  let speaker = by;
  if (m.as !== undefined) {
    const own = by === INSTRUCTOR ? known(m.as) : (w.roleDesks.get(by) ?? []).includes(m.as);
    if (!own) return reject("message/not_your_desk", `${by} cannot speak as "${m.as}"`);
    speaker = m.as;
  }
  if (m.about !== undefined && !ctx.state.actors[m.about]) return reject("message/unknown_actor", `no actor "${m.about}"`);
  const stop = m.kind === "stop_request" ? stopTargets(ctx, speaker, by, m) : undefined;
  if (stop && stop.sending.length === 0) return reject("message/stop_request_no_foreign_state", "a stop request goes to the pursuing state: address its officers, or copy them");
  const id = newId(ctx, "msg");
  const to = [...new Set([m.to, ...m.cc].flatMap((x) => w.reach.get(x) ?? [x]))].sort();
  const from = [...new Set([by, speaker, ...(w.reach.get(speaker) ?? [])])].sort();
  emit(ctx, {
    type: "message_sent", id, by, from: speaker, to: m.to, cc: m.cc, kind: m.kind, channel: m.channel, language: m.language,
    ...(m.legal_basis ? { legalBasis: m.legal_basis } : {}), ...(m.urgency ? { urgency: m.urgency } : {}), text: m.text,
    ...(m.in_reply_to ? { inReplyTo: m.in_reply_to } : {}), ...(m.about ? { about: m.about } : {}),
  });
  for (const s2 of stop?.sending ?? []) {
    ctx.state.stopRequests.push({ host: stop?.host ?? "", sending: s2, ...(m.about ? { actor: m.about } : {}), tick: ctx.state.tick });
    emit(ctx, { type: "stop_requested", host: stop?.host ?? "", sending: s2, ...(m.about ? { actor: m.about } : {}) });
  }
  if (m.about) for (const r of to) if (w.roleParty.has(r)) shareActor(ctx, r, m.about);
  if (by !== INSTRUCTOR) {
    onMessage(ctx, by, id, m);
    recordAction(ctx, { role: by, kind: "message", to, from, messageKind: m.kind, ...(m.legal_basis ? { legalBasis: m.legal_basis } : {}), ...(m.urgency ? { urgency: m.urgency } : {}) });
  } else {
    // Exercise control speaking as a party still counts for the rules (a host asking to stop, a SPOC
    // answering): record it under the role or party it speaks for.
    onMessage(ctx, speaker, id, m, true);
    ctx.state.actions.push({ tick: ctx.state.tick, role: speaker, kind: "message", to, from, messageKind: m.kind });
  }
  return null;
}
