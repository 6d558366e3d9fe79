// Exercise control's reminder of whom it plays: the parties and desks that no trainee answers for,
// so that a message to them waits for exercise control.
import { t, tx } from "../../i18n/index.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { instructorParties } from "../../views/console/parties.ts";
import { h, section } from "./dom.ts";

/** The "you play" section. */
export function playedList(scenario: Scenario): HTMLElement {
  const played = instructorParties(scenario);
  const s = section(t("console:parties.title"), "cx-played");
  s.el.append(played.length
    ? h("ul", { class: "cx-played-list", testid: "played-parties" }, ...played.map((p) => h("li", { "data-party": p.id },
        h("b", { text: tx(p.name) || p.id }), " ", h("span", { class: "cx-tag", text: `${p.country} · ${t(`console:parties.${p.kind}`)}` }), " ", h("code", { class: "cx-id", text: p.id }))))
    : h("p", { class: "cx-muted", text: t("console:parties.none") }));
  s.el.append(h("p", { class: "cx-muted", text: t("console:parties.hint") }));
  return s.el;
}
