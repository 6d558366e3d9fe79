// The units panel: the role's units (numbered for the keyboard), their status and where they are,
// order buttons with their keys, a target list for those who do not use the map, the border warning
// of each unit with the rules that now apply, and what else is in view.
import type { OrderType } from "../../shared/scenario/vocab.ts";
import { ORDER_TYPES } from "../../shared/scenario/vocab.ts";
import { borderWarning, type BorderWarning } from "../../shared/rules-card.ts";
import type { Ctx } from "../exercise/ctx.ts";
import type { OrderController } from "../exercise/order-controller.ts";
import type { Store, UnitSnap } from "../exercise/store.ts";
import { lang, t, tx } from "../i18n/index.ts";
import type { MapTarget } from "../map/map-view.ts";
import { COMMON_ORDERS, keyOf, ORDER_TARGET } from "../views/orders.ts";
import { clock, el } from "./dom.ts";

/** Own units: a trainee's role's units; for exercise control, the units no role commands (the parties it plays). */
export function ownUnits(ctx: Ctx): UnitSnap[] {
  const mine = ownUnitIds(ctx.store.m);
  return [...ctx.store.m.units.values()].filter((u) => mine.has(u.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Warnings for the role's deployed units nearing or past a border, in the interface language. */
export function borderWarnings(ctx: Ctx): BorderWarning[] {
  const sc = ctx.store.m.scenario;
  if (!sc) return [];
  return ownUnits(ctx).filter((u) => u.active).flatMap((u) => { const w = borderWarning(sc, u, lang()); return w ? [w] : []; });
}

export function ownUnitIds(m: Store["m"]): Set<string> {
  if (!m.seat || !m.scenario) return new Set();
  if (m.seat.kind === "trainee") return new Set(m.scenario.roles.find((r) => r.id === m.seat?.role)?.units ?? []);
  if (m.seat.kind !== "instructor") return new Set();
  const commanded = new Set(m.scenario.roles.flatMap((r) => r.units));
  return new Set(m.scenario.units.filter((u) => !commanded.has(u.id)).map((u) => u.id));
}

function targetOptions(ctx: Ctx, order: OrderType): { value: string; label: string; target: MapTarget }[] {
  const m = ctx.store.m;
  const kind = ORDER_TARGET[order];
  const out: { value: string; label: string; target: MapTarget }[] = [];
  if (kind === "actor" || kind === "place" || kind === "actor_or_site" || kind === "optional_actor") for (const a of m.actors.values()) out.push({ value: `actor:${a.id}`, label: `◆ ${a.name}${a.lostAt !== undefined ? ` (${t("units.lastSeen", { time: clock(a.lostAt) })})` : ""}`, target: { kind: "actor", id: a.id } });
  if (kind === "place" || kind === "site" || kind === "optional_site" || kind === "actor_or_site") for (const s of m.scenario?.map.sites ?? []) out.push({ value: `site:${s.id}`, label: `▣ ${tx(s.name)}`, target: { kind: "site", id: s.id } });
  if (kind === "place") for (const u of m.units.values()) if (u.id !== m.selected) out.push({ value: `unit:${u.id}`, label: `● ${u.callsign} (${u.country})`, target: { kind: "unit", id: u.id } });
  return out;
}

export function mountUnits(root: HTMLElement, ctx: Ctx, orders: OrderController): () => void {
  const store = ctx.store;
  const list = el("ol", { class: "unit-list", "data-testid": "unit-list" });
  const orderBar = el("div", { class: "order-bar", role: "toolbar", "aria-label": t("units.order") });
  const armedBox = el("div", { class: "armed", "data-testid": "armed", hidden: "" });
  const targetRow = el("div", { class: "target-row" });
  const warnings = el("div", { class: "border-warnings", "data-testid": "border-warnings", "aria-live": "polite" });
  const others = el("div", { class: "in-view" });
  root.replaceChildren(el("h2", {}, t("units.title")), list, orderBar, armedBox, targetRow, warnings, others);

  const renderOrders = () => {
    const extra = ORDER_TYPES.filter((o) => !COMMON_ORDERS.includes(o));
    orderBar.replaceChildren(
      ...COMMON_ORDERS.map((o) => {
        const key = keyOf(o);
        const b = el("button", { type: "button", "data-testid": `order-${o}`, "aria-pressed": String(orders.armed === o) }, `${t(`orders.${o}`)}${key ? ` [${key}]` : ""}`);
        b.onclick = () => orders.arm(o);
        return b;
      }),
      (() => {
        const sel = el("select", { "data-testid": "order-more", "aria-label": t("units.order") });
        sel.append(el("option", { value: "" }, "…"), ...extra.map((o) => el("option", { value: o }, t(`orders.${o}`))));
        sel.onchange = () => { if (sel.value) orders.arm(sel.value as OrderType); sel.value = ""; };
        return sel;
      })(),
    );
    armedBox.hidden = orders.armed === null;
    targetRow.replaceChildren();
    if (orders.armed) {
      const order = orders.armed;
      armedBox.textContent = t("units.armed", { order: t(`orders.${order}`) }) + (ORDER_TARGET[order] === "optional_actor" ? ` (${t("units.optionalTarget")})` : "");
      const opts = targetOptions(ctx, order);
      const sel = el("select", { "data-testid": "order-target", "aria-label": t("units.target") });
      sel.append(el("option", { value: "" }, t("units.pickTarget")), ...opts.map((o) => el("option", { value: o.value }, o.label)));
      const self = el("label", { class: "inline" }, el("input", { type: "checkbox", "data-testid": "order-self-defence" }), ` ${t("units.selfDefence")}`);
      const go = el("button", { type: "button", class: "primary", "data-testid": "order-give" }, t("units.give"));
      go.onclick = () => {
        const picked = opts.find((o) => o.value === sel.value);
        if (picked) orders.give(order, picked.target, (self.querySelector("input") as HTMLInputElement).checked);
        else if (ORDER_TARGET[order] === "optional_actor") orders.give(order, undefined);
        else store.notify("warn", t("units.needTarget"));
      };
      const cancel = el("button", { type: "button" }, `${t("units.cancel")} [Esc]`);
      cancel.onclick = () => orders.cancel();
      targetRow.append(sel, ...(order === "use_force" ? [self] : []), go, cancel);
    }
  };

  const renderUnits = () => {
    const m = store.m;
    const mine = ownUnits(ctx);
    if (!mine.length) {
      list.replaceChildren(el("li", { class: "muted" }, t("units.none")));
    } else {
      list.replaceChildren(...mine.map((u, k) => {
        const abroad = u.active && u.in && u.in !== u.country;
        const where = !u.active ? t("units.notDeployed") : u.in ? t(abroad ? "units.abroad" : "units.at", { country: u.in }) : "—";
        const li = el("li", { class: `unit${m.selected === u.id ? " selected" : ""}${u.active ? "" : " inactive"}`, "data-testid": "unit", "data-unit": u.id, "aria-selected": String(m.selected === u.id), tabindex: "0" },
          el("span", { class: "key" }, k < 9 ? String(k + 1) : ""),
          el("b", {}, u.callsign),
          el("span", { class: "country-code" }, u.country),
          el("span", { class: "where" }, where + (abroad ? " ⚑" : "")),
          el("span", { class: "order", "data-testid": "unit-order" }, u.order ? `${t(`orders.${u.order}`, { defaultValue: u.order })}${u.target ? ` → ${label(ctx, u.target)}` : ""}` : t("units.idle")),
        );
        li.onclick = () => store.select(u.id);
        li.onkeydown = (e) => { if (e.key === "Enter") store.select(u.id); };
        return li;
      }));
    }
    const ws = borderWarnings(ctx);
    warnings.replaceChildren(...ws.map((w) => el("div", { class: `border-warning ${w.kind}`, "data-testid": "border-warning", "data-unit": w.unit, "data-kind": w.kind, role: "alert" },
      el("b", {}, `${w.kind === "crossed" ? "⚑" : "⚠"} ${w.text}`),
      el("div", { class: "muted" }, t("border.rulesNow")),
      el("ul", {}, ...w.rules.map((r) => el("li", {}, r))),
    )));
    const mineIds = new Set(mine.map((u) => u.id));
    const otherUnits = [...m.units.values()].filter((u) => !mineIds.has(u.id));
    others.replaceChildren(
      ...(otherUnits.length ? [el("h3", {}, t("units.others")), el("ul", {}, ...otherUnits.map((u) => el("li", { "data-testid": "other-unit", "data-unit": u.id }, `○ ${u.callsign} (${u.country})${u.order ? ` · ${t(`orders.${u.order}`, { defaultValue: u.order })}` : ""}`)))] : []),
      ...(m.actors.size ? [el("h3", {}, t("units.actors")), el("ul", {}, ...[...m.actors.values()].map((a) => el("li", { "data-testid": "actor", "data-actor": a.id, ...(a.lostAt !== undefined ? { "data-lost": "true" } : {}) }, `${a.lostAt !== undefined ? "◇" : "◆"} ${a.name}${a.lostAt !== undefined ? ` · ${t("units.lastSeen", { time: clock(a.lostAt) })}` : a.state ? ` · ${t(`map:state.${a.state}`, { defaultValue: a.state.replaceAll("_", " ") })}` : ""}`)))] : []),
    );
  };

  let last = "";
  const onTick = () => {
    // Re-render only when something shown changed (the tick alone does not).
    const m = store.m;
    const key = JSON.stringify([ownUnits(ctx).map((u) => [u.id, u.order, u.target, u.in, u.active, Math.round(u.x / 100), Math.round(u.y / 100)]), [...m.units.keys()], [...m.actors.values()].map((a) => [a.id, a.state]), m.selected]);
    if (key !== last) { last = key; renderUnits(); }
  };
  renderOrders();
  renderUnits();
  const offs = [store.on("tick", onTick), store.on("selection", () => { last = ""; onTick(); }), store.on("seat", renderUnits), orders.onChange(renderOrders), store.on("lang", () => { renderOrders(); renderUnits(); })];
  return () => offs.forEach((f) => f());
}

function label(ctx: Ctx, id: string): string {
  const m = ctx.store.m;
  if (id.startsWith("[")) return id;
  return m.actors.get(id)?.name ?? m.units.get(id)?.callsign ?? tx(m.scenario?.map.sites.find((s) => s.id === id)?.name) ?? id;
}
