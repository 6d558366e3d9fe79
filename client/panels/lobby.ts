// The lobby: every role of the exercise with who is in it and whether they are connected (text and
// symbol, not colour alone), while exercise control prepares the briefing.
import type { Ctx } from "../exercise/ctx.ts";
import { t, tx } from "../i18n/index.ts";
import { el } from "./dom.ts";

export function mountLobby(root: HTMLElement, ctx: Ctx): () => void {
  const store = ctx.store;
  const render = () => {
    const m = store.m;
    const roles = m.scenario?.roles ?? [];
    const people = m.participants;
    const countryOf = new Map(m.scenario?.parties.map((p) => [p.id, p.country]) ?? []);
    const rows = roles.map((r) => {
      const here = people.filter((p) => p.kind === "trainee" && p.role === r.id);
      return el("tr", { "data-testid": "lobby-role", "data-role": r.id },
        el("td", {}, el("b", {}, tx(r.title)), " ", el("span", { class: "country-code" }, countryOf.get(r.party) ?? "")),
        el("td", {}, ...(here.length ? here.map((p) => el("div", { "data-testid": "lobby-person", "data-connected": String(p.connected) }, `${p.connected ? t("lobby.online") : t("lobby.offline")} ${p.pseudonym}${p.pseudonym === m.seat?.pseudonym && p.role === m.seat?.role ? ` (${t("lobby.you")})` : ""}`)) : [el("span", { class: "muted" }, t("lobby.empty"))])),
      );
    });
    const staff = people.filter((p) => p.kind !== "trainee");
    root.replaceChildren(
      el("h2", {}, t("lobby.title")),
      el("p", { class: "muted" }, m.phase === "lobby" ? t("lobby.waiting") : t(`phase.${m.phase}`)),
      el("table", { class: "lobby" }, el("thead", {}, el("tr", {}, el("th", {}, t("lobby.role")), el("th", {}, t("lobby.people")))), el("tbody", {}, ...rows)),
      ...(staff.length ? [el("p", { class: "muted" }, staff.map((p) => `${p.connected ? "●" : "○"} ${p.pseudonym} (${t(`kind.${p.kind}`)})`).join(" · "))] : []),
    );
  };
  render();
  const offs = [store.on("participants", render), store.on("seat", render), store.on("phase", render), store.on("lang", render)];
  return () => offs.forEach((f) => f());
}
