// The order being given: which order is armed and waiting for its target, shared by the units panel,
// the map and the keyboard. A target completes it into a command (views/orders.ts decides how).
import type { OrderType } from "../../shared/scenario/vocab.ts";
import { t } from "../i18n/index.ts";
import type { MapTarget } from "../map/map-view.ts";
import { mayTakeTarget, needsTarget, orderCommand } from "../views/orders.ts";
import type { Net } from "./ctx.ts";
import type { Store } from "./store.ts";

export class OrderController {
  armed: OrderType | null = null;
  private readonly listeners = new Set<() => void>();
  constructor(private readonly store: Store, private readonly net: Net) {}

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  private changed(): void { for (const fn of this.listeners) fn(); }

  /** Arm an order; one without a target goes at once; an optional one goes on a second press of its key. */
  arm(order: OrderType): void {
    if (!this.store.m.selected) return void this.store.notify("warn", t("units.needUnit"));
    if (mayTakeTarget(order) && this.armed === order) return void this.give(order, undefined);
    if (!needsTarget(order) && !mayTakeTarget(order)) return void this.give(order, undefined);
    this.armed = order;
    this.changed();
  }

  cancel(): void {
    if (this.armed === null) return;
    this.armed = null;
    this.changed();
  }

  /** A target picked on the map or in a list: completes the armed order, or gives the obvious one. */
  target(target: MapTarget): void {
    const order = this.armed ?? defaultOrder(target, this.store);
    if (!order) return;
    this.give(order, target);
  }

  give(order: OrderType, target: MapTarget | undefined, selfDefence = false): boolean {
    const unit = this.store.m.selected;
    const r = orderCommand({ unit, order, target, selfDefence });
    if (!r.ok) {
      this.store.notify("warn", t(r.reason === "need_unit" ? "units.needUnit" : r.reason === "wrong_target" ? "units.wrongTarget" : "units.needTarget"));
      return false;
    }
    this.net.command(r.command);
    const callsign = unit ? this.store.m.units.get(unit)?.callsign ?? unit : "";
    this.store.notify("info", t("units.sent", { order: t(`orders.${order}`), unit: callsign }));
    this.armed = null;
    this.changed();
    return true;
  }
}

/** Right click without an armed order: pursue a fleeing vehicle, otherwise move there (next to a crowd or a unit). */
function defaultOrder(target: MapTarget, store: Store): OrderType {
  if (target.kind === "actor" && store.m.actors.get(target.id)?.kind === "fleeing_vehicle") return "pursue";
  return "move";
}
