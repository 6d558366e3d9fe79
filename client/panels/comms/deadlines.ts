// The SPOC deadlines of the communications panel, counting down in exercise and legal time. Redrawn on
// every tick, apart from the mail, and hidden while there is no request to a SPOC.
import type { Ctx } from "../../exercise/ctx.ts";
import { lang, t } from "../../i18n/index.ts";
import { deadlines } from "../../views/comms/deadlines.ts";
import { h } from "./fields.ts";
import { seatAndScenario } from "./seat.ts";

/** The deadlines box. */
export function createDeadlines(ctx: Ctx) {
  const { store } = ctx;
  const ready = () => seatAndScenario(store);
  const deadlineBox = h("section", { class: "jx-deadlines", "data-testid": "deadlines" });

  function renderDeadlines(): void {
    const r = ready();
    deadlineBox.replaceChildren();
    const rows = r ? deadlines(store.m.spoc, store.m.tick, r.sc.meta.clock_ratio, { scenario: r.sc, lang: lang() }) : [];
    deadlineBox.hidden = rows.length === 0;
    if (!rows.length) return;
    deadlineBox.append(
      h("h3", { text: t("comms:deadline.title") }),
      h("ul", { class: "jx-deadline-list" }, ...rows.map((d) =>
        h("li", { class: `jx-deadline is-${d.status}`, "data-testid": "deadline", "data-id": d.id, "data-status": d.status, "data-left": d.left },
          h("span", { class: `jx-badge jx-badge--${d.status}`, text: d.statusLabel }),
          h("span", { class: "jx-deadline-title", text: d.title }),
          d.urgencyLabel ? h("span", { class: "jx-badge jx-badge--urgency", text: d.urgencyLabel }) : null,
          h("span", { class: "jx-deadline-left", "data-testid": "deadline-left", text: d.text }),
          d.delayLabel ? h("span", { class: "jx-hint", text: d.delayLabel }) : null))),
    );
  }

  return { el: deadlineBox, render: renderDeadlines };
}
