// Exercise control's console: the clock with its controls, the master events list with "Trigger
// now", ad-hoc injects, who exercise control plays, the participants and their roles, live objective
// ratings and the legal findings. Plain DOM; every status is written in words with a symbol, never by
// colour alone. The live parts are shared with the evaluator view (read-only there).
import type { Mount } from "../../exercise/ctx.ts";
import { t } from "../../i18n/index.ts";
import { adhocForm } from "./adhoc-form.ts";
import { h } from "./dom.ts";
import type { Kept } from "./kept-values.ts";
import { playedList } from "./played-parties.ts";
import { liveParts, mountStaffView } from "./staff-view.ts";

/** Ids of the ad-hoc injects sent from this page, by exercise (the next id must not reuse one). */
const sentAdhoc = new Map<string, Set<string>>();
/** What was typed in the console's forms, by exercise, kept across tab switches. */
const drafts = new Map<string, Kept>();

export const mountConsole: Mount = (el, ctx) => mountStaffView(el, ctx, {
  cls: "cx cx-console", testid: "console", topics: ["phase", "tick", "console", "participants"], drafts,
  build(root, sc) {
    const { store } = ctx;
    let sent = sentAdhoc.get(store.m.exerciseId);
    if (!sent) sentAdhoc.set(store.m.exerciseId, (sent = new Set()));
    const live = liveParts(ctx, true);
    root.append(
      h("h2", { class: "cx-title", text: t("console:title") }),
      live.clock.el,
      h("div", { class: "cx-columns" },
        h("div", { class: "cx-col-main" }, live.injects.el, adhocForm(ctx, sent)),
        h("div", { class: "cx-col-side" }, live.objectives.el, live.violations.el, live.participants.el, playedList(sc))),
    );
    return live.parts;
  },
});
