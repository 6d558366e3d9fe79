// End to end in headless Chromium: exercise control adds an inject and speaks as a party it plays,
// an evaluator signed in on the staff desk observes, notes and rates, a trainee hears and
// acknowledges; a pause freezes every clock; the debrief report carries the evaluator's note, and
// the staff desk reopens the finished exercise's debrief with its replay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumMissingReason } from "../support/browser.ts";
import { createExercise, joinAs, signIn, startProduct, tick, type Product } from "./harness.ts";

const noBrowser = chromiumMissingReason();

describe.skipIf(noBrowser)(`exercise control and an evaluator at work in Chromium${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let app: Product;
  beforeAll(async () => {
    app = await startProduct([
      { user: "anna.instructor", password: "correct horse battery", role: "instructor" },
      { user: "eve.evaluator", password: "another long password", role: "evaluator" },
    ]);
  }, 180_000);
  afterAll(async () => app?.close());

  it("adds an inject, speaks as a played party, observes, notes, rates, pauses and debriefs", async () => {
    await app.run(async () => {
      const inst = await app.person("instructor");
      await signIn(inst, app.base, "anna.instructor", "correct horse battery");
      const code = await createExercise(inst, "pursuit-thionville", "CEPOL 2026/15");
      await inst.getByTestId("run-open").click();
      await inst.waitForURL(/exercise\.html/);

      // The evaluator signs in and observes the running exercise from the staff desk.
      const ev = await app.person("evaluator");
      await signIn(ev, app.base, "eve.evaluator", "another long password");
      await ev.getByTestId("exercise-open").first().click();
      await ev.waitForURL(/exercise\.html/);
      await ev.waitForSelector("[data-testid=tab-evaluate]");
      // Evaluators get no composer and no clock controls.
      expect(await ev.getByTestId("ctl-start").count()).toBe(0);

      const lu = await app.person("lu-trainee");
      await joinAs(lu, app.base, code, "Heron", "lu-patrol");
      await inst.getByTestId("ctl-start").click();
      await expect.poll(() => tick(lu), { timeout: 10_000 }).toBeGreaterThan(1);

      // An inject written live, addressed to the Luxembourg patrol commander.
      await inst.getByTestId("adhoc-title").fill("Bomb threat at Dudelange station");
      await inst.getByTestId("adhoc-text").fill("Anonymous call: a bomb in a locker at Dudelange station. Decide on the evacuation.");
      await inst.getByTestId("adhoc-to").selectOption(["lu-patrol"]);
      await inst.getByTestId("adhoc-send").click();
      await lu.getByTestId("tab-comms").click();
      await expect.poll(() => lu.getByTestId("inbox").textContent(), { timeout: 15_000 }).toContain("bomb in a locker");
      await expect.poll(() => inst.locator("[data-testid=inject-row][data-inject^=adhoc]").getAttribute("data-status")).toBe("fired");

      // Exercise control speaks as the press (a party it plays); the trainee acknowledges.
      await inst.getByTestId("tab-comms").click();
      await inst.getByTestId("compose-as").selectOption("media");
      await inst.getByTestId("compose-kind").selectOption("request");
      await inst.getByTestId("compose-to").selectOption("lu-patrol");
      await inst.getByTestId("compose-text").fill("RTL here: can you confirm a French police car chased a suspect through Bettembourg?");
      await inst.getByTestId("compose-send").click();
      const press = lu.locator("[data-testid=inbox-item]", { hasText: "RTL here" });
      await expect.poll(() => press.count(), { timeout: 15_000 }).toBe(1);
      await press.getByTestId("ack").click();
      await expect.poll(() => inst.locator("[data-testid=outbox-item]", { hasText: "RTL here" }).getAttribute("data-acked"), { timeout: 15_000 }).toBe("true");

      // The evaluator notes against the live inject and rates an objective.
      await ev.getByTestId("tab-evaluate").click();
      await expect.poll(() => ev.locator("[data-testid=eval-anchor] option[value^='inject:adhoc']").count()).toBe(1);
      const anchor = await ev.locator("[data-testid=eval-anchor] option[value^='inject:adhoc']").getAttribute("value");
      await ev.getByTestId("eval-anchor").selectOption(anchor ?? "");
      await ev.getByTestId("eval-note").fill("Heron handled the bomb threat calmly and informed the CCPD.");
      await ev.getByTestId("eval-send-note").click();
      await ev.getByTestId("eval-objective").selectOption("o-information");
      await ev.getByTestId("eval-rating").selectOption("M");
      await ev.getByTestId("eval-reason").fill("Germany was told late.");
      await ev.getByTestId("eval-send-rating").click();
      await expect.poll(() => ev.locator("[data-testid=eval-sent-item][data-state=saved]").count(), { timeout: 15_000 }).toBe(2);
      // Merged with the automatic rating by the worse one: the console shows M at best.
      await inst.getByTestId("tab-console").click();
      await expect.poll(() => inst.locator("[data-testid=objective-row][data-objective=o-information]").getAttribute("data-rating"), { timeout: 15_000 }).toMatch(/^[MU]$/);
      await app.shot(ev, "11-evaluator");

      // A pause freezes every clock.
      await inst.getByTestId("ctl-pause").click();
      await expect.poll(() => lu.getByTestId("phase").getAttribute("data-phase")).toBe("paused");
      const frozen = await lu.getByTestId("clock").textContent();
      await new Promise((r) => setTimeout(r, 1500));
      expect(await lu.getByTestId("clock").textContent()).toBe(frozen);
      await app.shot(inst, "10-instructor-paused");
      await inst.getByTestId("ctl-resume").click();
      await expect.poll(() => lu.getByTestId("clock").textContent(), { timeout: 10_000 }).not.toBe(frozen);

      await inst.getByTestId("ctl-end").click();
      await inst.getByTestId("ctl-end-confirm").click();
      await ev.waitForSelector("[data-testid=debrief]", { timeout: 30_000 });
      const report = ev.frameLocator("[data-testid=report-frame]");
      await expect.poll(() => report.locator("body").textContent(), { timeout: 15_000 }).toContain("handled the bomb threat calmly");
      await app.shot(ev, "12-evaluator-debrief");
      // Later, from the staff desk: the finished exercise's report and its debrief with the replay.
      await inst.goto(`${app.base}/staff.html`);
      await inst.waitForSelector("[data-testid=exercise-replay]");
      await inst.getByTestId("exercise-replay").first().click();
      await inst.waitForURL(/replay=/);
      await inst.waitForSelector("[data-testid=debrief]");
      await inst.locator("[data-tab=replay]").click();
      await expect.poll(() => inst.locator("[data-testid=marker][data-kind=inject]").count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await app.shot(inst, "13-staff-replay");
      expect(app.errors).toEqual([]);
    });
  }, 240_000);
});
