/// <reference types="vite/client" />
// Exercise control's console: the clock, the master events list with "trigger now", ad-hoc injects,
// who exercise control plays, the participants and their roles, live objective ratings and the legal
// findings. Plain DOM; every status is written in words with a symbol, never by colour alone. The
// lists are shared with the evaluator view (read-only there).
import "./console.css";
import type { Ctx, Mount } from "../exercise/ctx.ts";
import type { Phase, Store } from "../exercise/store.ts";
import { lang, t, tx } from "../i18n/index.ts";
import { ruleText } from "../../shared/report/rules-i18n.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { ViolationCode } from "../../shared/scenario/vocab.ts";
import {
  adhocInjectFromForm, adhocOptions, clock, describeCondition, injectRows, instructorParties, nameOf, objectiveRows,
  participantRows, RATING_SYMBOL, span, storyTime, violationRows, type AdhocField, type AdhocForm, type ExpectedRow,
  type InjectRow, type Tr,
} from "../views/console.ts";

// --- small DOM helpers (shared with the evaluator view) ------------------------------------------
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
export const tr: Tr = (key, vars) => t(key, vars as never) as unknown as string;
export const sym = (s: string) => h("span", { class: "cx-sym", "aria-hidden": "true", text: s });

/** A scenario id as its name in the interface language (the id itself when the scenario has no name for it). */
export function namer(scenario: Scenario): (id: string) => string {
  return (id) => (id === "all" ? t("console:adhoc.all") : tx(nameOf(scenario, id) ?? undefined) || id);
}

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

/** Form values by data-keep key, so that a rebuild (language change) does not lose what was typed. */
export function keepValues(root: HTMLElement): Map<string, string | string[] | boolean> {
  const m = new Map<string, string | string[] | boolean>();
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[data-keep]").forEach((e) => {
    const k = e.dataset.keep as string;
    if (e instanceof HTMLSelectElement && e.multiple) m.set(k, [...e.selectedOptions].map((o) => o.value));
    else if (e instanceof HTMLInputElement && e.type === "checkbox") m.set(k, e.checked);
    else m.set(k, e.value);
  });
  return m;
}
export function restoreValues(root: HTMLElement, m: Map<string, string | string[] | boolean>): void {
  root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("[data-keep]").forEach((e) => {
    const v = m.get(e.dataset.keep as string);
    if (v === undefined) return;
    if (Array.isArray(v) && e instanceof HTMLSelectElement) for (const o of e.options) o.selected = v.includes(o.value);
    else if (typeof v === "boolean" && e instanceof HTMLInputElement) e.checked = v;
    else if (typeof v === "string") e.value = v;
    e.dispatchEvent(new Event("change"));
  });
}

// Sections fold away (a narrow side panel); whether each is open survives re-mounting.
const openSections = new Map<string, boolean>();
export function section(title: string, cls: string, ...kids: Kid[]): { el: HTMLElement; head: HTMLElement } {
  const head = h("summary", { class: "cx-head" }, h("h3", { text: title }));
  const el = h("details", { class: `cx-section ${cls}`, open: openSections.get(cls) ?? true }, head, ...kids);
  el.addEventListener("toggle", () => openSections.set(cls, (el as HTMLDetailsElement).open));
  return { el, head };
}

// --- clock -----------------------------------------------------------------------------------------
const PHASE_SYMBOL: Record<Phase, string> = { connecting: "…", lobby: "◇", briefing: "◆", running: "▶", paused: "❚❚", ending: "■", debrief: "■" };
export const SPEEDS = [1, 2, 5, 10, 30, 60];

/** Phase and exercise time (and, for exercise control, the clock controls). */
export function clockBar(ctx: Ctx, controls: boolean): { el: HTMLElement; update(): void } {
  const { store, net } = ctx;
  const phase = h("span", { class: "cx-phase", "aria-live": "polite" });
  const time = h("span", { class: "cx-time" });
  const story = h("span", { class: "cx-story" });
  const bar = h("div", { class: "cx-clock", role: "group", "aria-label": t("console:phase.label") },
    h("span", { class: "cx-field" }, h("span", { class: "cx-label", text: t("console:phase.label") }), phase),
    h("span", { class: "cx-field" }, h("span", { class: "cx-label", text: t("console:time.exercise") }), time),
    h("span", { class: "cx-field" }, h("span", { class: "cx-label", text: t("console:time.story") }), story));
  const el = h("div", { class: "cx-clockbar" }, bar);
  const buttons: Partial<Record<"brief" | "start" | "pause" | "resume" | "end", HTMLButtonElement>> = {};
  let speed: HTMLSelectElement | null = null;
  let confirm: HTMLElement | null = null;
  if (controls) {
    speed = h("select", { testid: "ctl-speed", title: t("console:time.speedHint"), "aria-label": t("console:time.speed") });
    options(speed, SPEEDS.map((n) => ({ value: String(n), label: t("console:time.speedX", { n }) })), false);
    speed.onchange = () => net.control({ action: "speed", speed: Number(speed?.value) });
    const ctl = h("div", { class: "cx-controls" });
    for (const a of ["brief", "start", "pause", "resume"] as const) {
      const b = h("button", { type: "button", testid: `ctl-${a}`, class: a === "start" || a === "resume" ? "cx-primary" : "" }, t(`console:ctl.${a}`));
      b.onclick = () => net.control({ action: a });
      buttons[a] = b;
      ctl.append(b);
    }
    const end = h("button", { type: "button", testid: "ctl-end", class: "cx-danger" }, t("console:ctl.end"));
    buttons.end = end;
    const ok = h("button", { type: "button", testid: "ctl-end-confirm", class: "cx-danger cx-strong" }, t("console:ctl.endConfirm"));
    const cancel = h("button", { type: "button", testid: "ctl-end-cancel" }, t("console:ctl.endCancel"));
    confirm = h("div", { class: "cx-confirm", role: "alertdialog", "aria-label": t("console:ctl.endQuestion"), hidden: true },
      h("span", {}, sym("⚠"), " ", t("console:ctl.endQuestion")), ok, cancel);
    end.onclick = () => { if (confirm) { confirm.hidden = false; cancel.focus(); } };
    cancel.onclick = () => { if (confirm) confirm.hidden = true; end.focus(); };
    ok.onclick = () => { net.control({ action: "end" }); if (confirm) confirm.hidden = true; };
    ctl.append(h("label", { class: "cx-speed" }, h("span", { class: "cx-label", text: t("console:time.speed") }), speed), end);
    el.append(ctl, confirm);
  }
  const update = () => {
    const m = store.m;
    phase.replaceChildren(sym(PHASE_SYMBOL[m.phase] ?? "•"), " ", t(`console:phase.${m.phase}`));
    el.dataset.phase = m.phase;
    time.textContent = clock(m.tick);
    const st = m.scenario ? storyTime(m.scenario, m.tick) : null;
    story.textContent = st ?? "—";
    story.parentElement?.toggleAttribute("hidden", st === null);
    if (!controls) return;
    const p = m.phase;
    const allowed = { brief: p === "lobby", start: p === "lobby" || p === "briefing", pause: p === "running", resume: p === "paused", end: p === "running" || p === "paused" };
    for (const [k, b] of Object.entries(buttons)) if (b) b.disabled = !allowed[k as keyof typeof allowed];
    if (!allowed.end && confirm) confirm.hidden = true;
    if (speed && document.activeElement !== speed) {
      if (![...speed.options].some((o) => o.value === String(m.speed))) speed.append(h("option", { value: String(m.speed), text: t("console:time.speedX", { n: m.speed }) }));
      speed.value = String(m.speed);
    }
  };
  update();
  return { el, update };
}

// --- the events list -------------------------------------------------------------------------------
const OVERALL_SYMBOL: Record<InjectRow["overall"], string> = { pending: "○", delivered: "●", waiting: "◷", met: "✓", missed: "✗", partly_missed: "◑" };
const EXPECTED_SYMBOL: Record<ExpectedRow["state"], string> = { not_fired: "○", waiting: "◷", met: "✓", missed: "✗" };

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

// --- objectives --------------------------------------------------------------------------------------
export function objectiveList(ctx: Ctx): { el: HTMLElement; update(): void } {
  const { store } = ctx;
  const overall = h("span", { class: "cx-overall", testid: "objectives-overall" });
  const list = h("ul", { class: "cx-objectives" });
  const s = section(t("console:objectives.title"), "cx-objectives-section", list);
  s.head.append(overall);
  let last = "";
  const update = () => {
    const sc = store.m.scenario;
    if (!sc) return;
    const snap = store.m.console;
    const rows = objectiveRows(snap, sc);
    const sig = JSON.stringify([rows, snap?.overall]);
    if (sig === last) return;
    last = sig;
    if (snap) {
      overall.dataset.rating = snap.overall.rating;
      overall.replaceChildren(t("console:objectives.overall"), ": ",
        h("span", { class: `cx-rating r-${snap.overall.rating}` }, sym(RATING_SYMBOL[snap.overall.rating]), ` ${snap.overall.rating}`),
        " ", t(`console:rating.${snap.overall.rating}`), " · ", t("console:objectives.score", { score: snap.overall.score }));
    } else overall.replaceChildren();
    list.replaceChildren(...rows.map((o) => {
      const state = o.open
        ? (o.deadline !== null ? t("console:objectives.open", { time: clock(o.deadline) }) : t("console:objectives.openNoDeadline"))
        : o.achievedAt !== null ? t("console:objectives.achieved", { time: clock(o.achievedAt) }) : null;
      return h("li", { class: `cx-objective r-${o.rating}${o.open ? " is-open" : ""}`, testid: "objective-row", "data-objective": o.id, "data-rating": o.rating },
        h("div", { class: `cx-rating r-${o.rating}`, title: t(o.word) }, sym(RATING_SYMBOL[o.rating]), h("b", { text: o.rating })),
        h("div", { class: "cx-objective-main" },
          h("div", { class: "cx-objective-title" }, h("span", { text: tx(o.title) }), " ", h("span", { class: "cx-word", text: `— ${t(o.word)}` })),
          h("div", { class: "cx-muted" }, t("console:objectives.rated", { roles: o.rated.map((r) => tx(r.title ?? undefined) || r.id).join(", ") }), " · ", t("console:objectives.weight", { w: o.weight })),
          state ? h("div", { class: o.open ? "cx-open" : "cx-muted" }, o.open ? sym("◷") : sym("✓"), " ", state) : null,
          o.reasons.length ? h("ul", { class: "cx-reasons", "aria-label": t("console:objectives.reasons") }, ...o.reasons.map((r) => h("li", { text: r }))) : null));
    }));
  };
  update();
  return { el: s.el, update };
}

// --- legal findings ------------------------------------------------------------------------------------
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
function ruleTextSafe(code: string, lang: string): string {
  try { return ruleText(code as ViolationCode, lang); } catch { return ""; }
}

// --- participants -------------------------------------------------------------------------------------
export function participantList(ctx: Ctx, withAssign: boolean): { el: HTMLElement; update(): void } {
  const { store, net } = ctx;
  const list = h("div", { class: "cx-participants" });
  const s = section(t("console:participants.title"), "cx-participants-section", list);
  let who: HTMLSelectElement | null = null;
  let role: HTMLSelectElement | null = null;
  let assignBox: HTMLElement | null = null;
  const said = h("div", { class: "cx-ok", role: "status" });
  if (withAssign) {
    who = h("select", { testid: "assign-who", "data-keep": "assign-who" });
    role = h("select", { testid: "assign-role", "data-keep": "assign-role" });
    const go = h("button", { type: "button", testid: "assign-send" }, t("console:participants.assignSend"));
    go.onclick = () => {
      if (!who?.value || !role?.value) return;
      net.control({ action: "assign", participant: who.value, role: role.value });
      const sc = store.m.scenario;
      const person = store.m.participants.find((p) => p.id === who?.value)?.pseudonym ?? who.value;
      said.textContent = t("console:participants.assigned", { who: person, role: sc ? namer(sc)(role.value) : role.value });
    };
    assignBox = h("div", { class: "cx-assign" },
      h("h4", { text: t("console:participants.assign") }),
      h("label", {}, h("span", { class: "cx-label", text: t("console:participants.assignWho") }), who),
      h("label", {}, h("span", { class: "cx-label", text: t("console:participants.assignRole") }), role),
      go, said);
    s.el.append(assignBox);
  }
  let last = "";
  const update = () => {
    const sc = store.m.scenario;
    if (!sc) return;
    const groups = participantRows(store.m.participants, sc);
    const sig = JSON.stringify(groups);
    if (sig === last) return;
    last = sig;
    const name = namer(sc);
    list.replaceChildren(...groups.map((g) => {
      const title = g.kind === "role" ? tx(g.title ?? undefined) || g.role : g.kind === "other" ? t("console:participants.group.other", { role: g.role }) : t(`console:participants.group.${g.kind}`);
      const flag = g.empty && g.kind === "role" ? t("console:participants.empty") : g.unstaffed ? t("console:participants.unstaffed") : g.over ? t("console:participants.over", { max: g.max }) : null;
      return h("div", { class: `cx-group${flag ? " is-flagged" : ""}`, "data-role": g.role, "data-empty": String(g.empty) },
        h("div", { class: "cx-group-head" }, h("b", { text: title }), " ", h("code", { class: "cx-id", text: g.kind === "role" ? g.role : "" }),
          h("span", { class: "cx-count", text: t("console:participants.count", { connected: g.connected, total: g.players.length }) })),
        flag ? h("div", { class: "cx-flag" }, sym("⚠"), " ", flag) : null,
        g.players.length ? h("ul", { class: "cx-players" }, ...g.players.map((p) => h("li", { class: `cx-player ${p.connected ? "is-on" : "is-off"}`, testid: "participant", "data-role": g.role, "data-connected": String(p.connected), "data-pseudonym": p.pseudonym },
          h("span", { class: "cx-conn" }, sym(p.connected ? "●" : "○"), " ", t(p.connected ? "console:participants.online" : "console:participants.offline")),
          h("b", { text: p.pseudonym }),
          h("span", { class: "cx-muted", text: t(`console:participants.kind.${p.kind}`, { defaultValue: p.kind }) })))) : null);
    }));
    if (who && role && assignBox) {
      // One entry per person (display names need not be unique): assignment goes by participant id.
      const trainees = store.m.participants.filter((p) => p.kind === "trainee").sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : a.id < b.id ? -1 : 1));
      options(who, trainees.map((p) => ({ value: p.id, label: `${p.pseudonym} (${name(p.role)})` })));
      options(role, sc.roles.map((r) => ({ value: r.id, label: tx(r.title) || r.id })));
      assignBox.classList.toggle("is-empty", trainees.length === 0);
      who.disabled = trainees.length === 0;
      if (trainees.length === 0) said.textContent = t("console:participants.assignNone");
      else if (said.textContent === t("console:participants.assignNone")) said.textContent = "";
    }
  };
  update();
  return { el: s.el, update };
}

// --- who exercise control plays ----------------------------------------------------------------------
function playedList(scenario: Scenario): HTMLElement {
  const played = instructorParties(scenario);
  const s = section(t("console:parties.title"), "cx-played");
  s.el.append(played.length
    ? h("ul", { class: "cx-played-list", testid: "played-parties" }, ...played.map((p) => h("li", { "data-party": p.id },
        h("b", { text: tx(p.name) || p.id }), " ", h("span", { class: "cx-tag", text: `${p.country} · ${t(`console:parties.${p.kind}`)}` }), " ", h("code", { class: "cx-id", text: p.id }))))
    : h("p", { class: "cx-muted", text: t("console:parties.none") }));
  s.el.append(h("p", { class: "cx-muted", text: t("console:parties.hint") }));
  return s.el;
}

// --- ad-hoc injects ------------------------------------------------------------------------------------
function adhocForm(ctx: Ctx, sent: Set<string>): HTMLElement {
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

// --- the panel ------------------------------------------------------------------------------------------
const sentAdhoc = new Map<string, Set<string>>();
/** What was typed in the console's forms, by exercise, kept across tab switches. */
const drafts = new Map<string, Map<string, string | string[] | boolean>>();

export const mountConsole: Mount = (el, ctx) => {
  const { store } = ctx;
  const root = h("div", { class: "cx cx-console", testid: "console" });
  el.append(root);
  let parts: { update(): void; dispose?(): void; topics: Parameters<Store["on"]>[0][] }[] = [];
  let kept = new Map<string, string | string[] | boolean>();

  const build = () => {
    for (const p of parts) p.dispose?.();
    kept = root.childElementCount ? keepValues(root) : (drafts.get(store.m.exerciseId) ?? kept);
    root.replaceChildren();
    parts = [];
    const sc = store.m.scenario;
    if (!sc) { root.append(h("p", { class: "cx-muted", text: t("console:waiting") })); return; }
    let sent = sentAdhoc.get(store.m.exerciseId);
    if (!sent) sentAdhoc.set(store.m.exerciseId, (sent = new Set()));
    const clockPart = clockBar(ctx, true);
    const injects = injectList(ctx, false);
    const objectives = objectiveList(ctx);
    const violations = violationList(ctx);
    const participants = participantList(ctx, true);
    parts = [
      { ...clockPart, topics: ["phase", "tick"] },
      { ...injects, topics: ["console", "tick", "phase"] },
      { ...objectives, topics: ["console"] },
      { ...violations, topics: ["console"] },
      { ...participants, topics: ["participants"] },
    ];
    root.append(
      h("h2", { class: "cx-title", text: t("console:title") }),
      clockPart.el,
      h("div", { class: "cx-columns" },
        h("div", { class: "cx-col-main" }, injects.el, adhocForm(ctx, sent)),
        h("div", { class: "cx-col-side" }, objectives.el, violations.el, participants.el, playedList(sc))),
    );
    restoreValues(root, kept);
  };

  build();
  const offs = [
    store.on("seat", build),
    store.on("lang", build),
    ...(["phase", "tick", "console", "participants"] as const).map((topic) => store.on(topic, () => { for (const p of parts) if (p.topics.includes(topic)) p.update(); })),
  ];
  return () => {
    for (const off of offs) off();
    for (const p of parts) p.dispose?.();
    if (store.m.scenario) drafts.set(store.m.exerciseId, keepValues(root));
    root.remove();
  };
};
