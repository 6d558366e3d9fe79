// The small DOM kit of the communications panel and the decision log: an element builder, page-unique
// ids, a labelled field with the places where its error and its advice appear, select filling, and
// the keyboard rule both forms follow (Ctrl+Enter sends, Enter in a one-line field never does).
import { t } from "../../i18n/index.ts";

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;
/** Create an element: `class`, `text`, boolean attributes, anything else as an attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}
let uid = 0;
/** A page-unique id for label/field pairs (several panels may be mounted at once). */
export const newId = (base: string): string => `jx-${base}-${++uid}`;

/** A labelled field: label, control, and the places where its error and advice appear. */
export function field(label: string, control: HTMLElement, name: string, hint?: string): { wrap: HTMLElement; err: HTMLElement; warn: HTMLElement } {
  const id = control.id || newId(name);
  control.id = id;
  const err = h("p", { class: "jx-err", id: `${id}-err`, "data-testid": "field-error", "data-field": name, hidden: true });
  const warn = h("p", { class: "jx-warn", id: `${id}-warn`, "data-testid": "field-warning", "data-field": name, hidden: true });
  const hintEl = hint ? h("p", { class: "jx-hint", id: `${id}-hint`, text: hint }) : null;
  control.setAttribute("aria-describedby", [hintEl?.id, err.id, warn.id].filter(Boolean).join(" "));
  const wrap = h("div", { class: `jx-field jx-field--${name}` }, h("label", { for: id, text: label }), control, hintEl, err, warn);
  return { wrap, err, warn };
}

/** Show a field's error and advice (or clear them), and mark the control invalid while it has an error. */
export function showIssue(slot: { err: HTMLElement; warn: HTMLElement } | undefined, control: HTMLElement | undefined, error: string, warning: string): void {
  if (!slot) return;
  slot.err.hidden = !error;
  slot.err.textContent = error ? `⚠ ${error}` : "";
  slot.warn.hidden = !warning;
  slot.warn.textContent = warning ? `${t("comms:compose.note")}: ${warning}` : "";
  if (control) {
    if (error) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
  }
}

function option(value: string, label: string, selected = false): HTMLOptionElement {
  const o = h("option", { value, text: label });
  o.selected = selected;
  return o;
}
/** Fill a select with options, in optgroups where a group has a label; `value` is selected. */
export function fillSelect(sel: HTMLSelectElement, groups: { label?: string; options: [string, string][] }[], value: string | string[]): void {
  const want = new Set(Array.isArray(value) ? value : [value]);
  sel.replaceChildren();
  for (const g of groups) {
    const opts = g.options.map(([v, l]) => option(v, l, want.has(v)));
    if (g.label) sel.append(h("optgroup", { label: g.label }, ...opts));
    else sel.append(...opts);
  }
}

/** Ctrl+Enter (Cmd+Enter) submits from anywhere in the form; Enter in a one-line field never submits. */
export function submitOnCtrlEnter(form: HTMLFormElement, submit: () => void): void {
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault(); // Enter in a one-line field never submits
    }
  });
}
