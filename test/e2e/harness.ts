// The product as `npm start` runs it (built client, game server, SQLite records, staff accounts) and
// a browser whose people each get their own context, for the end-to-end suites. Page errors and
// console errors of every page are collected; what each page showed is kept on failure.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { Accounts } from "../../server/auth/accounts.ts";
import { loadScenarioFolder } from "../../server/scenario-library.ts";
import { startServer } from "../../server/server.ts";
import { openDatabase } from "../../server/storage/db.ts";
import { Records } from "../../server/storage/records.ts";
import type { StaffRole } from "../../server/auth/accounts.ts";
import { launchChromium } from "../support/browser.ts";
import { ROOT } from "../support/scenarios.ts";

export const OUT = join(ROOT, "test-output", "e2e");

type Jx = { store: { m: { units: Map<string, { x: number; y: number }>; actors: Map<string, { x: number; y: number }>; tick: number; phase: string; participants: { pseudonym: string }[] } }; map: () => { screenPointOf(x: number, y: number): { x: number; y: number } } | undefined };
declare global { interface Window { jointex: Jx } }

export interface Product {
  base: string;
  errors: string[];
  person(name: string): Promise<Page>;
  shot(page: Page, name: string): Promise<unknown>;
  /** Runs a scenario of steps; on failure every page is photographed and the page errors are told. */
  run(steps: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startProduct(staff: { user: string; password: string; role: StaffRole }[]): Promise<Product> {
  mkdirSync(OUT, { recursive: true });
  const clientDir = mkdtempSync(join(tmpdir(), "jointex-e2e-client-"));
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "silent", build: { outDir: clientDir, emptyOutDir: true } });
  const store = await openDatabase({ sqliteFile: join(mkdtempSync(join(tmpdir(), "jointex-e2e-")), "e2e.sqlite") });
  const accounts = new Accounts(store.db);
  for (const s of staff) await accounts.createUser(s.user, s.password, s.role);
  const srv = await startServer({ port: 0, scenarios: await loadScenarioFolder(`${ROOT}scenarios`), clientDir, accounts, records: new Records(store.db) });
  const browser: Browser = await launchChromium();
  const errors: string[] = [];
  const pages = new Map<string, Page>();
  return {
    base: `http://127.0.0.1:${srv.port}`,
    errors,
    async person(name) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      pages.set(name, page);
      page.on("pageerror", (e) => errors.push(`${name}: ${String(e)}`));
      page.on("console", (m) => { if (m.type() === "error") errors.push(`${name}: ${m.text()}`); });
      return page;
    },
    shot: (page, name) => page.screenshot({ path: join(OUT, `${name}.png`) }),
    async run(steps) {
      try {
        await steps();
      } catch (e) {
        for (const [name, page] of pages) await page.screenshot({ path: join(OUT, `failed-${name}.png`) }).catch(() => undefined);
        throw new Error(`${(e as Error).message}\npage errors: ${JSON.stringify(errors)}`, { cause: e });
      }
    },
    async close() {
      await browser.close();
      await srv.close();
      await store.close();
    },
  };
}

export const ready = (page: Page) => page.waitForSelector("body[data-ready=true]", { state: "attached", timeout: 30_000 });
export const tick = (page: Page) => page.evaluate(() => window.jointex.store.m.tick);
export const unitIds = (page: Page) => page.evaluate(() => [...window.jointex.store.m.units.keys()].sort());

/** Signs in on the start page and lands on the staff desk. */
export async function signIn(page: Page, base: string, user: string, password: string): Promise<void> {
  await page.goto(base);
  await ready(page);
  await page.getByTestId("staff-user").fill(user);
  await page.getByTestId("staff-password").fill(password);
  await page.getByTestId("staff-signin").click();
  await page.waitForURL(/staff\.html/);
  await ready(page);
}

/** Creates an exercise on the staff desk and returns its trainee code. */
export async function createExercise(page: Page, scenario: string, cohort: string): Promise<string> {
  await page.getByTestId("run-scenario").selectOption(scenario);
  await page.getByTestId("run-cohort").fill(cohort);
  await page.getByTestId("run-seed").fill("1");
  await page.getByTestId("run-create").click();
  return (await page.getByTestId("trainee-code").textContent())?.trim() ?? "";
}

/** A trainee's way in: the start page, the code, a display name, a role. */
export async function joinAs(page: Page, base: string, code: string, name: string, role: string): Promise<void> {
  if (!page.url().startsWith(base)) { await page.goto(base); await ready(page); }
  await page.getByTestId("join-code").fill(code);
  await page.getByTestId("join-name").fill(name);
  await page.getByTestId("join-next").click();
  await page.locator(`[data-testid=join-role][data-role=${role}]`).check();
  await page.getByTestId("join-next").click();
  await page.waitForURL(/exercise\.html/);
  await ready(page);
}

/** Click on the map where a thing is: the page maps metres to screen pixels. */
export async function clickMap(page: Page, at: { x: number; y: number }, button: "left" | "right" = "left"): Promise<void> {
  const p = await page.evaluate(([x, y]) => window.jointex.map()?.screenPointOf(x, y), [at.x, at.y] as const);
  if (!p) throw new Error("no map");
  await page.mouse.click(p.x, p.y, { button });
}
