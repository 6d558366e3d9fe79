// Exercise control's ad-hoc inject form: a message from a party it plays to any roles, desks or
// parties, optionally with an expected action and a time allowed. Checked by the view model with the
// engine's own rules before it is sent; errors appear beside their fields. `sent` holds the ids sent
// this session, so that the next id is free before the room's snapshot has caught up.
import type { Ctx } from "../../exercise/ctx.ts";
import { t, tx } from "../../i18n/index.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { adhocInjectFromForm, adhocOptions, type AdhocField, type AdhocForm } from "../../views/console/adhoc.ts";
import { h, options, section, sym } from "./dom.ts";

/** The ad-hoc inject section. */
export function adhocForm(ctx: Ctx, sent: Set<string>): HTMLElement {
  const { store, net } = ctx;
  const sc = store.m.scenario as Scenario;
  const opt = adhocOptions(sc);
  const errs = new Map<AdhocField, HTMLElement>();
  const field = (key: AdhocField, label: string, control: HTMLElement, hint?: string) => {
    const err = h("div", { class: "cx-error", role: "alert", id: `cx-err-${key.replace(".", "-")}` });
    errs.set(key, err);
    control.setAttribute("aria-describedby", err.id);
    return h("label", { class: "cx-formfield", "data-field": key }, h("span", { class: "cx-label", text: label }), control, hint ? h("span", { class: "cx-hint", text: hint }) : null, err);
  };
  const title = h("input", { type: "text", testid: "adhoc-title", "data-keep": "adhoc-title", maxlength: 200 });
  const from = h("select", { testid: "adhoc-from", "data-keep": "adhoc-from" });
  options(from, opt.from.map((f) => ({ value: f.id, label: `${tx(f.name) || f.id} (${f.id})`, group: t(f.played ? "console:adhoc.group.played" : "console:adhoc.group.trainees") })), false);
  const to = h("select", { testid: "adhoc-to", "data-keep": "adhoc-to", multiple: true, size: 6 });
  options(to, opt.to.map((o) => ({ value: o.id, label: o.kind === "all" ? t("console:adhoc.all") : `${tx(o.name ?? undefined) || o.id} (${o.id})`, group: o.kind === "all" ? undefined : t(`console:adhoc.group.${o.kind}`) })), false);
  const channel = h("select", { testid: "adhoc-channel", "data-keep": "adhoc-channel" });
  options(channel, opt.channels.map((c) => ({ value: c, label: t(`console:channel.${c}`) })), false);
  channel.value = "phone";
  const kind = h("select", { testid: "adhoc-kind", "data-keep": "adhoc-kind" });
  options(kind, opt.kinds.map((k) => ({ value: k, label: t(`console:kind.${k}`) })), false);
  kind.value = "information";
  const text = h("textarea", { testid: "adhoc-text", "data-keep": "adhoc-text", rows: 3, maxlength: 2000 });

  const expect = h("input", { type: "checkbox", testid: "adhoc-expect", "data-keep": "adhoc-expect" });
  const by = h("select", { testid: "adhoc-by", "data-keep": "adhoc-by", multiple: true, size: Math.min(5, Math.max(2, opt.roles.length)) });
  options(by, opt.roles.map((r) => ({ value: r.id, label: `${tx(r.name) || r.id} (${r.id})` })), false);
  const who = h("select", { testid: "adhoc-who", "data-keep": "adhoc-who" });
  options(who, [{ value: "any", label: t("console:adhoc.field.whoAny") }, { value: "all", label: t("console:adhoc.field.whoAll") }], false);
  const doKind = h("select", { testid: "adhoc-do", "data-keep": "adhoc-do" });
  options(doKind, [{ value: "message", label: t("console:adhoc.field.doMessage") }, { value: "order", label: t("console:adhoc.field.doOrder") }], false);
  const msgKind = h("select", { testid: "adhoc-msg-kind", "data-keep": "adhoc-msg-kind" });
  options(msgKind, opt.kinds.map((k) => ({ value: k, label: t(`console:kind.${k}`) })), false);
  msgKind.value = "reply";
  const msgTo = h("select", { testid: "adhoc-msg-to", "data-keep": "adhoc-msg-to" });
  options(msgTo, [{ value: "", label: t("console:adhoc.any") }, ...opt.to.filter((o) => o.kind !== "all").map((o) => ({ value: o.id, label: `${tx(o.name ?? undefined) || o.id} (${o.id})`, group: t(`console:adhoc.group.${o.kind}`) }))], false);
  const order = h("select", { testid: "adhoc-order", "data-keep": "adhoc-order" });
  options(order, opt.orders.map((o) => ({ value: o, label: t(`console:order.${o}`) })), false);
  const within = h("input", { type: "number", testid: "adhoc-within", "data-keep": "adhoc-within", min: 1, max: 1440, step: 1, value: 5 });

  const msgFields = h("div", { class: "cx-row" }, field("expected.do", t("console:adhoc.field.msgKind"), msgKind), h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:adhoc.field.msgTo") }), msgTo));
  const orderFields = h("div", { class: "cx-row", hidden: true }, h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:adhoc.field.order") }), order));
  doKind.onchange = () => { msgFields.hidden = doKind.value !== "message"; orderFields.hidden = doKind.value !== "order"; };
  const expectBox = h("fieldset", { class: "cx-expect", hidden: true },
    h("legend", { text: t("console:adhoc.field.expect") }),
    h("div", { class: "cx-row" }, field("expected.by", t("console:adhoc.field.by"), by, t("console:adhoc.field.toHint")),
      h("div", { class: "cx-col" },
        h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:adhoc.field.who") }), who),
        h("label", { class: "cx-formfield" }, h("span", { class: "cx-label", text: t("console:adhoc.field.do") }), doKind),
        field("expected.within", t("console:adhoc.field.within"), within))),
    msgFields, orderFields);
  expect.onchange = () => { expectBox.hidden = !expect.checked; };

  const formErr = h("div", { class: "cx-error", role: "alert", testid: "adhoc-errors" });
  errs.set("form", formErr);
  const ok = h("div", { class: "cx-ok", role: "status", testid: "adhoc-sent" });
  const send = h("button", { type: "submit", testid: "adhoc-send", class: "cx-primary" }, t("console:adhoc.send"));
  const form = h("form", { class: "cx-adhoc", novalidate: true },
    h("p", { class: "cx-muted", text: t("console:adhoc.hint") }),
    field("title", t("console:adhoc.field.title"), title),
    h("div", { class: "cx-row" }, field("from", t("console:adhoc.field.from"), from), field("to", t("console:adhoc.field.to"), to, t("console:adhoc.field.toHint"))),
    h("div", { class: "cx-row" }, field("channel", t("console:adhoc.field.channel"), channel), field("kind", t("console:adhoc.field.kind"), kind)),
    field("text", t("console:adhoc.field.text"), text),
    h("label", { class: "cx-check" }, expect, " ", t("console:adhoc.field.expect")),
    expectBox,
    h("div", { class: "cx-actions" }, send), formErr, ok);

  form.onsubmit = (ev) => {
    ev.preventDefault();
    for (const e of errs.values()) e.textContent = "";
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    ok.textContent = "";
    const f: AdhocForm = {
      title: title.value, from: from.value, to: [...to.selectedOptions].map((o) => o.value), channel: channel.value, kind: kind.value, text: text.value,
      expected: expect.checked
        ? {
            by: [...by.selectedOptions].map((o) => o.value), who: who.value === "all" ? "all" : "any",
            do: doKind.value === "order" ? { order: { type: order.value } } : { message: { kind: msgKind.value, ...(msgTo.value ? { to: msgTo.value } : {}) } },
            withinMinutes: Number(within.value),
          }
        : null,
    };
    const taken = [...(store.m.console?.injects ?? []).map((i) => i.id), ...sent];
    const r = adhocInjectFromForm(f, sc, taken);
    if (!r.ok) {
      for (const e of r.errors) {
        const slot = errs.get(e.field) ?? formErr;
        slot.textContent = [slot.textContent, e.key ? t(e.key) : e.message].filter(Boolean).join(" ");
        slot.parentElement?.querySelector("input, select, textarea")?.setAttribute("aria-invalid", "true");
      }
      return;
    }
    net.command({ type: "adhoc_inject", inject: r.input });
    sent.add(r.id);
    ok.replaceChildren(sym("✓"), " ", t("console:adhoc.sent", { title: r.inject.title.en, id: r.id }));
    title.value = "";
    text.value = "";
  };
  return section(t("console:adhoc.title"), "cx-adhoc-section", form).el;
}
