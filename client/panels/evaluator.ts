// The evaluator view: exercise control's picture read-only (events list, objectives, legal findings,
// participants; the page shows the full map), plus time-stamped notes anchored to now or to a fired
// inject, manual ratings per objective, and the list of what this evaluator has sent this session.
import type { Mount } from "../exercise/ctx.ts";
import { t, tx } from "../i18n/index.ts";
import { RATINGS, type Rating } from "../../shared/score/ratings.ts";
import { clock } from "../views/console/format.ts";
import { injectRows } from "../views/console/injects.ts";
import { RATING_SYMBOL, RATING_WORD } from "../views/console/objectives.ts";
import { h, options, section, sym } from "./console/dom.ts";
import type { Kept } from "./console/kept-values.ts";
import { liveParts, mountStaffView } from "./console/staff-view.ts";

interface SentItem {
  n: number;
  kind: "note" | "rating";
  at: number | null;
  inject?: string;
  objective?: string;
  rating?: Rating;
  text: string;
  state: "sent" | "saved";
}
/** What each exercise's evaluator sent from this page (kept across tab switches, not across reloads). */
const sentByExercise = new Map<string, SentItem[]>();
/** What was typed in the evaluator's forms, by exercise, kept across tab switches. */
const drafts = new Map<string, Kept>();

export const mountEvaluator: Mount = (el, ctx) => {
  const { store, net } = ctx;
  const sent = () => {
    let list = sentByExercise.get(store.m.exerciseId);
    if (!list) sentByExercise.set(store.m.exerciseId, (list = []));
    return list;
  };

  return mountStaffView(el, ctx, {
    cls: "cx cx-evaluator", testid: "evaluator", topics: ["phase", "tick", "console", "participants", "notice"], drafts,
    build(root, sc) {
      const objectiveOptions = sc.objectives.map((o) => ({ value: o.id, label: tx(o.title) || o.id }));

      // --- note ---
      const note = h("textarea", { testid: "eval-note", "data-keep": "eval-note", rows: 3, maxlength: 2000, placeholder: t("console:eval.notePlaceholder") });
      const anchor = h("select", { testid: "eval-anchor", "data-keep": "eval-anchor" });
      const noteObjective = h("select", { testid: "eval-note-objective", "data-keep": "eval-note-objective" });
      options(noteObjective, [{ value: "", label: t("console:eval.noObjective") }, ...objectiveOptions], false);
      const noteErr = h("div", { class: "cx-error", role: "alert" });
      const sendNote = h("button", { type: "submit", testid: "eval-send-note", class: "cx-primary" }, t("console:eval.sendNote"));
      const noteForm = h("form", { class: "cx-evalform", novalidate: true },
        h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.note") }), note),
        h("div", { class: "cx-row" },
          h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.anchor") }), anchor),
          h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.noteObjective") }), noteObjective)),
        h("div", { class: "cx-actions" }, sendNote), noteErr);
      let anchorSig = "";
      const refreshAnchors = () => {
        const fired = injectRows(store.m.console, sc, store.m.tick).filter((r) => r.fired !== null).sort((a, b) => (b.fired ?? 0) - (a.fired ?? 0));
        const sig = JSON.stringify(fired.map((r) => [r.id, r.fired])) + t("console:eval.anchorNow");
        if (sig === anchorSig) return;
        anchorSig = sig;
        options(anchor, [
          { value: "now", label: t("console:eval.anchorNow") },
          ...fired.map((r) => ({ value: `inject:${r.id}`, label: t("console:eval.anchorInject", { title: tx(r.title) || r.id, time: clock(r.fired ?? 0) }) })),
        ]);
        if (!anchor.value) anchor.value = "now";
      };
      refreshAnchors();
      noteForm.onsubmit = (ev) => {
        ev.preventDefault();
        noteErr.textContent = "";
        const text = note.value.trim();
        if (!text) { noteErr.textContent = t("console:eval.errNote"); note.setAttribute("aria-invalid", "true"); note.focus(); return; }
        note.removeAttribute("aria-invalid");
        const objective = noteObjective.value || undefined;
        let at = store.m.tick;
        let inject: string | undefined;
        if (anchor.value.startsWith("inject:")) {
          inject = anchor.value.slice("inject:".length);
          at = store.m.console?.injects.find((i) => i.id === inject)?.fired ?? at;
        }
        net.evaluate({ kind: "note", text, at, ...(inject ? { inject } : {}), ...(objective ? { objective } : {}) });
        sent().push({ n: sent().length + 1, kind: "note", at, ...(inject ? { inject } : {}), ...(objective ? { objective } : {}), text, state: "sent" });
        note.value = "";
        renderSent();
      };

      // --- rating ---
      const objective = h("select", { testid: "eval-objective", "data-keep": "eval-objective" });
      options(objective, [{ value: "", label: "—" }, ...objectiveOptions], false);
      const rating = h("select", { testid: "eval-rating", "data-keep": "eval-rating" });
      options(rating, [{ value: "", label: "—" }, ...RATINGS.map((r) => ({ value: r, label: `${RATING_SYMBOL[r]} ${r} — ${t(RATING_WORD[r])}` }))], false);
      const reason = h("textarea", { testid: "eval-reason", "data-keep": "eval-reason", rows: 2, maxlength: 2000, placeholder: t("console:eval.reasonPlaceholder") });
      const rateErr = h("div", { class: "cx-error", role: "alert" });
      const sendRating = h("button", { type: "submit", testid: "eval-send-rating", class: "cx-primary" }, t("console:eval.sendRating"));
      const rateForm = h("form", { class: "cx-evalform", novalidate: true },
        h("div", { class: "cx-row" },
          h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.objective") }), objective),
          h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.rating") }), rating)),
        h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:eval.reason") }), reason),
        h("div", { class: "cx-actions" }, sendRating), rateErr);
      rateForm.onsubmit = (ev) => {
        ev.preventDefault();
        rateErr.textContent = "";
        if (!objective.value) { rateErr.textContent = t("console:eval.errObjective"); objective.focus(); return; }
        if (!RATINGS.includes(rating.value as Rating)) { rateErr.textContent = t("console:eval.errRating"); rating.focus(); return; }
        const r = rating.value as Rating;
        const why = reason.value.trim();
        const at = store.m.tick;
        net.evaluate({ kind: "rating", objective: objective.value, rating: r, at, ...(why ? { reason: why } : {}) });
        sent().push({ n: sent().length + 1, kind: "rating", at, objective: objective.value, rating: r, text: why, state: "sent" });
        reason.value = "";
        rating.value = "";
        renderSent();
      };

      // --- what was sent ---
      const sentList = h("ol", { class: "cx-sent", testid: "eval-sent", "aria-live": "polite" });
      const renderSent = () => {
        const items = sent();
        sentList.replaceChildren(...(items.length ? [...items].reverse().map((s) => {
          const about = [
            s.at !== null ? t("console:eval.atTime", { time: clock(s.at) }) : null,
            s.inject ? t("console:eval.aboutInject", { inject: s.inject }) : null,
            s.objective ? t("console:eval.aboutObjective", { objective: s.objective }) : null,
          ].filter(Boolean).join(" · ");
          return h("li", { class: `cx-sent-item is-${s.state}`, testid: "eval-sent-item", "data-kind": s.kind, "data-state": s.state },
            h("div", {},
              h("b", { text: t(s.kind === "note" ? "console:eval.kindNote" : "console:eval.kindRating") }), " ",
              s.rating ? h("span", { class: `cx-rating r-${s.rating}` }, sym(RATING_SYMBOL[s.rating]), ` ${s.rating} — ${t(RATING_WORD[s.rating])}`) : null, " ",
              h("span", { class: "cx-muted", text: about }), " ",
              h("span", { class: "cx-state" }, sym(s.state === "saved" ? "✓" : "↑"), " ", t(`console:eval.state.${s.state}`))),
            s.text ? h("div", { class: "cx-sent-text", text: s.text }) : null);
        }) : [h("li", { class: "cx-empty", text: t("console:eval.sentEmpty") })]));
      };
      renderSent();

      const live = liveParts(ctx, false);
      const evalSection = section(t("console:eval.title"), "cx-eval-forms",
        h("p", { class: "cx-muted", text: t("console:eval.readOnly") }),
        noteForm,
        h("h4", { text: t("console:eval.rateTitle") }),
        rateForm);
      root.append(
        h("h2", { class: "cx-title", text: t("console:eval.title") }),
        live.clock.el,
        evalSection.el,
        section(t("console:eval.sent"), "cx-eval-sent", sentList).el,
        live.objectives.el,
        live.injects.el,
        live.violations.el,
        live.participants.el,
      );
      return [
        ...live.parts,
        { update: refreshAnchors, topics: ["console"] },
        {
          // The room answers each evaluation with "evaluation_saved", which the page shows as a notice.
          update: () => {
            const n = store.m.notice;
            const first = sent().find((s) => s.state === "sent");
            if (n?.level === "info" && n.text === t("shell.saved") && first) { first.state = "saved"; renderSent(); }
          },
          topics: ["notice"],
        },
      ];
    },
  });
};
