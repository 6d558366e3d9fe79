// Joint operations, Prüm Decision Art. 17-19: agreement first, conferred powers only, host officers
// present, host instructions followed, arms only as permitted.
import type { Ctx } from "../context.ts";
import { violation } from "../context.ts";
import { within } from "../movement.ts";
import type { UnitState } from "../types.ts";
import { EXECUTIVE_ORDERS, hostUnitsNear, lawFor, ORDER_POWER } from "./common.ts";

function activeInstructions(ctx: Ctx, unit: UnitState) {
  return ctx.state.instructions.filter((i) => i.lifted === null && i.host === unit.in && (i.to.includes(unit.role ?? "") || i.to.includes(unit.party)));
}

function inArea(ctx: Ctx, area: string | undefined, unit: UnitState): boolean {
  if (!area) return true;
  return unit.sites.includes(area) || within(unit.pos, ctx.world.sites.get(area)?.centre ?? [-1e9, -1e9], 150);
}

export function onJointOrder(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  const jo = lawFor(ctx, host, unit.country)?.joint_operations;
  if (!jo) return;
  const t = ctx.state.tick;
  const agreements = ctx.state.agreements.filter((a) => a.host === host && a.sending === unit.country);
  if (jo.agreement_required && agreements.length === 0 && order !== "withdraw") {
    violation(ctx, "jointop/no_agreement", unit.role, unit.id, `${unit.id} was deployed in ${host} before any operation agreement with ${unit.country}`, `${unit.id}|${host}`);
  }
  if (unit.order && jo.arms === "none" && ctx.world.scenario.units.find((u) => u.id === unit.id)?.armed) {
    violation(ctx, "jointop/arms_not_permitted", unit.role, unit.id, `${unit.id} carries arms, which ${host} does not permit for seconded officers`, `${unit.id}|${host}`);
  }
  for (const i of activeInstructions(ctx, unit)) {
    if (i.forbid.includes(order as never) && inArea(ctx, i.area, unit)) {
      violation(ctx, "jointop/ignored_host_instruction", unit.role, unit.id, `${order.replaceAll("_", " ")} was forbidden by ${host}'s instruction ${i.id}`, `${unit.id}|${i.id}|${order}|${t}`);
    }
  }
  if (!EXECUTIVE_ORDERS.has(order)) return;
  const power = ORDER_POWER[order];
  const conferred = new Set<string>([...jo.powers, ...agreements.flatMap((a) => a.powers)]);
  if (power && !conferred.has(power)) {
    violation(ctx, "jointop/power_not_conferred", unit.role, unit.id, `${host} has not conferred the power "${power.replaceAll("_", " ")}" on ${unit.country} officers`, `${unit.id}|${power}|${t}`);
  }
  if (hostUnitsNear(ctx, host, unit.pos, jo.host_presence_m).length === 0) {
    violation(ctx, "jointop/no_host_officer_present", unit.role, unit.id, `no ${host} officer within ${jo.host_presence_m} m of ${unit.id}`, `${unit.id}|${order}|${t}`);
  }
  if (order === "use_force" && jo.arms === "none") {
    violation(ctx, "jointop/arms_not_permitted", unit.role, unit.id, `${unit.id} used force with arms ${host} does not permit`, `${unit.id}|force|${t}`);
  }
}

/** An area a host has closed to the seconded officers. */
export function onJointSiteEntered(ctx: Ctx, unit: UnitState, site: string): void {
  for (const i of activeInstructions(ctx, unit)) {
    if (i.noEntry && i.area === site) violation(ctx, "jointop/ignored_host_instruction", unit.role, unit.id, `${unit.id} entered ${site}, which ${i.host} closed to it (${i.id})`, `${unit.id}|${i.id}|entry`);
  }
}
