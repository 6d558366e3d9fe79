// The live map in headless Chromium, with both renderers: the API other parts of the client code
// against (MapView), driven through real mouse, wheel and keyboard events. The page is the frame
// benchmark's (bench/frame), which exposes window.mapTest.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MapFrame } from "../../client/map/map-view.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, ROOT } from "../support/scenarios.ts";
import { buildAndServe, type Served } from "../support/static-build.ts";

const map = flagship("pursuit-thionville").map;
const FRAME: MapFrame = {
  tick: 10,
  units: [
    { id: "own", callsign: "BAC 1", type: "car", party: "fr", country: "FR", x: 20000, y: 30000, order: "pursue", active: true, own: true },
    { id: "other", callsign: "LU 12", type: "car", party: "lu", country: "LU", x: 25000, y: 35000, order: "", active: true, own: false },
    { id: "spare", callsign: "DE 9", type: "car", party: "de", country: "DE", x: 45000, y: 50000, order: "", active: false, own: true },
  ],
  actors: [
    { id: "robbers", kind: "fleeing_vehicle", name: "The robbers", state: "fleeing", x: 30000, y: 24500, level: 0 },
    { id: "fans", kind: "crowd", name: "Fans", state: "calm", x: 8000, y: 50000, level: 300 },
  ],
  crowds: [{ id: "fans", xy: Array.from({ length: 400 }, (_, i) => (i % 2 ? 50000 : 8000) + ((i * 37) % 400) - 200) }],
};

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`MapView in the browser${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let served: Served | undefined;
  let url = "";
  beforeAll(async () => {
    served = await buildAndServe({ root: ROOT, input: join(ROOT, "bench/frame/page.html") });
    url = served.url("bench/frame/page.html");
  }, 120_000);
  afterAll(async () => {
    await served?.close();
  });

  const at = (page: Page, x: number, y: number) => page.evaluate(([a, b]) => window.mapTest.view().screenPointOf(a, b), [x, y] as const);
  const log = (page: Page) => page.evaluate(() => window.mapTest.log.splice(0));
  const settle = (page: Page) => page.evaluate(() => window.mapTest.frames(3));

  for (const renderer of ["webgl", "canvas"] as const) {
    it(`draws, selects, targets, pans, zooms and follows its box (${renderer})`, async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(url);
        await page.waitForSelector("body[data-ready=true]", { state: "attached" });
        expect(await page.evaluate(([m, r]) => window.mapTest.open(m, r), [map, renderer] as const)).toBe(renderer);
        await page.evaluate((f) => window.mapTest.view().setFrame(f, 0), FRAME);
        await settle(page);

        // Labels: every active unit with callsign, country and order; countries by code; no inactive unit.
        const labels = await page.evaluate(() => window.mapTest.view().labels());
        expect(labels["u:own"]).toMatchObject({ text: "BAC 1 FR · pursue", visible: true });
        expect(labels["u:other"]).toMatchObject({ text: "LU 12 LU", visible: true });
        expect(labels["u:spare"]).toBeUndefined();
        expect(labels["a:robbers"]).toMatchObject({ text: "The robbers · fleeing", visible: true });
        for (const c of ["FR", "LU", "DE"]) expect(labels[`c:${c}`]?.visible).toBe(true);

        // North is up: a point further north is higher on the page.
        expect((await at(page, 20000, 50000)).y).toBeLessThan((await at(page, 20000, 10000)).y);

        // Left click: own unit selects, another role's unit does nothing, the ground clears.
        let p = await at(page, 20000, 30000);
        await page.mouse.click(p.x, p.y);
        p = await at(page, 25000, 35000);
        await page.mouse.click(p.x, p.y);
        p = await at(page, 40000, 55000);
        await page.mouse.click(p.x, p.y);
        expect(await log(page)).toEqual([["select", "own"], ["select", null]]);

        // Right click: actor, site (with shift), bare ground in metres.
        p = await at(page, 30000, 24500);
        await page.mouse.click(p.x, p.y, { button: "right" });
        p = await at(page, 16500, 39000);
        await page.keyboard.down("Shift");
        await page.mouse.click(p.x, p.y, { button: "right" });
        await page.keyboard.up("Shift");
        p = await at(page, 40000, 55000);
        await page.mouse.click(p.x, p.y, { button: "right" });
        const right = await log(page);
        expect(right.slice(0, 2)).toEqual([["target", { kind: "actor", id: "robbers" }, false], ["target", { kind: "site", id: "ccpd-luxembourg" }, true]]);
        const ground = right[2] as ["target", { kind: "point"; at: [number, number] }, boolean];
        expect(ground[1].kind).toBe("point");
        expect(Math.abs(ground[1].at[0] - 40000)).toBeLessThan(100); // within a pixel (~80 m here)
        expect(Math.abs(ground[1].at[1] - 55000)).toBeLessThan(100);

        // An armed order: hint, a left click gives the target, Esc cancels.
        await page.evaluate(() => window.mapTest.view().setArmedOrder("move"));
        expect(await page.locator(".jx-map-hint").textContent()).toContain("move");
        await page.mouse.click(p.x, p.y);
        await page.keyboard.press("Escape");
        expect((await log(page)).map((e) => e[0])).toEqual(["target", "cancel"]);
        expect(await page.locator(".jx-map-hint").isHidden()).toBe(true);

        // Keys pan only while the canvas has focus, never from a text field.
        const before = await at(page, 25000, 30000);
        await page.focus("#text");
        await page.keyboard.press("ArrowRight");
        await page.keyboard.press("+");
        expect(await at(page, 25000, 30000)).toEqual(before);
        await page.focus("#box canvas");
        await page.keyboard.press("ArrowRight");
        expect((await at(page, 25000, 30000)).x).toBeLessThan(before.x - 50);

        // Wheel zoom keeps the point under the cursor in place (the cursor sits on whole pixels:
        // a point d pixels from it ends k d away after zooming by k).
        const z0 = await page.evaluate(() => window.mapTest.view().zoom);
        p = await at(page, 16500, 29700);
        const cur = { x: Math.round(p.x), y: Math.round(p.y) };
        await page.mouse.move(cur.x, cur.y);
        await page.mouse.wheel(0, -400);
        await settle(page);
        const k = (await page.evaluate(() => window.mapTest.view().zoom)) / z0;
        expect(k).toBeGreaterThan(2);
        const q = await at(page, 16500, 29700);
        expect(Math.abs(q.x - (cur.x + k * (p.x - cur.x)))).toBeLessThan(0.5);
        expect(Math.abs(q.y - (cur.y + k * (p.y - cur.y)))).toBeLessThan(0.5);

        // A click in the minimap recentres the main view there.
        const mini = await page.evaluate(() => window.mapTest.view().minimapRect());
        expect(mini).not.toBeNull();
        await page.mouse.click(mini!.x + mini!.w / 2, mini!.y + mini!.h / 2);
        const box = (await page.locator("#box canvas").boundingBox())!;
        const c = await at(page, 25000, 30000);
        expect(Math.abs(c.x - (box.x + box.width / 2))).toBeLessThan(3);
        expect(Math.abs(c.y - (box.y + box.height / 2))).toBeLessThan(3);
        expect(await log(page)).toEqual([]);

        // focus() centres a point; fitAll() shows the whole map.
        await page.evaluate(() => window.mapTest.view().focus(13500, 23000));
        const f = await at(page, 13500, 23000);
        expect(Math.abs(f.x - (box.x + box.width / 2))).toBeLessThan(1);
        await page.evaluate(() => window.mapTest.view().fitAll());
        const sw = await at(page, 0, 0), ne = await at(page, 50000, 60000);
        expect(sw.y).toBeLessThanOrEqual(box.y + box.height);
        expect(ne.y).toBeGreaterThanOrEqual(box.y);

        // The canvas follows its box.
        await page.evaluate(() => { document.getElementById("box")!.style.width = "700px"; document.getElementById("box")!.style.height = "450px"; });
        await settle(page);
        await page.waitForFunction(() => document.querySelector("#box canvas")!.getBoundingClientRect().width === 700);
        expect((await page.locator("#box canvas").boundingBox())!.height).toBe(450);

        const stats = await page.evaluate(() => window.mapTest.view().stats());
        expect(stats.frames).toBeGreaterThan(10);
        // "auto" avoids WebGL on a software rasteriser (SwiftShader here, usually).
        const gl = await page.evaluate(() => window.mapTest.glName());
        expect(await page.evaluate(([m]) => window.mapTest.open(m, "auto"), [map] as const)).toBe(/swiftshader|llvmpipe/i.test(gl) ? "canvas" : "webgl");

        await page.evaluate(() => window.mapTest.view().destroy());
        await settle(page);
        expect(await page.locator("#box canvas").count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 90_000);
  }
});
