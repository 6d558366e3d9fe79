// What evaluators and observers add to the automatic scoring: time-stamped notes, their own
// ratings, and overrides with a reason. Validated like any other input; kept beside the automatic
// rating, never instead of it.
import { z } from "zod";
import { Duration, Id } from "../scenario/primitives.ts";
import { RATINGS } from "./ratings.ts";

const Anchor = {
  at: Duration.optional().meta({ description: "exercise time the note or rating refers to" }),
  inject: Id.optional().meta({ description: "inject it refers to" }),
};

export const Evaluations = z.strictObject({
  notes: z.array(z.strictObject({ ...Anchor, evaluator: z.string().min(1).max(80), objective: Id.optional(), text: z.string().min(1).max(2000) })).default([]),
  ratings: z.array(z.strictObject({ ...Anchor, evaluator: z.string().min(1).max(80), objective: Id, rating: z.enum(RATINGS), reason: z.string().max(2000).optional() })).default([]),
  overrides: z.array(z.strictObject({ evaluator: z.string().min(1).max(80), objective: Id, rating: z.enum(RATINGS), reason: z.string().min(5, { error: "an override needs its reason" }).max(2000) })).default([]),
});
export type Evaluations = z.output<typeof Evaluations>;
export const NO_EVALUATIONS: Evaluations = { notes: [], ratings: [], overrides: [] };
