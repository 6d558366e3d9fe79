// The same exercise log replays to the same checkpoint hashes in the browser as in Node: the engine
// is bundled by Vite like the client and run in headless Chromium.
import express from "express";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateHash } from "../../shared/sim/log.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, loadPlaythrough, ROOT, scenarioText } from "../support/scenarios.ts";

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`replay in the browser${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let server: Server;
  let url = "";
  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), "jointex-replay-"));
    await build({
      configFile: false, root: ROOT, logLevel: "silent",
      build: { outDir, emptyOutDir: true, rollupOptions: { input: join(ROOT, "test/browser/replay.html") } },
    });
    const app = express();
    app.use(express.static(outDir));
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/test/browser/replay.html`;
  }, 120_000);
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

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
