// A trigger condition of the scenario language in plain words, for the events list ("when the
// fleeing car crosses into FR"). Kept apart from the rows because it walks the whole condition
// grammar and takes the translation function as an argument, which keeps it testable with a stub.
import type { Condition } from "../../../shared/scenario/conditions.ts";
import { clock, type Tr } from "./format.ts";

/** A trigger condition in plain words, through the console's translation keys (cond.*). */
export function describeCondition(c: Condition, tr: Tr, name: (id: string) => string = (id) => id): string {
  const range = (x: { above?: number; below?: number }) => [x.above !== undefined ? `> ${x.above}` : "", x.below !== undefined ? `< ${x.below}` : ""].filter(Boolean).join(", ");
  const parts = (o: Record<string, unknown>) =>
    Object.entries(o).filter(([k, v]) => v !== undefined && k !== "before").map(([k, v]) => (k === "to" || k === "from" || k === "unit" || k === "target" || k === "by" ? `${k} ${name(String(v))}` : String(v))).join(", ");
  if ("all" in c) return c.all.map((x) => describeCondition(x, tr, name)).join(` ${tr("console:cond.and")} `);
  if ("any" in c) return c.any.map((x) => describeCondition(x, tr, name)).join(` ${tr("console:cond.or")} `);
  if ("not" in c) return tr("console:cond.not", { c: describeCondition(c.not, tr, name) });
  if ("at" in c) return tr("console:cond.at", { time: clock(c.at) });
  if ("inject_fired" in c) return tr("console:cond.inject_fired", { inject: c.inject_fired });
  if ("crosses_border" in c) {
    const x = c.crosses_border;
    return x.into ? tr("console:cond.crosses_into", { who: name(x.who), into: x.into }) : tr("console:cond.crosses_border", { who: name(x.who) });
  }
  if ("enters_site" in c) return tr("console:cond.enters_site", { who: name(c.enters_site.who), site: name(c.enters_site.site) });
  if ("message_sent" in c) return tr("console:cond.message_sent", { detail: parts(c.message_sent) });
  if ("order_given" in c) return tr("console:cond.order_given", { detail: parts(c.order_given) });
  if ("violation" in c) return tr("console:cond.violation", { detail: parts(c.violation) || "*" });
  if ("actor_state" in c) return tr("console:cond.actor_state", { actor: name(c.actor_state.actor), state: tr(`console:actorState.${c.actor_state.is}`) });
  if ("tension" in c) return tr("console:cond.tension", { crowd: name(c.tension.crowd), range: range(c.tension) });
  if ("agitation" in c) return tr("console:cond.agitation", { actor: name(c.agitation.actor), range: range(c.agitation) });
  if ("expected_met" in c) return tr("console:cond.expected_met", { ref: `${c.expected_met.inject}/${c.expected_met.expected}` });
  const a = c.action_taken.do;
  const [kind, detail] = Object.entries(a)[0] ?? ["", {}];
  return tr("console:cond.action_taken", { detail: [kind.replaceAll("_", " "), parts(detail as Record<string, unknown>)].filter(Boolean).join(": ") });
}
