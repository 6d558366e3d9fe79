// Who is connected, by role, for both staff views; exercise control also assigns a trainee to a
// role from here. Assignment goes by participant id, since display names need not be unique.
import type { Ctx } from "../../exercise/ctx.ts";
import { t, tx } from "../../i18n/index.ts";
import { participantRows } from "../../views/console/participants.ts";
import { h, options, section, sym } from "./dom.ts";
import { namer } from "./words.ts";

/** The participants section; `withAssign` adds exercise control's role assignment. */
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
