// Answering what a seat received: who may answer which item (exercise control only as the parties
// it plays, observers never), the pre-filled reply draft, and the one-click acknowledgement command.
// Shared by the Reply and Acknowledge buttons and by the mail lists, which show only what may be done.
import i18next from "i18next";
import type { CommsItem, Seat } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { INSTRUCTOR } from "../../../shared/sim/commands.ts";
import { draftToCommand, emptyDraft, type Draft, type MessageInput } from "./draft.ts";
import { uiLang } from "./format.ts";
import { exconSpeaksAs } from "./recipients.ts";
import { withSuggestions } from "./suggest.ts";

/**
 * A draft answering a received item: to its sender, same channel, the basis it carried. Exercise
 * control answers as the party or desk it plays that the message was addressed to; observers answer
 * nothing (an empty draft).
 */
export function replyDraft(sc: Scenario, seat: Seat, item: CommsItem, l: string = uiLang()): Draft {
  const d = emptyDraft();
  if ((item.kind !== "message" && item.kind !== "delivery") || seat.kind === "evaluator") return d;
  d.kind = "reply";
  d.to = item.from;
  // The schema caps in_reply_to at 40 characters; a delivery of a long inject id is answered unthreaded.
  d.in_reply_to = item.id.length <= 40 ? item.id : "";
  if (seat.kind === "instructor") d.as = exconSpeaksAs(sc, item);
  return withSuggestions(sc, seat, d, { replyTo: item, lang: l });
}

/**
 * May the seat answer this received item? A trainee answers what it receives; exercise control only
 * messages addressed to a party or desk it plays (traffic between trainees it observes, and the
 * scenario's deliveries are its own scripted texts); an observer never.
 */
export function canReplyTo(sc: Scenario | null | undefined, seat: Seat, item: CommsItem): boolean {
  if (item.kind !== "message" && item.kind !== "delivery") return false;
  if (seat.kind === "evaluator") return false;
  // What the seat sent itself is not its to answer.
  if (item.kind === "message" && (item.direction === "out" || item.by === seat.role)) return false;
  if (seat.kind === "instructor") return !!sc && item.kind === "message" && item.by !== INSTRUCTOR && !!exconSpeaksAs(sc, item);
  return true;
}

/**
 * The acknowledgement of a received message: a reply to its sender with in_reply_to and a short text
 * in the interface language. A SPOC request is acknowledged as information, so that the receipt does
 * not count as the substantive answer that stops the Directive 2023/977 deadline. Only messages a
 * person sent are acknowledged (not the scenario's scripted deliveries), and only by a seat that may
 * answer them (canReplyTo); null otherwise.
 */
export function ackCommand(sc: Scenario, seat: Seat, item: CommsItem, l: string = uiLang()): MessageInput | null {
  if (item.kind !== "message" || !canReplyTo(sc, seat, item)) return null;
  const d = replyDraft(sc, seat, item, l);
  d.kind = item.messageKind === "request" ? "information" : "reply";
  d.language = l;
  d.text = String(i18next.t("comms:mail.ackText", { lng: l }));
  const r = draftToCommand(d, seat, sc, { spoc: "off" });
  return r.ok ? r.command : null;
}
