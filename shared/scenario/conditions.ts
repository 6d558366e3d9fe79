// Declarative conditions, world effects and action matchers. These are data, never code: the engine
// evaluates them with a fixed interpreter, so a scenario file cannot run anything.
import { z } from "zod";
import { Country, Duration, Fraction, Id, Place, Text } from "./primitives.ts";
import {
  ACTOR_STATES, CHANNELS, LEGAL_BASES, MESSAGE_KINDS, ORDER_TYPES, URGENCY, VIOLATION_CODES,
} from "./vocab.ts";

/** A unit, actor, role or party id, or any_unit / any_actor. */
const Who = Id.meta({ description: "A unit, actor, role or party id, or any_unit / any_actor" });
const ViolationCode = z.enum(VIOLATION_CODES, { error: "not a known violation code" });
const MessageKind = z.enum(MESSAGE_KINDS);
const OrderType = z.enum(ORDER_TYPES);
const LegalBasis = z.enum(LEGAL_BASES);

// --- what players do: used by expected actions and by the *_given / *_sent conditions -------------
export const MessageMatch = z.strictObject({
  kind: MessageKind.optional(),
  from: Id.optional().meta({ description: "role, desk or party that sends it" }),
  to: Id.optional().meta({ description: "role, desk or party that receives it" }),
  legal_basis: LegalBasis.optional(),
  urgency: z.enum(URGENCY).optional(),
});
export const OrderMatch = z.strictObject({
  type: OrderType,
  unit: Id.optional(),
  target: Id.optional().meta({ description: "actor, site or unit the order is about" }),
});
export const ActionMatch = z.union(
  [
    z.strictObject({ message: MessageMatch }),
    z.strictObject({ order: OrderMatch }),
    z.strictObject({ decision: z.strictObject({ legal_basis: LegalBasis.optional() }) }),
    z.strictObject({ assistance_request: z.strictObject({ to: Id.optional() }) }),
    z.strictObject({ assistance_answer: z.strictObject({ from: Id.optional() }) }),
    z.strictObject({ agreement: z.strictObject({ host: Country.optional(), sending: Country.optional() }) }),
    z.strictObject({ confer_powers: z.strictObject({ host: Country.optional(), sending: Country.optional() }) }),
  ],
  { error: "write one of: message, order, decision, assistance_request, assistance_answer, agreement, confer_powers" },
).meta({ id: "Action", description: "What a player does: one key naming the kind of action" });
export type ActionMatch = z.output<typeof ActionMatch>;

// --- conditions ---------------------------------------------------------------------------------
type Leaf =
  | { at: number }
  | { inject_fired: string }
  | { crosses_border: { who: string; from?: string; into?: string } }
  | { enters_site: { who: string; site: string } }
  | { message_sent: z.output<typeof MessageMatch> & { before?: number } }
  | { order_given: z.output<typeof OrderMatch> & { by?: string; before?: number } }
  | { violation: { code?: string; by?: string; before?: number } }
  | { actor_state: { actor: string; is: string } }
  | { tension: { crowd: string; above?: number; below?: number } }
  | { agitation: { actor: string; above?: number; below?: number } }
  | { expected_met: { inject: string; expected: string } }
  | { action_taken: { do: ActionMatch; by?: string; before?: number } };
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const Threshold = { above: Fraction.optional(), below: Fraction.optional() };
const thresholdOk = (t: { above?: number; below?: number }) =>
  (t.above !== undefined || t.below !== undefined) && (t.above === undefined || t.below === undefined || t.above < t.below);
const thresholdError = { error: "give above:, below: or both (with above smaller than below), e.g. above: 0.7" };
const leaves = [
  z.strictObject({ at: Duration.meta({ description: "true once this much exercise time has passed" }) }),
  z.strictObject({ inject_fired: Id }),
  z.strictObject({ crosses_border: z.strictObject({ who: Who, from: Country.optional(), into: Country.optional() }) }),
  z.strictObject({ enters_site: z.strictObject({ who: Who, site: Id }) }),
  z.strictObject({ message_sent: MessageMatch.extend({ before: Duration.optional() }) }),
  z.strictObject({ order_given: OrderMatch.extend({ by: Id.optional(), before: Duration.optional() }) }),
  z.strictObject({
    violation: z.strictObject({ code: ViolationCode.optional(), by: Id.optional(), before: Duration.optional() }),
  }),
  z.strictObject({ actor_state: z.strictObject({ actor: Id, is: z.enum(ACTOR_STATES) }) }),
  z.strictObject({ tension: z.strictObject({ crowd: Id, ...Threshold }).refine(thresholdOk, thresholdError) }),
  z.strictObject({ agitation: z.strictObject({ actor: Id, ...Threshold }).refine(thresholdOk, thresholdError) }),
  z.strictObject({ expected_met: z.strictObject({ inject: Id, expected: Id }) }),
  z.strictObject({
    action_taken: z.strictObject({ do: ActionMatch, by: Id.optional().meta({ description: "role that acted" }), before: Duration.optional() }),
  }),
] as const;
export const CONDITION_KEYS = [
  "all", "any", "not", "at", "inject_fired", "crosses_border", "enters_site", "message_sent",
  "order_given", "violation", "actor_state", "tension", "agitation", "expected_met", "action_taken",
] as const;

export const Condition: z.ZodType<Condition, unknown> = z
  .lazy(() =>
    z.union(
      [
        z.strictObject({ all: z.array(Condition).min(1) }),
        z.strictObject({ any: z.array(Condition).min(1) }),
        z.strictObject({ not: Condition }),
        ...leaves,
      ],
      { error: `write one of: ${CONDITION_KEYS.join(", ")}` },
    ),
  )
  .meta({ id: "Condition", description: "A declarative condition: one key, combined with all / any / not" });

// --- world effects of an inject ----------------------------------------------------------------
export const Effect = z
  .union(
    [
      z.strictObject({ spawn: Id.meta({ description: "unit or actor that enters the exercise now" }) }),
      z.strictObject({ remove: Id }),
      z.strictObject({ set_route: z.strictObject({ actor: Id, route: z.array(Place).min(1) }) }),
      z.strictObject({ hide: z.strictObject({ actor: Id, site: Id, for: Duration.optional() }) }),
      z.strictObject({ switch_vehicle: z.strictObject({ actor: Id, vehicle: Text, speed_kmh: z.number().positive().optional() }) }),
      z.strictObject({
        stop_request: z.strictObject({
          host: Country,
          sending: Country,
          actor: Id.optional().meta({ description: "the pursuit concerned; all pursuits if omitted" }),
        }),
      }),
      z.strictObject({
        host_instruction: z.strictObject({
          id: Id.optional().meta({ description: "name it to lift it later with lift_instruction" }),
          host: Country,
          to: z.array(Id).min(1),
          forbid: z.array(OrderType).default([]).meta({ description: "orders the seconded officers must not carry out" }),
          no_entry: z.boolean().default(false).meta({ description: "true: they must not enter the area at all" }),
          area: Id.optional().meta({ description: "site where the instruction applies; everywhere if omitted" }),
          text: Text,
        }),
      }),
      z.strictObject({ lift_instruction: Id.meta({ description: "id of an earlier host_instruction that no longer applies" }) }),
      z.strictObject({ tension: z.strictObject({ crowd: Id, add: z.number().min(-1).max(1) }) }),
      z.strictObject({ agitation: z.strictObject({ actor: Id, add: z.number().min(-1).max(1) }) }),
      z.strictObject({ reveal: z.strictObject({ actor: Id, to: z.array(Id).min(1) }) }),
    ],
    {
      error:
        "write one of: spawn, remove, set_route, hide, switch_vehicle, stop_request, host_instruction, lift_instruction, tension, agitation, reveal",
    },
  )
  .meta({ id: "Effect", description: "A change to the world when an inject fires: one key" });
export type Effect = z.output<typeof Effect>;

export const Delivery = z.strictObject({
  from: Id.meta({ description: "party or desk that speaks (usually instructor-played)" }),
  to: z.array(Id).min(1).meta({ description: "roles, desks or parties that receive it; 'all' for everyone" }),
  channel: z.enum(CHANNELS).default("radio"),
  kind: MessageKind.default("information"),
  text: Text,
});
export type Delivery = z.output<typeof Delivery>;
