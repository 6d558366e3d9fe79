// The product as `npm start` runs it: the real HTTP app with the real scenario folder, and the page
// opened in headless Chromium.
import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissingReason, launchChromium } from "./support/browser.ts";
import { ROOT, startApp } from "./support/server.ts";

describe("HTTP API", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => { app = await startApp({ clientDir: join(tmpdir(), "jointex-no-client") }); });
  afterAll(async () => app.close());

  it("reports health", async () => {
    expect(await (await fetch(`${app.url}/api/health`)).json()).toEqual({ ok: true, scenarios: 3 });
  });
  it("lists the three flagships with their counts", async () => {
    const body = await (await fetch(`${app.url}/api/scenarios`)).json();
    expect(body.invalid).toEqual([]);
    expect(body.scenarios.map((s: { id: string }) => s.id).sort()).toEqual(["football-joint-patrols", "hostage-train", "pursuit-thionville"]);
    const pursuit = body.scenarios.find((s: { id: string }) => s.id === "pursuit-thionville");
    expect(pursuit.countries).toEqual(["FR", "LU", "DE"]);
    expect(pursuit.counts).toMatchObject({ injects: 12, objectives: 5, conditional: 6, contingency: 2 });
  });
  it("answers an unknown scenario and an unknown route with JSON 404s", async () => {
    const res = await fetch(`${app.url}/api/scenarios/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "scenario/not_found", id: "nope" });
    expect((await fetch(`${app.url}/api/nothing`)).status).toBe(404);
  });
  it("lists a broken file with its problems instead of hiding it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jointex-scenarios-"));
    copyFileSync(join(ROOT, "test/fixtures/minimal.yaml"), join(dir, "minimal.yaml"));
    writeFileSync(join(dir, "broken.yaml"), "jointex: 1\nmeta: { id: Broken }\n");
    const other = await startApp({ scenarioDir: dir, clientDir: dir });
    try {
      const body = await (await fetch(`${other.url}/api/scenarios`)).json();
      expect(body.scenarios.map((s: { id: string }) => s.id)).toEqual(["minimal"]);
      expect(body.invalid[0].file).toBe("broken.yaml");
      expect(body.invalid[0].issues).toContainEqual(expect.objectContaining({ file: "broken.yaml", line: 2, column: 13, path: "meta.id" }));
    } finally {
      await other.close();
    }
  });
});

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`scenario list page in Chromium${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), "jointex-client-"));
    await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "silent", build: { outDir, emptyOutDir: true } });
    app = await startApp({ clientDir: outDir });
  }, 120_000);
  afterAll(async () => app?.close());

  it("shows a card per scenario with its map, in the chosen language", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await page.goto(`${app.url}/scenarios.html`);
      await page.waitForSelector("body[data-ready=true]");
      expect(await page.locator("article.card").count()).toBe(3);
      expect(await page.locator("article.card svg.map polygon").count()).toBeGreaterThanOrEqual(6);
      expect(await page.textContent("#status")).toBe("3 scenarios loaded.");
      await page.selectOption("#lang", "fr");
      await page.waitForFunction(() => document.querySelector('[data-scenario="pursuit-thionville"] h2')?.textContent?.startsWith("Braquage"));
      await page.screenshot({ path: join(ROOT, "test-output", "scenario-list.png"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
