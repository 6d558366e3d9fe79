// The live map: one MapView fed from the store on every patch (positions glide over the time since
// the previous patch), selection and targets handed to the order controller, the armed order shown.
import type { MapFrame, MapView } from "../map/map-view.ts";
import { lang, t } from "../i18n/index.ts";
import { clock } from "../panels/dom.ts";
import { ownUnitIds } from "../panels/units.ts";
import type { OrderController } from "./order-controller.ts";
import type { Store } from "./store.ts";

/** The map frame of the store's picture: own units flagged (a trainee's role units; exercise control: the units it plays). */
export function liveFrame(store: Store): MapFrame {
  const m = store.m;
  const mine = ownUnitIds(m);
  return {
    tick: m.tick,
    units: [...m.units.values()].map((u) => ({ id: u.id, callsign: u.callsign, type: u.type, party: u.party, country: u.country, x: u.x, y: u.y, order: u.order, active: u.active, own: mine.has(u.id) })),
    actors: [...m.actors.values()].map((a) => ({ id: a.id, kind: a.kind, name: a.name, state: a.lostAt === undefined ? a.state : t("units.lastSeen", { time: clock(a.lostAt) }), x: a.x, y: a.y, level: a.level })),
    crowds: [...m.crowds.entries()].map(([id, xy]) => ({ id, xy })),
  };
}

export async function mountLiveMap(parent: HTMLElement, store: Store, orders: OrderController): Promise<{ view: MapView; destroy: () => void }> {
  const { MapView } = await import("../map/map-view.ts");
  const scenario = store.m.scenario;
  if (!scenario) throw new Error("no scenario yet");
  const view = await MapView.create({
    parent, map: scenario.map, lang: lang(),
    onSelect: (id) => store.select(id),
    onTarget: (target) => orders.target(target),
  });
  let lastAt = performance.now();
  const draw = () => {
    const now = performance.now();
    // Glide over the time the last patch took to come, within reason.
    view.setFrame(liveFrame(store), Math.min(400, Math.max(50, now - lastAt)));
    lastAt = now;
  };
  draw();
  view.fitAll();
  const offs = [
    store.on("tick", draw),
    store.on("selection", () => view.setSelected(store.m.selected)),
    orders.onChange(() => view.setArmedOrder(orders.armed ? t(`orders.${orders.armed}`) : null)),
  ];
  return { view, destroy: () => { offs.forEach((f) => f()); view.destroy(); } };
}
