// The communications view models against the real Thionville scenario and the real command schemas:
// who a role can address, drafts turned into commands the engine accepts, inbox/outbox state,
// SPOC deadlines in exercise and legal time, and the decision log.
import i18next from "i18next";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import texts from "../../client/i18n/comms.ts";
import {
  ackCommand, activityOf, canReplyTo, clock, decisionAuthors, decisionLog, decisionToCommand, deadlines, draftToCommand, emptyDecision, emptyDraft,
  exconPlays, exconSpeaksAs, formatDuration, formatLeft, inbox, isSpocRequest, languageChoices, outbox, recipients, replyDraft, spocAdvice,
  storyTime, suggestChannel, suggestLanguage, suggestLegalBasis, threadOf, unreadCount, withSuggestions, type Draft,
} from "../../client/views/comms.ts";
import type { CommsItem, Seat, SpocItem } from "../../shared/protocol.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { AGENCIES, CHANNELS, DESK_KINDS, LEGAL_BASES, MESSAGE_KINDS, URGENCY } from "../../shared/scenario/vocab.ts";
import { DecisionCommand, MessageCommand } from "../../shared/sim/commands.ts";
import { flagship, setup } from "../support/scenarios.ts";

const sc = flagship("pursuit-thionville");
const seat = (role: string, kind: Seat["kind"] = "trainee"): Seat => ({ role, kind, pseudonym: "p" });
const frPatrol = seat("fr-patrol");
const ccpdDesk = seat("ccpd-desk");
const excon = seat("instructor", "instructor");
const draft = (d: Partial<Draft>): Draft => ({ ...emptyDraft(), ...d, fields: { ...emptyDraft().fields, ...d.fields } });

/** Thionville with the two SPOCs of Directive 2023/977 (the LU <- FR law pair already lists the LU SPOC's languages). */
const withSpocs: Scenario = structuredClone(sc);
withSpocs.desks.push(
  { id: "spoc-lu", kind: "spoc", name: { en: "Luxembourg SPOC", fr: "PCU du Luxembourg" }, country: "LU", languages: ["fr", "de", "en"] },
  { id: "spoc-fr", kind: "spoc", name: { en: "French SPOC (SCCOPOL)" }, country: "FR", languages: ["fr", "en"] },
);

beforeAll(async () => {
  await i18next.init({
    lng: "en", fallbackLng: "en", ns: ["comms"], defaultNS: "comms", interpolation: { escapeValue: false },
    resources: { en: { comms: texts.en }, fr: { comms: texts.fr }, de: { comms: texts.de } },
  });
});
afterEach(async () => { await i18next.changeLanguage("en"); });

describe("interface texts", () => {
  const keys = (o: unknown, p = ""): string[] =>
    typeof o === "object" && o ? Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k)) : [p];
  const get = (o: unknown, path: string) => path.split(".").reduce<unknown>((a, k) => (a as Record<string, unknown>)?.[k], o);

  it("has the same keys in en, fr and de, none empty", () => {
    expect(keys(texts.fr).sort()).toEqual(keys(texts.en).sort());
    expect(keys(texts.de).sort()).toEqual(keys(texts.en).sort());
    for (const l of ["en", "fr", "de"] as const) for (const k of keys(texts[l])) expect(String(get(texts[l], k)).trim(), `${l}:${k}`).not.toBe("");
  });

  it("labels every word of the vocabularies in every language", () => {
    const lists: [string, readonly string[]][] = [["kind", MESSAGE_KINDS], ["channel", CHANNELS], ["urgency", URGENCY], ["urgencyShort", URGENCY], ["basis", LEGAL_BASES], ["deskKind", DESK_KINDS], ["agency", AGENCIES]];
    for (const l of ["en", "fr", "de"] as const) for (const [ns, words] of lists) for (const w of words) expect(get(texts[l], `${ns}.${w}`), `${l}:${ns}.${w}`).toBeTypeOf("string");
  });

  it("uses the police names of a PCCC and the translated legal bases", () => {
    expect(texts.fr.deskKind.pccc).toBe("CCPD");
    expect(texts.de.deskKind.pccc).toBe("GZ");
    expect(texts.en.basis.cisa_41).toBe("Schengen Art. 41 (hot pursuit)");
    expect(texts.fr.basis.cisa_41).toBe("Schengen art. 41 (poursuite transfrontalière)");
    expect(texts.de.basis.cisa_41).toBe("Schengen Art. 41 (Nacheile)");
  });
});

describe("recipients", () => {
  it("lets the French patrol address every desk, the other roles and the parties, labelled with country and kind", () => {
    const r = recipients(sc, frPatrol);
    const ids = r.to.map((x) => x.id);
    expect(ids.slice(0, 4)).toEqual(["ccpd-lu", "cin-lu", "cic-fr", "lz-trier"]); // the PCCC first, then command centres
    expect(ids).toEqual(expect.arrayContaining(["ccpd-desk", "lu-patrol", "de-patrol", "fr-cic", "lu-cin", "media", "ccpd"]));
    expect(ids).not.toContain("fr-patrol");
    expect(ids).not.toContain("fr-pn"); // its own party reaches only itself
    expect(r.to.find((x) => x.id === "ccpd-lu")).toMatchObject({ type: "desk", kind: "pccc", country: "LU", countries: ["BE", "DE", "FR", "LU"], label: "CCPD Luxembourg duty desk · LU · PCCC", group: "Desks", languages: ["fr", "de", "en"] });
    expect(r.to.find((x) => x.id === "de-patrol")?.label).toBe("German patrol commander (PP Trier) · DE · role");
    expect(r.to.find((x) => x.id === "media")?.label).toBe("RTL Luxembourg newsroom · LU · media");
    expect(r.as).toEqual([]);
  });

  it("leaves out the role's own desks and offers them as 'speak as'", () => {
    const r = recipients(sc, ccpdDesk);
    expect(r.to.map((x) => x.id)).not.toContain("ccpd-lu");
    expect(r.to.map((x) => x.id)).not.toContain("ccpd-desk");
    expect(r.to.map((x) => x.id)).toContain("fr-patrol");
    expect(r.as.map((x) => x.id)).toEqual(["ccpd-lu"]);
  });

  it("labels in the interface language: CCPD in French, GZ in German, scenario names where translated", async () => {
    await i18next.changeLanguage("fr");
    const fr = recipients(sc, frPatrol);
    expect(fr.to.find((x) => x.id === "ccpd-lu")?.label).toBe("CCPD Luxembourg duty desk · LU · CCPD");
    expect(fr.to.find((x) => x.id === "lu-patrol")?.label).toBe("Chef de patrouille, région Sud · LU · rôle");
    expect(fr.to.find((x) => x.id === "lu-cin")?.label).toBe("Centre d'intervention national (CIN) · LU · police");
    expect(fr.to[0]?.group).toBe("Permanences");
    await i18next.changeLanguage("de");
    const de = recipients(sc, frPatrol);
    expect(de.to.find((x) => x.id === "ccpd-lu")?.label).toBe("CCPD Luxembourg duty desk · LU · GZ");
    expect(de.to.find((x) => x.id === "lz-trier")?.label).toBe("Lagezentrum PP Trier · DE · Lagezentrum");
    expect(de.to.find((x) => x.id === "de-patrol")?.label).toBe("Einsatzleiter Streife, PP Trier · DE · Rolle");
  });

  it("gives exercise control every recipient and every party or desk to speak as, its own parties first", () => {
    const r = recipients(sc, excon);
    expect(r.to).toHaveLength(sc.desks.length + sc.roles.length + sc.parties.length);
    const as = r.as.map((x) => x.id);
    expect(as).toEqual(["ccpd-lu", "cin-lu", "cic-fr", "lz-trier", "fr-cic", "lu-cin", "media", "garage-owner", "fr-pn", "lu-pgd", "ccpd", "de-pol"]);
  });

  it("gives observers nothing to send to", () => {
    expect(recipients(sc, seat("obs", "evaluator"))).toEqual({ to: [], as: [] });
  });
});

describe("defaults", () => {
  it("suggests Schengen Art. 41 for the French notice to the CCPD and to Trier, during a pursuit or not", () => {
    const notify = { kind: "notify" as const, to: "ccpd-lu", cc: [], as: "" };
    expect(suggestLegalBasis(sc, frPatrol, notify, { activity: "pursuit" })).toBe("cisa_41");
    expect(suggestLegalBasis(sc, frPatrol, notify)).toBe("cisa_41"); // ccpd-lu is on the LU <- FR notify list
    expect(suggestLegalBasis(sc, frPatrol, { ...notify, to: "lz-trier" })).toBe("cisa_41");
    expect(suggestLegalBasis(sc, seat("lu-patrol"), { ...notify, to: "ccpd-lu" }, { activity: "pursuit" })).toBe("cisa_41");
    expect(suggestLegalBasis(sc, seat("lu-patrol"), { ...notify, to: "ccpd-lu" })).toBe(""); // own country, no pursuit: nothing to suggest
    expect(suggestLegalBasis(sc, ccpdDesk, { kind: "information", to: "lu-patrol", cc: [], as: "" })).toBe("");
  });

  it("suggests Art. 41 for Luxembourg's stop request to the French pursuers, also when exercise control speaks as the CIN", () => {
    expect(suggestLegalBasis(sc, seat("lu-patrol"), { kind: "stop_request", to: "fr-patrol", cc: [], as: "" })).toBe("cisa_41");
    expect(suggestLegalBasis(sc, excon, { kind: "stop_request", to: "fr-patrol", cc: [], as: "cin-lu" })).toBe("cisa_41");
  });

  it("suggests Directive 2023/977 and SIENA for a request to a SPOC, and the basis of the message a reply answers", () => {
    const req = { kind: "request" as const, to: "spoc-lu", cc: [], as: "" };
    expect(suggestLegalBasis(withSpocs, frPatrol, req)).toBe("directive_2023_977");
    expect(suggestChannel(withSpocs, req)).toBe("siena");
    expect(suggestChannel(sc, { kind: "notify", to: "ccpd-lu", cc: [] })).toBe("phone");
    const msg: CommsItem = { kind: "message", id: "msg-9", t: 60, direction: "in", by: "lu-patrol", from: "lu-patrol", to: "fr-patrol", cc: [], messageKind: "stop_request", channel: "radio", language: "fr", legalBasis: "cisa_41", text: "Stop." };
    const reply = replyDraft(sc, frPatrol, msg);
    expect(reply).toMatchObject({ kind: "reply", to: "lu-patrol", in_reply_to: "msg-9", channel: "radio", legal_basis: "cisa_41", language: "en" });
  });

  it("suggests the interface language when the desk accepts it, else English, else the desk's language", () => {
    expect(suggestLanguage(sc, frPatrol, "ccpd-lu", "fr")).toBe("fr");
    expect(suggestLanguage(sc, frPatrol, "ccpd-lu", "de")).toBe("de");
    expect(suggestLanguage(sc, frPatrol, "lz-trier", "fr")).toBe("en");
    expect(suggestLanguage(sc, seat("de-patrol"), "cic-fr", "de")).toBe("fr");
    const choices = languageChoices(sc, frPatrol, "lz-trier", "fr");
    expect(choices.map((c) => [c.code, c.accepted])).toEqual([["de", true], ["en", true], ["fr", false]]);
    expect(choices.find((c) => c.code === "de")?.label).toBe("allemand (de)");
  });

  it("fills suggestions without overriding what the user chose", () => {
    const d = draft({ kind: "notify", to: "ccpd-lu", language: "en", legal_basis: "national_law" });
    expect(withSuggestions(sc, frPatrol, d, { lang: "fr" })).toMatchObject({ language: "fr", legal_basis: "cisa_41", channel: "phone" });
    expect(withSuggestions(sc, frPatrol, d, { lang: "fr", touched: new Set(["language", "legal_basis"]) })).toMatchObject({ language: "en", legal_basis: "national_law" });
  });

  it("reads pursuit or surveillance from the orders of the role's own units", () => {
    expect(activityOf(sc, frPatrol, [{ id: "fr-bac-1", order: "pursue" }])).toBe("pursuit");
    expect(activityOf(sc, frPatrol, [{ id: "fr-bac-2", order: "surveil" }, { id: "lu-dud-21", order: "pursue" }])).toBe("surveillance");
    expect(activityOf(sc, frPatrol, [{ id: "lu-dud-21", order: "pursue" }])).toBeNull();
  });
});

describe("draftToCommand", () => {
  it("says in plain words what is missing", () => {
    const r = draftToCommand(emptyDraft(), frPatrol, sc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { field: "kind", message: "choose the kind of message" },
      { field: "to", message: "choose who receives the message" },
      { field: "text", message: "write the message text" },
    ]);
  });

  it("says it in the interface language", async () => {
    await i18next.changeLanguage("de");
    const r = draftToCommand(draft({ kind: "notify", to: "ccpd-lu", text: "   " }), frPatrol, sc);
    expect(r.ok ? [] : r.issues).toEqual([{ field: "text", message: "Schreiben Sie den Nachrichtentext" }]);
  });

  it("reports what the schema refuses beside the right field", () => {
    const long = draftToCommand(draft({ kind: "notify", to: "ccpd-lu", text: "x".repeat(2001) }), frPatrol, sc);
    expect(long.ok ? [] : long.issues).toEqual([{ field: "text", message: "shorten this to 2000 characters or fewer" }]);
    const cc = draftToCommand(draft({ kind: "notify", to: "ccpd-lu", cc: Array.from({ length: 11 }, (_, i) => `x${i}`), text: "t" }), frPatrol, sc);
    expect(cc.ok ? [] : cc.issues).toEqual([{ field: "cc", message: "copy at most 10 recipients" }]);
    const bad = draftToCommand(draft({ kind: "notify", to: "Not An Id", text: "t" }), frPatrol, sc);
    expect(bad.ok ? [] : bad.issues).toEqual([{ field: "to", message: "choose who receives the message" }]);
    const purpose = draftToCommand(draft({ kind: "request", to: "spoc-lu", cc: ["spoc-fr"], urgency: "normal", text: "t", fields: { purpose: "p".repeat(501), grounds: "g", link_to_person: "l" } as Draft["fields"] }), frPatrol, withSpocs);
    expect(purpose.ok ? [] : purpose.issues).toEqual([{ field: "purpose", message: "shorten this to 500 characters or fewer" }]);
  });

  it("refuses to let a trainee speak as a desk that is not theirs", () => {
    const r = draftToCommand(draft({ kind: "notify", to: "lz-trier", as: "cin-lu", text: "t" }), ccpdDesk, sc);
    expect(r.ok ? [] : r.issues).toEqual([{ field: "as", message: "you can speak only as yourself or as one of your desks" }]);
    const ok = draftToCommand(draft({ kind: "notify", to: "lz-trier", as: "ccpd-lu", text: "t" }), ccpdDesk, sc);
    expect(ok.ok && ok.command.as).toBe("ccpd-lu");
  });

  it("builds the French notice to the CCPD that the scenario expects, accepted by the schema and by the engine", () => {
    const d = withSuggestions(sc, frPatrol, draft({ kind: "notify", to: "ccpd-lu", cc: ["ccpd-lu", "cin-lu", ""], about: "robbers", text: "  BAC 57-1 in pursuit of a black Audi RS6, crossing at Zoufftgen.  " }), { activity: "pursuit", lang: "fr" });
    const r = draftToCommand(d, frPatrol, sc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.command).toEqual({
      type: "message", to: "ccpd-lu", cc: ["cin-lu"], kind: "notify", channel: "phone", language: "fr", legal_basis: "cisa_41", about: "robbers",
      text: "BAC 57-1 in pursuit of a black Audi RS6, crossing at Zoufftgen.",
    });
    expect(r.warnings).toEqual([]);
    expect(MessageCommand.parse(r.command)).toEqual(r.command);
    const bed = setup(sc);
    bed.until(5); // the robbery inject spawns the robbers
    bed.run([{ by: "fr-patrol", cmd: r.command }]);
    expect(bed.events.find((e) => e.type === "command_rejected")).toBeUndefined();
    expect(bed.events.find((e) => e.type === "message_sent")).toMatchObject({ from: "fr-patrol", to: "ccpd-lu", cc: ["cin-lu"], kind: "notify", legalBasis: "cisa_41", language: "fr" });
  });

  it("shows the Art. 4(3) fields only for a request to a SPOC, and warns (without blocking) what the engine would score", () => {
    expect(isSpocRequest(withSpocs, { kind: "request", to: "spoc-lu", cc: [] })).toBe(true);
    expect(isSpocRequest(withSpocs, { kind: "request", to: "ccpd-lu", cc: ["spoc-lu"] })).toBe(true);
    expect(isSpocRequest(withSpocs, { kind: "notify", to: "spoc-lu", cc: [] })).toBe(false);
    expect(isSpocRequest(sc, { kind: "request", to: "ccpd-lu", cc: [] })).toBe(false);

    const bare = draft({ kind: "request", to: "spoc-lu", language: "nl", text: "Who owns the grey VW Golf?" });
    const r = draftToCommand(bare, frPatrol, withSpocs);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.field)).toEqual(["urgency", "purpose", "grounds", "link_to_person", "language", "cc"]);
    expect(r.warnings.find((w) => w.field === "purpose")?.message).toBe("a SPOC request needs a purpose");
    expect(r.warnings.find((w) => w.field === "cc")?.message).toBe("a request sent straight to a foreign SPOC is copied to your own SPOC (French SPOC (SCCOPOL))");
    expect(r.warnings.find((w) => w.field === "language")?.message).toBe("the Luxembourg SPOC accepts French (fr), German (de), English (en)");
    const blocked = draftToCommand(bare, frPatrol, withSpocs, { spoc: "block" });
    expect(blocked.ok ? [] : blocked.issues.map((i) => i.field)).toEqual(["urgency", "purpose", "grounds", "link_to_person", "language", "cc"]);
    expect(draftToCommand(bare, frPatrol, withSpocs, { spoc: "off" }).warnings).toEqual([]);
    // The fields never travel with other messages.
    const notice = draftToCommand(draft({ kind: "notify", to: "ccpd-lu", text: "t", fields: { purpose: "x" } as Draft["fields"] }), frPatrol, withSpocs);
    expect(notice.ok && "fields" in notice.command).toBe(false);
  });

  it("sends a complete urgent SPOC request that the engine records with an 8-hour deadline (8 minutes at 1:60)", () => {
    const d = withSuggestions(withSpocs, frPatrol, draft({
      kind: "request", to: "spoc-lu", cc: ["spoc-fr"], urgency: "urgent_direct", about: "robbers",
      text: "Registered keeper and recent checks of a grey VW Golf, Luxembourg plates, used by armed robbers.",
      fields: { purpose: "Identify armed robbers", grounds: "Armed robbery in Thionville today", link_to_person: "The car was used in the escape", urgency_reasons: "The suspects are armed and on the run", use_restrictions: "", judicial_authorisation_needed: false },
    }), { lang: "en" });
    const r = draftToCommand(d, frPatrol, withSpocs);
    expect(r.warnings).toEqual([]);
    expect(r.ok && r.command).toMatchObject({ channel: "siena", language: "en", legal_basis: "directive_2023_977", fields: { purpose: "Identify armed robbers", urgency_reasons: "The suspects are armed and on the run" } });
    expect(r.ok && r.command.fields && "use_restrictions" in r.command.fields).toBe(false);
    if (!r.ok) return;
    const bed = setup(withSpocs);
    bed.until(10);
    bed.run([{ by: "fr-patrol", cmd: r.command }]);
    expect(bed.violations()).toEqual([]);
    const req = bed.sim.state.spoc[0];
    expect(req).toMatchObject({ by: "fr-patrol", desk: "spoc-lu", requestedCountry: "LU", urgency: "urgent_direct", deadline: 10 + 480 });
    if (!req) return;
    const item: SpocItem = { id: req.id, t: req.tick, by: req.by, desk: req.desk, requestedCountry: req.requestedCountry, urgency: req.urgency, deadline: req.deadline, replied: req.replied, delayNotice: req.delayNotice };
    const [row] = deadlines([item], 10 + 48, sc.meta.clock_ratio, { scenario: withSpocs });
    expect(row).toMatchObject({ left: 432, legalLeft: 25920, status: "open", overdue: false, text: "7m 12s (legal 7h 12m)", deskLabel: "Luxembourg SPOC", urgencyLabel: "URGENT (direct)", statusLabel: "OPEN" });
  });
});

describe("inbox and outbox", () => {
  const items: CommsItem[] = [
    { kind: "delivery", id: "dl-1", t: 0, inject: "i-robbery", from: "fr-cic", channel: "radio", messageKind: "information", text: { en: "Armed robbery at the jeweller.", fr: "Braquage à la bijouterie." } },
    { kind: "message", id: "msg-4", t: 50, direction: "out", by: "fr-patrol", from: "fr-patrol", to: "fr-cic", cc: [], messageKind: "reply", channel: "radio", language: "fr", inReplyTo: "dl-1", text: "Bien reçu." },
    { kind: "message", id: "msg-1", t: 100, direction: "out", by: "fr-patrol", from: "fr-patrol", to: "ccpd-lu", cc: ["cin-lu"], messageKind: "notify", channel: "phone", language: "fr", legalBasis: "cisa_41", text: "Poursuite vers Zoufftgen." },
    { kind: "message", id: "msg-2", t: 130, direction: "in", by: "ccpd-desk", from: "ccpd-lu", to: "fr-patrol", cc: [], messageKind: "reply", channel: "phone", language: "fr", legalBasis: "cisa_41", inReplyTo: "msg-1", text: "Noté, CIN informé." },
    { kind: "message", id: "msg-3", t: 200, direction: "in", by: "instructor", from: "cin-lu", to: "fr-patrol", cc: [], messageKind: "stop_request", channel: "radio", language: "fr", legalBasis: "cisa_41", urgency: "urgent_direct", text: "Cessez la poursuite." },
    { kind: "decision", id: "dec-1", t: 205, by: "fr-patrol", decision: "Withdraw", options: ["Continue", "Withdraw"], rationale: "LU asked", legalBasis: "cisa_41" },
    { kind: "refused", id: "ref-1", t: 210, code: "order/not_your_unit", reason: "lu-dud-21 is not yours" },
    { kind: "message", id: "msg-5", t: 240, direction: "out", by: "fr-patrol", from: "fr-patrol", to: "cin-lu", cc: [], messageKind: "reply", channel: "radio", language: "fr", inReplyTo: "msg-3", text: "Bien reçu, nous cessons." },
    { kind: "message", id: "msg-6", t: 260, direction: "in", by: "instructor", from: "cin-lu", to: "fr-patrol", cc: [], messageKind: "information", channel: "radio", language: "en", inReplyTo: "msg-5", text: "Thank you." },
  ];

  it("lists what the patrol received, newest first, with read and acknowledgement state", () => {
    const rows = inbox(items, frPatrol, { scenario: sc, read: new Set(["msg-2"]) });
    expect(rows.map((r) => r.id)).toEqual(["msg-6", "msg-3", "msg-2", "dl-1"]);
    expect(unreadCount(rows)).toBe(3);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("dl-1")).toMatchObject({ source: "delivery", time: "0:00:00", fromLabel: "CIC Moselle (French dispatch) (FR)", kind: "information", kindLabel: "Information", channelLabel: "Radio", text: "Armed robbery at the jeweller.", acknowledged: true, ackedBy: "fr-patrol", ackedAt: 50, canAck: false });
    expect(byId.get("msg-3")).toMatchObject({ fromLabel: "CIN Luxembourg (LU)", kindLabel: "Stop request", urgencyLabel: "URGENT (direct)", legalBasisLabel: "Schengen Art. 41 (hot pursuit)", time: "0:03:20", acknowledged: true, ackedLabel: "acknowledged by French patrol commander (BAC Thionville) (FR) at 0:04:00" });
    expect(byId.get("msg-2")).toMatchObject({ read: true, thread: "msg-1", depth: 1, replyToLabel: "reply to French patrol commander (BAC Thionville) (FR) (0:01:40)" });
    expect(byId.get("msg-6")).toMatchObject({ thread: "msg-3", depth: 2, acknowledged: false, canAck: true });
  });

  it("shows scenario texts in the interface language", async () => {
    await i18next.changeLanguage("fr");
    const dl = inbox(items, frPatrol, { scenario: sc }).find((r) => r.id === "dl-1");
    expect(dl).toMatchObject({ text: "Braquage à la bijouterie.", language: "fr", fromLabel: "CIC de la Moselle (FR)", kindLabel: "Information" });
  });

  it("lists what the patrol sent and what was refused, with acknowledgement by the other side", () => {
    const rows = outbox(items, frPatrol, { scenario: sc });
    expect(rows.map((r) => r.id)).toEqual(["msg-5", "ref-1", "msg-1", "msg-4"]);
    expect(rows.every((r) => r.read && !r.canAck)).toBe(true);
    expect(rows.find((r) => r.id === "msg-1")).toMatchObject({ toLabel: "CCPD Luxembourg duty desk (LU)", ccLabel: "CIN Luxembourg (LU)", acknowledged: true, ackedBy: "ccpd-lu", ackedAt: 130 });
    expect(rows.find((r) => r.id === "msg-4")).toMatchObject({ acknowledged: false, thread: "dl-1", depth: 1 });
    expect(rows.find((r) => r.id === "ref-1")).toMatchObject({ source: "refused", kindLabel: "REFUSED", text: "lu-dud-21 is not yours", refusal: { code: "order/not_your_unit" } });
    expect(threadOf(items, frPatrol, "msg-6", { scenario: sc }).map((r) => r.id)).toEqual(["msg-3", "msg-5", "msg-6"]);
  });

  it("acknowledges with a reply in the interface language that the schema accepts", async () => {
    const msg3 = items[4] as CommsItem;
    const ack = ackCommand(sc, frPatrol, msg3);
    expect(ack).toEqual({ type: "message", to: "cin-lu", cc: [], kind: "reply", channel: "radio", language: "en", legal_basis: "cisa_41", in_reply_to: "msg-3", text: "Received and understood." });
    await i18next.changeLanguage("fr");
    expect(ackCommand(sc, frPatrol, items[7] as CommsItem)).toBeNull(); // its own message: nothing to acknowledge
    expect(ackCommand(sc, frPatrol, msg3)).toMatchObject({ to: "cin-lu", in_reply_to: "msg-3", language: "fr", text: "Bien reçu, compris.", channel: "radio" });
    await i18next.changeLanguage("de");
    expect(ackCommand(sc, frPatrol, msg3)?.text).toBe("Empfangen und verstanden.");
  });

  it("answers a delivery as the room numbers it (inject#n), unthreaded when its id is too long to quote, and never acknowledges a scripted text", () => {
    const d: CommsItem = { kind: "delivery", id: "i-stop-request#0", t: 1080, inject: "i-stop-request", from: "cin-lu", channel: "radio", messageKind: "stop_request", text: { en: "Stop." } };
    expect(replyDraft(sc, frPatrol, d)).toMatchObject({ kind: "reply", to: "cin-lu", in_reply_to: "i-stop-request#0", channel: "radio", as: "" });
    expect(replyDraft(sc, frPatrol, { ...d, id: `${"x".repeat(40)}#0` })).toMatchObject({ to: "cin-lu", in_reply_to: "" });
    expect(ackCommand(sc, frPatrol, d)).toBeNull();
    expect(inbox([d], frPatrol, { scenario: sc })[0]).toMatchObject({ canAck: false, canReply: true, observed: false, routeLabel: "" });
  });

  it("acknowledges a SPOC request as information, so that the receipt does not stop its deadline", () => {
    const req: CommsItem = { kind: "message", id: "msg-8", t: 20, direction: "in", by: "fr-patrol", from: "fr-patrol", to: "spoc-lu", cc: [], messageKind: "request", channel: "siena", language: "en", legalBasis: "directive_2023_977", urgency: "urgent_direct", text: "Keeper?" };
    expect(ackCommand(withSpocs, seat("lu-patrol"), req)).toMatchObject({ kind: "information", to: "fr-patrol", in_reply_to: "msg-8", channel: "siena", legal_basis: "directive_2023_977" });
  });

  it("lets exercise control answer as the desk or party a message was addressed to", () => {
    const notice: CommsItem = { kind: "message", id: "msg-1", t: 100, direction: "in", by: "fr-patrol", from: "fr-patrol", to: "cin-lu", cc: [], messageKind: "notify", channel: "phone", language: "fr", legalBasis: "cisa_41", text: "Poursuite." };
    expect(replyDraft(sc, excon, notice)).toMatchObject({ as: "cin-lu", to: "fr-patrol", in_reply_to: "msg-1", kind: "reply", legal_basis: "cisa_41" });
    expect(inbox([notice], excon, { scenario: sc })[0]).toMatchObject({ canAck: true, fromLabel: "French patrol commander (BAC Thionville) (FR)" });
    expect(inbox([notice], seat("obs", "evaluator"), { scenario: sc })[0]?.canAck).toBe(false);
  });

  it("lists recorded decisions, newest first, with their legal basis", () => {
    const rows = decisionLog([...items, { kind: "decision", id: "dec-2", t: 300, by: "fr-patrol", decision: "Report to Dudelange", options: [], rationale: "Art. 41(5)(g)" }], { scenario: sc });
    expect(rows.map((r) => r.id)).toEqual(["dec-2", "dec-1"]);
    expect(rows[1]).toMatchObject({ time: "0:03:25", byLabel: "French patrol commander (BAC Thionville) (FR)", options: ["Continue", "Withdraw"], legalBasisLabel: "Schengen Art. 41 (hot pursuit)" });
    expect(rows[0]?.legalBasisLabel).toBe("");
  });
});

describe("exercise control and observers", () => {
  const football = flagship("football-joint-patrols");
  const evaluator = seat("evaluator", "evaluator");
  const msg = (id: string, t: number, by: string, to: string, cc: string[] = [], more: Partial<Extract<CommsItem, { kind: "message" }>> = {}): Extract<CommsItem, { kind: "message" }> => ({
    kind: "message", id, t, direction: by === "instructor" ? "out" : "in", by, from: by, to, cc, messageKind: "notify", channel: "phone", language: "en", text: `${id} text`, ...more,
  });
  const row = <R extends { id: string }>(rows: R[], id: string): R | undefined => rows.find((r) => r.id === id);

  it("knows whom exercise control plays: instructor parties, and desks run by one or staffed by no role", () => {
    expect([...exconPlays(sc)].sort()).toEqual(["cic-fr", "cin-lu", "fr-cic", "garage-owner", "lu-cin", "lz-trier", "media"]);
    expect(exconPlays(sc).has("ccpd-lu")).toBe(false); // the CCPD duty officer (a trainee) staffs it
    expect([...exconPlays(football)].sort()).toEqual(["be-cic", "be-dirco", "de-leitstelle", "de-leitstelle-party", "media", "mvv-security", "nl-dispatch", "nl-staff", "ns-rail"]);
    expect(exconPlays(football).has("sgbo")).toBe(false); // staffed by the Dutch commander
    expect(exconPlays(football).has("epicc")).toBe(false); // staffed by the EPICC officer
    // A desk run by an instructor-played party is exercise control's even when a role lists it.
    const runBy: Scenario = structuredClone(sc);
    const ccpd = runBy.desks.find((d) => d.id === "ccpd-lu");
    if (ccpd) ccpd.party = "lu-cin";
    expect(exconPlays(runBy).has("ccpd-lu")).toBe(true);
    expect(recipients(sc, excon).as.find((r) => r.id === "ccpd-lu")?.playedBy).toBe("trainees");
    expect(recipients(sc, excon).as.find((r) => r.id === "cin-lu")?.playedBy).toBe("instructor");
  });

  it("shows exercise control traffic between trainees as observed, from X to Y, with nothing to acknowledge or answer", () => {
    const items: CommsItem[] = [
      msg("m-1", 60, "fr-patrol", "ccpd-lu"), // to a desk a trainee staffs
      msg("m-2", 70, "fr-patrol", "lu-patrol", ["de-patrol"]),
      { ...msg("m-3", 80, "ccpd-desk", "fr-patrol"), from: "ccpd-lu", messageKind: "reply", inReplyTo: "m-1" }, // the desk officer answers as the desk
    ];
    const rows = inbox(items, excon, { scenario: sc });
    expect(rows.map((r) => r.id)).toEqual(["m-3", "m-2", "m-1"]);
    for (const r of rows) expect(r).toMatchObject({ observed: true, canAck: false, canReply: false, speakAs: "" });
    expect(row(rows, "m-1")).toMatchObject({
      routeLabel: "from French patrol commander (BAC Thionville) (FR) to CCPD Luxembourg duty desk (LU)",
      acknowledged: true, ackedBy: "ccpd-lu", ackedLabel: "acknowledged by CCPD Luxembourg duty desk (LU) at 0:01:20",
    });
    expect(row(rows, "m-2")?.routeLabel).toBe("from French patrol commander (BAC Thionville) (FR) to Luxembourg patrol commander (south region) (LU), cc German patrol commander (PP Trier) (DE)");
    expect(row(rows, "m-3")).toMatchObject({ by: "ccpd-desk", byLabel: "CCPD Luxembourg duty officer (LU)", routeLabel: "from CCPD Luxembourg duty desk (LU) to French patrol commander (BAC Thionville) (FR)" });
    for (const i of items) {
      expect(ackCommand(sc, excon, i)).toBeNull();
      expect(canReplyTo(sc, excon, i)).toBe(false);
    }
  });

  it("lets exercise control acknowledge and answer only as a party or desk it plays, never as a trainee's desk", () => {
    // To the CCPD (staffed by a trainee), copied to the Luxembourg CIN party: exercise control answers as the CIN, not as the CCPD.
    const both = msg("m-1", 60, "fr-patrol", "ccpd-lu", ["lu-cin"], { legalBasis: "cisa_41" });
    expect(exconSpeaksAs(sc, both)).toBe("lu-cin");
    expect(inbox([both], excon, { scenario: sc })[0]).toMatchObject({ canAck: true, canReply: true, observed: false, speakAs: "lu-cin", speakAsLabel: "Grand-Ducal Police national command centre (CIN) (LU)" });
    expect(ackCommand(sc, excon, both)).toEqual({ type: "message", as: "lu-cin", to: "fr-patrol", cc: [], kind: "reply", channel: "phone", language: "en", legal_basis: "cisa_41", in_reply_to: "m-1", text: "Received and understood." });
    expect(replyDraft(sc, excon, both)).toMatchObject({ as: "lu-cin", to: "fr-patrol", kind: "reply", in_reply_to: "m-1" });
    // The addressee first: to the Trier control room (no role staffs it), copied to the CIN desk.
    expect(exconSpeaksAs(sc, msg("m-2", 61, "de-patrol", "lz-trier", ["cin-lu"]))).toBe("lz-trier");
    // Once exercise control has answered, its Acknowledge goes; a trainee's answer does not count as its own.
    const answered: CommsItem[] = [both, { ...msg("m-9", 90, "ccpd-desk", "fr-patrol"), from: "ccpd-lu", inReplyTo: "m-1" }];
    expect(inbox(answered, excon, { scenario: sc })[1]).toMatchObject({ id: "m-1", acknowledged: true, canAck: true, canReply: true });
    answered.push({ ...msg("m-10", 95, "instructor", "fr-patrol"), from: "lu-cin", messageKind: "reply", inReplyTo: "m-1" });
    expect(row(inbox(answered, excon, { scenario: sc }), "m-1")).toMatchObject({ canAck: false, canReply: true });
    expect(outbox(answered, excon, { scenario: sc })[0]).toMatchObject({ id: "m-10", by: "instructor", byLabel: "Exercise control", routeLabel: "from Grand-Ducal Police national command centre (CIN) (LU) to French patrol commander (BAC Thionville) (FR)" });
  });

  it("gives exercise control no Acknowledge or Reply on the scenario's scripted deliveries, and says whom they went to", () => {
    const d: CommsItem = { kind: "delivery", id: "i-stop-request#0", t: 1080, inject: "i-stop-request", from: "cin-lu", channel: "radio", messageKind: "stop_request", text: { en: "Stop." } };
    const adhoc: CommsItem = { ...d, id: "adhoc-1#0", inject: "adhoc-1" };
    const rows = inbox([d, adhoc], excon, { scenario: sc });
    expect(row(rows, d.id)).toMatchObject({ observed: true, canAck: false, canReply: false, to: ["fr-patrol", "ccpd-desk"], routeLabel: "from CIN Luxembourg (LU) to French patrol commander (BAC Thionville) (FR), CCPD Luxembourg duty officer (LU)" });
    expect(row(rows, adhoc.id)).toMatchObject({ canAck: false, to: [], routeLabel: "from CIN Luxembourg (LU)" });
    expect(ackCommand(sc, excon, d)).toBeNull();
    // The trainee who received it may answer the sender, but there is no Acknowledge on a scripted text.
    expect(inbox([d], frPatrol, { scenario: sc })[0]).toMatchObject({ canAck: false, canReply: true });
  });

  it("plays the football exercise's control rooms and stewards, and watches the joint patrols talk to the SGBO", () => {
    const items: CommsItem[] = [
      msg("f-1", 10, "de-spotter-lead", "de-leitstelle"), // desk no role staffs
      msg("f-2", 20, "nl-patrol-lead", "sgbo"), // desk the Dutch commander staffs
      msg("f-3", 30, "be-contingent-lead", "be-dirco"), // instructor-played party
      msg("f-4", 40, "epicc-officer", "nl-commander", ["mvv-security"]), // a role, copied to the stewards
      msg("f-5", 50, "be-contingent-lead", "epicc", ["nl-pol"]), // a staffed desk and a trainee party
    ];
    const rows = inbox(items, excon, { scenario: football });
    expect(rows.map((r) => [r.id, r.speakAs, r.canAck, r.observed])).toEqual([
      ["f-5", "", false, true],
      ["f-4", "mvv-security", true, false],
      ["f-3", "be-dirco", true, false],
      ["f-2", "", false, true],
      ["f-1", "de-leitstelle", true, false],
    ]);
    expect(ackCommand(football, excon, items[3] as CommsItem)).toMatchObject({ as: "mvv-security", to: "epicc-officer", in_reply_to: "f-4" });
    expect(ackCommand(football, excon, items[1] as CommsItem)).toBeNull();
    // The trainees themselves acknowledge what they receive.
    expect(inbox([items[1] as CommsItem], seat("nl-commander"), { scenario: football })[0]).toMatchObject({ canAck: true, canReply: true, observed: false, routeLabel: "" });
  });

  it("keeps observers read-only: every message is watched traffic, nothing to acknowledge, answer or send, no refusals of exercise control", () => {
    const items: CommsItem[] = [
      { kind: "delivery", id: "i-robbery#0", t: 0, inject: "i-robbery", from: "fr-cic", channel: "radio", messageKind: "information", text: { en: "Armed robbery." } },
      msg("m-1", 60, "fr-patrol", "cin-lu"),
      { ...msg("m-2", 70, "instructor", "fr-patrol"), from: "cin-lu", inReplyTo: "m-1" },
      { kind: "refused", id: "r1", t: 71, code: "message/unknown_recipient", reason: "x" },
      { kind: "decision", id: "d1", t: 72, by: "fr-patrol", decision: "Go on", options: [], rationale: "Notified." },
    ];
    const rows = inbox(items, evaluator, { scenario: sc });
    expect(rows.map((r) => r.id)).toEqual(["m-2", "m-1", "i-robbery#0"]);
    for (const r of rows) expect(r).toMatchObject({ observed: true, canAck: false, canReply: false, speakAs: "" });
    expect(row(rows, "m-1")).toMatchObject({ acknowledged: true, ackedBy: "cin-lu" });
    expect(row(rows, "m-2")).toMatchObject({ routeLabel: "from CIN Luxembourg (LU) to French patrol commander (BAC Thionville) (FR)", byLabel: "Exercise control" });
    expect(row(rows, "i-robbery#0")?.routeLabel).toBe("from CIC Moselle (French dispatch) (FR) to French patrol commander (BAC Thionville) (FR)");
    expect(outbox(items, evaluator, { scenario: sc })).toEqual([]);
    for (const i of items) expect(ackCommand(sc, evaluator, i)).toBeNull();
    expect(replyDraft(sc, evaluator, items[1] as CommsItem)).toEqual(emptyDraft());
    expect(draftToCommand(draft({ kind: "notify", to: "fr-patrol", text: "x" }), evaluator, sc)).toMatchObject({ ok: false });
    expect(recipients(sc, evaluator)).toEqual({ to: [], as: [] });
  });

  it("says who talks to whom in the interface language", async () => {
    await i18next.changeLanguage("fr");
    expect(inbox([msg("m-1", 60, "fr-patrol", "ccpd-lu", ["lu-patrol"])], excon, { scenario: sc })[0]?.routeLabel)
      .toBe("de Chef de patrouille BAC Thionville (FR) à CCPD Luxembourg duty desk (LU), cc Chef de patrouille, région Sud (LU)");
    await i18next.changeLanguage("de");
    expect(inbox([msg("m-1", 60, "fr-patrol", "cin-lu")], excon, { scenario: sc })[0]?.routeLabel).toBe("von French patrol commander (BAC Thionville) (FR) an CIN Luxembourg (LU)");
  });

  it("gives staff every role's decisions, newest first, filterable by role, with the role's title", () => {
    const decisions: CommsItem[] = [
      { kind: "decision", id: "d1", t: 100, by: "fr-patrol", decision: "Pursue into Luxembourg", options: [], rationale: "Art. 41", legalBasis: "cisa_41" },
      { kind: "decision", id: "d2", t: 150, by: "lu-patrol", decision: "Take over the pursuit", options: ["Take over", "Escort"], rationale: "Host state" },
      msg("m-1", 160, "fr-patrol", "cin-lu"),
      { kind: "decision", id: "d3", t: 200, by: "fr-patrol", decision: "Break off", options: [], rationale: "Asked to stop" },
    ];
    const all = decisionLog(decisions, { scenario: sc });
    expect(all.map((d) => [d.id, d.by, d.roleTitle])).toEqual([
      ["d3", "fr-patrol", "French patrol commander (BAC Thionville)"],
      ["d2", "lu-patrol", "Luxembourg patrol commander (south region)"],
      ["d1", "fr-patrol", "French patrol commander (BAC Thionville)"],
    ]);
    expect(decisionLog(decisions, { scenario: sc, by: "fr-patrol" }).map((d) => d.id)).toEqual(["d3", "d1"]);
    expect(decisionLog(decisions, { scenario: sc, by: "de-patrol" })).toEqual([]);
    expect(decisionLog(decisions, { scenario: sc, by: "" })).toHaveLength(3);
    expect(decisionAuthors(decisions, { scenario: sc })).toEqual([
      { id: "fr-patrol", label: "French patrol commander (BAC Thionville) (FR)", count: 2 },
      { id: "ccpd-desk", label: "CCPD Luxembourg duty officer (LU)", count: 0 },
      { id: "lu-patrol", label: "Luxembourg patrol commander (south region) (LU)", count: 1 },
      { id: "de-patrol", label: "German patrol commander (PP Trier) (DE)", count: 0 },
    ]);
    // Anyone else who recorded one comes after the roles.
    const withExcon = [...decisions, { kind: "decision" as const, id: "d4", t: 210, by: "instructor", decision: "x", options: [], rationale: "y" }];
    expect(decisionAuthors(withExcon, { scenario: sc }).at(-1)).toEqual({ id: "instructor", label: "Exercise control", count: 1 });
    expect(decisionLog(withExcon, { scenario: sc })[0]?.roleTitle).toBe("Exercise control");
  });
});

describe("SPOC deadlines", () => {
  const base = { by: "fr-patrol", desk: "spoc-lu", requestedCountry: "LU", delayNotice: null };
  const spoc: SpocItem[] = [
    { ...base, id: "msg-met", t: 10, urgency: "urgent_direct", deadline: 490, replied: 300 },
    { ...base, id: "msg-open", t: 100, urgency: "urgent_direct", deadline: 580, replied: null },
    { ...base, id: "msg-late", t: 20, urgency: "urgent_direct", deadline: 100, replied: 150 },
    { ...base, id: "msg-over", t: 30, urgency: "urgent_direct", deadline: 200, replied: null, delayNotice: 60 },
    { ...base, id: "msg-slow", t: 40, urgency: "normal", deadline: 40 + 10080, replied: null },
  ];

  it("counts down in exercise and in legal time, flags the overdue and tells met from late", () => {
    const rows = deadlines(spoc, 323, 60, { scenario: withSpocs });
    expect(rows.map((r) => [r.id, r.status])).toEqual([["msg-over", "overdue"], ["msg-open", "open"], ["msg-slow", "open"], ["msg-late", "late"], ["msg-met", "met"]]);
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get("msg-open")).toMatchObject({ left: 257, legalLeft: 15420, text: "4m 17s (legal 4h 17m)", overdue: false, title: "msg-open to Luxembourg SPOC (LU)" });
    expect(by.get("msg-over")).toMatchObject({ left: -123, overdue: true, text: "overdue by 2m 3s (legal 2h 3m)", statusLabel: "OVERDUE", delayLabel: "delay notice sent at 0:01:00" });
    expect(by.get("msg-slow")?.text).toBe("2h 43m (legal 6d 19h)");
    expect(by.get("msg-late")?.text).toBe("answered late at 0:02:30");
    expect(by.get("msg-met")?.text).toBe("answered in time at 0:05:00");
    // On the deadline tick itself the request is still in time.
    expect(deadlines(spoc, 580, 60).find((r) => r.id === "msg-open")).toMatchObject({ status: "open", text: "0s (legal 0s)" });
  });

  it("formats in French and German", async () => {
    await i18next.changeLanguage("fr");
    expect(formatLeft(432, 60)).toBe("7\u00a0min 12\u00a0s (délai légal 7\u00a0h 12\u00a0min)");
    await i18next.changeLanguage("de");
    expect(formatLeft(-432, 60)).toBe("überschritten um 7\u00a0Min. 12\u00a0Sek. (gesetzlich 7\u00a0Std. 12\u00a0Min.)");
  });

  it("formats times and durations", () => {
    expect(clock(0)).toBe("0:00:00");
    expect(clock(3725)).toBe("1:02:05");
    expect(formatDuration(45)).toBe("45s");
    expect(formatDuration(3 * 86400 + 3600)).toBe("3d 1h");
    expect(formatDuration(8 * 3600)).toBe("8h 0m");
    expect(storyTime(sc, 420)).toBe("16:47");
    expect(storyTime(sc, 8 * 3600)).toBe("00:40");
  });
});

describe("decisionToCommand", () => {
  it("says what is missing", () => {
    const r = decisionToCommand(emptyDecision());
    expect(r.ok ? [] : r.issues).toEqual([{ field: "decision", message: "write the decision" }, { field: "rationale", message: "write the rationale" }]);
  });

  it("drops empty options and builds a command the schema accepts", () => {
    const r = decisionToCommand({ decision: " Break off the pursuit ", options: ["Continue into LU", "  ", "Break off and hand over to LU"], rationale: "Luxembourg asked us to stop (Art. 41(1)).", legal_basis: "cisa_41" });
    expect(r).toEqual({ ok: true, command: { type: "decision", decision: "Break off the pursuit", options: ["Continue into LU", "Break off and hand over to LU"], rationale: "Luxembourg asked us to stop (Art. 41(1)).", legal_basis: "cisa_41" } });
    if (r.ok) expect(DecisionCommand.parse(r.command)).toEqual(r.command);
    const none = decisionToCommand({ decision: "d", options: [""], rationale: "r", legal_basis: "" });
    expect(none.ok && none.command).toEqual({ type: "decision", decision: "d", options: [], rationale: "r" });
  });

  it("points at the option line the schema refuses", () => {
    const r = decisionToCommand({ decision: "d", options: ["a", "", "x".repeat(301)], rationale: "r", legal_basis: "" });
    expect(r.ok ? [] : r.issues).toEqual([{ field: "options.2", message: "shorten this to 300 characters or fewer" }]);
    const many = decisionToCommand({ decision: "d", options: Array.from({ length: 11 }, (_, i) => `o${i}`), rationale: "r", legal_basis: "" });
    expect(many.ok ? [] : many.issues).toEqual([{ field: "options", message: "list at most 10 options" }]);
  });
});

describe("spocAdvice", () => {
  it("asks an urgent request for its reasons, and is silent once the request is complete", () => {
    const d = draft({ kind: "request", to: "spoc-lu", cc: ["spoc-fr"], urgency: "urgent_indirect", language: "fr", text: "t", fields: { purpose: "p", grounds: "g", link_to_person: "l" } as Draft["fields"] });
    expect(spocAdvice(withSpocs, frPatrol, d)).toEqual([{ field: "urgency_reasons", message: "an urgent SPOC request states why it is urgent" }]);
    expect(spocAdvice(withSpocs, frPatrol, { ...d, fields: { ...d.fields, urgency_reasons: "armed" } })).toEqual([]);
  });
});
