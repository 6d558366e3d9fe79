// The law as rules: one entry point per moment the engine can judge (a crossing, an order, a site
// entered, a message, each tick, the end), dispatching to the instrument that governs it.
import type { Command } from "../commands.ts";
import type { Ctx } from "../context.ts";
import { violation } from "../context.ts";
import type { UnitState } from "../types.ts";
import { commandedByHost, isAtlasUnit, onAtlasOrder } from "./atlas.ts";
import { lawFor, PURSUIT_ORDERS, selfDefenceSituation } from "./common.ts";
import { activeInstructions, hostPresence, inArea, JUDGED_ON_COMPLETION, onJointDeployment, onJointOrder, onJointSiteEntered } from "./jointop.ts";
import { onPursuitCrossing, onPursuitOrder, pursuitTick } from "./pursuit.ts";
import { onSpocMessage, spocTick } from "./spoc.ts";
import { onSurveillanceCrossing, onSurveillanceOrder, surveillanceTick } from "./surveillance.ts";

export function onCrossing(ctx: Ctx, unit: UnitState, from: string, into: string): void {
  if (into === unit.country || into === "") { unit.abroad = null; return; }
  const o = unit.order;
  const target = typeof o?.target === "string" ? ctx.state.actors[o.target] : undefined;
  // Art. 40/41 concern a person (a fleeing vehicle or person); watching a crowd is not surveillance.
  const person = target?.kind === "fleeing_vehicle";
  const mode = o && person && PURSUIT_ORDERS.has(o.type) ? "pursuit" : o?.type === "surveil" && person ? "surveillance" : "other";
  unit.abroad = { host: into, since: ctx.state.tick, at: [unit.pos[0], unit.pos[1]], mode, ...(target ? { actor: target.id } : {}) };
  if (mode === "pursuit" && target) onPursuitCrossing(ctx, unit, into, target.id);
  else if (mode === "surveillance" && target) onSurveillanceCrossing(ctx, unit, into, target.id);
  else if (o && o.type !== "withdraw" && o.type !== "present_to_local_authority") onJointDeployment(ctx, unit);
  // An order given at home is carried across: the host's rules judge it from the crossing on.
  if (o && o.type !== "pursue" && o.type !== "surveil" && o.type !== "move") onOrder(ctx, unit, o.type);
  // A stop request already standing applies to a pursuit that crosses after it.
  void from;
}

export function onOrder(ctx: Ctx, unit: UnitState, order: string): void {
  if (unit.in === unit.country || unit.in === "") return;
  const mode = unit.abroad?.mode;
  if (mode === "pursuit") onPursuitOrder(ctx, unit, order);
  else if (mode === "surveillance") onSurveillanceOrder(ctx, unit, order);
  else onJointOrder(ctx, unit, order);
  onAtlasOrder(ctx, unit, order);
  // Host law and host instructions bind every foreign officer, whatever the instrument.
  for (const i of activeInstructions(ctx, unit)) {
    if (i.forbid.includes(order as never) && inArea(ctx, i.area, unit)) {
      violation(ctx, "jointop/ignored_host_instruction", unit.role, unit.id, `${order.replaceAll("_", " ")} was forbidden by ${unit.in}'s instruction ${i.id}`, `${unit.id}|${i.id}|${order}|${ctx.state.tick}`);
    }
  }
  // An assisting special unit may use arms when the requesting state commands it (2008/617 Art. 3).
  const armedAssistance = isAtlasUnit(ctx, unit) && commandedByHost(ctx, unit, unit.in);
  // Seconded officers whom the host lets use force as its own officers are judged by host law, not here.
  const asHostOfficers = lawFor(ctx, unit.in, unit.country)?.joint_operations?.arms === "as_host_officers" && ctx.state.agreements.some((a) => a.kind === "agreement" && a.host === unit.in && a.sending === unit.country);
  if (order === "use_force" && !armedAssistance && !asHostOfficers && !selfDefenceSituation(ctx, unit)) {
    violation(ctx, "any/weapon_use_not_self_defence", unit.role, unit.id, `${unit.id} used force in ${unit.in} with no armed threat at close range${unit.order?.claimSelfDefence ? " (self-defence was claimed)" : ""}`, `${unit.id}|${ctx.state.tick}`);
  }
}

/** An order carried out: powers that take time are judged at the moment they are used. */
export function onOrderDone(ctx: Ctx, unit: UnitState, order: string): void {
  if (unit.in === unit.country || unit.in === "" || unit.abroad?.mode === "pursuit" || unit.abroad?.mode === "surveillance") return;
  if (JUDGED_ON_COMPLETION.has(order)) hostPresence(ctx, unit, order);
}

export function onSiteEntered(ctx: Ctx, unit: UnitState, site: string): void {
  const s = ctx.world.sites.get(site);
  if (!s) return;
  // CISA 41(5)(c) and 40(3)(e) bind officers on pursuit or surveillance; seconded officers act under host law.
  const mode = unit.abroad?.mode;
  if (s.tags.includes("private_premises") && s.country !== unit.country && (mode === "pursuit" || mode === "surveillance")) {
    violation(ctx, "any/entered_private_premises", unit.role, unit.id, `${unit.id} entered ${site}, private premises in ${s.country}`, `${unit.id}|${site}`);
  }
  if (unit.in !== unit.country) onJointSiteEntered(ctx, unit, site);
}

export function onMessage(ctx: Ctx, role: string, id: string, m: Extract<Command, { type: "message" }>, byControl = false): void {
  onSpocMessage(ctx, role, id, m, byControl);
}

export function lawTick(ctx: Ctx): void {
  for (const unit of Object.values(ctx.state.units)) {
    if (!unit.active || !unit.abroad) continue;
    pursuitTick(ctx, unit);
    surveillanceTick(ctx, unit);
  }
  spocTick(ctx);
}

/** At the end: every unit that operated abroad must have reported in person. */
export function lawEnd(ctx: Ctx): void {
  for (const unit of Object.values(ctx.state.units)) {
    if (!unit.active) continue; // taken out of the exercise by exercise control
    for (const host of unit.mustReport) {
      violation(ctx, "any/no_report_to_local_authority", unit.role, unit.id, `${unit.id} operated in ${host} and never reported to its local authority`, `${unit.id}|${host}`);
    }
  }
}
