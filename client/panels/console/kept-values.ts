// What was typed in the console's and the evaluator's forms, by data-keep key. The staff views are
// rebuilt whole on a language change and re-mounted on a tab switch; these keep the typing across both.
/** Form values by data-keep key: text, the choices of a multiple select, or a checkbox's state. */
export type Kept = Map<string, string | string[] | boolean>;

/** Form values by data-keep key, so that a rebuild (language change) does not lose what was typed. */
export function keepValues(root: HTMLElement): Kept {
  const m: Kept = new Map();
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[data-keep]").forEach((e) => {
    const k = e.dataset.keep as string;
    if (e instanceof HTMLSelectElement && e.multiple) m.set(k, [...e.selectedOptions].map((o) => o.value));
    else if (e instanceof HTMLInputElement && e.type === "checkbox") m.set(k, e.checked);
    else m.set(k, e.value);
  });
  return m;
}
/** Put kept values back, and fire "change" so that dependent parts of the form (shown or hidden boxes) follow. */
export function restoreValues(root: HTMLElement, m: Kept): void {
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[data-keep]").forEach((e) => {
    const v = m.get(e.dataset.keep as string);
    if (v === undefined) return;
    if (Array.isArray(v) && e instanceof HTMLSelectElement) for (const o of e.options) o.selected = v.includes(o.value);
    else if (typeof v === "boolean" && e instanceof HTMLInputElement) e.checked = v;
    else if (typeof v === "string") e.value = v;
    e.dispatchEvent(new Event("change"));
  });
}
