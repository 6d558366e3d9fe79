// Crowds as groups of individual agents: tension moved by visible policing, heavy-handed action,
// rival fans and injects; flashpoints when rivals meet in disorder. Agents walk in whole metres.
import type { Ctx } from "../context.ts";
import { emit } from "../context.ts";
import { clamp } from "../effects.ts";
import { within } from "../movement.ts";
import { centreOf, placePoint } from "../places.ts";
import type { CrowdState, Pt } from "../types.ts";

const CALM_BELOW = 400;
const DISORDER_FROM = 750;
const VISIBLE_POLICING = new Set(["patrol", "hold", "cordon", "move"]);
const SEGREGATING = new Set(["hold", "cordon", "patrol"]);

function spec(ctx: Ctx, id: string) {
  const x = ctx.world.scenario.actors.find((a) => a.id === id);
  return x?.kind === "crowd" ? x : undefined;
}

export function crowdSystem(ctx: Ctx, c: CrowdState): void {
  if (!c.active || c.state === "dispersed") return;
  const t = ctx.state.tick;
  const sp = spec(ctx, c.id);
  const volatility = sp?.volatility ?? 0.3;
  const rivals = (sp?.rivals ?? []).map((r) => ctx.state.actors[r]).filter((r): r is CrowdState => r?.kind === "crowd" && r.active && r.state !== "dispersed");
  if (t % 10 === 0) {
    let delta = 0;
    const police = Object.values(ctx.state.units).filter((u) => u.active && u.order && VISIBLE_POLICING.has(u.order.type) && within(u.pos, c.centre, 200));
    delta -= Math.min(3, police.length);
    for (const r of rivals) {
      // Police standing between two rival groups keeps them apart (segregation).
      const mid: Pt = [Math.round((r.centre[0] + c.centre[0]) / 2), Math.round((r.centre[1] + c.centre[1]) / 2)];
      const between = Object.values(ctx.state.units).some((u) => u.active && u.order && SEGREGATING.has(u.order.type) && within(u.pos, mid, 150));
      if (between) continue;
      if (within(r.centre, c.centre, 150)) delta += 5;
      else if (within(r.centre, c.centre, 400)) delta += 2;
    }
    if (t % 30 === 0) delta -= 1;
    c.tension = clamp(c.tension + (delta > 0 ? Math.round(delta * (0.5 + volatility)) : delta));
  }
  updateState(ctx, c, rivals);
  // Where the group heads: its march, or its rivals when disorder breaks out.
  const wp = c.waypoints[0];
  if (c.state === "disorder" && rivals[0]) c.target = rivals[0].centre;
  else if (wp !== undefined) {
    c.target = placePoint(ctx.world, wp);
    if (within(c.centre, c.target, 40)) c.waypoints.shift();
  }
  moveAgents(ctx, c);
}

export function updateState(ctx: Ctx, c: CrowdState, rivals?: CrowdState[]): void {
  const next = c.tension >= DISORDER_FROM ? "disorder" : c.tension >= CALM_BELOW ? "agitated" : "calm";
  if (next !== c.state) {
    const near = (rivals ?? []).filter((r) => within(r.centre, c.centre, 300)).map((r) => r.id);
    emit(ctx, { type: "actor_state", actor: c.id, from: c.state, to: next, ...(next === "disorder" && near.length ? { detail: `flashpoint with ${near.join(", ")}` } : {}) });
    c.state = next;
  }
  if (ctx.state.tick % 60 === 0) emit(ctx, { type: "tension", crowd: c.id, value: c.tension, state: c.state });
}

/** Each agent steps 1 m toward the group's target (plus its own small wander), spread kept loose. */
function moveAgents(ctx: Ctx, c: CrowdState): void {
  const [tx, ty] = c.target;
  const [cx, cy] = c.centre;
  const march = !(Math.abs(tx - cx) < 30 && Math.abs(ty - cy) < 30);
  const ag = c.agents;
  const speed = c.state === "disorder" ? 2 : 1;
  const { width, height } = ctx.world.scenario.map.extent;
  for (let k = 0; k < ag.length; k += 2) {
    const x = ag[k] as number;
    const y = ag[k + 1] as number;
    let dx = 0;
    let dy = 0;
    if (march) {
      dx = Math.sign(tx - cx) * speed;
      dy = Math.sign(ty - cy) * speed;
    }
    // Wander: cheap integer noise from the shared stream keeps agents from moving as one block.
    const r = ctx.rng.int(9);
    dx += (r % 3) - 1;
    dy += Math.floor(r / 3) - 1;
    // Stay loosely together: pull stragglers back toward the centre.
    if (Math.abs(x - cx) > 120) dx -= Math.sign(x - cx);
    if (Math.abs(y - cy) > 120) dy -= Math.sign(y - cy);
    ag[k] = Math.max(0, Math.min(width, x + dx));
    ag[k + 1] = Math.max(0, Math.min(height, y + dy));
  }
  c.centre = centreOf(ag) as Pt;
}

export function raiseTension(ctx: Ctx, c: CrowdState, amount: number): void {
  const sp = spec(ctx, c.id);
  c.tension = clamp(c.tension + Math.round(amount * (0.5 + (sp?.volatility ?? 0.3))));
  updateState(ctx, c);
}
