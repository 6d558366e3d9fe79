// Crowd agents for drawing: the engine keeps every agent, the client needs only a sample of each
// crowd it can see, a few times a second (the positions of 7,550 agents every patch would be ~45 KB).
// The samples are taken once per beat; each client then gets those of the crowds in its picture.
import { CROWD_SAMPLE, type CrowdFrame } from "../../shared/protocol.ts";
import type { SimState } from "../../shared/sim/types.ts";

export function crowdSamples(state: SimState): CrowdFrame["crowds"] {
  const crowds: CrowdFrame["crowds"] = [];
  for (const a of Object.values(state.actors)) {
    if ((a.kind !== "crowd" && a.kind !== "bystanders") || !a.active) continue;
    const n = a.agents.length / 2;
    const stride = Math.max(1, Math.ceil(n / CROWD_SAMPLE));
    const xy: number[] = [];
    for (let k = 0; k < n; k += stride) xy.push(a.agents[2 * k] as number, a.agents[2 * k + 1] as number);
    crowds.push({ id: a.id, xy });
  }
  return crowds;
}
