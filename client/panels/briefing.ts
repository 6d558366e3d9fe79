// The briefing: the situation, the role's own briefing and objectives, its units and desks, and the
// rules card (what the role's officers may do abroad and foreign officers at home).
import { rulesCard } from "../../shared/rules-card.ts";
import type { Ctx } from "../exercise/ctx.ts";
import { lang, t, tx } from "../i18n/index.ts";
import { clock, el } from "./dom.ts";

export function rulesCardElement(ctx: Ctx): HTMLElement {
  const m = ctx.store.m;
  const box = el("section", { class: "rules-card", "data-testid": "rules-card" });
  if (!m.scenario || !m.seat) return box;
  const l = lang();
  // Exercise control and evaluators see the card of every role's country.
  const roles = m.seat.kind === "trainee" ? [m.seat.role] : m.scenario.roles.map((r) => r.id);
  const seen = new Set<string>();
  const sections = roles.flatMap((r) => rulesCard(m.scenario!, r, l)).filter((s) => { const k = `${s.host}<${s.sending}`; if (seen.has(k)) return false; seen.add(k); return true; });
  box.append(el("h3", {}, t("briefing.rules")), el("p", { class: "muted" }, t("briefing.rulesHint")));
  if (!sections.length) box.append(el("p", {}, t("briefing.noRules")));
  for (const s of sections) {
    box.append(el("div", { class: `rules-section ${s.direction}`, "data-testid": "rules-section", "data-host": s.host, "data-sending": s.sending },
      el("h4", {}, `${s.direction === "abroad" ? "→" : "←"} ${s.title} (${s.sending} → ${s.host})`),
      el("ul", {}, ...s.lines.map((x) => el("li", {}, x))),
      ...(s.sources.length ? [el("details", {}, el("summary", {}, t("briefing.sources")), ...s.sources.map((x) => el("p", { class: "source" }, x)))] : []),
    ));
  }
  return box;
}

export function mountBriefing(root: HTMLElement, ctx: Ctx): () => void {
  const store = ctx.store;
  const render = () => {
    const m = store.m;
    const sc = m.scenario;
    if (!sc || !m.seat) return void root.replaceChildren();
    const seat = m.seat;
    const roles = seat.kind === "trainee" ? sc.roles.filter((r) => r.id === seat.role) : sc.roles;
    const unitName = (id: string) => sc.units.find((u) => u.id === id)?.callsign ?? id;
    const deskName = (id: string) => tx(sc.desks.find((d) => d.id === id)?.name) || id;
    root.replaceChildren(
      el("h2", {}, tx(sc.meta.title)),
      el("h3", {}, t("briefing.situation")),
      el("p", { class: "briefing-text", "data-testid": "briefing-general" }, tx(sc.meta.briefing)),
      ...roles.map((r) => el("section", { class: "role-brief", "data-testid": "role-briefing", "data-role": r.id },
        el("h3", {}, `${t(seat.kind === "trainee" ? "briefing.yourRole" : "briefing.role")}: ${tx(r.title)}`),
        ...(r.briefing ? [el("p", { class: "briefing-text" }, tx(r.briefing))] : []),
        ...(r.units.length ? [el("p", {}, el("b", {}, `${t("briefing.units")}: `), r.units.map(unitName).join(", "))] : []),
        ...(r.desks.length ? [el("p", {}, el("b", {}, `${t("briefing.desks")}: `), r.desks.map(deskName).join(", "))] : []),
      )),
      el("h3", {}, t("briefing.objectives")),
      el("ol", { class: "objectives", "data-testid": "objectives" }, ...sc.objectives.map((o) => el("li", { "data-objective": o.id },
        el("b", {}, tx(o.title)),
        ...(o.by !== undefined ? [" ", el("span", { class: "muted" }, t("briefing.by", { time: clock(o.by) }))] : []),
        ...(o.description ? [el("div", { class: "muted" }, tx(o.description))] : []),
      ))),
      rulesCardElement(ctx),
    );
  };
  render();
  const offs = [store.on("seat", render), store.on("lang", render)];
  return () => offs.forEach((f) => f());
}
