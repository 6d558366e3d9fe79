// The communications panel and the decision log in headless Chromium: the panels are bundled by Vite
// with a fake room (commands land in window.sent) and the real Thionville scenario, and driven through
// their data-testid hooks the way end-to-end tests will drive them. No port is opened: the page is
// served through Playwright's request routing.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommsItem, SpocItem } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { MessageCommand } from "../../shared/sim/commands.ts";
import { chromiumMissingReason, launchChromium } from "../support/browser.ts";
import { flagship, ROOT } from "../support/scenarios.ts";

declare global {
  interface Window {
    sent: unknown[];
    jxMount: (o: { panel: "comms" | "decisions"; scenario: Scenario; role: string; kind: string; lang: string; tick: number; comms: CommsItem[]; spoc: SpocItem[] }) => Promise<void>;
    jxStore: { m: { tick: number; comms: CommsItem[]; spoc: SpocItem[] }; emit: (...t: string[]) => void };
    jxLanguage: (l: string) => Promise<void>;
  }
}

const ENTRY = `
import { Store } from "${ROOT}client/exercise/store.ts";
import { initI18n, setLanguage } from "${ROOT}client/i18n/index.ts";
import { mountComms } from "${ROOT}client/panels/comms.ts";
import { mountDecisions } from "${ROOT}client/panels/decisions.ts";
window.sent = [];
window.jxMount = async (o) => {
  await initI18n(o.lang);
  const store = new Store();
  window.jxStore = store;
  Object.assign(store.m, { exerciseId: "ex-test", seat: { role: o.role, kind: o.kind, pseudonym: "tester" }, scenario: o.scenario, tick: o.tick, comms: o.comms, spoc: o.spoc, phase: "running" });
  store.m.actors.set("robbers", { id: "robbers", kind: "fleeing_vehicle", name: "The robbers", state: "fleeing", x: 0, y: 0, level: 0, size: 1 });
  store.m.units.set("fr-bac-1", { id: "fr-bac-1", party: "fr-pn", country: "FR", callsign: "BAC 57-1", type: "car", x: 0, y: 0, in: "FR", order: "pursue", target: "robbers", active: true });
  const net = { command: (c) => window.sent.push(c), control() {}, evaluate() {} };
  (o.panel === "comms" ? mountComms : mountDecisions)(document.getElementById("panel"), { store, net });
};
window.jxLanguage = async (l) => { await setLanguage(l); window.jxStore.emit("lang"); };
`;

const sc = flagship("pursuit-thionville");
const withSpocs: Scenario = structuredClone(sc);
withSpocs.desks.push(
  { id: "spoc-lu", kind: "spoc", name: { en: "Luxembourg SPOC" }, country: "LU", languages: ["fr", "de", "en"] },
  { id: "spoc-fr", kind: "spoc", name: { en: "French SPOC (SCCOPOL)" }, country: "FR", languages: ["fr", "en"] },
);
const history: CommsItem[] = [
  { kind: "delivery", id: "dl-1", t: 0, inject: "i-robbery", from: "fr-cic", channel: "radio", messageKind: "information", text: { en: "CIC Moselle to all BAC units: armed robbery at the jeweller.", fr: "CIC Moselle à toutes les BAC : braquage à la bijouterie." } },
  { kind: "message", id: "msg-1", t: 60, direction: "out", by: "fr-patrol", from: "fr-patrol", to: "ccpd-lu", cc: [], messageKind: "notify", channel: "phone", language: "fr", legalBasis: "cisa_41", text: "Poursuite vers Zoufftgen." },
  { kind: "message", id: "msg-3", t: 95, direction: "in", by: "instructor", from: "cin-lu", to: "fr-patrol", cc: [], messageKind: "stop_request", channel: "radio", language: "fr", legalBasis: "cisa_41", urgency: "urgent_direct", text: "Cessez la poursuite." },
  { kind: "decision", id: "dec-1", t: 97, by: "fr-patrol", decision: "Break off the pursuit", options: ["Continue", "Break off"], rationale: "Luxembourg asked us to stop.", legalBasis: "cisa_41" },
];
const spoc: SpocItem[] = [{ id: "msg-7", t: 20, by: "fr-patrol", desk: "spoc-lu", requestedCountry: "LU", urgency: "urgent_direct", deadline: 500, replied: null, delayNotice: null }];

const noBrowser = chromiumMissingReason();
describe.skipIf(noBrowser)(`comms panel in the browser${noBrowser ? ` (skipped: ${noBrowser})` : ""}`, () => {
  let browser: Browser;
  let js = "";
  let css = "";
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "jointex-comms-"));
    const entry = join(dir, "harness.js");
    writeFileSync(entry, ENTRY);
    const out = await build({
      configFile: false, root: ROOT, logLevel: "silent", define: { "process.env.NODE_ENV": '"production"' },
      build: { write: false, minify: false, cssCodeSplit: false, lib: { entry, formats: ["es"], fileName: "harness" } },
    });
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ("output" in o ? o.output : []));
    for (const f of outputs) {
      if (f.type === "chunk" && f.isEntry) js = f.code;
      else if (f.type === "asset" && f.fileName.endsWith(".css")) css += String(f.source);
    }
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => { await browser?.close(); });

  async function open(o: Partial<Parameters<Window["jxMount"]>[0]> = {}): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("http://jointex.test/**", (route) => {
      const url = route.request().url();
      if (url.endsWith("/harness.js")) return route.fulfill({ contentType: "text/javascript", body: js });
      if (url.endsWith("/favicon.ico")) return route.fulfill({ status: 204, body: "" });
      return route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body><div id="panel" style="width:440px"></div><script type="module" src="/harness.js"></script></body></html>` });
    });
    await page.goto("http://jointex.test/");
    await page.waitForFunction(() => typeof window.jxMount === "function");
    await page.evaluate((x) => window.jxMount(x), { panel: "comms", scenario: withSpocs, role: "fr-patrol", kind: "trainee", lang: "en", tick: 100, comms: history, spoc, ...o } as Parameters<Window["jxMount"]>[0]);
    return { page, errors };
  }
  const sent = (page: Page) => page.evaluate(() => window.sent);
  const visibleText = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]:not([hidden])`).allTextContents();

  it("lists received and sent messages with their hooks, time, sender, kind, urgency and legal basis", async () => {
    const { page, errors } = await open();
    const items = page.getByTestId("inbox").getByTestId("inbox-item");
    expect(await items.count()).toBe(2);
    const stop = page.locator('[data-testid="inbox-item"][data-id="msg-3"]');
    expect(await stop.getAttribute("data-kind")).toBe("stop_request");
    expect(await stop.getAttribute("data-from")).toBe("cin-lu");
    const text = await stop.textContent();
    for (const s of ["0:01:35", "Stop request", "URGENT (direct)", "CIN Luxembourg (LU)", "Schengen Art. 41 (hot pursuit)", "Cessez la poursuite."]) expect(text).toContain(s);
    expect(await page.locator('[data-testid="inbox-item"][data-id="dl-1"]').textContent()).toContain("armed robbery at the jeweller");
    expect(await page.getByTestId("outbox").getByTestId("outbox-item").count()).toBe(1);
    expect(await page.getByTestId("unread-count").textContent()).toBe("2 new");
    expect(await page.getByTestId("deadline").textContent()).toContain("6m 40s (legal 6h 40m)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows errors beside the fields, suggests the legal basis, ignores Enter in one-line fields and sends on Ctrl+Enter", async () => {
    const { page, errors } = await open();
    await page.getByTestId("compose-send").click();
    expect(await visibleText(page, "field-error")).toEqual(["⚠ choose the kind of message", "⚠ choose who receives the message", "⚠ write the message text"]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("compose-kind");
    await page.getByTestId("compose-kind").selectOption("notify");
    await page.getByTestId("compose-to").selectOption("ccpd-lu");
    expect(await page.getByTestId("compose-legal-basis").inputValue()).toBe("cisa_41");
    expect(await page.getByTestId("compose-fields").isVisible()).toBe(false);
    await page.getByTestId("compose-about").selectOption("robbers");
    await page.getByTestId("compose-text").fill("BAC 57-1 in pursuit of the black Audi, crossing at Zoufftgen.");
    expect(await sent(page)).toEqual([]);
    await page.getByTestId("compose-text").press("Control+Enter");
    const [cmd] = await sent(page);
    expect(cmd).toEqual({ type: "message", to: "ccpd-lu", cc: [], kind: "notify", channel: "phone", language: "en", legal_basis: "cisa_41", about: "robbers", text: "BAC 57-1 in pursuit of the black Audi, crossing at Zoufftgen." });
    expect(MessageCommand.safeParse(cmd).success).toBe(true);
    expect(await page.getByTestId("compose-text").inputValue()).toBe("");
    expect(await page.getByTestId("compose-status").textContent()).toBe("Message sent.");

    // A request to a SPOC shows the Art. 4(3) fields and says what the engine will score.
    await page.getByTestId("compose-kind").selectOption("request");
    await page.getByTestId("compose-to").selectOption("spoc-lu");
    expect(await page.getByTestId("compose-fields").isVisible()).toBe(true);
    expect(await page.getByTestId("compose-legal-basis").inputValue()).toBe("directive_2023_977");
    expect(await page.getByTestId("compose-channel").inputValue()).toBe("siena");
    expect(await visibleText(page, "field-warning")).toContain("Note: a SPOC request needs a purpose");
    await page.getByTestId("compose-purpose").fill("Identify the robbers");
    await page.getByTestId("compose-purpose").press("Enter");
    await page.getByTestId("compose-text").fill("Keeper of a grey VW Golf?");
    await page.getByTestId("compose-text").press("Enter");
    expect(await sent(page)).toHaveLength(1);
    await page.getByTestId("compose-send").click();
    expect((await sent(page))[1]).toMatchObject({ kind: "request", to: "spoc-lu", channel: "siena", legal_basis: "directive_2023_977", fields: { purpose: "Identify the robbers" }, text: "Keeper of a grey VW Golf?" }); // Enter in the text area is a new line (trimmed by the schema), not a send
    expect(errors).toEqual([]);
    await page.close();
  });

  it("acknowledges once, pre-fills a reply, counts deadlines down and shows refusals", async () => {
    const { page, errors } = await open();
    const stop = page.locator('[data-testid="inbox-item"][data-id="msg-3"]');
    expect(await stop.getByTestId("ack").getAttribute("aria-label")).toBe("Acknowledge the message from CIN Luxembourg (LU) at 0:01:35");
    // A scripted scenario text is answered with Reply, never acknowledged.
    expect(await page.locator('[data-testid="inbox-item"][data-id="dl-1"]').getByTestId("ack").count()).toBe(0);
    await stop.getByTestId("ack").click();
    expect(await sent(page)).toEqual([{ type: "message", to: "cin-lu", cc: [], kind: "reply", channel: "radio", language: "en", legal_basis: "cisa_41", in_reply_to: "msg-3", text: "Received and understood." }]);
    expect(await stop.getByTestId("ack").isDisabled()).toBe(true);
    expect(await stop.getAttribute("data-read")).toBe("true");

    await page.locator('[data-testid="inbox-item"][data-id="dl-1"]').getByTestId("reply").click();
    expect(await page.getByTestId("compose-kind").inputValue()).toBe("reply");
    expect(await page.getByTestId("compose-to").inputValue()).toBe("fr-cic");
    expect(await page.getByTestId("compose-channel").inputValue()).toBe("radio");
    expect(await page.getByTestId("compose-reply-to").textContent()).toContain("CIC Moselle (French dispatch) (FR)");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("compose-text");

    await page.evaluate(() => {
      const s = window.jxStore;
      s.m.comms.push({ kind: "message", id: "msg-9", t: 120, direction: "out", by: "fr-patrol", from: "fr-patrol", to: "cin-lu", cc: [], messageKind: "reply", channel: "radio", language: "en", inReplyTo: "msg-3", text: "Received and understood." });
      s.m.comms.push({ kind: "refused", id: "ref-1", t: 121, code: "message/unknown_recipient", reason: 'no role, desk or party "x"' });
      s.emit("comms");
      s.m.tick = 560;
      s.emit("tick");
    });
    expect(await stop.getAttribute("data-acked")).toBe("true");
    expect(await stop.getByTestId("ack").count()).toBe(0);
    expect(await page.getByTestId("refusal").textContent()).toContain("There is no such recipient (role, desk or party)");
    expect(await page.getByTestId("deadline").getAttribute("data-status")).toBe("overdue");
    expect(await page.getByTestId("deadline").textContent()).toContain("overdue by 1m 0s (legal 1h 0m)");
    expect(await page.locator('[data-testid="outbox-item"][data-kind="refused"]').textContent()).toContain("REFUSED");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks the interface language: CCPD and French labels after a switch to French", async () => {
    const { page, errors } = await open();
    await page.evaluate(() => window.jxLanguage("fr"));
    expect(await page.locator("h2").first().textContent()).toBe("Communications");
    expect(await page.getByTestId("compose-send").textContent()).toBe("Envoyer");
    expect(await page.getByTestId("compose-to").locator("option", { hasText: "CCPD Luxembourg duty desk · LU · CCPD" }).count()).toBe(1);
    expect(await page.locator('[data-testid="inbox-item"][data-id="dl-1"]').textContent()).toContain("braquage à la bijouterie");
    expect(await page.getByTestId("deadline").textContent()).toContain("délai légal");
    expect(errors).toEqual([]);
    await page.close();
  });

  // What exercise control and observers receive: every line, messages between trainees included (direction "in").
  const staffHistory: CommsItem[] = [
    { kind: "delivery", id: "i-robbery#0", t: 0, inject: "i-robbery", from: "fr-cic", channel: "radio", messageKind: "information", text: { en: "CIC Moselle to all BAC units: armed robbery at the jeweller." } },
    { kind: "message", id: "msg-1", t: 60, direction: "in", by: "fr-patrol", from: "fr-patrol", to: "ccpd-lu", cc: [], messageKind: "notify", channel: "phone", language: "fr", legalBasis: "cisa_41", text: "Poursuite vers Zoufftgen." },
    { kind: "message", id: "msg-2", t: 70, direction: "in", by: "fr-patrol", from: "fr-patrol", to: "ccpd-lu", cc: ["cin-lu"], messageKind: "notify", channel: "phone", language: "fr", legalBasis: "cisa_41", text: "Franchissement à Zoufftgen." },
    { kind: "message", id: "msg-3", t: 95, direction: "out", by: "instructor", from: "cin-lu", to: "fr-patrol", cc: [], messageKind: "stop_request", channel: "radio", language: "fr", legalBasis: "cisa_41", text: "Cessez la poursuite." },
    { kind: "decision", id: "dec-1", t: 97, by: "fr-patrol", decision: "Break off the pursuit", options: ["Continue", "Break off"], rationale: "Luxembourg asked us to stop.", legalBasis: "cisa_41" },
    { kind: "decision", id: "dec-2", t: 99, by: "lu-patrol", decision: "Take over at Dudelange", options: [], rationale: "Host state." },
    { kind: "refused", id: "ref-1", t: 100, code: "message/unknown_recipient", reason: "exercise control's own refusal" },
  ];

  it("gives exercise control a 'speak as' choice, Acknowledge only as a party it plays, and trainee traffic as observed", async () => {
    const { page, errors } = await open({ role: "instructor", kind: "instructor", comms: staffHistory, spoc: [] });
    const as = await page.getByTestId("compose-as").locator("option").allTextContents();
    expect(as[0]).toBe("myself (Exercise control)");
    expect(as).toContain("CIN Luxembourg · LU · command centre");
    expect(await page.getByTestId("inbox-excon-note").isVisible()).toBe(true);
    const item = (id: string) => page.locator(`[data-testid="inbox-item"][data-id="${id}"]`);
    // Between two trainees (the French patrol and the CCPD desk a trainee staffs): watched, not answered.
    expect(await item("msg-1").getAttribute("data-observed")).toBe("true");
    expect(await item("msg-1").getByTestId("ack").count()).toBe(0);
    expect(await item("msg-1").getByTestId("reply").count()).toBe(0);
    expect(await item("msg-1").getByTestId("observed").textContent()).toBe("observed");
    expect(await item("msg-1").getByTestId("mail-route").textContent()).toBe("from French patrol commander (BAC Thionville) (FR) to CCPD Luxembourg duty desk (LU)");
    // The scripted delivery is exercise control's own text.
    expect(await item("i-robbery#0").getByTestId("ack").count()).toBe(0);
    expect(await item("i-robbery#0").getByTestId("reply").count()).toBe(0);
    // Copied to the CIN, which exercise control plays: it acknowledges as the CIN, not as the CCPD.
    expect(await item("msg-2").getAttribute("data-as")).toBe("cin-lu");
    expect(await item("msg-2").getByTestId("reply").textContent()).toBe("Reply as CIN Luxembourg (LU)");
    expect(await item("msg-2").getByTestId("ack").getAttribute("aria-label")).toBe("Acknowledge as CIN Luxembourg (LU) the message from French patrol commander (BAC Thionville) (FR) at 0:01:10");
    await item("msg-2").getByTestId("ack").click();
    expect(await sent(page)).toEqual([{ type: "message", as: "cin-lu", to: "fr-patrol", cc: [], kind: "reply", channel: "phone", language: "en", legal_basis: "cisa_41", in_reply_to: "msg-2", text: "Received and understood." }]);
    await item("msg-2").getByTestId("reply").click();
    expect(await page.getByTestId("compose-as").inputValue()).toBe("cin-lu");
    expect(await page.getByTestId("compose-to").inputValue()).toBe("fr-patrol");
    // What exercise control sent as the CIN is in its Sent box, from the CIN to the patrol.
    expect(await page.locator('[data-testid="outbox-item"][data-id="msg-3"]').getByTestId("mail-route").textContent()).toContain("from CIN Luxembourg (LU) to French patrol commander (BAC Thionville) (FR)");
    // French: the observed label and the button's accessible name are translated.
    await page.evaluate(() => window.jxLanguage("fr"));
    expect(await item("msg-1").getByTestId("observed").textContent()).toBe("observé");
    expect(await item("msg-2").getByTestId("reply").getAttribute("aria-label")).toBe("Répondre au nom de CIN Luxembourg (LU) au message de Chef de patrouille BAC Thionville (FR) reçu à 0:01:10");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps observers read-only: no composer, no Acknowledge or Reply, no Sent box, no refusals", async () => {
    const { page, errors } = await open({ role: "evaluator", kind: "evaluator", comms: staffHistory, spoc: [] });
    expect(await page.getByTestId("compose-readonly").textContent()).toBe("Observers read the communications; they do not send messages.");
    expect(await page.getByTestId("compose-send").count()).toBe(0);
    expect(await page.getByTestId("ack").count()).toBe(0);
    expect(await page.getByTestId("reply").count()).toBe(0);
    expect(await page.getByTestId("inbox-item").count()).toBe(4); // exercise control's own message included
    expect(await page.getByTestId("outbox").isVisible()).toBe(false);
    expect(await page.getByTestId("refusal").isVisible()).toBe(false);
    expect(await page.getByTestId("observed").count()).toBe(0); // everything is observed: no badge
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets exercise control follow every role's decisions live, filtered by role, without a form", async () => {
    const { page, errors } = await open({ panel: "decisions", role: "instructor", kind: "instructor", comms: staffHistory, spoc: [] });
    expect(await page.getByTestId("decision-form").count()).toBe(0);
    expect(await page.getByTestId("decisions-readonly").isVisible()).toBe(true);
    const ids = () => page.getByTestId("decision-item").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    expect(await ids()).toEqual(["dec-2", "dec-1"]);
    expect(await page.locator('[data-testid="decision-item"][data-id="dec-2"] [data-testid="decision-by"]').textContent()).toBe("Luxembourg patrol commander (south region) (LU)");
    const filter = page.getByTestId("decision-filter");
    expect(await filter.locator("option").allTextContents()).toEqual([
      "all roles (2)", "French patrol commander (BAC Thionville) (FR) (1)", "CCPD Luxembourg duty officer (LU) (0)", "Luxembourg patrol commander (south region) (LU) (1)", "German patrol commander (PP Trier) (DE) (0)",
    ]);
    await filter.selectOption("fr-patrol");
    expect(await ids()).toEqual(["dec-1"]);
    // A new decision of the French patrol arrives: shown at once, first, and counted.
    await page.evaluate(() => {
      const s = window.jxStore;
      s.m.comms.push({ kind: "decision", id: "dec-3", t: 130, by: "fr-patrol", decision: "Hand over to Luxembourg", options: [], rationale: "Border reached." });
      s.m.comms.push({ kind: "decision", id: "dec-4", t: 131, by: "lu-patrol", decision: "Stop the Golf", options: [], rationale: "Host state." });
      s.emit("comms");
    });
    expect(await ids()).toEqual(["dec-3", "dec-1"]);
    expect(await filter.inputValue()).toBe("fr-patrol");
    expect(await filter.locator("option").first().textContent()).toBe("all roles (4)");
    await filter.selectOption("ccpd-desk");
    expect(await ids()).toEqual([]);
    expect(await page.getByTestId("decision-log").textContent()).toContain("This role has recorded no decision yet.");
    await filter.selectOption("");
    expect(await ids()).toEqual(["dec-4", "dec-3", "dec-2", "dec-1"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows observers the decision log read-only", async () => {
    const { page, errors } = await open({ panel: "decisions", role: "evaluator", kind: "evaluator", comms: staffHistory, spoc: [] });
    expect(await page.getByTestId("decision-form").count()).toBe(0);
    expect(await page.getByTestId("decision-record").count()).toBe(0);
    expect(await page.getByTestId("decisions-readonly").textContent()).toBe("Observers follow the decision log; they do not record decisions.");
    expect(await page.getByTestId("decision-item").count()).toBe(2);
    expect(await page.getByTestId("decision-filter").isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("records a decision with options, rationale and legal basis", async () => {
    const { page, errors } = await open({ panel: "decisions" });
    expect(await page.getByTestId("decision-item").count()).toBe(1);
    await page.getByTestId("decision-record").click();
    expect(await visibleText(page, "field-error")).toEqual(["⚠ write the decision", "⚠ write the rationale"]);
    await page.getByTestId("decision-text").fill("Break off the pursuit");
    await page.getByTestId("decision-option").first().fill("Continue into Luxembourg");
    await page.getByTestId("decision-option").first().press("Enter");
    await page.getByTestId("decision-option-add").click();
    await page.keyboard.type("Break off and hand over to Luxembourg");
    await page.getByTestId("decision-rationale").fill("The host asked us to stop (Art. 41(1)).");
    await page.getByTestId("decision-basis").selectOption("cisa_41");
    await page.getByTestId("decision-rationale").press("Control+Enter");
    expect(await sent(page)).toEqual([{ type: "decision", decision: "Break off the pursuit", options: ["Continue into Luxembourg", "Break off and hand over to Luxembourg"], rationale: "The host asked us to stop (Art. 41(1)).", legal_basis: "cisa_41" }]);
    expect(await page.getByTestId("decision-text").inputValue()).toBe("");
    expect(errors).toEqual([]);
    await page.close();
  });
});
