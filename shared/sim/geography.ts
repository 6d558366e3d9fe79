// After things move: which country and which sites each unit and actor is in now. Changes become
// border_crossed / site_entered / site_left events and are handed to the law.
import type { Ctx } from "./context.ts";
import { emit } from "./context.ts";
import { onCrossing, onSiteEntered } from "./law/index.ts";
import type { Pt } from "./types.ts";
import { countryAt, siteContains } from "./world/world.ts";

function sitesAt(ctx: Ctx, p: Pt): string[] {
  const out: string[] = [];
  for (const s of ctx.world.sites.values()) if (siteContains(s, p)) out.push(s.id);
  return out.sort();
}

function update(ctx: Ctx, who: string, pos: Pt, thing: { in: string; sites: string[] }, onCross?: (from: string, into: string) => void, onEnter?: (site: string) => void): void {
  const country = countryAt(ctx.world.scenario, pos);
  if (country !== thing.in) {
    const from = thing.in;
    thing.in = country;
    if (from !== "" && country !== "") {
      ctx.state.crossings.push({ tick: ctx.state.tick, who, from, into: country });
      emit(ctx, { type: "border_crossed", who, from, into: country, at: [pos[0], pos[1]] });
    }
    onCross?.(from, country);
  }
  const now = sitesAt(ctx, pos);
  if (now.length !== thing.sites.length || now.some((s, k) => s !== thing.sites[k])) {
    for (const s of thing.sites) if (!now.includes(s)) emit(ctx, { type: "site_left", who, site: s });
    for (const s of now) {
      if (thing.sites.includes(s)) continue;
      ctx.state.siteEntries.push({ tick: ctx.state.tick, who, site: s });
      emit(ctx, { type: "site_entered", who, site: s });
      onEnter?.(s);
    }
    thing.sites = now;
  }
}

export function geographySystem(ctx: Ctx): void {
  for (const u of Object.values(ctx.state.units)) {
    if (!u.active) continue;
    update(ctx, u.id, u.pos, u, (from, into) => onCrossing(ctx, u, from, into), (site) => onSiteEntered(ctx, u, site));
  }
  for (const a of Object.values(ctx.state.actors)) {
    if (!a.active) continue;
    if (a.kind === "fleeing_vehicle" || a.kind === "hostage_takers") update(ctx, a.id, a.pos, a);
    else if (a.kind === "crowd") update(ctx, a.id, a.centre, a);
  }
}
