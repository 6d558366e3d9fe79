// Bundled for bench/client-frame.ts: a MapView over the crowd district, fed 10 frames a second from
// the real engine, with the per-frame CPU cost of Phaser's step and the rAF intervals recorded.
// test/client/map-view.test.ts drives the same page through window.mapTest.
import { MapView, type CrowdMode, type MapFrame } from "../../client/map/map-view.ts";
import { createSim } from "../../shared/sim/create.ts";
import { step, type Sim } from "../../shared/sim/step.ts";
import { webglRendererName } from "../../client/map/renderer.ts";
import { crowdScenario } from "./crowd-scenario.ts";

import type { MapTarget } from "../../client/map/map-view.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

export interface RunResult { costs: number[]; intervals: number[]; setFrame: number[]; dots: number; frames: number }
declare global {
  interface Window {
    mapTest: {
      log: (["select", string | null] | ["target", MapTarget, boolean] | ["cancel"])[];
      open(map: Scenario["map"], renderer: "webgl" | "canvas" | "auto", lang?: string): Promise<string>;
      glName(): string;
      view(): MapView;
      frames(n: number): Promise<void>;
    };
    bench: {
      open(renderer: "webgl" | "canvas"): Promise<{ renderer: string; gl: string }>;
      run(agents: number, units: number, mode: CrowdMode, ms: number): Promise<RunResult>;
    };
  }
}

let view: MapView | null = null;
const sims = new Map<number, Sim>();
const PATCH_MS = 100;

/** n synthetic units circling the district at different radii and speeds (8 of them own). */
function units(n: number, t: number): MapFrame["units"] {
  return Array.from({ length: n }, (_, i) => {
    const r = 150 + 45 * i, w = (0.02 + 0.004 * i) * (i % 2 ? 1 : -1);
    return {
      id: `u${i}`, callsign: `${i % 3 ? "NL" : "BE"}-${i + 1}`, type: "car", party: i % 3 ? "nl" : "be", country: i % 3 ? "NL" : "BE",
      x: 1300 + r * Math.cos(w * t + i), y: 1250 + r * Math.sin(w * t + i), order: i % 4 ? "patrol" : "move", active: true, own: i < 8,
    };
  });
}

/** Engine frames for the next ms of exercise, computed before timing starts. */
function frames(agents: number, nUnits: number, count: number): MapFrame[] {
  let sim = sims.get(agents);
  if (!sim) {
    sim = createSim(crowdScenario(agents), 1);
    for (let k = 0; k < 60; k++) step(sim); // let the crowds start moving
    sims.set(agents, sim);
  }
  const out: MapFrame[] = [];
  for (let k = 0; k < count; k++) {
    step(sim);
    const s = sim.state;
    const crowds = Object.values(s.actors).filter((a) => a.kind === "crowd");
    out.push({
      tick: s.tick,
      units: units(nUnits, s.tick),
      actors: crowds.map((a) => ({ id: a.id, kind: a.kind, name: a.id, state: a.kind === "crowd" ? a.state : "", x: a.kind === "crowd" ? a.centre[0] : 0, y: a.kind === "crowd" ? a.centre[1] : 0, level: 0 })),
      crowds: crowds.map((a) => ({ id: a.id, xy: [...(a as { agents: number[] }).agents] })),
    });
  }
  return out;
}

window.bench = {
  async open(renderer) {
    view?.destroy();
    view = await MapView.create({ parent: document.getElementById("box")!, map: crowdScenario(3).map, lang: "en", renderer });
    // Zoomed so the three crowds spread over the canvas (about 1.25 m per pixel): the costly case.
    view.setZoom(0.8);
    view.focus(1300, 1250);
    const gl = document.createElement("canvas").getContext("webgl");
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    return { renderer: view.rendererType, gl: info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "n/a" };
  },

  async run(agents, nUnits, mode, ms) {
    const v = view!;
    v.setCrowdMode(mode);
    const feed = agents > 0 || nUnits > 0 ? frames(agents, nUnits, Math.ceil(ms / PATCH_MS) + 12) : [];
    let k = 0;
    const setFrameMs: number[] = [];
    const next = () => {
      const f = feed[k++ % Math.max(1, feed.length)] ?? { tick: k, units: [], actors: [], crowds: [] };
      const t0 = performance.now();
      v.setFrame(f, PATCH_MS);
      setFrameMs.push(performance.now() - t0);
    };
    next();
    const timer = setInterval(next, PATCH_MS);
    // Warm up (pools fill, textures upload), then measure.
    await new Promise((r) => setTimeout(r, 600));
    v.frameCosts();
    setFrameMs.length = 0;
    const intervals: number[] = [];
    let last = 0, on = true;
    const tick = (t: number) => { if (last) intervals.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const f0 = v.stats().frames;
    await new Promise((r) => setTimeout(r, ms));
    on = false;
    clearInterval(timer);
    const costs = v.frameCosts();
    const res = { costs, intervals, setFrame: setFrameMs, dots: v.dotsDrawn, frames: v.stats().frames - f0 };
    v.setFrame({ tick: 1e9, units: [], actors: [], crowds: [] }, 0);
    return res;
  },
};
window.mapTest = {
  log: [],
  async open(map, renderer, lang = "en") {
    view?.destroy();
    const log = window.mapTest.log;
    const v = await MapView.create({
      parent: document.getElementById("box")!, map, lang, renderer,
      onSelect: (id) => { log.push(["select", id]); v.setSelected(id); },
      onTarget: (t, e) => log.push(["target", t, e.shift]),
      onCancelArmed: () => { log.push(["cancel"]); v.setArmedOrder(null); },
    });
    view = v;
    return v.rendererType;
  },
  view: () => view!,
  glName: () => webglRendererName(),
  frames: (n) => new Promise((r) => { let k = 0; const f = () => (++k >= n ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); }),
};
document.body.dataset.ready = "true";
