// The inbox and the outbox of a seat: each comms item as a row with its labels, its thread, and
// whether it is read, acknowledged and answerable. Trainees see their own side; staff seats see who
// talks to whom and which traffic they only observe. The panel renders these rows as they are.
import i18next from "i18next";
import type { CommsItem, Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { INSTRUCTOR } from "../../../shared/sim/commands.ts";
import { refusalText } from "../refusals.ts";
import { basisLabel, channelLabel, clock, kindLabel, pick, tr, uiLang, urgencyBadge } from "./format.ts";
import { exconPlays, exconSpeaksAs, nameOf } from "./recipients.ts";
import { canReplyTo } from "./reply.ts";

export interface MailRow {
  id: string;
  source: "delivery" | "message" | "refused";
  direction: "in" | "out";
  t: number;
  /** H:MM:SS exercise time */
  time: string;
  from: string; fromLabel: string;
  /** Who sent it when that is not the speaker (a desk officer speaking as the desk, exercise control as a party); "" otherwise. */
  by: string; byLabel: string;
  to: string[]; toLabel: string; ccLabel: string;
  /** Staff seats: "from X to Y, cc Z" (who talks to whom); "" for trainees. */
  routeLabel: string;
  kind: string; kindLabel: string;
  channel: string; channelLabel: string;
  urgency: string; urgencyLabel: string;
  legalBasis: string; legalBasisLabel: string;
  language: string;
  text: string;
  inReplyTo: string;
  /** "reply to CIN Luxembourg (LU) (0:03:10)" */
  replyToLabel: string;
  /** Id of the first message of the thread, and how deep this one is in it. */
  thread: string; depth: number;
  read: boolean;
  acknowledged: boolean;
  /** The answer that acknowledged it: who and when. */
  ackedBy: string; ackedAt: number | null; ackedLabel: string;
  /** The seat may acknowledge it (a message a person sent, not yet acknowledged by this seat). */
  canAck: boolean;
  /** The seat may answer it (Reply). */
  canReply: boolean;
  /** Exercise control: the party or desk it answers as; "" otherwise. */
  speakAs: string; speakAsLabel: string;
  /** A staff seat watching traffic it takes no part in (between trainees, or the scenario's scripted deliveries). */
  observed: boolean;
  refusal?: { code: string; reason: string };
  item: CommsItem;
}
export interface ListOptions {
  scenario?: Scenario | null;
  /** Ids the user has read (received items only). */
  read?: ReadonlySet<string>;
  lang?: string;
}

type Msg = Extract<CommsItem, { kind: "message" }>;
/**
 * Received or sent, for this seat. Observers send nothing: every message is traffic they watch, and
 * the refusals of exercise control's commands (which share its history) are not theirs to see.
 */
const directionOf = (i: CommsItem, seat: Seat): "in" | "out" | null => {
  if (i.kind === "delivery") return "in";
  if (i.kind === "message") return seat.kind === "evaluator" ? "in" : (i.direction ?? (i.by === seat.role ? "out" : "in"));
  if (i.kind === "refused") return seat.kind === "evaluator" ? null : "out";
  return null;
};
const isStaff = (seat: Seat) => seat.kind === "instructor" || seat.kind === "evaluator";

/** Whom a scenario delivery went to (staff seats have the injects); [] when the scenario does not say (an ad-hoc inject). */
function deliveryTo(sc: Scenario | null, i: Extract<CommsItem, { kind: "delivery" }>): string[] {
  const k = Number(i.id.slice(i.id.lastIndexOf("#") + 1));
  const d = sc?.injects.find((x) => x.id === i.inject)?.deliver[k];
  return d ? [...d.to] : [];
}
const recipientName = (sc: Scenario | null, id: string, l: string) => (id === "all" ? tr("mail.everyone") : nameOf(sc, id, l));

function mailRows(items: readonly CommsItem[], seat: Seat, o: ListOptions, want: "in" | "out"): MailRow[] {
  const l = o.lang ?? uiLang();
  const sc = o.scenario ?? null;
  const staff = isStaff(seat);
  const plays = seat.kind === "instructor" && sc ? exconPlays(sc) : new Set<string>();
  const byId = new Map(items.filter((i) => i.kind !== "decision").map((i) => [i.id, i]));
  const replyOf = (i: CommsItem) => (i.kind === "message" ? i.inReplyTo ?? "" : "");
  const root = (i: CommsItem): { thread: string; depth: number } => {
    let cur = i, depth = 0;
    const seen = new Set([i.id]);
    for (;;) {
      const parent = byId.get(replyOf(cur));
      if (!parent || seen.has(parent.id)) return { thread: cur.id, depth };
      seen.add(parent.id);
      cur = parent;
      depth += 1;
    }
  };
  // An item counts as acknowledged when a message answering it went the other way. Staff seats see
  // both sides of the traffic: there, any answer from someone other than the sender counts, and
  // exercise control's own Acknowledge goes once it has answered itself.
  const senderOf = (i: CommsItem) => (i.kind === "message" || i.kind === "delivery" ? i.from : "");
  const answers = new Map<string, Msg>();
  const ownAnswers = new Set<string>();
  for (const i of items) {
    if (i.kind !== "message" || !i.inReplyTo) continue;
    const target = byId.get(i.inReplyTo);
    if (!target) continue;
    if (seat.kind === "instructor" && i.by === INSTRUCTOR) ownAnswers.add(i.inReplyTo);
    const counts = staff ? senderOf(target) !== i.from : directionOf(target, seat) !== directionOf(i, seat);
    if (counts && !answers.has(i.inReplyTo)) answers.set(i.inReplyTo, i);
  }
  const route = (to: string[], cc: string[], fromLabel: string): string => {
    if (!staff) return "";
    if (!to.length) return tr("mail.fromOnly", { from: fromLabel });
    const toLabel = to.map((x) => recipientName(sc, x, l)).join(", ");
    return cc.length ? tr("mail.fromToCc", { from: fromLabel, to: toLabel, cc: cc.map((x) => recipientName(sc, x, l)).join(", ") }) : tr("mail.fromTo", { from: fromLabel, to: toLabel });
  };
  const rows: { row: MailRow; n: number }[] = [];
  items.forEach((i, n) => {
    const dir = directionOf(i, seat);
    if (dir !== want || i.kind === "decision" || i.kind === "act") return;
    const ans = answers.get(i.id);
    const parent = byId.get(replyOf(i));
    const parentFrom = parent?.kind === "message" || parent?.kind === "delivery" ? parent.from : "";
    const speakAs = dir === "in" && seat.kind === "instructor" && sc ? exconSpeaksAs(sc, i, plays) : "";
    const canReply = dir === "in" && canReplyTo(sc, seat, i);
    const answeredByMe = seat.kind === "instructor" ? ownAnswers.has(i.id) : !!ans;
    const base = {
      id: i.id, direction: dir, t: i.t, time: clock(i.t), ...root(i),
      inReplyTo: replyOf(i), replyToLabel: parent ? tr("mail.replyTo", { who: nameOf(sc, parentFrom, l), time: clock(parent.t) }) : "",
      read: dir === "out" || !!o.read?.has(i.id),
      acknowledged: !!ans, ackedBy: ans?.from ?? "", ackedAt: ans?.t ?? null,
      ackedLabel: ans ? tr("mail.ackedBy", { who: nameOf(sc, ans.from, l), time: clock(ans.t) }) : "",
      // Only a message a person sent is acknowledged: a scripted delivery is answered, if at all, by a reply.
      canAck: canReply && i.kind === "message" && !answeredByMe,
      canReply,
      speakAs, speakAsLabel: speakAs ? nameOf(sc, speakAs, l) : "",
      observed: staff && dir === "in" && !speakAs,
      by: "", byLabel: "",
      item: i,
    };
    let row: MailRow;
    if (i.kind === "delivery") {
      const to = staff ? deliveryTo(sc, i) : [seat.role];
      const fromLabel = nameOf(sc, i.from, l);
      row = {
        ...base, source: "delivery", from: i.from, fromLabel, to, toLabel: staff ? to.map((x) => recipientName(sc, x, l)).join(", ") : "", ccLabel: "",
        routeLabel: route(to, [], fromLabel),
        kind: i.messageKind, kindLabel: kindLabel(i.messageKind), channel: i.channel, channelLabel: channelLabel(i.channel),
        urgency: "", urgencyLabel: "", legalBasis: "", legalBasisLabel: "", language: i.text[l] ? l : "en", text: pick(i.text, l),
      };
    } else if (i.kind === "message") {
      const fromLabel = nameOf(sc, i.from, l);
      const by = staff && i.by && i.by !== i.from ? i.by : "";
      row = {
        ...base, source: "message", from: i.from, fromLabel, by, byLabel: by ? nameOf(sc, by, l) : "", to: [i.to, ...i.cc],
        toLabel: nameOf(sc, i.to, l), ccLabel: i.cc.map((c) => nameOf(sc, c, l)).join(", "),
        routeLabel: route([i.to], i.cc, fromLabel),
        kind: i.messageKind, kindLabel: kindLabel(i.messageKind), channel: i.channel, channelLabel: channelLabel(i.channel),
        urgency: i.urgency ?? "", urgencyLabel: i.urgency ? urgencyBadge(i.urgency) : "",
        legalBasis: i.legalBasis ?? "", legalBasisLabel: i.legalBasis ? basisLabel(i.legalBasis) : "", language: i.language, text: i.text,
      };
    } else {
      row = {
        ...base, source: "refused", from: seat.role, fromLabel: nameOf(sc, seat.role, l), to: [], toLabel: "", ccLabel: "", routeLabel: "",
        kind: "refused", kindLabel: tr("mail.refused"), channel: "system", channelLabel: channelLabel("system"),
        urgency: "", urgencyLabel: "", legalBasis: "", legalBasisLabel: "", language: l, text: refusalText(i.code, i.reason, (k, o) => i18next.t(k, o ?? {}), (k) => i18next.exists(k)),
        refusal: { code: i.code, reason: i.reason }, canAck: false, canReply: false, observed: false,
      };
    }
    rows.push({ row, n });
  });
  // Newest first; among items of the same tick, the later arrival first.
  return rows.sort((a, b) => b.row.t - a.row.t || b.n - a.n).map((r) => r.row);
}

/** What the seat received: scenario deliveries and messages, newest first, with read and acknowledgement state. */
export const inbox = (items: readonly CommsItem[], seat: Seat, o: ListOptions = {}): MailRow[] => mailRows(items, seat, o, "in");
/** What the seat sent, and the commands the exercise refused, newest first. */
export const outbox = (items: readonly CommsItem[], seat: Seat, o: ListOptions = {}): MailRow[] => mailRows(items, seat, o, "out");
export const unreadCount = (rows: readonly MailRow[]): number => rows.filter((r) => !r.read).length;

/** Every item of a thread, oldest first. */
export function threadOf(items: readonly CommsItem[], seat: Seat, id: string, o: ListOptions = {}): MailRow[] {
  const all = [...inbox(items, seat, o), ...outbox(items, seat, o)];
  const thread = all.find((r) => r.id === id)?.thread;
  return all.filter((r) => r.thread === thread).sort((a, b) => a.t - b.t);
}
