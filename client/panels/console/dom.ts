// The small DOM kit of exercise control's console and the evaluator view: an element builder with a
// `testid` shorthand, the symbol that goes beside every status word (never colour alone), select
// options with groups, and sections that fold away in a narrow side panel.
type Kid = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Create an element: `class`, `testid` (data-testid), `text`, boolean attributes, anything else as an attribute. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...kids: Kid[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else if (k === "testid") e.dataset.testid = String(v);
    else if (k === "text") e.textContent = String(v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids) if (k !== null && k !== undefined && k !== false) e.append(k);
  return e;
}
/** A status symbol, beside the word that says it; screen readers skip it and read the word. */
export const sym = (s: string) => h("span", { class: "cx-sym", "aria-hidden": "true", text: s });

/** Fill a select with options (optgroups by `group`), keeping the current choice when `keep`. */
export function options(select: HTMLSelectElement, items: { value: string; label: string; group?: string }[], keep = true): void {
  const before = keep ? new Set([...select.selectedOptions].map((o) => o.value)) : new Set<string>();
  select.replaceChildren();
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const it of items) {
    const o = h("option", { value: it.value, text: it.label });
    if (before.has(it.value)) o.selected = true;
    if (it.group) {
      let g = groups.get(it.group);
      if (!g) { g = h("optgroup", { label: it.group }); groups.set(it.group, g); select.append(g); }
      g.append(o);
    } else select.append(o);
  }
}

// Sections fold away (a narrow side panel); whether each is open survives re-mounting.
const openSections = new Map<string, boolean>();
export function section(title: string, cls: string, ...kids: Kid[]): { el: HTMLElement; head: HTMLElement } {
  const head = h("summary", { class: "cx-head" }, h("h3", { text: title }));
  const el = h("details", { class: `cx-section ${cls}`, open: openSections.get(cls) ?? true }, head, ...kids);
  el.addEventListener("toggle", () => openSections.set(cls, (el as HTMLDetailsElement).open));
  return { el, head };
}
