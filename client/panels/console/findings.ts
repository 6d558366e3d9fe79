// The legal findings for both staff views: each violation the engine recorded, newest first, with
// the article, who and which unit, and the rule in the interface language.
import type { Ctx } from "../../exercise/ctx.ts";
import { lang, t } from "../../i18n/index.ts";
import { ruleText } from "../../../shared/report/rules-i18n.ts";
import type { ViolationCode } from "../../../shared/scenario/vocab.ts";
import { violationRows } from "../../views/console/findings.ts";
import { clock } from "../../views/console/format.ts";
import { h, section, sym } from "./dom.ts";
import { namer } from "./words.ts";

/** The legal findings section; redrawn only when the findings change. */
export function violationList(ctx: Ctx): { el: HTMLElement; update(): void } {
  const { store } = ctx;
  const count = h("span", { class: "cx-count" });
  const list = h("ol", { class: "cx-violations" });
  const s = section(t("console:violations.title"), "cx-violations-section", list);
  s.head.append(count);
  let last = "";
  const update = () => {
    const sc = store.m.scenario;
    if (!sc) return;
    const rows = violationRows(store.m.console);
    const sig = JSON.stringify(rows);
    if (sig === last) return;
    last = sig;
    const name = namer(sc);
    const lng = lang();
    count.textContent = t("console:violations.count", { n: rows.length });
    list.replaceChildren(...(rows.length ? rows.map((v) => h("li", { class: "cx-violation", testid: "violation", "data-code": v.code },
      h("div", { class: "cx-violation-head" }, sym("⚠"), " ", h("span", { class: "cx-t", text: clock(v.t) }), " ",
        h("b", { text: v.article }), " · ", h("span", { text: [v.role ? name(v.role) : null, v.unit ? name(v.unit) : null].filter(Boolean).join(" / ") || "—" })),
      h("div", { class: "cx-violation-detail", text: v.detail }),
      h("div", { class: "cx-muted" }, h("code", { text: v.code }), " ", ruleTextSafe(v.code, lng)))) : [h("li", { class: "cx-empty", text: t("console:violations.empty") })]));
  };
  update();
  return { el: s.el, update };
}
/** The rule's text, or nothing for a code the rules card does not know. */
function ruleTextSafe(code: string, lang: string): string {
  try { return ruleText(code as ViolationCode, lang); } catch { return ""; }
}
