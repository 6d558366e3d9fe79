// The master events list: one row per inject, live, saying how it is triggered, when it fired and how
// each expected action stands, with "Trigger now" for exercise control (read-only for evaluators).
// Rows are kept and patched by id so that a tick does not rebuild the list under the pointer.
import type { Ctx } from "../../exercise/ctx.ts";
import { t, tx } from "../../i18n/index.ts";
import { describeCondition } from "../../views/console/conditions.ts";
import { clock, span } from "../../views/console/format.ts";
import { injectRows, type ExpectedRow, type InjectRow } from "../../views/console/injects.ts";
import { h, section, sym } from "./dom.ts";
import { namer, tr } from "./words.ts";

const OVERALL_SYMBOL: Record<InjectRow["overall"], string> = { pending: "○", delivered: "●", waiting: "◷", met: "✓", missed: "✗", partly_missed: "◑" };
const EXPECTED_SYMBOL: Record<ExpectedRow["state"], string> = { not_fired: "○", waiting: "◷", met: "✓", missed: "✗" };

/** How an inject fired, or how it will: its trigger in words. */
function triggerText(r: InjectRow, name: (id: string) => string): string {
  if (r.status === "fired") {
    // A timed inject fired on time says nothing more than its fired time; the others say why they fired.
    const how = r.trigger === "at" ? ""
      : r.trigger === "manual" ? t("console:trigger.manual")
      : r.trigger === "contingency" && r.contingencyFor ? t("console:trigger.contingency", { ref: `${r.contingencyFor.inject}/${r.contingencyFor.expected}` })
      : r.condition ? t("console:trigger.when", { cond: describeCondition(r.condition, tr, name) }) : "";
    return how;
  }
  if (r.trigger === "at" && r.at !== null) return t("console:trigger.at", { time: clock(r.at) });
  if (r.trigger === "when" && r.condition) return `${t("console:trigger.when", { cond: describeCondition(r.condition, tr, name) })}${r.delay ? ` · ${t("console:trigger.delay", { span: span(r.delay) })}` : ""}`;
  if (r.trigger === "contingency" && r.contingencyFor) return t("console:trigger.contingency", { ref: `${r.contingencyFor.inject}/${r.contingencyFor.expected}` });
  return t("console:trigger.manual");
}

/** One expected action: its state in a word and a symbol, who must act, and the time left or taken. */
function expectedItem(x: ExpectedRow, name: (id: string) => string): HTMLElement {
  const who = (ids: string[]) => ids.map(name).join(", ");
  const detail = x.state === "not_fired" ? (x.within !== null ? t("console:exp.not_fired", { span: span(x.within) }) : "")
    : x.state === "waiting" ? (x.left ? t("console:exp.waiting", { span: span(x.left) }) : t("console:exp.overdue"))
    : x.state === "met" ? t("console:exp.met", { who: who(x.doneBy), span: span(x.latency ?? 0) })
    : t("console:exp.missed", { who: who(x.missing.length ? x.missing : x.by) });
  const li = h("li", { class: `cx-exp is-${x.state}`, "data-expected": x.id, "data-state": x.state, title: tx(x.note ?? undefined) || null },
    sym(EXPECTED_SYMBOL[x.state]), " ",
    h("b", { text: t(`console:exp.label.${x.state}`) }), " ",
    h("code", { text: x.id }), " ",
    x.state === "not_fired" || x.state === "waiting" ? h("span", { class: "cx-muted", text: t("console:exp.by", { roles: who(x.by) }) }) : null,
    detail ? h("span", { class: "cx-exp-detail" }, " · ", detail) : null);
  // Why it is expected, where it matters now (open or missed); otherwise on hover.
  if (x.note && (x.state === "waiting" || x.state === "missed")) li.append(h("span", { class: "cx-note", text: tx(x.note) }));
  return li;
}

/** The master events list, one row per inject, live; with "Trigger now" unless read-only. */
export function injectList(ctx: Ctx, readOnly: boolean): { el: HTMLElement; update(): void; dispose(): void } {
  const { store, net } = ctx;
  const count = h("span", { class: "cx-count" });
  const list = h("ol", { class: "cx-injects", "aria-live": "off" });
  const s = section(t("console:events.title"), "cx-events", list);
  s.head.append(count);
  const rows = new Map<string, { li: HTMLElement; body: HTMLElement; button: HTMLButtonElement | null; sig: string }>();
  const firing = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    const sc = store.m.scenario;
    if (!sc) return;
    const name = namer(sc);
    const data = injectRows(store.m.console, sc, store.m.tick);
    const closed = store.m.phase === "ending" || store.m.phase === "debrief";
    count.textContent = t("console:events.count", { fired: data.filter((r) => r.status === "fired").length, total: data.length });
    data.forEach((r, i) => {
      if (r.status === "fired") firing.delete(r.id);
      const sent = firing.has(r.id);
      const sig = JSON.stringify([r, sent, closed]);
      let row = rows.get(r.id);
      if (!row) {
        const body = h("div", { class: "cx-inject-body" });
        let button: HTMLButtonElement | null = null;
        const li = h("li", { class: "cx-inject", testid: "inject-row", "data-inject": r.id }, body);
        if (!readOnly) {
          const b = h("button", { type: "button", testid: "inject-fire", class: "cx-fire", title: t("console:fireHint") }, t("console:fire"));
          b.onclick = () => {
            net.command({ type: "fire_inject", inject: r.id });
            firing.set(r.id, Date.now());
            clearTimeout(timer);
            timer = setTimeout(() => { firing.clear(); update(); }, 5000);
            update();
          };
          button = b;
          li.append(h("div", { class: "cx-inject-act" }, b));
        }
        row = { li, body, button, sig: "" };
        rows.set(r.id, row);
      }
      if (list.children[i] !== row.li) list.insertBefore(row.li, list.children[i] ?? null);
      if (row.sig === sig) return;
      row.sig = sig;
      row.li.dataset.status = r.status;
      row.li.dataset.overall = r.overall;
      row.li.className = `cx-inject is-${r.status} ov-${r.overall}`;
      const state = h("div", { class: "cx-inject-state" },
        h("span", { class: "cx-status" }, sym(r.status === "fired" ? "●" : "○"), " ", t(`console:status.${r.status}`)),
        r.fired !== null ? h("span", { class: "cx-t", text: clock(r.fired) }) : r.dueIn !== null ? h("span", { class: "cx-t", text: t("console:trigger.dueIn", { span: span(r.dueIn) }) }) : null);
      const title = h("div", { class: "cx-inject-title" },
        h("span", { class: "cx-title-text", text: tx(r.title) }), " ",
        r.adhoc ? h("span", { class: "cx-tag", text: t("console:trigger.adhoc") }) : null, " ",
        h("code", { class: "cx-id", text: r.id }));
      const how = triggerText(r, name);
      const trig = how ? h("div", { class: "cx-inject-trigger", text: how }) : null;
      const deliver = r.deliveries.length
        ? h("div", { class: "cx-inject-deliver" }, r.deliveries.map((d) => `${name(d.from)} → ${d.to.map(name).join(", ")} · ${t(`console:channel.${d.channel}`)} · ${t(`console:kind.${d.kind}`)}`).join(" | "))
        : null;
      const exp = r.expected.length ? h("ul", { class: "cx-expected" }, ...r.expected.map((x) => expectedItem(x, name))) : null;
      if (r.status === "fired") state.append(h("span", { class: `cx-badge ov-${r.overall}` }, sym(OVERALL_SYMBOL[r.overall]), " ", t(`console:overall.${r.overall}`)));
      row.body.replaceChildren(state, h("div", { class: "cx-inject-main" }, title, trig, deliver, exp));
      if (row.button) {
        row.button.disabled = !r.canFire || sent || closed;
        row.button.textContent = sent ? t("console:fireSent") : t("console:fire");
        row.button.hidden = r.status === "fired";
      }
    });
    for (const [id, row] of rows) if (!data.some((r) => r.id === id)) { row.li.remove(); rows.delete(id); }
    if (data.length === 0) list.replaceChildren(h("li", { class: "cx-empty", text: t("console:events.empty") }));
  };
  update();
  return { el: s.el, update, dispose: () => clearTimeout(timer) };
}
