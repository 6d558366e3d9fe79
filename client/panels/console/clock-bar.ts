// The clock bar at the top of both staff views: phase and exercise time for everyone, and for
// exercise control the controls that move the exercise on (brief, start, pause, resume, speed, end).
// Ending asks for a confirmation in place: it cannot be undone.
import type { Ctx } from "../../exercise/ctx.ts";
import type { Phase } from "../../exercise/store.ts";
import { t } from "../../i18n/index.ts";
import { clock, storyTime } from "../../views/console/format.ts";
import { h, options, sym } from "./dom.ts";

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
