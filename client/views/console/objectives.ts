// Live objective ratings as data: each objective of the scenario with its P/S/M/U rating, the
// reasons, the roles it rates, and whether it can still be achieved (the rating is then provisional).
// The rating's symbol and word live here so that the console and the evaluator show them alike.
import type { ConsoleSnapshot, ObjectiveStatus } from "../../../shared/protocol.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import type { Rating } from "../../../shared/score/ratings.ts";
import { reasonText } from "../../../shared/score/reasons.ts";
import { citation } from "../../../shared/report/rules-i18n.ts";
import type { Text } from "./format.ts";

export interface ObjectiveRow {
  id: string;
  title: Text;
  rating: Rating;
  /** Translation key of the rating's word (Performed / Some challenges / Major challenges / Unable). */
  word: string;
  reasons: string[];
  rated: { id: string; title: Text | null }[];
  weight: number;
  achievedAt: number | null;
  /** The outcome is not reached yet but still can be (before its deadline): the rating is provisional. */
  open: boolean;
  deadline: number | null;
}
export const RATING_WORD: Record<Rating, string> = { P: "console:rating.P", S: "console:rating.S", M: "console:rating.M", U: "console:rating.U" };
export const RATING_SYMBOL: Record<Rating, string> = { P: "✓", S: "◐", M: "▲", U: "✗" };

/** Reasons in `lang` where the room sent them as data (`why`), else its English sentences. */
export function objectiveRows(snapshot: ConsoleSnapshot | null, scenario: Scenario, lang = "en"): ObjectiveRow[] {
  const status = new Map<string, ObjectiveStatus>((snapshot?.objectives ?? []).map((o) => [o.id, o]));
  const tick = snapshot?.tick ?? 0;
  return scenario.objectives.map((o) => {
    const st = status.get(o.id);
    const achievedAt = st?.achievedAt ?? null;
    const rating: Rating = st?.rating ?? "P";
    return {
      id: o.id, title: st?.title ?? o.title, rating, word: RATING_WORD[rating], reasons: st?.why?.length ? st.why.map((r) => reasonText(r, lang, (a) => citation(a, lang))) : st?.reasons ?? [],
      rated: (st?.rated ?? o.rated).map((r) => ({ id: r, title: scenario.roles.find((x) => x.id === r)?.title ?? null })),
      weight: o.weight, achievedAt,
      open: !!o.achieve && achievedAt === null && (o.by === undefined || tick < o.by),
      deadline: o.by ?? null,
    };
  });
}
