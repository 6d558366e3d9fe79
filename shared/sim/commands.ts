// The command protocol: everything a player or the instructor can ask the engine to do. Validated
// with zod at the room edge (a malformed command never reaches step()); `by` is the sender's role,
// set by the server from the session, never taken from the client.
import { z } from "zod";
import { Inject } from "../scenario/schema.ts";
import { Country, Id, Language, Point } from "../scenario/primitives.ts";
import { ATLAS_FORMS, CHANNELS, LEGAL_BASES, MESSAGE_KINDS, ORDER_TYPES, POWERS, ARMS_RULES, URGENCY } from "../scenario/vocab.ts";

const Text = (max: number) => z.string().trim().min(1).max(max);
export const INSTRUCTOR = "instructor";

export const OrderCommand = z.strictObject({
  type: z.literal("order"),
  unit: Id,
  order: z.enum(ORDER_TYPES),
  target: z.union([Id, Point]).optional(),
  /** The officer's stated ground for force; the engine checks it against the situation. */
  claim_self_defence: z.boolean().optional(),
});
export const MessageCommand = z.strictObject({
  type: z.literal("message"),
  /** Speak as one of the sender's desks, or (instructor) as any party or desk. */
  as: Id.optional(),
  to: Id,
  cc: z.array(Id).max(10).default([]),
  kind: z.enum(MESSAGE_KINDS),
  channel: z.enum(CHANNELS).default("phone"),
  urgency: z.enum(URGENCY).optional(),
  language: Language.default("en"),
  legal_basis: z.enum(LEGAL_BASES).optional(),
  about: Id.optional().meta({ description: "actor the message is about: the receiver learns where it is" }),
  /** Request content (Directive 2023/977 Art. 4(3)); checked for completeness by the SPOC rules. */
  fields: z
    .strictObject({
      purpose: Text(500).optional(),
      grounds: Text(500).optional(),
      link_to_person: Text(500).optional(),
      urgency_reasons: Text(500).optional(),
      use_restrictions: Text(500).optional(),
      judicial_authorisation_needed: z.boolean().optional(),
    })
    .optional(),
  in_reply_to: z.string().max(40).optional(),
  text: Text(2000),
});
export const DecisionCommand = z.strictObject({
  type: z.literal("decision"),
  decision: Text(500),
  options: z.array(Text(300)).max(10).default([]),
  rationale: Text(2000),
  legal_basis: z.enum(LEGAL_BASES).optional(),
});
export const AssistanceRequestCommand = z.strictObject({
  type: z.literal("assistance_request"),
  to: Id,
  /** Special intervention units (2008/617) by default; Prüm Art. 18 for mass gatherings and disasters. */
  legal_basis: z.enum(["decision_2008_617", "prum_18"]).default("decision_2008_617"),
  nature: z.string().trim().max(1000).default(""),
  necessity: z.string().trim().max(1000).default(""),
  forms: z.array(z.enum(ATLAS_FORMS)).max(5).default([]),
});
export const AssistanceAnswerCommand = z.strictObject({
  type: z.literal("assistance_answer"),
  request: z.string().max(40),
  answer: z.enum(["accept", "refuse", "offer_alternative"]),
  forms: z.array(z.enum(ATLAS_FORMS)).max(5).default([]),
  note: z.string().max(1000).default(""),
});
export const AgreementCommand = z.strictObject({
  type: z.literal("agreement"),
  host: Country,
  sending: Country,
  purpose: Text(500),
  area: Id.optional(),
  powers: z.array(z.enum(POWERS)).max(10).default([]),
  arms: z.enum(ARMS_RULES).default("self_defence"),
});
export const ConferPowersCommand = z.strictObject({
  type: z.literal("confer_powers"),
  host: Country,
  sending: Country,
  powers: z.array(z.enum(POWERS)).max(10),
});
// --- exercise control (instructor only) ---
export const FireInjectCommand = z.strictObject({ type: z.literal("fire_inject"), inject: Id });
export const AdhocInjectCommand = z.strictObject({ type: z.literal("adhoc_inject"), inject: Inject });
export const EndCommand = z.strictObject({ type: z.literal("end"), reason: z.string().max(200).default("ended by exercise control") });

export const Command = z.discriminatedUnion("type", [
  OrderCommand, MessageCommand, DecisionCommand, AssistanceRequestCommand, AssistanceAnswerCommand,
  AgreementCommand, ConferPowersCommand, FireInjectCommand, AdhocInjectCommand, EndCommand,
]);
export type Command = z.output<typeof Command>;
export type CommandInput = z.input<typeof Command>;
export const INSTRUCTOR_COMMANDS = new Set(["fire_inject", "adhoc_inject", "end"]);

/** A command as the engine receives it: who sent it is part of the envelope. */
export interface Envelope { by: string; cmd: Command }
