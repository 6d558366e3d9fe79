// The exercise page: joins the room of this tab's session (or opens a finished exercise's debrief
// for staff), then lays out the map and the side panels for the seat: trainee, exercise control or
// evaluator. Panels are mounted one at a time; the keyboard drives units and orders.
import { UI_LANGUAGES, LANGUAGE_NAMES, initI18n, lang, setLanguage, t, tx, type UiLanguage } from "../i18n/index.ts";
import { mountActs } from "../panels/acts.ts";
import { mountBriefing, rulesCardElement } from "../panels/briefing.ts";
import { mountComms } from "../panels/comms.ts";
import { mountConsole } from "../panels/console.ts";
import { mountDebrief } from "../panels/debrief.ts";
import { mountDecisions } from "../panels/decisions.ts";
import { clock, el } from "../panels/dom.ts";
import { mountEvaluator } from "../panels/evaluator.ts";
import { mountLobby } from "../panels/lobby.ts";
import { borderWarnings, mountUnits, ownUnits } from "../panels/units.ts";
import { inbox, unreadCount } from "../views/comms.ts";
import { keyAction } from "../views/orders.ts";
import type { Ctx, Net } from "./ctx.ts";
import { mountLiveMap } from "./live-map.ts";
import { connect, readSession } from "./net.ts";
import { OrderController } from "./order-controller.ts";
import { Store } from "./store.ts";
import type { Debrief } from "../../shared/protocol.ts";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
type Tab = "lobby" | "briefing" | "units" | "comms" | "decisions" | "acts" | "rules" | "console" | "evaluate";

const store = new Store();
let ctx: Ctx;
let orders: OrderController;
let tab: Tab = "lobby";
let unmount: () => void = () => undefined;
let mapHandle: { view: { focus(x: number, y: number): void }; destroy: () => void } | null = null;

function tabsFor(): Tab[] {
  const kind = store.m.seat?.kind;
  if (kind === "instructor") return ["console", "comms", "decisions", "acts", "units", "briefing", "rules"];
  if (kind === "evaluator") return ["evaluate", "comms", "decisions", "acts", "briefing", "rules", "lobby"];
  return ["lobby", "briefing", "units", "comms", "decisions", "acts", "rules"];
}

function mountTab(which: Tab): void {
  const panel = $("panel");
  unmount();
  panel.replaceChildren();
  panel.dataset.tab = which;
  const box = el("div", { class: `panel-${which}` });
  panel.append(box);
  if (which === "lobby") unmount = mountLobby(box, ctx);
  else if (which === "briefing") unmount = mountBriefing(box, ctx);
  else if (which === "units") unmount = mountUnits(box, ctx, orders);
  else if (which === "comms") unmount = mountComms(box, ctx);
  else if (which === "decisions") unmount = mountDecisions(box, ctx);
  else if (which === "acts") unmount = mountActs(box, ctx);
  else if (which === "console") unmount = mountConsole(box, ctx);
  else if (which === "evaluate") unmount = mountEvaluator(box, ctx);
  else if (which === "rules") {
    const render = () => box.replaceChildren(rulesCardElement(ctx));
    render();
    unmount = store.on("lang", render);
  }
}

let shownUnread = -1;
function renderTabs(): void {
  const nav = $("tabs");
  shownUnread = unreadNow();
  const unread = shownUnread;
  nav.replaceChildren(...tabsFor().map((x) => {
    const b = el("button", { type: "button", role: "tab", "data-testid": `tab-${x}`, "aria-selected": String(x === tab) }, t(`tabs.${x}`));
    if (x === "comms" && unread > 0) b.append(el("span", { class: "count", "aria-label": t("shell.unread", { count: unread }) }, ` (${unread})`));
    b.onclick = () => show(x);
    return b;
  }));
}

function unreadNow(): number {
  const seat = store.m.seat;
  // Unread as the comms panel counts it (its read marks are kept per exercise and role in this tab).
  const read = new Set(JSON.parse(sessionStorage.getItem(`jointex.read.${store.m.exerciseId}.${seat?.role ?? ""}`) ?? "[]") as string[]);
  return seat ? unreadCount(inbox(store.m.comms, seat, { read, ...(store.m.scenario ? { scenario: store.m.scenario } : {}) })) : 0;
}

function show(which: Tab): void {
  tab = which;
  mountTab(which);
  renderTabs();
}

/** The tab a phase brings forward for each kind of seat. */
function tabForPhase(): Tab {
  const kind = store.m.seat?.kind;
  const phase = store.m.phase;
  if (kind === "instructor") return "console";
  if (kind === "evaluator") return phase === "lobby" ? "lobby" : "evaluate";
  if (phase === "lobby") return "lobby";
  if (phase === "briefing") return "briefing";
  return "units";
}

function renderShell(): void {
  const m = store.m;
  document.documentElement.lang = lang();
  $("title").textContent = m.scenario ? tx(m.scenario.meta.title) : "";
  $("phase").textContent = t(`phase.${m.phase}`);
  $("phase").dataset.phase = m.phase;
  $("clock").textContent = clock(m.tick);
  $("clock").title = t("shell.clock");
  $("speed").textContent = m.phase === "running" && m.speed !== 1 ? t("shell.speed", { speed: m.speed }) : "";
  const role = m.seat ? (m.seat.kind === "trainee" ? tx(m.scenario?.roles.find((r) => r.id === m.seat?.role)?.title) || m.seat.role : t(`kind.${m.seat.kind}`)) : "";
  $("seat").textContent = m.seat ? t("shell.you", { name: m.seat.pseudonym, role }) : "";
  $("help").textContent = m.seat?.kind === "evaluator" || m.phase === "debrief" ? "" : t("shell.help");
  $("lang-label").textContent = t("language");
  $("map-pane").setAttribute("aria-label", t("shell.map"));
}

function languageSelect(): void {
  const sel = $("lang") as HTMLSelectElement;
  sel.replaceChildren(...UI_LANGUAGES.map((l) => el("option", { value: l, ...(l === lang() ? { selected: "" } : {}) }, LANGUAGE_NAMES[l] ?? l)));
  sel.onchange = async () => {
    await setLanguage(sel.value as UiLanguage);
    renderShell();
    renderTabs();
    store.emit("lang");
  };
}

function onKey(e: KeyboardEvent): void {
  const target = e.target as HTMLElement | null;
  if (target && (target.closest("input, textarea, select, [contenteditable=true]") || target.isContentEditable)) return;
  if (!store.m.seat || store.m.seat.kind === "evaluator" || store.m.phase === "debrief") return;
  const a = keyAction(e.key, { ctrl: e.ctrlKey, alt: e.altKey, meta: e.metaKey });
  if (!a) return;
  const units = ownUnits(ctx);
  if (a.kind === "select") { const u = units[a.index]; if (u) { store.select(u.id); mapHandle?.view.focus(u.x, u.y); } }
  else if (a.kind === "next_unit") {
    const k = units.findIndex((u) => u.id === store.m.selected);
    const u = units[(k + a.step + units.length) % units.length];
    if (u) store.select(u.id);
  } else if (a.kind === "arm") orders.arm(a.order);
  else if (a.kind === "cancel") orders.cancel();
  else if (a.kind === "focus_map") ($("map-pane").querySelector("canvas") ?? $("map-pane")).focus();
  e.preventDefault();
}

function showDebrief(): void {
  if (!store.m.debrief) return;
  store.m.notice = null;
  renderNotice();
  unmount();
  unmount = () => undefined;
  mapHandle?.destroy();
  mapHandle = null;
  $("app").hidden = true;
  renderShell();
  const pane = $("debrief-pane");
  pane.hidden = false;
  mountDebrief(pane, ctx);
}

/**
 * The border banner over the map, whatever tab is open: the newest warning of the role's own units
 * (nearing or past a border) with the rules that apply there. A crossing is announced once per unit.
 */
let bannerKey = "";
function renderBorderBanner(): void {
  const m = store.m;
  const box = $("border-banner");
  if (!m.scenario || m.seat?.kind !== "trainee" || m.phase === "debrief") return void (box.hidden = true);
  const ws = borderWarnings(ctx);
  const key = JSON.stringify(ws.map((w) => [w.unit, w.kind, w.into]));
  if (key === bannerKey) {
    // Same warnings, nearer or farther: the distance changes in place, without a new announcement.
    for (const w of ws) {
      const b = box.querySelector(`[data-unit="${CSS.escape(w.unit)}"] b`);
      if (b) b.textContent = `${w.kind === "crossed" ? "⚑" : "⚠"} ${w.text}`;
    }
    return;
  }
  bannerKey = key;
  box.hidden = ws.length === 0;
  box.replaceChildren(...ws.slice(0, 3).map((w) => el("div", { class: `border-warning ${w.kind}`, "data-testid": "border-banner-item", "data-unit": w.unit, "data-kind": w.kind, role: w.kind === "crossed" ? "alert" : "status" },
    el("b", {}, `${w.kind === "crossed" ? "⚑" : "⚠"} ${w.text}`),
    el("details", {}, el("summary", {}, t("border.rulesNow")), el("ul", {}, ...w.rules.map((r) => el("li", {}, r)))))));
}

function renderNotice(): void {
  const n = store.m.notice;
  const box = $("notice");
  box.textContent = n ? `${n.level === "error" ? "✖" : n.level === "warn" ? "⚠" : "✓"} ${n.text}` : "";
  box.dataset.level = n?.level ?? "";
}

/** Staff open a finished exercise's debrief from the staff desk: /exercise.html?replay=<id>. */
async function openReplay(id: string): Promise<void> {
  const staff = JSON.parse(sessionStorage.getItem("jointex.staff") ?? "null") as { token: string; user: { username: string; role: string } } | null;
  if (!staff) throw new Error(t("shell.noSession"));
  const res = await fetch(`/api/exercises/${encodeURIComponent(id)}/replay`, { headers: { authorization: `Bearer ${staff.token}` } });
  if (!res.ok) throw new Error(((await res.json()) as { reason?: string }).reason ?? res.statusText);
  const d = (await res.json()) as Debrief;
  store.m.seat = { role: staff.user.role === "evaluator" ? "evaluator" : "instructor", kind: staff.user.role === "evaluator" ? "evaluator" : "instructor", pseudonym: staff.user.username };
  store.m.scenario = d.scenario;
  store.m.phase = "debrief";
  store.m.tick = d.ticks;
  store.m.exerciseId = d.exerciseId;
  store.m.debrief = d;
}

async function main(): Promise<void> {
  await initI18n();
  languageSelect();
  renderShell();
  store.on("notice", renderNotice);
  const replayId = new URLSearchParams(location.search).get("replay");
  const noNet: Net = { command: () => undefined, control: () => undefined, evaluate: () => undefined };
  if (replayId) {
    ctx = { store, net: noNet };
    orders = new OrderController(store, noNet);
    await openReplay(replayId);
    renderShell();
    showDebrief();
    document.body.dataset.ready = "true";
    return;
  }
  const session = readSession();
  if (!session) throw new Error(t("shell.noSession"));
  const deferred: Net = { command: (c) => net.command(c), control: (c) => net.control(c), evaluate: (e) => net.evaluate(e) };
  let net: Net = noNet;
  ctx = { store, net: deferred };
  orders = new OrderController(store, deferred);
  // A welcome comes on joining, after a reconnection and on a new role: the tab moves only when the
  // seat is new or changed (a reconnection must not throw away what the trainee was typing).
  let seatKey = "";
  let mapping = false;
  store.on("seat", async () => {
    renderShell();
    const key = JSON.stringify(store.m.seat);
    if (key !== seatKey) { seatKey = key; show(tabForPhase()); }
    if (!mapHandle && !mapping && store.m.phase !== "debrief") {
      mapping = true;
      mapHandle = await mountLiveMap($("map-pane"), store, orders);
      document.body.dataset.ready = "true";
    }
  });
  // The phase brings its tab forward only when the work changes (lobby, briefing, start); a pause
  // or a resume leaves the trainee where they are.
  let lastPhase = store.m.phase;
  store.on("phase", () => {
    renderShell();
    const from = lastPhase;
    const to = store.m.phase;
    lastPhase = to;
    const moved = to === "lobby" || to === "briefing" || (to === "running" && (from === "lobby" || from === "briefing" || from === "connecting"));
    if (to !== "debrief" && moved) show(tabForPhase());
  });
  store.on("tick", () => { renderShell(); renderBorderBanner(); });
  store.on("read", () => { if (unreadNow() !== shownUnread) renderTabs(); });
  store.on("lang", async () => {
    bannerKey = "";
    renderBorderBanner();
    // Place names are drawn into the map: a new language needs a new map.
    if (mapHandle) {
      mapHandle.destroy();
      mapHandle = await mountLiveMap($("map-pane"), store, orders);
    }
  });
  store.on("comms", () => renderTabs());
  store.on("debrief", showDebrief);
  window.addEventListener("keydown", onKey);
  net = (await connect(store, session)).net;
  // Tests read the live state from here; nothing else uses it.
  (window as unknown as { jointex: unknown }).jointex = { store, map: () => mapHandle?.view };
}

main().catch((e: unknown) => {
  const raw = e instanceof Error ? e.message : String(e);
  // The room's refusals start with their code: say them in the interface language.
  const code = /^(join\/[a-z_]+)/.exec(raw)?.[1];
  const msg = code === "join/role_full" ? t("shell.roleFull") : code === "join/refused" ? t("shell.joinRefused") : raw;
  $("app").replaceChildren(el("div", { class: "fatal", "data-testid": "fatal" }, el("p", {}, t("shell.failed", { reason: msg })), el("a", { href: "/" }, t("shell.back"))));
  document.body.dataset.ready = "true";
});
