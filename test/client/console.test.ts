// Exercise control's console and the evaluator view, without a browser: the live snapshot built from
// the real engine (shared/console-snapshot.ts) and the view models the panels draw from it.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  adhocInjectFromForm, adhocOptions, clock, describeCondition, injectRows, instructorParties, nextAdhocId, objectiveRows,
  participantRows, span, storyTime, violationRows, type AdhocForm, type Tr,
} from "../../client/views/console.ts";
import texts from "../../client/i18n/console.ts";
import { consoleSnapshot } from "../../shared/console-snapshot.ts";
import { Inject } from "../../shared/scenario/schema.ts";
import { ACTOR_STATES } from "../../shared/scenario/vocab.ts";
import { scoreExercise } from "../../shared/score/scorecard.ts";
import { Command } from "../../shared/sim/commands.ts";
import { flagship, ROOT, setup } from "../support/scenarios.ts";

const SCENARIO = flagship("pursuit-thionville");
const pursue = { by: "fr-patrol", cmd: { type: "order", unit: "fr-bac-1", order: "pursue", target: "robbers" } };
const row = (rows: ReturnType<typeof injectRows>, id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

/** Pursue at 5 s but never notify Luxembourg: i-heading-border fires at 3 min and its notification is missed at 9 min. */
function unnotifiedPursuit(until: number) {
  const b = setup(SCENARIO, 1);
  b.until(5);
  b.run([pursue]);
  b.until(until);
  return b;
}

describe("consoleSnapshot (the room's live picture for exercise control)", () => {
  it("shows an `at:` inject pending before its time and fired after it, with its expected action met or missed", () => {
    const b = unnotifiedPursuit(100);
    let snap = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    expect(snap.tick).toBe(100);
    expect(snap.injects.map((i) => i.id)).toEqual(SCENARIO.injects.map((i) => i.id));
    const robbery = snap.injects.find((i) => i.id === "i-robbery");
    expect(robbery).toMatchObject({ trigger: "at", at: 0, fired: 0, adhoc: false });
    expect(robbery?.expected[0]).toMatchObject({ id: "pursue", by: ["fr-patrol"], deadline: 180, doneBy: ["fr-patrol"], met: 5, missed: false });
    const heading = snap.injects.find((i) => i.id === "i-heading-border");
    // Not fired yet: the deadline stands for the time allowed (6 min).
    expect(heading).toMatchObject({ trigger: "at", at: 180, fired: null });
    expect(heading?.expected[0]).toMatchObject({ id: "notify-ccpd", deadline: 360, met: null, missed: false });
    expect(snap.injects.find((i) => i.id === "i-crossing")?.trigger).toBe("when");
    expect(snap.injects.find((i) => i.id === "i-who-are-you")?.trigger).toBe("contingency");
    expect(snap.injects.find((i) => i.id === "i-press")?.trigger).toBe("manual");

    b.until(600);
    snap = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    const after = snap.injects.find((i) => i.id === "i-heading-border");
    expect(after?.fired).toBe(180);
    expect(after?.expected[0]).toMatchObject({ deadline: 540, met: null, missed: true, doneBy: [] });
    // The contingency of that miss has fired.
    expect(snap.injects.find((i) => i.id === "i-who-are-you")?.fired).toBe(540);
  });

  it("rates objectives and the whole exercise exactly as the scorecard does, and lists the legal findings", () => {
    const b = unnotifiedPursuit(600);
    const snap = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    const card = scoreExercise(SCENARIO, b.events);
    expect(snap.objectives.map((o) => [o.id, o.rating])).toEqual(card.objectives.map((o) => [o.id, o.final]));
    expect(snap.objectives.map((o) => o.reasons)).toEqual(card.objectives.map((o) => o.reasons));
    expect(snap.overall).toEqual({ rating: card.overall.rating, score: card.overall.score });
    const notify = snap.objectives.find((o) => o.id === "o-notify");
    expect(notify).toMatchObject({ rating: "M", rated: ["fr-patrol"], achievedAt: null });
    expect(notify?.reasons.join(" ")).toMatch(/i-heading-border\/notify-ccpd/);
    // French crews crossed into Luxembourg without contacting the host.
    const found = b.events.filter((e) => e.type === "violation");
    expect(found.length).toBeGreaterThan(0);
    expect(snap.violations).toEqual(found.map((v) => ({ t: v.t, code: v.code, article: v.article, role: v.role, ...(v.unit ? { unit: v.unit } : {}), detail: v.detail })));
    expect(snap.violations[0]).toMatchObject({ code: "pursuit/not_notified_at_crossing", article: "CISA Art. 41(1)", role: "fr-patrol", unit: "fr-bac-1" });
  });

  it("stays correct when called again on the same growing event list (the room calls it every second)", () => {
    const b = unnotifiedPursuit(200);
    const first = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    expect(first.violations).toEqual([]);
    b.until(600);
    const again = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    const fresh = consoleSnapshot(SCENARIO, b.sim.state, [...b.events]);
    expect(again).toEqual(fresh);
    expect(again.violations.length).toBeGreaterThan(0);
    // A shorter list under the same array (it was trimmed) is filtered again from the start.
    const trimmed = b.events.splice(0, b.events.length, ...b.events.filter((e) => e.type !== "violation"));
    expect(trimmed.length).toBeGreaterThan(b.events.length);
    expect(consoleSnapshot(SCENARIO, b.sim.state, b.events).violations).toEqual([]);
  });

  it("merges evaluators' ratings into the live rating", () => {
    const b = unnotifiedPursuit(100);
    const snap = consoleSnapshot(SCENARIO, b.sim.state, b.events, { notes: [], overrides: [], ratings: [{ evaluator: "eve", objective: "o-stop", rating: "S", reason: "hesitant" }] });
    expect(snap.objectives.find((o) => o.id === "o-stop")?.rating).toBe("S");
  });

  it("lists an ad-hoc inject after the scenario's, fired at once", () => {
    const b = unnotifiedPursuit(50);
    const r = adhocInjectFromForm({ title: "Flat tyre", from: "lu-cin", to: ["fr-patrol"], channel: "radio", kind: "information", text: "BAC 57-1 reports a flat tyre." }, SCENARIO);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const step = b.run([{ by: "instructor", cmd: { type: "adhoc_inject", inject: r.input } }]);
    expect(step.rejections).toEqual([null]);
    const snap = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    expect(snap.injects.at(-1)).toMatchObject({ id: "adhoc-1", adhoc: true, trigger: "manual", fired: 50, title: { en: "Flat tyre" } });
  });
});

describe("injectRows", () => {
  it("gives each inject its status, due time, expected actions and whether it can be fired", () => {
    const b = unnotifiedPursuit(100);
    const rows = injectRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO, b.sim.state.tick);
    expect(rows.map((r) => r.id)).toEqual(SCENARIO.injects.map((i) => i.id));
    expect(row(rows, "i-robbery")).toMatchObject({ status: "fired", fired: 0, overall: "met", canFire: false });
    expect(row(rows, "i-robbery").expected[0]).toMatchObject({ state: "met", doneBy: ["fr-patrol"], latency: 5, metAt: 5, missing: [] });
    expect(row(rows, "i-heading-border")).toMatchObject({ status: "pending", trigger: "at", at: 180, dueIn: 80, overall: "pending", canFire: true });
    expect(row(rows, "i-heading-border").expected[0]).toMatchObject({ state: "not_fired", within: 360, deadline: null, left: null });
    expect(row(rows, "i-crossing")).toMatchObject({ status: "pending", trigger: "when", condition: { crosses_border: { who: "robbers", into: "LU" } } });
    expect(row(rows, "i-who-are-you")).toMatchObject({ trigger: "contingency", contingencyFor: { inject: "i-heading-border", expected: "notify-ccpd" }, canFire: true });
    expect(row(rows, "i-press")).toMatchObject({ trigger: "manual", status: "pending", canFire: true, deliveries: [{ from: "media", to: ["ccpd-desk", "lu-patrol"], channel: "phone", kind: "information" }] });
  });

  it("counts the time left on a waiting action, then shows it missed with who missed it", () => {
    const b = unnotifiedPursuit(300);
    let r = row(injectRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO, 300), "i-heading-border");
    expect(r).toMatchObject({ status: "fired", fired: 180, overall: "waiting", canFire: false });
    expect(r.expected[0]).toMatchObject({ state: "waiting", deadline: 540, left: 240, within: 360, missing: ["fr-patrol"] });
    // The page's tick runs ahead of the snapshot: the time left follows the page.
    expect(row(injectRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO, 310), "i-heading-border").expected[0]?.left).toBe(230);
    b.until(600);
    const rows = injectRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO, 600);
    r = row(rows, "i-heading-border");
    expect(r.overall).toBe("missed");
    expect(r.expected[0]).toMatchObject({ state: "missed", left: null, missing: ["fr-patrol"], doneBy: [] });
    expect(row(rows, "i-who-are-you")).toMatchObject({ status: "fired", fired: 540, overall: "waiting" });
  });

  it("shows a partly missed inject when one expected action is met and another missed", () => {
    const snap = consoleSnapshot(SCENARIO, setup(SCENARIO).sim.state, []);
    const germany = snap.injects.find((i) => i.id === "i-into-germany");
    if (!germany) throw new Error("no i-into-germany");
    germany.fired = 1000;
    germany.expected = [
      { ...(germany.expected[0] as (typeof germany.expected)[number]), deadline: 1060, doneBy: ["lu-patrol"], met: 1010 },
      { ...(germany.expected[1] as (typeof germany.expected)[number]), deadline: 1180, missed: true },
    ];
    const r = row(injectRows(snap, SCENARIO, 1200), "i-into-germany");
    expect(r.overall).toBe("partly_missed");
    expect(r.expected.map((x) => [x.state, x.latency, x.missing])).toEqual([["met", 10, []], ["missed", null, ["de-patrol"]]]);
  });

  it("works before the first snapshot arrives", () => {
    const rows = injectRows(null, SCENARIO, 0);
    expect(rows).toHaveLength(SCENARIO.injects.length);
    expect(rows.every((r) => r.status === "pending" && r.canFire)).toBe(true);
    expect(row(rows, "i-robbery").expected[0]).toMatchObject({ state: "not_fired", within: 180 });
  });

  it("describes a trigger condition in words through the translation keys", () => {
    const tr: Tr = (key, vars) => `${key.replace("console:", "")}${vars ? JSON.stringify(vars) : ""}`;
    const sw = SCENARIO.injects.find((i) => i.id === "i-switch")?.trigger;
    if (!sw || !("when" in sw)) throw new Error("i-switch has a when trigger");
    expect(describeCondition(sw.when, tr)).toBe('cond.at{"time":"00:22:00"} cond.and cond.actor_state{"actor":"robbers","state":"actorState.hiding"}');
    const en = (key: string, vars?: Record<string, unknown>) => {
      let s = key.replace("console:", "").split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts.en) as string;
      for (const [k, v] of Object.entries(vars ?? {})) s = s.replace(`{{${k}}}`, String(v));
      return s;
    };
    expect(describeCondition({ crosses_border: { who: "robbers", into: "LU" } }, en, (id) => (id === "robbers" ? "The robbers" : id))).toBe("border crossing The robbers → LU");
  });
});

describe("objectiveRows", () => {
  it("gives the rating letter and word, the reasons, the rated roles, and flags outcomes still open", () => {
    const b = unnotifiedPursuit(600);
    const rows = objectiveRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO);
    expect(rows.map((o) => o.id)).toEqual(SCENARIO.objectives.map((o) => o.id));
    const notify = rows.find((o) => o.id === "o-notify");
    expect(notify).toMatchObject({ rating: "M", word: "console:rating.M", open: false, weight: 2, rated: [{ id: "fr-patrol", title: { en: "French patrol commander (BAC Thionville)" } }] });
    expect(notify?.reasons.length).toBeGreaterThan(0);
    // Apprehension by 45 min: not reached yet, so its U is provisional.
    expect(rows.find((o) => o.id === "o-apprehend")).toMatchObject({ rating: "U", word: "console:rating.U", open: true, deadline: 2700 });
    expect(rows.find((o) => o.id === "o-information")).toMatchObject({ open: false, deadline: null });
  });
});

describe("participantRows", () => {
  it("groups people by role, says who is connected, and flags empty roles", () => {
    const groups = participantRows([
      { id: "1", pseudonym: "bruno", role: "fr-patrol", kind: "trainee", connected: true },
      { id: "2", pseudonym: "anna", role: "fr-patrol", kind: "trainee", connected: false },
      { id: "3", pseudonym: "luc", role: "lu-patrol", kind: "trainee", connected: false },
      { id: "4", pseudonym: "exc", role: "instructor", kind: "instructor", connected: true },
      { id: "5", pseudonym: "eve", role: "evaluator", kind: "evaluator", connected: true },
    ], SCENARIO);
    expect(groups.map((g) => [g.role, g.kind])).toEqual([
      ["fr-patrol", "role"], ["ccpd-desk", "role"], ["lu-patrol", "role"], ["de-patrol", "role"], ["instructor", "instructor"], ["evaluator", "evaluator"],
    ]);
    const fr = groups[0];
    expect(fr).toMatchObject({ connected: 1, empty: false, unstaffed: false, over: false, max: 4 });
    expect(fr?.players.map((p) => [p.pseudonym, p.connected])).toEqual([["bruno", true], ["anna", false]]);
    expect(groups.find((g) => g.role === "ccpd-desk")).toMatchObject({ empty: true, players: [] });
    expect(groups.find((g) => g.role === "lu-patrol")).toMatchObject({ empty: false, unstaffed: true });
  });
});

describe("parties exercise control plays", () => {
  it("are the instructor-played parties and the desks no role staffs", () => {
    expect(instructorParties(SCENARIO).map((p) => `${p.kind}:${p.id}`)).toEqual([
      "party:fr-cic", "party:lu-cin", "party:media", "party:garage-owner", "desk:cin-lu", "desk:cic-fr", "desk:lz-trier",
    ]);
    const opt = adhocOptions(SCENARIO);
    expect(opt.from.slice(0, 4).every((f) => f.played)).toBe(true);
    expect(opt.to[0]?.id).toBe("all");
  });
});

describe("adhocInjectFromForm", () => {
  const base: AdhocForm = { title: "Roadworks", from: "lu-cin", to: ["lu-patrol", "ccpd-lu"], channel: "phone", kind: "information", text: "The A3 is closed at Bettembourg." };

  it("builds a manual inject that the real schema and the engine accept, with an expected action", () => {
    const r = adhocInjectFromForm({ ...base, expected: { by: ["lu-patrol"], do: { message: { kind: "reply", to: "cin-lu" } }, withinMinutes: 4 } }, SCENARIO);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.id).toBe("adhoc-1");
    expect(r.input).toMatchObject({ trigger: { manual: true }, expected: [{ id: "respond", by: ["lu-patrol"], within: "4m", do: { message: { kind: "reply", to: "cin-lu" } } }] });
    expect(r.inject.expected[0]?.within).toBe(240);
    expect(Inject.parse(r.input)).toEqual(r.inject);
    // The command the console sends passes the room's validation and the engine takes it.
    expect(Command.safeParse({ type: "adhoc_inject", inject: r.input }).success).toBe(true);
    const b = setup(SCENARIO);
    b.until(30);
    expect(b.run([{ by: "instructor", cmd: { type: "adhoc_inject", inject: r.input } }]).rejections).toEqual([null]);
    b.run([{ by: "lu-patrol", cmd: { type: "message", to: "cin-lu", kind: "reply", text: "Understood, rerouting." } }]);
    b.until(40);
    expect(b.events.find((e) => e.type === "expected_met" && e.inject === "adhoc-1")).toMatchObject({ expected: "respond", by: ["lu-patrol"], latency: 1 });
    const rows = injectRows(consoleSnapshot(SCENARIO, b.sim.state, b.events), SCENARIO, b.sim.state.tick);
    expect(row(rows, "adhoc-1")).toMatchObject({ adhoc: true, status: "fired", fired: 30, overall: "met", canFire: false });
  });

  it("can expect an order instead of a message", () => {
    const r = adhocInjectFromForm({ ...base, expected: { by: ["lu-patrol", "de-patrol"], who: "all", do: { order: { type: "cordon" } }, withinMinutes: 10 } }, SCENARIO);
    expect(r.ok && r.inject.expected[0]).toMatchObject({ who: "all", do: { order: { type: "cordon" } }, within: 600 });
  });

  it("never reuses an inject id", () => {
    expect(nextAdhocId(SCENARIO)).toBe("adhoc-1");
    expect(nextAdhocId(SCENARIO, ["adhoc-1", "adhoc-2"])).toBe("adhoc-2".replace("2", "3"));
    const r = adhocInjectFromForm(base, SCENARIO, ["adhoc-1"]);
    expect(r.ok && r.id).toBe("adhoc-2");
  });

  it("says what is wrong, field by field, in plain words", () => {
    const r = adhocInjectFromForm({ ...base, title: "  ", to: [], text: "", expected: { by: [], do: { message: { kind: "reply" } }, withinMinutes: 0 } }, SCENARIO);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(["expected.by", "expected.within", "text", "title", "to"]);
    expect(r.errors.find((e) => e.field === "title")?.message).toBe("Give the inject a title.");
    expect(r.errors.every((e) => e.key && e.key.startsWith("console:err."))).toBe(true);
  });

  it("refuses ids the exercise does not know, as the engine would, beside the right field", () => {
    const from = adhocInjectFromForm({ ...base, from: "nobody" }, SCENARIO);
    expect(from).toEqual({ ok: false, errors: [{ field: "from", message: 'no role, desk or party "nobody"' }] });
    const to = adhocInjectFromForm({ ...base, to: ["lu-patrol", "mars"] }, SCENARIO);
    expect(to.ok === false && to.errors[0]?.field).toBe("to");
    const by = adhocInjectFromForm({ ...base, expected: { by: ["lu-cin"], do: { message: { kind: "reply" } }, withinMinutes: 5 } }, SCENARIO);
    expect(by).toEqual({ ok: false, errors: [{ field: "expected.by", message: 'no role "lu-cin"' }] });
    const expTo = adhocInjectFromForm({ ...base, expected: { by: ["lu-patrol"], do: { message: { kind: "reply", to: "atlantis" } }, withinMinutes: 5 } }, SCENARIO);
    expect(expTo.ok === false && expTo.errors[0]?.field).toBe("expected.do");
    const kind = adhocInjectFromForm({ ...base, kind: "gossip" }, SCENARIO);
    expect(kind.ok === false && kind.errors[0]?.field).toBe("kind");
  });
});

describe("time and findings", () => {
  it("formats exercise time, story time and spans", () => {
    expect(clock(3725)).toBe("01:02:05");
    expect(storyTime(SCENARIO, 0)).toBe("16:40");
    expect(storyTime(SCENARIO, 25 * 60 + 59)).toBe("17:05");
    expect([span(45), span(180), span(135), span(3900)]).toEqual(["45 s", "3 min", "2 min 15 s", "1 h 05 min"]);
  });

  it("lists legal findings newest first", () => {
    const b = unnotifiedPursuit(600);
    const snap = consoleSnapshot(SCENARIO, b.sim.state, b.events);
    snap.violations.push({ ...(snap.violations[0] as (typeof snap.violations)[number]), t: 599, code: "any/entered_private_premises" });
    expect(violationRows(snap).map((v) => v.t)).toEqual([...snap.violations.map((v) => v.t)].reverse());
    expect(violationRows(null)).toEqual([]);
  });
});

describe("console texts", () => {
  const keys = (o: Record<string, unknown>, p = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [`${p}${k}`] : keys(v as Record<string, unknown>, `${p}${k}.`))).sort();

  it("exist in English, French and German with the same keys and the same placeholders", () => {
    const en = keys(texts.en);
    expect(keys(texts.fr)).toEqual(en);
    expect(keys(texts.de)).toEqual(en);
    const get = (o: unknown, k: string) => k.split(".").reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string;
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of en) for (const l of ["fr", "de"] as const) expect([l, k, vars(get(texts[l], k))]).toEqual([l, k, vars(get(texts.en, k))]);
  });

  it("cover every key the panels and views use", () => {
    const en = new Set(keys(texts.en));
    const used = new Set<string>();
    const under = (dir: string) => readdirSync(`${ROOT}${dir}`).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`);
    for (const f of ["client/panels/console.ts", "client/panels/evaluator.ts", "client/views/console.ts", ...under("client/panels/console"), ...under("client/views/console")]) {
      for (const m of readFileSync(`${ROOT}${f}`, "utf8").matchAll(/"console:([\w.]+)"/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
    // Keys built at run time from vocabularies.
    for (const k of ["P", "S", "M", "U"]) expect(en.has(`rating.${k}`)).toBe(true);
    const opt = adhocOptions(SCENARIO);
    for (const c of opt.channels) expect(en.has(`channel.${c}`)).toBe(true);
    for (const c of opt.kinds) expect(en.has(`kind.${c}`)).toBe(true);
    for (const c of opt.orders) expect(en.has(`order.${c}`)).toBe(true);
    const built = [
      ...["connecting", "lobby", "briefing", "running", "paused", "ending", "debrief"].map((p) => `phase.${p}`),
      ...["brief", "start", "pause", "resume"].map((c) => `ctl.${c}`),
      "status.pending", "status.fired",
      ...["pending", "delivered", "waiting", "met", "missed", "partly_missed"].map((o) => `overall.${o}`),
      ...["not_fired", "waiting", "met", "missed"].map((x) => `exp.label.${x}`),
      ...["trainee", "evaluator", "instructor"].map((k) => `participants.kind.${k}`),
      "participants.group.instructor", "participants.group.evaluator", "parties.party", "parties.desk",
      ...["role", "desk", "party"].map((g) => `adhoc.group.${g}`), "eval.state.sent", "eval.state.saved",
      ...ACTOR_STATES.map((a) => `actorState.${a}`),
    ];
    expect(built.filter((k) => !en.has(k))).toEqual([]);
  });
});
