// One readable line per event, for the CLI timeline and for debriefs.
import type { SimEvent } from "./types.ts";

export function clock(tick: number): string {
  const h = Math.floor(tick / 3600);
  const m = Math.floor((tick % 3600) / 60);
  const s = tick % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function describeEvent(e: SimEvent): string | null {
  switch (e.type) {
    case "command_rejected": return `REFUSED  ${e.by}: ${e.command} (${e.code}: ${e.reason})`;
    case "order_given": return `order    ${e.by}: ${e.unit} ${e.order.replaceAll("_", " ")}${e.target !== undefined ? ` ${Array.isArray(e.target) ? `[${e.target.join(", ")}]` : e.target}` : ""}`;
    case "order_done": return `done     ${e.unit} ${e.order.replaceAll("_", " ")}`;
    case "message_sent": return `message  [${e.id}] ${e.from} -> ${e.to}${e.cc.length ? ` (cc ${e.cc.join(", ")})` : ""} [${e.kind}${e.urgency ? `, ${e.urgency}` : ""}, ${e.language}]: ${e.text}`;
    case "decision_recorded": return `decision ${e.by}: ${e.decision}${e.legalBasis ? ` (${e.legalBasis})` : ""}`;
    case "assistance_requested": return `request  ${e.by} -> ${e.to}: assistance (${e.forms.join(", ") || "no form"}) ${e.request}`;
    case "assistance_answered": return `answer   ${e.by}: ${e.answer.replaceAll("_", " ")} ${e.request}`;
    case "agreement_signed": return `agreement ${e.host} <- ${e.sending} signed by ${e.by}: powers ${e.powers.join(", ") || "none"}, arms ${e.arms}`;
    case "powers_conferred": return `powers   ${e.host} -> ${e.sending}: ${e.powers.join(", ")}`;
    case "border_crossed": return `border   ${e.who} ${e.from} -> ${e.into}`;
    case "site_entered": return `site     ${e.who} enters ${e.site}`;
    case "site_left": return null;
    case "inject_fired": return `INJECT   ${e.inject}${e.manual ? " (by exercise control)" : ""}`;
    case "expected_met": return `expected met    ${e.inject}/${e.expected} by ${e.by.join(", ")} after ${e.latency} s`;
    case "expected_missed": return `expected MISSED ${e.inject}/${e.expected} (${e.roles.join(", ")})`;
    case "violation": return `VIOLATION ${e.code} [${e.article}] ${e.role ?? "-"}${e.unit ? `/${e.unit}` : ""}: ${e.detail}`;
    case "actor_state": return `actor    ${e.actor}: ${e.from} -> ${e.to}${e.detail ? ` (${e.detail})` : ""}`;
    case "stop_requested": return `stop     ${e.host} asks ${e.sending} to stop pursuing${e.actor ? ` ${e.actor}` : ""}`;
    case "instruction_given": return `host instruction ${e.instruction} from ${e.host} to ${e.to.join(", ")}: ${[...e.forbid, ...(e.noEntry ? ["no entry"] : [])].join(", ")}${e.area ? ` in ${e.area}` : ""}`;
    case "instruction_lifted": return `host instruction ${e.instruction} lifted`;
    case "tension": return null;
    case "agitation": return `agitation ${e.actor}: ${(e.value / 1000).toFixed(2)}`;
    case "reported_to_local_authority": return `report   ${e.unit} reported in person to ${e.site} (${e.host})`;
    case "spoc_deadline": return `spoc     ${e.request} answered ${e.met ? "in time" : "LATE"}`;
    case "seen": return null;
    case "objective_achieved": return `OBJECTIVE ${e.objective} achieved`;
    case "objective_final": return e.achievedAt === null ? `objective ${e.objective}: not achieved` : `objective ${e.objective}: achieved at ${clock(e.achievedAt)}${e.holdsAtEnd ? "" : ", lost by the end"}`;
    case "exercise_ended": return `END      ${e.reason}`;
  }
}

export function timeline(events: SimEvent[]): string[] {
  return events.flatMap((e) => {
    const d = describeEvent(e);
    return d === null ? [] : [`${clock(e.t)}  ${d}`];
  });
}
