// End to end in headless Chromium: exercise control and two trainees of different countries, each in
// its own browser context, play the hot-pursuit flagship from join to debrief by clicking and typing
// as people would, on the product as `npm start` runs it (built client, game server, SQLite records).
// Screenshots are kept in test-output/e2e/ to be looked at.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissingReason } from "../support/browser.ts";
import { clickMap, createExercise, joinAs, ready, signIn, startProduct, tick, unitIds, type Product } from "./harness.ts";

const noBrowser = chromiumMissingReason();

describe.skipIf(noBrowser)(`hot pursuit from join to debrief in Chromium${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let app: Product;
  beforeAll(async () => { app = await startProduct([{ user: "anna.instructor", password: "correct horse battery", role: "instructor" }]); }, 180_000);
  afterAll(async () => app?.close());
  const person = async (name: string) => ({ page: await app.person(name) });
  const shot = (page: Page, name: string) => app.shot(page, name);

  it("plays the pursuit: join, brief, orders on the map and by keyboard, messages, injects, end, debrief", async () => {
    await app.run(play);
  }, 240_000);

  async function play(): Promise<void> {
    // Exercise control signs in, creates the exercise and opens the console.
    const inst = await person("instructor");
    await signIn(inst.page, app.base, "anna.instructor", "correct horse battery");
    const code = await createExercise(inst.page, "pursuit-thionville", "CEPOL 2026/14");
    expect(code.length).toBeGreaterThan(15);
    await shot(inst.page, "01-staff-desk");
    await inst.page.getByTestId("run-open").click();
    await inst.page.waitForURL(/exercise\.html/);
    await ready(inst.page);

    // Two trainees of different countries join with the code, in French and in German.
    const fr = await person("fr-trainee");
    const lu = await person("lu-trainee");
    await fr.page.goto(app.base);
    await ready(fr.page);
    await fr.page.getByTestId("lang").selectOption("fr");
    await joinAs(fr.page, app.base, code, "Faucon", "fr-patrol");
    await joinAs(lu.page, app.base, code, "Heron", "lu-patrol");
    await expect.poll(() => fr.page.locator("[data-testid=lobby-person]").count()).toBe(2);
    expect(await fr.page.getByTestId("tab-lobby").textContent()).toContain("Salon");
    await shot(fr.page, "02-fr-lobby");
    await expect.poll(() => inst.page.locator("[data-testid=participant][data-connected=true]").count()).toBeGreaterThanOrEqual(2);

    // Briefing: each trainee reads its rules card.
    await inst.page.getByTestId("ctl-brief").click();
    await fr.page.waitForSelector("[data-testid=rules-card]");
    const frCard = await fr.page.getByTestId("rules-card").textContent();
    expect(frCard).toContain("Aucun droit d'interpellation");
    expect(await fr.page.locator("[data-testid=rules-section][data-host=LU][data-sending=FR]").count()).toBe(1);
    await lu.page.waitForSelector("[data-testid=rules-card]");
    expect(await lu.page.locator("[data-testid=rules-section][data-host=LU][data-sending=FR]").count()).toBe(1);
    await shot(fr.page, "03-fr-briefing");

    // Start; the French commander takes unit 1 with the keyboard and pursues the robbers when they
    // are in sight; unit 2 is sent by a right click on the map.
    await inst.page.getByTestId("ctl-start").click();
    await inst.page.getByTestId("ctl-speed").selectOption("5");
    await fr.page.waitForSelector("[data-testid=unit][data-unit=fr-bac-1]");
    // Fog of war: each trainee holds only its own units (and what its units see).
    expect(await unitIds(fr.page)).toEqual(["fr-bac-1", "fr-bac-2"]);
    expect(await unitIds(lu.page)).toEqual(["lu-bet-12", "lu-dud-21", "lu-usp-1"]);
    expect(await lu.page.locator("[data-testid=unit][data-unit=fr-bac-1]").count()).toBe(0);
    await fr.page.locator("#map-pane canvas").first().click({ position: { x: 5, y: 5 } });
    await fr.page.keyboard.press("Escape");
    await fr.page.locator("body").press("1");
    await expect.poll(() => fr.page.locator("[data-testid=unit][data-unit=fr-bac-1]").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => fr.page.evaluate(() => window.jointex.store.m.actors.has("robbers")), { timeout: 40_000 }).toBe(true);
    await fr.page.locator("body").press("p");
    await fr.page.waitForSelector("[data-testid=armed]:not([hidden])");
    const robbers = await fr.page.evaluate(() => window.jointex.store.m.actors.get("robbers") as { x: number; y: number });
    await clickMap(fr.page, robbers);
    await expect.poll(() => fr.page.locator("[data-testid=unit][data-unit=fr-bac-1] [data-testid=unit-order]").textContent()).toContain("Poursuivre");
    await fr.page.locator("[data-testid=unit][data-unit=fr-bac-2]").click();
    const bac2 = await fr.page.evaluate(() => window.jointex.store.m.units.get("fr-bac-2") as { x: number; y: number });
    await clickMap(fr.page, { x: bac2.x + 4000, y: bac2.y + 2500 }, "right");
    await expect.poll(() => fr.page.locator("[data-testid=unit][data-unit=fr-bac-2] [data-testid=unit-order]").textContent()).toContain("Se déplacer");
    await shot(fr.page, "04-fr-map-orders");

    // The French commander notifies the CCPD with the legal basis, and records a decision.
    await fr.page.getByTestId("tab-comms").click();
    await fr.page.getByTestId("compose-kind").selectOption("notify");
    await fr.page.getByTestId("compose-to").selectOption("ccpd-lu");
    await fr.page.getByTestId("compose-legal-basis").selectOption("cisa_41");
    await fr.page.getByTestId("compose-text").fill("BAC Thionville en poursuite d'une Audi RS6 noire, A31 nord, franchissement probable à Zoufftgen.");
    await fr.page.getByTestId("compose-send").click();
    await expect.poll(() => fr.page.getByTestId("outbox").textContent()).toContain("Audi RS6");
    await fr.page.getByTestId("tab-decisions").click();
    await fr.page.getByTestId("decision-text").fill("Poursuivre au Luxembourg sans interpeller");
    await fr.page.getByTestId("decision-rationale").fill("Vol à main armée, infraction extraditionnelle ; CCPD prévenu avant le franchissement.");
    await fr.page.getByTestId("decision-basis").selectOption("cisa_41");
    await fr.page.getByTestId("decision-record").click();
    await expect.poll(() => fr.page.locator("[data-testid=decision-item]").count()).toBe(1);

    // Exercise control speeds up, fires the press inject by hand; Luxembourg hears it.
    await inst.page.getByTestId("ctl-speed").selectOption("30");
    await inst.page.locator("[data-testid=inject-row][data-inject=i-press] [data-testid=inject-fire]").click();
    await lu.page.getByTestId("tab-comms").click();
    await expect.poll(() => lu.page.locator("[data-testid=inbox-item]").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => inst.page.locator("[data-testid=inject-row][data-inject=i-press]").getAttribute("data-status")).not.toBe("pending");
    // A reload of the page (a crashed tab) brings the trainee back into its seat with its inbox.
    await lu.page.reload();
    await ready(lu.page);
    await expect.poll(() => unitIds(lu.page)).toEqual(expect.arrayContaining(["lu-bet-12", "lu-dud-21", "lu-usp-1"]));
    await lu.page.getByTestId("tab-comms").click();
    await expect.poll(() => lu.page.locator("[data-testid=inbox-item]").count()).toBeGreaterThan(0);
    expect(await lu.page.evaluate(() => window.jointex.store.m.participants.filter((p) => p.pseudonym === "Heron").length)).toBe(1);
    await expect.poll(() => tick(inst.page), { timeout: 60_000 }).toBeGreaterThan(900);
    // The French crew is abroad now: the banner over the map says so, with the rules of the host.
    await expect.poll(() => fr.page.locator("[data-testid=border-banner-item][data-unit=fr-bac-1]").getAttribute("data-kind"), { timeout: 30_000 }).toBe("crossed");
    expect(await fr.page.getByTestId("border-banner").textContent()).toContain("BAC 57-1");
    await shot(inst.page, "05-instructor-console");
    await shot(lu.page, "06-lu-comms");
    // Luxembourg never held the French units in its state unless its own units saw them.
    const luUnits = await unitIds(lu.page);
    expect(luUnits.filter((u) => u.startsWith("fr-")).length).toBeLessThanOrEqual(2);
    expect(await lu.page.locator("[data-testid=unit][data-unit^=fr-]").count()).toBe(0);
    expect(await inst.page.locator("[data-testid=objective-row]").count()).toBe(5);

    // End the exercise: everyone lands in the debrief with the report and the replay.
    await inst.page.getByTestId("ctl-end").click();
    await inst.page.getByTestId("ctl-end-confirm").click();
    for (const p of [inst.page, fr.page, lu.page]) await p.waitForSelector("[data-testid=debrief]", { timeout: 30_000 });
    await fr.page.waitForSelector("[data-testid=my-summary]");
    const frame = fr.page.frameLocator("[data-testid=report-frame]");
    await expect.poll(() => frame.locator("body").textContent(), { timeout: 15_000 }).toMatch(/\S{10,}/);
    expect(await fr.page.locator("[data-testid=marker][data-kind=inject]").count()).toBeGreaterThan(0);
    expect(await fr.page.locator("[data-testid=marker][data-kind=decision]").count()).toBe(1);
    await shot(fr.page, "07-fr-debrief");
    // The replay scrubs to the decision.
    await fr.page.locator("[data-tab=replay]").click();
    await fr.page.locator("[data-testid=marker][data-kind=decision]").first().click();
    await expect.poll(async () => Number(await fr.page.getByTestId("replay-scrubber").inputValue())).toBeGreaterThan(0);
    await shot(fr.page, "08-fr-replay");
    await shot(inst.page, "09-instructor-debrief");
    expect(app.errors).toEqual([]);
  }
});
