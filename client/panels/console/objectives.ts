// Live objective ratings for both staff views: the overall rating and score, then each objective
// with its P/S/M/U rating in words and symbol, whom it rates, whether it is still open, and why.
import type { Ctx } from "../../exercise/ctx.ts";
import { lang, t, tx } from "../../i18n/index.ts";
import { clock } from "../../views/console/format.ts";
import { objectiveRows, RATING_SYMBOL } from "../../views/console/objectives.ts";
import { h, section, sym } from "./dom.ts";

/** The objectives section; redrawn only when the ratings change. */
export function objectiveList(ctx: Ctx): { el: HTMLElement; update(): void } {
  const { store } = ctx;
  const overall = h("span", { class: "cx-overall", testid: "objectives-overall" });
  const list = h("ul", { class: "cx-objectives" });
  const s = section(t("console:objectives.title"), "cx-objectives-section", list);
  s.head.append(overall);
  let last = "";
  const update = () => {
    const sc = store.m.scenario;
    if (!sc) return;
    const snap = store.m.console;
    const rows = objectiveRows(snap, sc, lang());
    const sig = JSON.stringify([rows, snap?.overall]);
    if (sig === last) return;
    last = sig;
    if (snap) {
      overall.dataset.rating = snap.overall.rating;
      overall.replaceChildren(t("console:objectives.overall"), ": ",
        h("span", { class: `cx-rating r-${snap.overall.rating}` }, sym(RATING_SYMBOL[snap.overall.rating]), ` ${snap.overall.rating}`),
        " ", t(`console:rating.${snap.overall.rating}`), " · ", t("console:objectives.score", { score: snap.overall.score }));
    } else overall.replaceChildren();
    list.replaceChildren(...rows.map((o) => {
      const state = o.open
        ? (o.deadline !== null ? t("console:objectives.open", { time: clock(o.deadline) }) : t("console:objectives.openNoDeadline"))
        : o.achievedAt !== null ? t("console:objectives.achieved", { time: clock(o.achievedAt) }) : null;
      return h("li", { class: `cx-objective r-${o.rating}${o.open ? " is-open" : ""}`, testid: "objective-row", "data-objective": o.id, "data-rating": o.rating },
        h("div", { class: `cx-rating r-${o.rating}`, title: t(o.word) }, sym(RATING_SYMBOL[o.rating]), h("b", { text: o.rating })),
        h("div", { class: "cx-objective-main" },
          h("div", { class: "cx-objective-title" }, h("span", { text: tx(o.title) }), " ", h("span", { class: "cx-word", text: `— ${t(o.word)}` })),
          h("div", { class: "cx-muted" }, t("console:objectives.rated", { roles: o.rated.map((r) => tx(r.title ?? undefined) || r.id).join(", ") }), " · ", t("console:objectives.weight", { w: o.weight })),
          state ? h("div", { class: o.open ? "cx-open" : "cx-muted" }, o.open ? sym("◷") : sym("✓"), " ", state) : null,
          o.reasons.length ? h("ul", { class: "cx-reasons", "aria-label": t("console:objectives.reasons") }, ...o.reasons.map((r) => h("li", { text: r }))) : null));
    }));
  };
  update();
  return { el: s.el, update };
}
