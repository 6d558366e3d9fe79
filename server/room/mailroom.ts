// Who hears of what: turns engine events into the comms lines of each role (deliveries and messages
// addressed to it, what it sent, its decisions, its refusals) and keeps each role's history, so that
// a client that joins late or reconnects gets its inbox and outbox back. Exercise control hears all.
import type { ActItem, CommsItem, SpocItem } from "../../shared/protocol.ts";
import { INSTRUCTOR } from "../../shared/sim/commands.ts";
import type { SimEvent, SimState } from "../../shared/sim/types.ts";
import type { World } from "../../shared/sim/world/world.ts";
import { orderNoun } from "../../shared/report/details-i18n.ts";

const INSTRUCTION_WORDS = {
  en: { from: (h: string) => `Instruction of the host state ${h}`, lifted: (h: string) => `Lifted: instruction of the host state ${h}`, forbid: "not allowed", noEntry: "no entry" },
  fr: { from: (h: string) => `Instruction de l'État hôte ${h}`, lifted: (h: string) => `Levée : instruction de l'État hôte ${h}`, forbid: "interdit", noEntry: "accès interdit" },
  de: { from: (h: string) => `Weisung des Gebietsstaats ${h}`, lifted: (h: string) => `Aufgehoben: Weisung des Gebietsstaats ${h}`, forbid: "untersagt", noEntry: "kein Zutritt" },
} as const;

/** Lines kept per role: an exercise produces hundreds, never this many. */
const MAX_HISTORY = 2000;

export class Mailroom {
  private readonly history = new Map<string, CommsItem[]>();
  private readonly spocSent = new Map<string, string>();
  private readonly instructions = new Map<string, Extract<SimEvent, { type: "instruction_given" }>>();
  /** Assistance request id -> the role that asked (its answer goes back there). */
  private readonly requester = new Map<string, string>();
  private seq = 0;
  constructor(private readonly world: World) {}

  private rolesReached(ids: string[]): string[] {
    const all = [...this.world.roleParty.keys()];
    return [...new Set(ids.flatMap((id) => (id === "all" ? all : this.world.reach.get(id) ?? [id])))].filter((r) => this.world.roleParty.has(r)).sort();
  }

  private put(role: string, item: CommsItem, out: [string, CommsItem][]): void {
    const list = this.history.get(role) ?? [];
    if (!this.history.has(role)) this.history.set(role, list);
    list.push(item);
    if (list.length > MAX_HISTORY) list.splice(0, list.length - MAX_HISTORY);
    out.push([role, item]);
  }

  /** The comms lines an event produces, as (role, line) pairs; INSTRUCTOR stands for exercise control. */
  route(e: SimEvent): [string, CommsItem][] {
    const out: [string, CommsItem][] = [];
    if (e.type === "inject_fired") {
      e.deliveries.forEach((d, k) => {
        const item: CommsItem = { kind: "delivery", id: `${e.inject}#${k}`, t: e.t, inject: e.inject, from: d.from, channel: d.channel, messageKind: d.kind, text: d.text };
        for (const r of this.rolesReached(d.to)) this.put(r, item, out);
        this.put(INSTRUCTOR, item, out);
      });
    } else if (e.type === "message_sent") {
      const base = {
        kind: "message" as const, id: e.id, t: e.t, by: e.by, from: e.from, to: e.to, cc: e.cc, messageKind: e.kind, channel: e.channel, language: e.language, text: e.text,
        ...(e.legalBasis ? { legalBasis: e.legalBasis } : {}), ...(e.urgency ? { urgency: e.urgency } : {}), ...(e.inReplyTo ? { inReplyTo: e.inReplyTo } : {}),
      };
      const receivers = this.rolesReached([e.to, ...e.cc]).filter((r) => r !== e.by);
      for (const r of receivers) this.put(r, { ...base, direction: "in" }, out);
      if (e.by !== INSTRUCTOR) this.put(e.by, { ...base, direction: "out" }, out);
      this.put(INSTRUCTOR, { ...base, direction: e.by === INSTRUCTOR ? "out" : "in" }, out);
    } else if (e.type === "decision_recorded") {
      const item: CommsItem = { kind: "decision", id: `d${++this.seq}`, t: e.t, by: e.by, decision: e.decision, options: e.options, rationale: e.rationale, ...(e.legalBasis ? { legalBasis: e.legalBasis } : {}) };
      if (e.by !== INSTRUCTOR) this.put(e.by, item, out);
      this.put(INSTRUCTOR, item, out);
    } else if (e.type === "assistance_requested" || e.type === "assistance_answered" || e.type === "agreement_signed" || e.type === "powers_conferred") {
      this.routeAct(e, out);
    } else if (e.type === "instruction_given" || e.type === "instruction_lifted") {
      this.routeInstruction(e, out);
    } else if (e.type === "command_rejected") {
      this.put(e.by, { kind: "refused", id: `r${++this.seq}`, t: e.t, code: e.code, reason: e.reason }, out);
    }
    return out;
  }

  /** A command the room refused before the engine saw it, as a line of the role's comms. */
  refusal(role: string, t: number, code: string, reason: string): [string, CommsItem][] {
    const out: [string, CommsItem][] = [];
    this.put(role, { kind: "refused", id: `r${++this.seq}`, t, code, reason }, out);
    return out;
  }

  /**
   * Formal acts: a request reaches the roles of the requested party or desk, its answer the role that
   * asked; an agreement or a conferral reaches the roles of both states. The author keeps a copy.
   */
  private routeAct(e: Extract<SimEvent, { type: "assistance_requested" | "assistance_answered" | "agreement_signed" | "powers_conferred" }>, out: [string, CommsItem][]): void {
    const base = { kind: "act" as const, id: `a${++this.seq}`, t: e.t, by: e.by };
    let item: Omit<ActItem, "direction">;
    let receivers: string[];
    if (e.type === "assistance_requested") {
      this.requester.set(e.request, e.by);
      item = { ...base, act: "assistance_request", request: e.request, to: e.to, nature: e.nature, necessity: e.necessity, forms: e.forms };
      receivers = this.rolesReached([e.to]);
    } else if (e.type === "assistance_answered") {
      item = { ...base, act: "assistance_answer", request: e.request, answer: e.answer, forms: e.forms };
      receivers = [this.requester.get(e.request) ?? ""].filter((r) => this.world.roleParty.has(r));
    } else {
      item = e.type === "agreement_signed"
        ? { ...base, act: "agreement", host: e.host, sending: e.sending, powers: e.powers, arms: e.arms }
        : { ...base, act: "conferral", host: e.host, sending: e.sending, powers: e.powers };
      receivers = [...this.world.roleParty.keys()].filter((r) => [e.host, e.sending].includes(this.world.countryOf.get(r) ?? "")).sort();
    }
    for (const r of receivers) if (r !== e.by) this.put(r, { ...item, direction: "in" }, out);
    if (e.by !== INSTRUCTOR) this.put(e.by, { ...item, direction: "out" }, out);
    this.put(INSTRUCTOR, { ...item, direction: e.by === INSTRUCTOR ? "out" : "in" }, out);
  }

  /**
   * A host state's instruction (what foreign officers may not do, where they may not go) reaches the
   * roles it binds as a line of their comms, and again when it is lifted.
   */
  private routeInstruction(e: Extract<SimEvent, { type: "instruction_given" | "instruction_lifted" }>, out: [string, CommsItem][]): void {
    const given = e.type === "instruction_given" ? e : this.instructions.get(e.instruction);
    if (!given) return;
    if (e.type === "instruction_given") this.instructions.set(e.instruction, e);
    const text: Record<string, string> = {};
    for (const l of ["en", "fr", "de"] as const) {
      const w = INSTRUCTION_WORDS[l];
      const what = [
        ...(given.forbid.length ? [`${w.forbid}: ${given.forbid.map((o) => orderNoun(o, l)).join(", ")}`] : []),
        ...(given.noEntry ? [`${w.noEntry}${given.area ? ` (${this.siteName(given.area, l)})` : ""}`] : []),
      ].join("; ");
      text[l] = e.type === "instruction_given" ? `${w.from(given.host)}: ${what}.` : `${w.lifted(given.host)}: ${what}.`;
    }
    const item: CommsItem = { kind: "delivery", id: `${e.instruction}${e.type === "instruction_lifted" ? "-lifted" : ""}`, t: e.t, inject: "", from: given.host, channel: "system", messageKind: "instruction", text };
    for (const r of this.rolesReached(given.to)) this.put(r, item, out);
    this.put(INSTRUCTOR, item, out);
  }

  private siteName(id: string, lang: string): string {
    const n = this.world.scenario.map.sites.find((s) => s.id === id)?.name;
    return n ? (n as Record<string, string | undefined>)[lang] ?? n.en ?? id : id;
  }

  historyOf(role: string): CommsItem[] {
    return [...(this.history.get(role) ?? [])];
  }

  /** SPOC requests a role sent or must answer (exercise control: all of them). */
  spocOf(state: SimState, role: string): SpocItem[] {
    return state.spoc
      .filter((r) => role === INSTRUCTOR || r.by === role || this.rolesReached([r.desk]).includes(role))
      .map((r) => ({ id: r.id, t: r.tick, by: r.by, desk: r.desk, requestedCountry: r.requestedCountry, urgency: r.urgency, deadline: r.deadline, replied: r.replied, delayNotice: r.delayNotice }));
  }

  /** Roles whose SPOC list changed since they were last sent it, with the new list. */
  spocChanges(state: SimState, roles: string[]): [string, SpocItem[]][] {
    const out: [string, SpocItem[]][] = [];
    for (const role of roles) {
      const list = this.spocOf(state, role);
      const key = JSON.stringify(list);
      if (this.spocSent.get(role) === key) continue;
      this.spocSent.set(role, key);
      out.push([role, list]);
    }
    return out;
  }
}
