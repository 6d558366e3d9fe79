// The decision log of the exercise page: a form to record a decision with the options considered,
// the rationale and the legal basis, and the decisions recorded so far (comms items of kind
// "decision"). The form is checked with the room's own DecisionCommand schema before it is sent.
// Staff seats follow every role's decisions live, newest first, with a role filter: exercise control
// has no form (it does not record decisions for the trainees), observers a read-only note.
import "./comms.css";
import type { Ctx, Mount } from "../exercise/ctx.ts";
import { lang, t } from "../i18n/index.ts";
import { decisionAuthors, decisionLog, decisionToCommand, emptyDecision, type DecisionDraft } from "../views/comms/decisions.ts";
import { basisLabel, LEGAL_BASIS_LIST, storyTime } from "../views/comms/format.ts";
import type { Issue } from "../views/comms/issues.ts";
import { field, h, newId, showIssue, submitOnCtrlEnter } from "./comms/fields.ts";

const MAX_OPTIONS = 10;

export const mountDecisions: Mount = (el: HTMLElement, ctx: Ctx) => {
  const { store, net } = ctx;
  const root = h("section", { class: "jx-decisions", "data-testid": "decisions" });
  el.append(root);

  let draft: DecisionDraft = emptyDecision();
  let tried = false;
  const formBox = h("div");
  const filterBox = h("div", { class: "jx-row" });
  const logBox = h("section", { class: "jx-decision-log", "data-testid": "decision-log" });
  /** Staff seats: the role whose decisions are shown ("" for every role). */
  let byRole = "";
  let filterSel: HTMLSelectElement | null = null;
  const isStaff = () => store.m.seat?.kind === "instructor" || store.m.seat?.kind === "evaluator";
  let status: HTMLElement | null = null;
  let controls: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {};
  let slots: Record<string, { err: HTMLElement; warn: HTMLElement }> = {};

  // Removing a focused, edited field fires "change" on it: ignore events while the form is rebuilt.
  let rebuilding = false;
  function buildForm(focusOption?: number): void {
    rebuilding = true;
    try { formBox.replaceChildren(); } finally { rebuilding = false; }
    controls = {};
    slots = {};
    const kind = store.m.seat?.kind;
    if (kind === "evaluator" || kind === "instructor") {
      formBox.append(h("p", { class: "jx-note", "data-testid": "decisions-readonly", text: t(kind === "evaluator" ? "comms:decisions.readOnly" : "comms:decisions.exconNote") }));
      return;
    }
    const form = h("form", { class: "jx-decision-form", "data-testid": "decision-form", novalidate: true, "aria-label": t("comms:decisions.title") });
    const add = (name: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) => {
      controls[name] = control;
      const f = field(label, control, name, hint);
      slots[name] = f;
      return f.wrap;
    };

    const decision = h("textarea", { name: "decision", "data-testid": "decision-text", rows: 2, maxlength: 500 });
    decision.value = draft.decision;

    // Options considered: a repeatable list of one-line fields.
    const optionsId = newId("options");
    const list = h("ol", { class: "jx-options", id: optionsId });
    draft.options.forEach((text, n) => {
      const input = h("input", { type: "text", name: `options.${n}`, "data-testid": "decision-option", "data-index": n, autocomplete: "off", maxlength: 300 });
      input.value = text;
      input.setAttribute("aria-label", t("comms:decisions.option", { n: n + 1 }));
      const err = h("p", { class: "jx-err", id: `${optionsId}-${n}-err`, "data-testid": "field-error", "data-field": `options.${n}`, hidden: true });
      const warn = h("p", { class: "jx-warn", hidden: true });
      input.setAttribute("aria-describedby", err.id);
      controls[`options.${n}`] = input;
      slots[`options.${n}`] = { err, warn };
      const remove = h("button", { type: "button", "data-testid": "decision-option-remove", "aria-label": t("comms:decisions.removeOption", { n: n + 1 }), title: t("comms:decisions.removeOption", { n: n + 1 }), text: "✕" });
      remove.addEventListener("click", () => {
        read();
        draft.options.splice(n, 1);
        if (!draft.options.length) draft.options.push("");
        buildForm(Math.min(n, draft.options.length - 1));
      });
      list.append(h("li", { class: "jx-option" }, input, remove, err));
    });
    const addOption = h("button", { type: "button", class: "jx-link", "data-testid": "decision-option-add", text: `+ ${t("comms:decisions.addOption")}`, disabled: draft.options.length >= MAX_OPTIONS });
    addOption.addEventListener("click", () => {
      read();
      draft.options.push("");
      buildForm(draft.options.length - 1);
    });
    const optionsErr = h("p", { class: "jx-err", "data-testid": "field-error", "data-field": "options", hidden: true });
    slots.options = { err: optionsErr, warn: h("p", { hidden: true }) };
    const optionsGroup = h("div", { class: "jx-field", role: "group", "aria-labelledby": `${optionsId}-label` },
      h("span", { class: "jx-field-label", id: `${optionsId}-label` }, h("b", { text: t("comms:decisions.options") })), list, addOption, optionsErr);

    const rationale = h("textarea", { name: "rationale", "data-testid": "decision-rationale", rows: 3, maxlength: 2000 });
    rationale.value = draft.rationale;
    const basis = h("select", { name: "legal_basis", "data-testid": "decision-basis" });
    basis.append(h("option", { value: "", text: t("comms:compose.basisNone") }), ...LEGAL_BASIS_LIST.map((b) => h("option", { value: b, text: basisLabel(b) })));
    basis.value = draft.legal_basis;

    const record = h("button", { type: "button", class: "jx-primary", "data-testid": "decision-record", text: t("comms:decisions.record") });
    record.addEventListener("click", () => doRecord());
    status = h("p", { class: "jx-status", role: "status", "data-testid": "decision-status" });

    form.append(
      h("h3", { text: t("comms:decisions.form") }),
      add("decision", t("comms:decisions.decision"), decision),
      optionsGroup,
      add("rationale", t("comms:decisions.rationale"), rationale, t("comms:decisions.hint")),
      add("legal_basis", t("comms:decisions.basis"), basis),
      h("div", { class: "jx-actions" }, status, record),
    );
    submitOnCtrlEnter(form, doRecord); // Enter in an option line does not record
    form.addEventListener("input", () => { if (rebuilding) return; read(); if (tried) showIssues(); if (status) status.textContent = ""; });
    form.addEventListener("change", () => { if (rebuilding) return; read(); if (tried) showIssues(); });
    formBox.append(form);
    if (tried) showIssues();
    if (focusOption !== undefined) (controls[`options.${focusOption}`] as HTMLElement | undefined)?.focus();
  }

  function read(): void {
    draft.decision = controls.decision?.value ?? "";
    draft.rationale = controls.rationale?.value ?? "";
    draft.legal_basis = (controls.legal_basis?.value ?? "") as DecisionDraft["legal_basis"];
    draft.options = draft.options.map((v, n) => controls[`options.${n}`]?.value ?? v);
  }

  function issues(): Issue[] {
    const r = decisionToCommand(draft);
    return r.ok ? [] : r.issues;
  }

  function showIssues(list: Issue[] = issues()): void {
    for (const [name, slot] of Object.entries(slots)) {
      showIssue(slot, controls[name], list.filter((i) => i.field === name).map((i) => i.message).join("; "), "");
    }
  }

  function doRecord(): void {
    read();
    tried = true;
    const r = decisionToCommand(draft);
    if (!r.ok) {
      showIssues(r.issues);
      const first = r.issues.find((i) => controls[i.field]);
      if (first) controls[first.field]?.focus();
      return;
    }
    net.command(r.command);
    draft = emptyDecision();
    tried = false;
    buildForm();
    controls.decision?.focus();
    if (status) status.textContent = t("comms:decisions.recorded");
  }

  /** Staff seats: the role filter, rebuilt only when the seat or language changes; its counts follow the log in place. */
  function buildFilter(): void {
    filterBox.replaceChildren();
    filterSel = null;
    if (!isStaff()) return;
    const sel = h("select", { "data-testid": "decision-filter", name: "decision-filter" });
    sel.addEventListener("change", () => { byRole = sel.value; renderLog(); });
    filterSel = sel;
    filterBox.append(field(t("comms:decisions.filter"), sel, "decision-filter").wrap);
    updateFilter();
  }

  function updateFilter(): void {
    const sel = filterSel;
    if (!sel) return;
    const authors = decisionAuthors(store.m.comms, { scenario: store.m.scenario, lang: lang() });
    const total = authors.reduce((n, a) => n + a.count, 0);
    const want: [string, string][] = [["", t("comms:decisions.allRoles", { count: total })], ...authors.map((a): [string, string] => [a.id, t("comms:decisions.filterOption", { who: a.label, count: a.count })])];
    if (byRole && !authors.some((a) => a.id === byRole)) byRole = "";
    // Relabel in place: replacing the options under an open list would close it.
    const same = sel.options.length === want.length && want.every(([v], n) => sel.options[n]?.value === v);
    if (same) {
      want.forEach(([, label], n) => { const o = sel.options[n]; if (o && o.textContent !== label) o.textContent = label; });
    } else {
      sel.replaceChildren(...want.map(([value, text]) => h("option", { value, text })));
    }
    sel.value = byRole;
  }

  function renderLog(): void {
    const sc = store.m.scenario;
    const staff = isStaff();
    updateFilter();
    const rows = decisionLog(store.m.comms, { scenario: sc, lang: lang(), by: staff ? byRole : "" });
    logBox.replaceChildren(h("h3", { text: `${t("comms:decisions.title")} (${rows.length})` }));
    if (!rows.length) {
      logBox.append(h("p", { class: "jx-empty", text: t(staff && byRole ? "comms:decisions.emptyFiltered" : "comms:decisions.empty") }));
      return;
    }
    logBox.append(h("ol", { class: "jx-list" }, ...rows.map((d) => {
      const story = storyTime(sc, d.t);
      return h("li", { class: "jx-decision-item", "data-testid": "decision-item", "data-id": d.id, "data-by": d.by, "data-basis": d.legalBasis },
        h("div", { class: "jx-meta" },
          h("time", { class: "jx-time", title: story ? t("comms:mail.storyTime", { time: story }) : null, text: d.time }),
          // Staff follow every role: the role's title leads; a trainee's own log says who recorded it.
          staff ? h("b", { "data-testid": "decision-by", text: d.byLabel }) : h("span", { text: t("comms:decisions.by", { who: d.byLabel }) })),
        h("h4", { text: d.decision }),
        d.options.length ? h("div", {}, h("span", { class: "jx-label", text: t("comms:decisions.options") }), h("ul", {}, ...d.options.map((o) => h("li", { text: o })))) : null,
        h("p", {}, h("span", { class: "jx-label", text: `${t("comms:decisions.rationale")}: ` }), d.rationale),
        h("p", { class: "jx-basis", text: `§ ${d.legalBasisLabel || t("comms:compose.basisNone")}` }));
    })));
  }

  function renderAll(): void {
    root.replaceChildren(formBox, filterBox, logBox);
    buildForm();
    buildFilter();
    renderLog();
  }

  renderAll();
  const offs = [
    store.on("seat", renderAll),
    store.on("lang", () => { read(); renderAll(); }),
    store.on("comms", renderLog),
  ];
  return () => {
    for (const off of offs) off();
    root.remove();
  };
};
