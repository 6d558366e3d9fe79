// The debrief panel in headless Chromium: the real panel (bundled by Vite with the engine) on a real
// exercise log, with a recording stand-in for the Phaser map so that what it is asked to draw can be
// compared with the engine. Report iframe, personal summary, download link, language switch, tabs,
// scrubber, play at speed, marker jumps (and map focus), keyboard, and unmounting.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { Plugin } from "vite";
import { buildAndServe, type Served } from "../support/static-build.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hms } from "../../client/panels/debrief.ts";
import { Replayer, type MapFrame } from "../../client/views/replay.ts";
import type { Debrief, Seat } from "../../shared/protocol.ts";
import { runPlaythrough } from "../../shared/sim/playthrough.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, loadPlaythrough, ROOT } from "../support/scenarios.ts";

const FAKE_MAP = `
export class MapView {
  static calls = [];
  static async create(opts) {
    const v = new MapView();
    v.opts = opts;
    const c = document.createElement("div");
    c.className = "fake-map";
    c.style.cssText = "position:absolute;inset:0";
    opts.parent.append(c);
    v.el = c;
    window.fakeMap = v;
    return v;
  }
  frames = 0; last = null; lastSmooth = -1; focused = []; fits = 0; destroyed = false;
  setFrame(frame, smoothMs) { this.frames += 1; this.last = frame; this.lastSmooth = smoothMs; this.el.dataset.tick = String(frame.tick); }
  focus(x, y) { this.focused.push([x, y]); }
  fitAll() { this.fits += 1; }
  setSelected() {}
  destroy() { this.destroyed = true; this.el.remove(); }
}`;

const ENTRY = (root: string) => `
import { initI18n, setLanguage } from "${root}client/i18n/index.ts";
import { Store } from "${root}client/exercise/store.ts";
import { mountDebrief } from "${root}client/panels/debrief.ts";
let unmount = null;
let store = null;
window.startDebrief = async (debrief, seat, lang) => {
  await initI18n(lang);
  store = new Store();
  const net = { command() {}, control() {}, evaluate() {} };
  unmount = mountDebrief(document.getElementById("app"), { store, net });
  store.m.seat = seat;
  store.m.phase = "debrief";
  store.emit("seat", "phase");
  store.m.debrief = debrief;
  store.emit("debrief");
};
window.setLang = async (l) => { await setLanguage(l); store.emit("lang"); };
window.unmountDebrief = () => { unmount?.(); unmount = null; };
document.body.dataset.ready = "true";
`;

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>debrief harness</title>
<style>html,body{margin:0;height:100%} #app{height:900px;display:flex;flex-direction:column}</style></head>
<body><input id="notes" type="text" aria-label="notes"><div id="app"></div><script type="module" src="./entry.ts"></script></body></html>`;

/** The panel's dynamic import of the map becomes the recording stand-in. */
const fakeMap = (): Plugin => ({
  name: "fake-map-view",
  enforce: "pre",
  resolveId(id) { return id.endsWith("map/map-view.ts") ? "\0fake-map-view" : null; },
  load(id) { return id === "\0fake-map-view" ? FAKE_MAP : null; },
});

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`debrief panel in the browser${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let served: Served | undefined;
  let url = "";
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const scenario = flagship("pursuit-thionville");
  const run = runPlaythrough(scenario, loadPlaythrough("pursuit-thionville.unlawful.yaml"));
  const debrief: Debrief = { exerciseId: "ex-42", ticks: run.log.ticks, scenario, log: run.log, evaluations: { notes: [], ratings: [], overrides: [] } };
  const node = Replayer.build(scenario, run.log);
  const trainee: Seat = { role: "fr-patrol", kind: "trainee", pseudonym: "Bac1" };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "jointex-debrief-"));
    writeFileSync(join(dir, "index.html"), HTML);
    writeFileSync(join(dir, "entry.ts"), ENTRY(ROOT));
    served = await buildAndServe({ root: dir, input: join(dir, "index.html"), plugins: [fakeMap()] });
    url = served.url("index.html");
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(seat: Seat, lang = "en"): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });
    page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { state: "attached" });
    await page.evaluate(([d, s, l]) => (window as never as { startDebrief: (...a: unknown[]) => Promise<void> }).startDebrief(d, s, l), [debrief, seat, lang] as const);
    await page.waitForSelector("[data-testid=report-frame]", { state: "attached", timeout: 30_000 });
    return { page, errors };
  }
  const time = (page: Page) => page.textContent("[data-testid=replay-time]");
  const fake = (page: Page) => page.evaluate(() => {
    const m = (window as never as { fakeMap?: { last: MapFrame | null; lastSmooth: number; focused: number[][]; frames: number; destroyed: boolean } }).fakeMap;
    return m ? { last: m.last, lastSmooth: m.lastSmooth, focused: m.focused, frames: m.frames, destroyed: m.destroyed } : null;
  });

  it("shows a trainee the report, their own summary and a download, and follows the interface language", async () => {
    const { page, errors } = await open(trainee);
    const frame = page.locator("[data-testid=report-frame]");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const srcdoc = (await frame.getAttribute("srcdoc")) ?? "";
    expect(srcdoc).toContain("After-action report");
    expect(srcdoc).toContain("pursuit/not_notified_at_crossing");
    // The iframe really renders the report.
    const inner = page.frameLocator("[data-testid=report-frame]");
    expect(await inner.locator("h2").first().textContent()).toBeTruthy();

    const summary = page.locator("[data-testid=my-summary]");
    expect(await summary.isVisible()).toBe(true);
    expect(await summary.textContent()).toContain(scenario.roles.find((r) => r.id === "fr-patrol")?.title.en);
    const mine = page.locator("[data-testid=my-violation]");
    expect(await mine.count()).toBe(6);
    const first = (await mine.first().textContent()) ?? "";
    expect(first).toContain("pursuit/not_notified_at_crossing");
    expect(first).toContain("CISA Art. 41(1)");
    expect(first).toContain("Pursuing officers must contact the host authority");
    expect(first).toContain("0:06:00");
    expect(await summary.locator(".dbf-objectives li").count()).toBe(4);
    expect(await summary.locator(".dbf-rating--U").count()).toBe(1); // o-report

    const link = page.locator("[data-testid=report-download]");
    expect(await link.getAttribute("download")).toBe("jointex-report-pursuit-thionville-ex-42-en.html");
    const downloaded = await page.evaluate(async (href) => (await fetch(href as string)).text(), await link.getAttribute("href"));
    expect(downloaded).toBe(srcdoc);

    await page.evaluate(() => (window as never as { setLang: (l: string) => Promise<void> }).setLang("fr"));
    const fr = (await frame.getAttribute("srcdoc")) ?? "";
    expect(fr).toContain("Rapport après action");
    expect(await page.textContent("[data-tab=replay]")).toBe("Relecture");
    expect(await summary.textContent()).toContain("Règles que vous avez enfreintes");
    expect(await mine.first().textContent()).toContain("au plus tard au moment du franchissement");
    expect(await link.getAttribute("download")).toBe("jointex-report-pursuit-thionville-ex-42-fr.html");
    await page.evaluate(() => (window as never as { setLang: (l: string) => Promise<void> }).setLang("de"));
    expect(await page.textContent("[data-tab=report]")).toBe("Einsatznachbereitung");
    expect(await summary.textContent()).toContain("Regeln, gegen die Sie verstoßen haben");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("replays on the map: scrubber, time, markers on the list and the timeline, jumps that focus the map", async () => {
    const { page, errors } = await open(trainee);
    await page.click("[data-tab=replay]");
    await page.waitForFunction(() => (window as never as { fakeMap?: { frames: number } }).fakeMap?.frames);
    expect(await page.getAttribute("[data-testid=replay-scrubber]", "max")).toBe(String(node.total));
    expect(await time(page)).toBe("0:00:00");

    const markers = page.locator("[data-testid=marker]");
    expect(await markers.count()).toBe(node.markers().length);
    const kinds = await markers.evaluateAll((bs) => bs.map((b) => `${(b as HTMLElement).dataset.kind}@${(b as HTMLElement).dataset.tick}`));
    expect(kinds).toEqual(node.markers().map((m) => `${m.kind}@${m.tick}`));
    expect(kinds.filter((k) => k.startsWith("violation@"))).toHaveLength(10);
    expect(kinds.filter((k) => k.startsWith("crossing@"))).toHaveLength(3);
    // On the timeline too, each with a shape and a text label.
    const ticks = page.locator("[data-testid=timeline-marker]");
    expect(await ticks.count()).toBe(node.markers().length);
    expect(await ticks.first().getAttribute("aria-label")).toMatch(/^0:0\d:\d\d /);
    expect(new Set(await ticks.evaluateAll((bs) => bs.map((b) => b.textContent))).size).toBe(3); // ▲ ● ⇆ (no decision here)

    // Jump to the first entry into private premises: the map shows that state and centres on the unit.
    const m = node.markers().find((x) => x.kind === "violation" && x.code === "any/entered_private_premises");
    if (!m || !m.at) throw new Error("marker");
    await page.click(`[data-testid=marker][data-kind=violation][data-tick="${m.tick}"] >> nth=0`);
    expect(await time(page)).toBe(hms(m.pos));
    const f = await fake(page);
    expect(f?.focused.at(-1)).toEqual(m.at);
    node.seek(m.pos);
    expect(f?.last).toEqual(node.frame("fr-patrol", "en"));
    expect(f?.lastSmooth).toBe(0);
    expect(await page.getAttribute(`[data-testid=marker][data-tick="${m.tick}"] >> nth=0`, "aria-current")).toBe("true");
    // Injects have no place: the map does not move.
    const inj = node.markers().find((x) => x.kind === "inject" && x.tick > m.tick);
    await page.click(`[data-testid=marker][data-kind=inject][data-tick="${inj?.tick}"]`);
    expect((await fake(page))?.focused).toHaveLength(1);

    // The scrubber moves the replay.
    await page.locator("[data-testid=replay-scrubber]").fill("1800");
    await page.waitForFunction(() => document.querySelector("[data-testid=replay-time]")?.textContent === "0:30:00");
    node.seek(1800);
    expect((await fake(page))?.last).toEqual(node.frame("fr-patrol", "en"));
    // The caption shows the latest events in words.
    expect(await page.locator(".dbf-caption li").count()).toBeGreaterThan(0);
    expect(await page.textContent(".dbf-caption")).not.toContain("debrief:");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plays at the chosen speed and pauses; keyboard steps 10 s and jumps between markers, but not while typing", async () => {
    const { page, errors } = await open(trainee);
    await page.click("[data-tab=replay]");
    await page.waitForFunction(() => (window as never as { fakeMap?: { frames: number } }).fakeMap?.frames);
    await page.selectOption("[data-testid=replay-speed]", "300");
    await page.click("[data-testid=replay-play]");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("true");
    await page.waitForTimeout(1000);
    await page.click("[data-testid=replay-play]");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("false");
    const played = Number(await page.getAttribute("[data-testid=debrief]", "data-tick"));
    // About 300 exercise seconds in a second of play (generous for a loaded machine).
    expect(played).toBeGreaterThan(120);
    expect(played).toBeLessThan(600);
    expect(await time(page)).toBe(hms(played));

    // Keys with the focus on the page body.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("ArrowRight");
    expect(await time(page)).toBe(hms(played + 10));
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await time(page)).toBe(hms(played - 10));
    await page.keyboard.press("Shift+ArrowRight");
    const next = node.markerAfter(played - 10);
    expect(await time(page)).toBe(hms(next?.pos ?? -1));
    await page.keyboard.press("Shift+ArrowRight");
    const after = node.markerAfter(next?.pos ?? 0);
    expect(await time(page)).toBe(hms(after?.pos ?? -1));
    await page.keyboard.press("Shift+ArrowLeft");
    expect(await time(page)).toBe(hms(next?.pos ?? -1));
    await page.keyboard.press(" ");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("true");
    await page.keyboard.press(" ");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("false");
    // Space on the focused play button toggles once, not twice.
    await page.focus("[data-testid=replay-play]");
    await page.keyboard.press(" ");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("true");
    await page.keyboard.press(" ");
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("false");
    // Typing in a text field moves nothing.
    const before = await time(page);
    await page.focus("#notes");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.type("a b");
    expect(await time(page)).toBe(before);
    expect(await page.getAttribute("[data-testid=replay-play]", "aria-pressed")).toBe("false");
    // The scrubber's arrows step 10 s too.
    await page.focus("[data-testid=replay-scrubber]");
    const at = Number(await page.getAttribute("[data-testid=debrief]", "data-tick"));
    await page.keyboard.press("ArrowRight");
    expect(await time(page)).toBe(hms(at + 10));
    // Playing to the end stops there, on the closed exercise.
    await page.locator("[data-testid=replay-scrubber]").fill(String(node.total - 20));
    await page.waitForFunction((t) => document.querySelector("[data-testid=replay-time]")?.textContent === t, hms(node.total - 20));
    await page.click("[data-testid=replay-play]");
    await page.waitForFunction(() => document.querySelector("[data-testid=replay-play]")?.getAttribute("aria-pressed") === "false", undefined, { timeout: 10_000 });
    expect(await time(page)).toBe(hms(node.total));
    // Keys do nothing on the report tab.
    await page.click("[data-tab=report]");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute("[data-testid=debrief]", "data-tick")).toBe(String(node.total));
    // Unmounting removes the panel, the map and the key handlers.
    await page.evaluate(() => (window as never as { unmountDebrief: () => void }).unmountDebrief());
    expect(await page.locator("[data-testid=debrief]").count()).toBe(0);
    expect((await fake(page))?.destroyed).toBe(true);
    await page.keyboard.press(" ");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives exercise control no personal summary, and a choice of whose units to highlight", async () => {
    const { page, errors } = await open({ role: "instructor", kind: "instructor", pseudonym: "ctl" });
    expect(await page.locator("[data-testid=my-summary]").isVisible()).toBe(false);
    expect(await page.locator("[data-testid=my-violation]").count()).toBe(0);
    await page.click("[data-tab=replay]");
    await page.waitForFunction(() => (window as never as { fakeMap?: { frames: number } }).fakeMap?.frames);
    expect((await fake(page))?.last?.units.some((u) => u.own)).toBe(false);
    await page.selectOption(".dbf-highlight", "lu-patrol");
    const f = await fake(page);
    expect(f?.last?.units.filter((u) => u.own).map((u) => u.id).sort()).toEqual(node.frame("lu-patrol").units.filter((u) => u.own).map((u) => u.id).sort());
    expect(f?.last?.units.some((u) => u.own)).toBe(true);
    // Mounting again in the same element replaces the panel instead of stacking a second one.
    await page.evaluate(([d, s]) => (window as never as { startDebrief: (...a: unknown[]) => Promise<void> }).startDebrief(d, s, "en"), [debrief, trainee] as const);
    await page.waitForSelector("[data-testid=my-summary]:visible");
    expect(await page.locator("[data-testid=debrief]").count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(noBrowser)(`debrief panel with the real Phaser map${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  it("draws the replay on the map, jumps and plays without an error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jointex-debrief-map-"));
    writeFileSync(join(dir, "index.html"), HTML);
    writeFileSync(join(dir, "entry.ts"), ENTRY(ROOT));
    const served = await buildAndServe({ root: dir, input: join(dir, "index.html") });
    const browser = await launchChromium();
    try {
      const scenario = flagship("pursuit-thionville");
      const run = runPlaythrough(scenario, loadPlaythrough("pursuit-thionville.unlawful.yaml"));
      const debrief: Debrief = { exerciseId: "ex-7", ticks: run.log.ticks, scenario, log: run.log, evaluations: { notes: [], ratings: [], overrides: [] } };
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(served.url("index.html"));
      await page.waitForSelector("body[data-ready=true]", { state: "attached" });
      await page.evaluate(([d]) => (window as never as { startDebrief: (...a: unknown[]) => Promise<void> }).startDebrief(d, { role: "fr-patrol", kind: "trainee", pseudonym: "x" }, "en"), [debrief] as const);
      await page.click("[data-tab=replay]");
      await page.waitForSelector(".dbf-map canvas", { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelector(".dbf-map-note")?.hasAttribute("hidden"));
      const box = await page.locator(".dbf-map canvas").boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(200);
      await page.click("[data-testid=marker][data-kind=violation] >> nth=2");
      await page.selectOption("[data-testid=replay-speed]", "300");
      await page.click("[data-testid=replay-play]");
      await page.waitForTimeout(800);
      await page.click("[data-testid=replay-play]");
      await page.locator("[data-testid=replay-scrubber]").fill("100");
      await page.waitForFunction(() => document.querySelector("[data-testid=replay-time]")?.textContent === "0:01:40");
      // Another interface language: the map is drawn again with its place names, once.
      await page.evaluate(() => (window as never as { setLang: (l: string) => Promise<void> }).setLang("de"));
      await page.waitForFunction(() => document.querySelectorAll(".dbf-map canvas").length === 1 && document.querySelector(".dbf-map-note")?.hasAttribute("hidden"), undefined, { timeout: 60_000 });
      expect(await page.textContent("[data-testid=replay-play]")).toContain("Abspielen");
      expect(await page.textContent("[data-testid=replay-time]")).toBe("0:01:40");
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await browser.close();
      await served.close();
    }
  }, 180_000);
});
