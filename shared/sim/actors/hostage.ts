// Hostage takers: agitation that negotiation lowers and threats and missed deadlines raise; a
// negotiated surrender, or an assault whose odds depend on the state. All in thousandths.
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { clamp } from "../effects.ts";
import { within } from "../movement.ts";
import type { HostageState, HostageStatus } from "../types.ts";

const NEGOTIATION_RANGE_M = 250;
const THREAT_RANGE_M = 150;

export function setHostageState(ctx: Ctx, a: HostageState, to: HostageStatus, detail?: string): void {
  if (a.state === to) return;
  emit(ctx, { type: "actor_state", actor: a.id, from: a.state, to, ...(detail ? { detail } : {}) });
  a.state = to;
}

function spec(ctx: Ctx, id: string) {
  const x = ctx.world.scenario.actors.find((a) => a.id === id);
  return x?.kind === "hostage_takers" ? x : undefined;
}

export function hostageSystem(ctx: Ctx, a: HostageState): void {
  if (!a.active || (a.state !== "holding" && a.state !== "negotiating")) return;
  const t = ctx.state.tick;
  const sp = spec(ctx, a.id);
  const units = Object.values(ctx.state.units).filter((u) => u.active);
  const talking = units.filter((u) => u.order?.type === "negotiate" && u.order.target === a.id && within(u.pos, a.pos, NEGOTIATION_RANGE_M));
  const threatening = units.filter((u) => u.order?.type !== "negotiate" && within(u.pos, a.pos, THREAT_RANGE_M));
  const before = a.agitation;
  if (talking.length > 0) {
    if (a.state === "holding") setHostageState(ctx, a, "negotiating", "contact established");
    if (t % 60 === 0) a.agitation = clamp(a.agitation - Math.round((sp?.responsiveness ?? 0.5) * 60));
  } else if (t % 120 === 0) a.agitation = clamp(a.agitation + 10);
  if (threatening.length > 0 && t % 60 === 0) a.agitation = clamp(a.agitation + 5 * Math.min(4, threatening.length));
  for (const d of sp?.demands ?? []) {
    if (d.deadline !== undefined && t === d.deadline && !a.demandsMissed.includes(d.id)) {
      a.demandsMissed.push(d.id);
      a.agitation = clamp(a.agitation + 150);
    }
  }
  if (a.agitation !== before && Math.floor(a.agitation / 50) !== Math.floor(before / 50)) emit(ctx, { type: "agitation", actor: a.id, value: a.agitation });
  // Calm enough: first some hostages go, then the takers give up.
  if (a.agitation < 300 && a.released === 0 && a.hostages > 1) {
    a.released = Math.max(1, Math.floor(a.hostages / 5));
    emit(ctx, { type: "actor_state", actor: a.id, from: a.state, to: a.state, detail: `${a.released} hostages released` });
  }
  if (a.agitation < 200) {
    a.calmSince ??= t;
    if (t - a.calmSince >= 600) setHostageState(ctx, a, "surrendered", "the takers give up after negotiation");
  } else a.calmSince = null;
  if (a.agitation > 900 && ctx.rng.chance(0.002)) {
    a.casualties += 1;
    emit(ctx, { type: "actor_state", actor: a.id, from: a.state, to: a.state, detail: "a hostage is hurt" });
  }
}

/** A tactical intervention: success odds fall with agitation and rise with more units. */
export function assault(ctx: Ctx, a: HostageState, units: number): void {
  if (a.state !== "holding" && a.state !== "negotiating") return;
  const p = Math.max(0.2, Math.min(0.95, 0.85 - (a.agitation / 1000) * 0.4 + 0.05 * Math.min(3, units - 1)));
  setHostageState(ctx, a, "assaulted", `tactical intervention, success odds ${Math.round(p * 100)} %`);
  if (ctx.rng.chance(p)) setHostageState(ctx, a, "hostages_released", "all hostages freed");
  else {
    a.casualties += 1 + ctx.rng.int(3);
    setHostageState(ctx, a, "casualties", `${a.casualties} hostages hurt in the assault`);
  }
}
