// Joint operations, Prüm Decision Art. 17-19: agreement first, conferred powers only, host officers
// present, host instructions followed, arms only as permitted.
import type { Ctx } from "../context.ts";
import { violation } from "../context.ts";
import { within } from "../movement.ts";
import type { UnitState } from "../types.ts";
import { EXECUTIVE_ORDERS, hostUnitsNear, lawFor, ORDER_POWER } from "./common.ts";

export function activeInstructions(ctx: Ctx, unit: UnitState) {
  return ctx.state.instructions.filter((i) => i.lifted === null && i.host === unit.in && (i.to.includes(unit.role ?? "") || i.to.includes(unit.party)));
}

export function inArea(ctx: Ctx, area: string | undefined, unit: UnitState): boolean {
  if (!area) return true;
  return unit.sites.includes(area) || within(unit.pos, ctx.world.sites.get(area)?.centre ?? [-1e9, -1e9], 150);
}

/** Seconded officers deployed in the host state: agreement first, arms only as permitted. */
export function onJointDeployment(ctx: Ctx, unit: UnitState): void {
  const host = unit.in;
  const jo = lawFor(ctx, host, unit.country)?.joint_operations;
  if (!jo) return;
  const agreements = ctx.state.agreements.filter((a) => a.kind === "agreement" && a.host === host && a.sending === unit.country);
  if (jo.agreement_required && agreements.length === 0) {
    violation(ctx, "jointop/no_agreement", unit.role, unit.id, `${unit.id} was deployed in ${host} before any operation agreement with ${unit.country}`, `${unit.id}|${host}`);
  }
  const arms = agreements.length ? agreements[agreements.length - 1]?.arms ?? jo.arms : jo.arms;
  if (unit.armed && (jo.arms === "none" || arms === "none")) {
    violation(ctx, "jointop/arms_not_permitted", unit.role, unit.id, `${unit.id} carries arms, which ${host} does not permit for seconded officers`, `${unit.id}|${host}`);
  }
}

/** Host officers must be at hand when a power is actually used. */
export function hostPresence(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  const jo = lawFor(ctx, host, unit.country)?.joint_operations;
  if (!jo || !EXECUTIVE_ORDERS.has(order)) return;
  if (hostUnitsNear(ctx, host, unit.pos, jo.host_presence_m).length === 0) {
    violation(ctx, "jointop/no_host_officer_present", unit.role, unit.id, `no ${host} officer within ${jo.host_presence_m} m of ${unit.id} when it carried out the ${order.replaceAll("_", " ")}`, `${unit.id}|${order}|${ctx.state.tick}`);
  }
}

/** Orders that take effect at once are judged when given; the others when carried out. */
export const JUDGED_ON_COMPLETION = new Set(["identity_check", "search", "intervene"]);

export function onJointOrder(ctx: Ctx, unit: UnitState, order: string): void {
  const host = unit.in;
  const jo = lawFor(ctx, host, unit.country)?.joint_operations;
  if (!jo) return;
  const t = ctx.state.tick;
  const agreements = ctx.state.agreements.filter((a) => a.host === host && a.sending === unit.country);
  if (order !== "withdraw" && order !== "present_to_local_authority") onJointDeployment(ctx, unit);
  if (!EXECUTIVE_ORDERS.has(order)) return;
  const power = ORDER_POWER[order];
  const conferred = new Set<string>([...jo.powers, ...agreements.flatMap((a) => a.powers)]);
  if (power && !conferred.has(power)) {
    violation(ctx, "jointop/power_not_conferred", unit.role, unit.id, `${host} has not conferred the power "${power.replaceAll("_", " ")}" on ${unit.country} officers`, `${unit.id}|${power}|${t}`);
  }
  if (!JUDGED_ON_COMPLETION.has(order)) hostPresence(ctx, unit, order);
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
