// The message composer of the communications panel: the form, the suggestions it fills in until the
// user chooses (language, channel, legal basis), the Art. 4(3) block of a SPOC request, errors and
// advice beside their fields, and sending. The draft lives here; the view models in views/comms/
// decide what it means. Keyboard: every field is labelled; Ctrl+Enter (Cmd+Enter) sends.
import type { Ctx } from "../../exercise/ctx.ts";
import { lang, t } from "../../i18n/index.ts";
import type { CommsItem } from "../../../shared/protocol.ts";
import { draftToCommand, emptyDraft, REQUEST_FIELDS, type Draft } from "../../views/comms/draft.ts";
import {
  basisLabel, CHANNEL_LIST, channelLabel, clock, kindLabel, LEGAL_BASIS_LIST, MESSAGE_KIND_LIST, URGENCY_LIST, urgencyLabel,
} from "../../views/comms/format.ts";
import type { Issue } from "../../views/comms/issues.ts";
import { nameOf, recipients, type Recipient } from "../../views/comms/recipients.ts";
import { isSpocRequest, spocAdvice } from "../../views/comms/spoc.ts";
import { activityOf, languageChoices, suggestLegalBasis, withSuggestions } from "../../views/comms/suggest.ts";
import { field, fillSelect, h, newId, showIssue, submitOnCtrlEnter } from "./fields.ts";
import { seatAndScenario } from "./seat.ts";

/** Recipients as the optgroups of a select (desks, roles, parties), in display order. */
function groupRecipients(list: Recipient[]): { label: string; options: [string, string][] }[] {
  const groups = new Map<string, [string, string][]>();
  for (const r of list) groups.set(r.group, [...(groups.get(r.group) ?? []), [r.id, r.label]]);
  return [...groups].map(([label, options]) => ({ label, options }));
}
/** The start of a long text, for the "replying to" line. */
const excerpt = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The composer; `markRead` is told when a reply is sent, so the item answered counts as read. */
export function createComposer(ctx: Ctx, markRead: (ids: string[]) => void) {
  const { store, net } = ctx;
  const composeBox = h("div", { class: "jx-compose-wrap" });
  const ready = () => seatAndScenario(store);

  let draft: Draft = emptyDraft();
  let touched = new Set<string>();
  let replyTo: CommsItem | null = null;
  let lastSent: Draft | null = null;
  let tried = false;
  let actorKeys = "";
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
    submitOnCtrlEnter(form, doSend);
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

  return {
    el: composeBox,
    build: buildComposer,
    loadDraft,
    refreshAbout,
    /** The draft last sent, which a refusal offers to restore. */
    lastSent: (): Draft | null => lastSent,
    /** A new seat: forget the draft and what it answered. */
    forget: (): void => { draft = emptyDraft(); replyTo = null; },
  };
}
