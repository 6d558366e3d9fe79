// The same exercise log replays to the same checkpoint hashes in the browser as in Node: the engine
// is bundled by Vite like the client and run in headless Chromium.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateHash } from "../../shared/sim/log.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, loadPlaythrough, ROOT, scenarioText } from "../support/scenarios.ts";
import { buildAndServe, type Served } from "../support/static-build.ts";

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`replay in the browser${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let served: Served | undefined;
  let url = "";
  beforeAll(async () => {
    served = await buildAndServe({ root: ROOT, input: join(ROOT, "test/browser/replay.html") });
    url = served.url("test/browser/replay.html");
  }, 120_000);
  afterAll(async () => served?.close());

  it("reproduces every checkpoint of the pursuit logs and of a crowd-heavy football log", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]", { state: "attached" });
      // The pursuit runs whole; the football run (7,550 crowd agents drawing on the PRNG every tick)
      // for its first 25 minutes.
      for (const [file, until] of [["pursuit-thionville.lawful.yaml", 0], ["pursuit-thionville.unlawful.yaml", 0], ["football-joint-patrols.lawful.yaml", 1500]] as const) {
        const p = { ...loadPlaythrough(file), ...(until ? { until } : {}) };
        const node = runPlaythrough(flagship(p.scenario), p);
        const text = scenarioText(`scenarios/${p.scenario}.yaml`);
        const inBrowser = await page.evaluate(([t, l]) => window.jointexReplay(t, l), [text, node.log] as const);
        expect(inBrowser.mismatches).toEqual([]);
        expect(inBrowser.finalHash).toBe(stateHash(node.sim));
        expect(inBrowser.ticks).toBe(node.sim.state.tick);
      }
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
