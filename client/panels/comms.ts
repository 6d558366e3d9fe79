// The communications panel of the exercise page: a composer, the inbox and the outbox, the SPOC
// deadlines counting down, and the refusals. Plain DOM; the view models in views/comms.ts do the
// thinking. Keyboard: every field is labelled; Enter in a one-line field does not send; Ctrl+Enter
// (Cmd+Enter) sends from anywhere in the composer.
import i18next from "i18next";
import { refusalText } from "../views/refusals.ts";
import "./comms.css";
import type { Ctx, Mount } from "../exercise/ctx.ts";
import { lang, t } from "../i18n/index.ts";
import type { CommsItem, Seat } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import {
  CHANNEL_LIST, LEGAL_BASIS_LIST, MESSAGE_KIND_LIST, REQUEST_FIELDS, URGENCY_LIST, ackCommand, activityOf, basisLabel,
  channelLabel, clock, deadlines, draftToCommand, emptyDraft, inbox, isSpocRequest, kindLabel, languageChoices, nameOf, outbox,
  recipients, replyDraft, spocAdvice, storyTime, suggestLegalBasis, unreadCount, urgencyLabel, withSuggestions,
  type Draft, type Issue, type MailRow, type Recipient,
} from "../views/comms.ts";

// ---------------------------------------------------------------------------------------------
// A tiny DOM builder shared with the decision log.

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;
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
function fillSelect(sel: HTMLSelectElement, groups: { label?: string; options: [string, string][] }[], value: string | string[]): void {
  const want = new Set(Array.isArray(value) ? value : [value]);
  sel.replaceChildren();
  for (const g of groups) {
    const opts = g.options.map(([v, l]) => option(v, l, want.has(v)));
    if (g.label) sel.append(h("optgroup", { label: g.label }, ...opts));
    else sel.append(...opts);
  }
}
function groupRecipients(list: Recipient[]): { label: string; options: [string, string][] }[] {
  const groups = new Map<string, [string, string][]>();
  for (const r of list) groups.set(r.group, [...(groups.get(r.group) ?? []), [r.id, r.label]]);
  return [...groups].map(([label, options]) => ({ label, options }));
}
const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Keep focus on the same item after a list is rebuilt. */
function keepFocus(root: HTMLElement, rebuild: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const item = active && root.contains(active) ? active.closest<HTMLElement>("[data-id]") : null;
  const id = item?.dataset.id;
  const hook = active?.dataset.testid;
  rebuild();
  if (!id) return;
  const again = root.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  const target = (hook && again?.querySelector<HTMLElement>(`[data-testid="${hook}"]`)) || again;
  target?.focus();
}

// ---------------------------------------------------------------------------------------------

export const mountComms: Mount = (el: HTMLElement, ctx: Ctx) => {
  const { store, net } = ctx;
  const root = h("section", { class: "jx-comms", "data-testid": "comms" });
  el.append(root);

  let draft: Draft = emptyDraft();
  let touched = new Set<string>();
  let replyTo: CommsItem | null = null;
  let lastSent: Draft | null = null;
  let tried = false;
  let knownRefusals = new Set(store.m.comms.filter((i) => i.kind === "refused").map((i) => i.id));
  let refusal: { id: string; reason: string; code: string } | null = null;
  let actorKeys = "";
  /** Acknowledgements sent and not yet echoed by the room: no second click. */
  const pendingAcks = new Set<string>();

  // Read state survives a reload of the page within the session.
  const readKey = () => `jointex.read.${store.m.exerciseId}.${store.m.seat?.role ?? ""}`;
  const loadRead = (): Set<string> => {
    try {
      return new Set(JSON.parse(sessionStorage.getItem(readKey()) ?? "[]") as string[]);
    } catch {
      return new Set();
    }
  };
  let read = loadRead();
  const markRead = (ids: string[]) => {
    const before = read.size;
    for (const id of ids) read.add(id);
    if (read.size === before) return;
    try { sessionStorage.setItem(readKey(), JSON.stringify([...read])); } catch { /* private mode: memory only */ }
    // Updated in place: rebuilding the list under a pointer would swallow the click that is under way.
    for (const id of ids) {
      const li = inboxBox.querySelector<HTMLElement>(`[data-testid="inbox-item"][data-id="${CSS.escape(id)}"]`);
      if (!li) continue;
      li.classList.remove("is-unread");
      li.dataset.read = "true";
      li.querySelector(".jx-badge--new")?.remove();
    }
    updateUnread();
  };

  // Parts rebuilt on their own topics.
  const refusalBox = h("div", { class: "jx-refusal", role: "alert", "data-testid": "refusal", hidden: true });
  const deadlineBox = h("section", { class: "jx-deadlines", "data-testid": "deadlines" });
  const composeBox = h("div", { class: "jx-compose-wrap" });
  const inboxBox = h("section", { class: "jx-mailbox", "data-testid": "inbox" });
  const outboxBox = h("section", { class: "jx-mailbox", "data-testid": "outbox" });
  const unreadBadge = h("span", { class: "jx-count", "data-testid": "unread-count", "aria-live": "polite" });

  const ready = (): { seat: Seat; sc: Scenario } | null => (store.m.seat && store.m.scenario ? { seat: store.m.seat, sc: store.m.scenario } : null);

  // ----- composer ----------------------------------------------------------------------------
  let controls: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {};
  let slots: Record<string, { err: HTMLElement; warn: HTMLElement }> = {};
  let art43: HTMLFieldSetElement | null = null;
  let replyBar: HTMLElement | null = null;
  let suggestHint: HTMLElement | null = null;
  let status: HTMLElement | null = null;
  let generalErr: HTMLElement | null = null;

  const suggestCtx = () => {
    const r = ready();
    return { activity: r ? activityOf(r.sc, r.seat, store.m.units.values()) : null, replyTo, lang: lang(), touched };
  };

  // Removing a focused, edited field fires "change" on it: ignore events while the form is rebuilt.
  let rebuilding = false;
  function buildComposer(): void {
    const r = ready();
    rebuilding = true;
    try { composeBox.replaceChildren(); } finally { rebuilding = false; }
    controls = {};
    slots = {};
    if (!r) return;
    const { seat, sc } = r;
    if (seat.kind === "evaluator") {
      composeBox.append(h("p", { class: "jx-note", "data-testid": "compose-readonly", text: t("comms:readOnly") }));
      return;
    }
    const choices = recipients(sc, seat, lang());
    const form = h("form", { class: "jx-compose", "data-testid": "composer", novalidate: true, "aria-labelledby": "jx-compose-title" });
    const title = h("h3", { id: "jx-compose-title", text: t("comms:compose.title") });

    const sel = (name: string, testid: string, multiple = false) => {
      const s = h("select", { name, "data-testid": testid, multiple, size: multiple ? 4 : null });
      controls[name] = s;
      return s;
    };
    const input = (name: string, testid: string) => {
      const i = h("input", { type: "text", name, "data-testid": testid, autocomplete: "off" });
      controls[name] = i;
      return i;
    };
    const add = (name: string, label: string, control: HTMLElement, hint?: string) => {
      const f = field(label, control, name, hint);
      slots[name] = f;
      return f.wrap;
    };

    // Speak as: exercise control plays the other parties; a desk officer may speak as the desk.
    const asSel = sel("as", "compose-as");
    const selfName = seat.kind === "instructor" ? t("comms:excon") : nameOf(sc, seat.role, lang());
    fillSelect(asSel, [{ options: [["", t("comms:compose.asSelf", { name: selfName })]] }, ...groupRecipients(choices.as)], draft.as);

    const kindSel = sel("kind", "compose-kind");
    fillSelect(kindSel, [{ options: [["", t("comms:compose.choose")], ...MESSAGE_KIND_LIST.map((k): [string, string] => [k, kindLabel(k)])] }], draft.kind);
    const toSel = sel("to", "compose-to");
    fillSelect(toSel, [{ options: [["", t("comms:compose.choose")]] }, ...groupRecipients(choices.to)], draft.to);
    const ccSel = sel("cc", "compose-cc", true);
    fillSelect(ccSel, groupRecipients(choices.to), draft.cc);
    const channelSel = sel("channel", "compose-channel");
    fillSelect(channelSel, [{ options: CHANNEL_LIST.filter((c) => c !== "system").map((c): [string, string] => [c, channelLabel(c)]) }], draft.channel || "phone");
    const urgencySel = sel("urgency", "compose-urgency");
    fillSelect(urgencySel, [{ options: [["", t("comms:compose.urgencyNone")], ...URGENCY_LIST.map((u): [string, string] => [u, urgencyLabel(u)])] }], draft.urgency);
    const langSel = sel("language", "compose-language");
    const basisSel = sel("legal_basis", "compose-legal-basis");
    fillSelect(basisSel, [{ options: [["", t("comms:compose.basisNone")], ...LEGAL_BASIS_LIST.map((b): [string, string] => [b, basisLabel(b)])] }], draft.legal_basis);
    const aboutSel = sel("about", "compose-about");
    const text = h("textarea", { name: "text", "data-testid": "compose-text", rows: 4, maxlength: 2000 });
    text.value = draft.text;
    controls.text = text;

    const basisField = add("legal_basis", t("comms:compose.legalBasis"), basisSel);
    suggestHint = h("p", { class: "jx-hint", "data-testid": "compose-suggested", hidden: true });
    basisField.insertBefore(suggestHint, slots.legal_basis?.err ?? null);

    // Directive 2023/977 Art. 4(3): what a request to a SPOC states.
    art43 = h("fieldset", { class: "jx-art43", "data-testid": "compose-fields", hidden: true }, h("legend", { text: t("comms:compose.art43") }));
    for (const k of REQUEST_FIELDS) {
      const i = input(k, `compose-${k.replace(/_/g, "-")}`);
      i.value = draft.fields[k];
      art43.append(add(k, t(`comms:field.${k}`), i));
    }
    const judicial = h("input", { type: "checkbox", name: "judicial_authorisation_needed", "data-testid": "compose-judicial", id: newId("judicial") });
    judicial.checked = draft.fields.judicial_authorisation_needed;
    controls.judicial_authorisation_needed = judicial;
    art43.append(h("div", { class: "jx-check" }, judicial, h("label", { for: judicial.id, text: t("comms:field.judicial_authorisation_needed") })));

    replyBar = h("div", { class: "jx-replybar", "data-testid": "compose-reply-to", hidden: true });
    status = h("p", { class: "jx-status", "data-testid": "compose-status", role: "status" });
    generalErr = h("p", { class: "jx-err", "data-testid": "compose-error", hidden: true });

    const send = h("button", { type: "button", class: "jx-primary", "data-testid": "compose-send", text: t("comms:compose.send") });
    const clear = h("button", { type: "button", "data-testid": "compose-clear", text: t("comms:compose.clear") });
    send.addEventListener("click", () => doSend());
    clear.addEventListener("click", () => resetDraft(true));

    form.append(
      title,
      h("div", { class: "jx-row" },
        choices.as.length ? add("as", t("comms:compose.as"), asSel) : null,
        add("kind", t("comms:compose.kind"), kindSel),
        add("to", t("comms:compose.to"), toSel)),
      add("cc", t("comms:compose.cc"), ccSel, t("comms:compose.ccHint")),
      h("div", { class: "jx-row" },
        add("channel", t("comms:compose.channel"), channelSel),
        add("urgency", t("comms:compose.urgency"), urgencySel),
        add("language", t("comms:compose.language"), langSel),
        add("about", t("comms:compose.about"), aboutSel)),
      h("div", { class: "jx-row" }, basisField),
      art43,
      replyBar,
      add("text", t("comms:compose.text"), text, t("comms:compose.textHint")),
      generalErr,
      h("div", { class: "jx-actions" }, status, clear, send),
    );

    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        doSend();
      } else if (e.target instanceof HTMLInputElement) {
        e.preventDefault(); // Enter in a one-line field never sends
      }
    });
    form.addEventListener("input", (e) => onInput(e.target as HTMLElement));
    form.addEventListener("change", (e) => onInput(e.target as HTMLElement));

    composeBox.append(form);
    refreshAbout(true);
    refreshDerived();
  }

  function readControl(name: string): void {
    const c = controls[name];
    if (!c) return;
    if (name === "cc" && c instanceof HTMLSelectElement) draft.cc = [...c.selectedOptions].map((o) => o.value);
    else if (name === "judicial_authorisation_needed" && c instanceof HTMLInputElement) draft.fields.judicial_authorisation_needed = c.checked;
    else if ((REQUEST_FIELDS as readonly string[]).includes(name)) draft.fields[name as (typeof REQUEST_FIELDS)[number]] = c.value;
    else (draft as unknown as Record<string, string>)[name] = c.value;
  }

  function onInput(target: HTMLElement): void {
    const name = target.getAttribute("name");
    if (rebuilding || !name || controls[name] !== target) return;
    readControl(name);
    if (name === "language" || name === "channel" || name === "legal_basis") touched.add(name);
    if (["kind", "to", "cc", "as"].includes(name)) applySuggestions();
    refreshDerived();
    if (status) status.textContent = "";
  }

  function applySuggestions(): void {
    const r = ready();
    if (!r) return;
    const next = withSuggestions(r.sc, r.seat, draft, suggestCtx());
    draft = { ...draft, language: next.language || draft.language, channel: next.channel, legal_basis: next.legal_basis };
    if (controls.channel) controls.channel.value = draft.channel;
    if (controls.legal_basis) controls.legal_basis.value = draft.legal_basis;
  }

  /** Everything that follows from the draft: language choices, the Art. 4(3) block, hints, issues. */
  function refreshDerived(): void {
    const r = ready();
    if (!r) return;
    const { seat, sc } = r;
    const langSel = controls.language;
    if (langSel instanceof HTMLSelectElement) {
      const opts = languageChoices(sc, seat, draft.to, lang(), draft.as);
      if (!draft.language) draft.language = opts.find((o) => o.code === lang() && o.accepted)?.code ?? opts.find((o) => o.accepted)?.code ?? lang();
      fillSelect(langSel, [{ options: opts.map((o): [string, string] => [o.code, o.accepted || !draft.to ? o.label : `${o.label}: ${t("comms:compose.notAccepted")}`]) }], draft.language);
    }
    if (art43) art43.hidden = !isSpocRequest(sc, draft);
    if (suggestHint) {
      const s = suggestLegalBasis(sc, seat, draft, suggestCtx());
      suggestHint.hidden = !s || s === draft.legal_basis;
      suggestHint.textContent = s ? t("comms:compose.suggested", { basis: basisLabel(s) }) : "";
    }
    if (replyBar) {
      replyBar.hidden = !replyTo;
      replyBar.replaceChildren();
      if (replyTo && (replyTo.kind === "message" || replyTo.kind === "delivery")) {
        const txt = replyTo.kind === "message" ? replyTo.text : (replyTo.text[lang()] ?? replyTo.text.en ?? "");
        const cancel = h("button", { type: "button", class: "jx-link", "data-testid": "compose-cancel-reply", text: t("comms:compose.cancelReply") });
        cancel.addEventListener("click", () => { replyTo = null; draft.in_reply_to = ""; refreshDerived(); });
        replyBar.append(h("span", { text: `↳ ${t("comms:compose.replyingTo", { from: nameOf(sc, replyTo.from, lang()), time: clock(replyTo.t), excerpt: excerpt(txt) })}` }), cancel);
      }
    }
    showIssues(tried ? check().issues : [], spocAdvice(sc, seat, draft));
  }

  function check(): { issues: Issue[] } {
    const r = ready();
    if (!r) return { issues: [] };
    const res = draftToCommand(draft, r.seat, r.sc);
    return { issues: res.ok ? [] : res.issues };
  }

  function showIssues(errors: Issue[], warnings: Issue[]): void {
    const by = (list: Issue[], f: string) => list.filter((i) => i.field === f).map((i) => i.message).join("; ");
    for (const [name, slot] of Object.entries(slots)) showIssue(slot, controls[name], by(errors, name), by(warnings, name));
    if (generalErr) {
      const other = errors.filter((i) => !slots[i.field]).map((i) => i.message).join("; ");
      generalErr.hidden = !other;
      generalErr.textContent = other ? `⚠ ${other}` : "";
    }
  }

  function doSend(): void {
    const r = ready();
    if (!r) return;
    for (const name of Object.keys(controls)) readControl(name);
    tried = true;
    const res = draftToCommand(draft, r.seat, r.sc);
    if (!res.ok) {
      refreshDerived();
      const first = res.issues.find((i) => controls[i.field]);
      if (first) controls[first.field]?.focus();
      return;
    }
    net.command(res.command);
    lastSent = structuredClone(draft);
    if (replyTo) markRead([replyTo.id]);
    resetDraft(false);
    if (status) status.textContent = t("comms:compose.sent");
  }

  function resetDraft(focus: boolean): void {
    const keepAs = draft.as;
    draft = { ...emptyDraft(), as: keepAs };
    touched = new Set();
    replyTo = null;
    tried = false;
    buildComposer();
    if (focus) controls.kind?.focus();
    else controls.text?.focus();
  }

  function loadDraft(d: Draft, item: CommsItem | null): void {
    draft = structuredClone(d);
    touched = new Set(["language", "channel", "legal_basis"]);
    replyTo = item;
    tried = false;
    buildComposer();
    controls.text?.focus();
  }

  function refreshAbout(force = false): void {
    const sel = controls.about;
    if (!(sel instanceof HTMLSelectElement)) return;
    const actors = [...store.m.actors.values()].filter((a) => a.kind === "fleeing_vehicle" || a.kind === "hostage_takers" || a.kind === "crowd");
    const keys = actors.map((a) => `${a.id}:${a.name}`).join("|");
    if (!force && keys === actorKeys) return;
    actorKeys = keys;
    if (draft.about && !actors.some((a) => a.id === draft.about)) draft.about = "";
    fillSelect(sel, [{ options: [["", t("comms:compose.aboutNone")], ...actors.map((a): [string, string] => [a.id, a.name])] }], draft.about);
  }

  // ----- lists ---------------------------------------------------------------------------------
  function itemView(row: MailRow, box: "inbox" | "outbox", seat: Seat, sc: Scenario): HTMLElement {
    const li = h("li", {
      class: `jx-item${row.read ? "" : " is-unread"}${row.source === "refused" ? " is-refused" : ""}${row.urgency.startsWith("urgent") ? " is-urgent" : ""}`,
      "data-testid": `${box}-item`,
      "data-id": row.id, "data-kind": row.kind, "data-from": row.from, "data-read": String(row.read), "data-acked": String(row.acknowledged),
      "data-observed": row.observed ? "true" : null, "data-as": row.speakAs || null,
      tabindex: -1,
    });
    const story = storyTime(sc, row.t);
    // Trainees see who wrote to them (inbox) or whom they wrote to (outbox); staff seats see both ends.
    const who = row.routeLabel
      ? h("span", { class: "jx-who", "data-testid": "mail-route" }, row.routeLabel, row.byLabel ? h("span", { class: "jx-hint", text: ` (${t("comms:mail.sentBy", { who: row.byLabel })})` }) : null)
      : box === "inbox" ? h("span", { class: "jx-who" }, h("b", { text: row.fromLabel }))
      : h("span", { class: "jx-who" }, `${t("comms:mail.to")} `, h("b", { text: row.toLabel }), row.ccLabel ? ` · ${t("comms:mail.cc")} ${row.ccLabel}` : "");
    const meta = h("div", { class: "jx-meta" },
      h("time", { class: "jx-time", title: story ? t("comms:mail.storyTime", { time: story }) : null, text: row.time }),
      !row.read ? h("span", { class: "jx-badge jx-badge--new", text: t("comms:mail.new") }) : null,
      h("span", { class: `jx-badge jx-badge--kind${row.source === "refused" ? " jx-badge--refused" : ""}`, text: row.kindLabel }),
      row.urgencyLabel ? h("span", { class: `jx-badge jx-badge--urgency${row.urgency.startsWith("urgent") ? " is-urgent" : ""}`, text: row.urgencyLabel }) : null,
      // Exercise control answers some messages and watches the rest: say which is which.
      row.observed && seat.kind === "instructor" ? h("span", { class: "jx-badge", "data-testid": "observed", text: t("comms:mail.observed") }) : null,
      row.source !== "refused" ? who : null,
      h("span", { class: "jx-channel", text: row.source === "delivery" ? `${row.channelLabel} · ${t("comms:mail.scenario")}` : row.channelLabel }),
    );
    li.append(meta);
    if (row.legalBasisLabel) li.append(h("p", { class: "jx-basis", text: `§ ${row.legalBasisLabel}` }));
    if (row.replyToLabel) li.append(h("p", { class: "jx-replyref", text: `↳ ${row.replyToLabel}` }));
    li.append(h("p", { class: "jx-text", lang: row.language || null, text: row.text }));
    const foot = h("div", { class: "jx-foot" });
    if (row.source !== "refused") {
      foot.append(h("span", { class: `jx-ackstate${row.acknowledged ? " is-acked" : ""}`, "data-testid": "ack-state", text: row.acknowledged ? `✓ ${row.ackedLabel}` : box === "outbox" ? t("comms:mail.awaiting") : "" }));
    }
    if (box === "inbox") {
      const about = { from: row.fromLabel, time: row.time, as: row.speakAsLabel };
      if (row.canAck) {
        const pending = pendingAcks.has(row.id);
        const label = t(row.speakAs ? "comms:mail.ackAsLabel" : "comms:mail.ackLabel", about);
        const ack = h("button", { type: "button", "data-testid": "ack", disabled: pending, "aria-label": label, title: label, text: pending ? `✓ ${t("comms:mail.acked")}` : t("comms:mail.ack") });
        ack.addEventListener("click", () => {
          const cmd = ackCommand(sc, seat, row.item, lang());
          if (!cmd) return;
          net.command(cmd);
          pendingAcks.add(row.id);
          ack.disabled = true;
          ack.textContent = `✓ ${t("comms:mail.acked")}`;
          markRead([row.id]);
          foot.querySelector<HTMLElement>('[data-testid="reply"]')?.focus();
        });
        foot.append(ack);
      }
      if (row.canReply) {
        const label = t(row.speakAs ? "comms:mail.replyAsLabel" : "comms:mail.replyLabel", about);
        const reply = h("button", { type: "button", "data-testid": "reply", "aria-label": label, title: label, text: row.speakAs ? t("comms:mail.replyAs", { as: row.speakAsLabel }) : t("comms:mail.reply") });
        reply.addEventListener("click", () => {
          markRead([row.id]);
          loadDraft(replyDraft(sc, seat, row.item, lang()), row.item);
        });
        foot.append(reply);
      }
    }
    if (foot.childNodes.length) li.append(foot);
    if (!row.read) {
      li.addEventListener("click", () => markRead([row.id]));
      li.addEventListener("focusin", () => markRead([row.id]));
    }
    return li;
  }

  function renderLists(): void {
    const r = ready();
    keepFocus(root, () => {
      inboxBox.replaceChildren();
      outboxBox.replaceChildren();
      if (!r) return;
      const { seat, sc } = r;
      const o = { scenario: sc, read, lang: lang() };
      const inRows = inbox(store.m.comms, seat, o);
      const outRows = outbox(store.m.comms, seat, o);
      const all = h("button", { type: "button", class: "jx-link", "data-testid": "mark-read", text: t("comms:mail.markRead") });
      all.addEventListener("click", () => markRead(inRows.map((x) => x.id)));
      const inHead = h("div", { class: "jx-boxhead" }, h("h3", { id: "jx-inbox-title", text: t("comms:mail.inbox") }), all);
      inboxBox.setAttribute("aria-labelledby", "jx-inbox-title");
      inboxBox.append(inHead);
      if (seat.kind === "instructor") inboxBox.append(h("p", { class: "jx-hint", "data-testid": "inbox-excon-note", text: t("comms:mail.exconNote") }));
      // Observers send nothing: no "Sent" box, everything they follow is in the one list.
      outboxBox.hidden = seat.kind === "evaluator";
      inboxBox.append(inRows.length ? h("ol", { class: "jx-list" }, ...inRows.map((x) => itemView(x, "inbox", seat, sc))) : h("p", { class: "jx-empty", text: t("comms:mail.empty") }));
      outboxBox.setAttribute("aria-labelledby", "jx-outbox-title");
      outboxBox.append(h("div", { class: "jx-boxhead" }, h("h3", { id: "jx-outbox-title", text: t("comms:mail.outbox") })),
        outRows.length ? h("ol", { class: "jx-list" }, ...outRows.map((x) => itemView(x, "outbox", seat, sc))) : h("p", { class: "jx-empty", text: t("comms:mail.emptyOut") }));
    });
    updateUnread();
  }

  function updateUnread(): void {
    const r = ready();
    const unread = r ? unreadCount(inbox(store.m.comms, r.seat, { scenario: r.sc, read, lang: lang() })) : 0;
    unreadBadge.textContent = unread ? t("comms:mail.unread", { count: unread }) : "";
    unreadBadge.hidden = !unread;
    const all = inboxBox.querySelector<HTMLElement>('[data-testid="mark-read"]');
    if (all) all.hidden = !unread;
  }

  function renderDeadlines(): void {
    const r = ready();
    deadlineBox.replaceChildren();
    const rows = r ? deadlines(store.m.spoc, store.m.tick, r.sc.meta.clock_ratio, { scenario: r.sc, lang: lang() }) : [];
    deadlineBox.hidden = rows.length === 0;
    if (!rows.length) return;
    deadlineBox.append(
      h("h3", { text: t("comms:deadline.title") }),
      h("ul", { class: "jx-deadline-list" }, ...rows.map((d) =>
        h("li", { class: `jx-deadline is-${d.status}`, "data-testid": "deadline", "data-id": d.id, "data-status": d.status, "data-left": d.left },
          h("span", { class: `jx-badge jx-badge--${d.status}`, text: d.statusLabel }),
          h("span", { class: "jx-deadline-title", text: d.title }),
          d.urgencyLabel ? h("span", { class: "jx-badge jx-badge--urgency", text: d.urgencyLabel }) : null,
          h("span", { class: "jx-deadline-left", "data-testid": "deadline-left", text: d.text }),
          d.delayLabel ? h("span", { class: "jx-hint", text: d.delayLabel }) : null))),
    );
  }

  function renderRefusal(): void {
    // Observers share exercise control's history, refusals included: those are not theirs.
    if (store.m.seat?.kind === "evaluator") {
      refusal = null;
      refusalBox.replaceChildren();
      refusalBox.hidden = true;
      return;
    }
    const fresh = store.m.comms.filter((i): i is Extract<CommsItem, { kind: "refused" }> => i.kind === "refused" && !knownRefusals.has(i.id));
    for (const f of fresh) knownRefusals.add(f.id);
    const last = fresh[fresh.length - 1];
    if (last) refusal = { id: last.id, reason: last.reason, code: last.code };
    refusalBox.replaceChildren();
    refusalBox.hidden = !refusal;
    if (!refusal) return;
    const dismiss = h("button", { type: "button", class: "jx-link", "data-testid": "refusal-dismiss", text: t("comms:mail.dismiss") });
    dismiss.addEventListener("click", () => { refusal = null; renderRefusal(); });
    refusalBox.append(h("b", { text: `${t("comms:mail.refused")} ` }), h("span", { text: t("comms:mail.refusedBy", { reason: refusalText(refusal.code, refusal.reason, (k, o) => t(k, o ?? {}), (k) => i18next.exists(k)) }) }), h("code", { text: refusal.code }));
    if (refusal.code.startsWith("message/") && lastSent) {
      const sent = lastSent;
      const restore = h("button", { type: "button", "data-testid": "refusal-restore", text: t("comms:mail.restore") });
      restore.addEventListener("click", () => { refusal = null; renderRefusal(); loadDraft(sent, null); });
      refusalBox.append(restore);
    }
    refusalBox.append(dismiss);
  }

  function renderAll(): void {
    read = loadRead();
    root.replaceChildren(
      h("header", { class: "jx-head" }, h("h2", { text: t("comms:title") }), unreadBadge),
      refusalBox, deadlineBox,
      // Received first (what needs an answer), then the composer, then what was sent.
      h("div", { class: "jx-mail" }, inboxBox, composeBox, outboxBox),
    );
    buildComposer();
    renderDeadlines();
    renderLists();
    renderRefusal();
  }

  renderAll();
  const offs = [
    store.on("seat", () => { knownRefusals = new Set(store.m.comms.filter((i) => i.kind === "refused").map((i) => i.id)); refusal = null; draft = emptyDraft(); replyTo = null; renderAll(); }),
    store.on("lang", renderAll),
    store.on("comms", () => { renderLists(); renderRefusal(); }),
    store.on("spoc", renderDeadlines),
    store.on("tick", () => { renderDeadlines(); refreshAbout(); }),
  ];
  return () => {
    for (const off of offs) off();
    root.remove();
  };
};
