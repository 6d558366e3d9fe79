// Formal acts as view models, run through the real engine and the room's mailroom: an ATLAS request
// from Austria to Germany and its answer (hostage train), an operation agreement and conferred
// powers (football). Every command the forms make is one the room's validator accepts.
import { describe, expect, it } from "vitest";
import { Mailroom } from "../../server/room/mailroom.ts";
import type { CommsItem } from "../../shared/protocol.ts";
import { actLog, agreementCommand, answerCommand, assistanceCommand, assistanceTargets, conferCommand, countries, pendingRequests } from "../../client/views/acts.ts";
import { flagship, setup } from "../support/scenarios.ts";

/** Steps the engine with one command and returns each role's comms lines, as the room would route them. */
function bed(id: string) {
  const t = setup(flagship(id));
  const mail = new Mailroom(t.sim.world);
  const inbox = new Map<string, CommsItem[]>();
  const act = (by: string, cmd: unknown) => {
    const r = t.run([{ by, cmd }]);
    for (const e of r.events) for (const [role, item] of mail.route(e)) inbox.set(role, [...(inbox.get(role) ?? []), item]);
    return r.events;
  };
  return { ...t, act, of: (role: string) => inbox.get(role) ?? [] };
}

describe("formal acts", () => {
  it("asks another state for special-unit assistance and answers it", () => {
    const b = bed("hostage-train");
    const at = { role: "at-atlas", kind: "trainee" as const, pseudonym: "Lynx" };
    const targets = assistanceTargets(b.scenario, at);
    expect(targets.map((x) => x.value)).toContain("de-bmi-lage");
    expect(targets.every((x) => x.country !== "AT")).toBe(true);
    // The form refuses a request that says neither what nor why (Decision 2008/617 Art. 3).
    expect(assistanceCommand({ to: "de-bmi-lage", legalBasis: "decision_2008_617", nature: " ", necessity: "", forms: [] })).toEqual({ ok: false, issues: [{ field: "nature", message: "nature" }, { field: "necessity", message: "necessity" }] });
    const ask = assistanceCommand({ to: "de-gsg9", legalBasis: "decision_2008_617", nature: "An entry team and 4 marksmen under Austrian command.", necessity: "Cobra's main force is bound in Linz.", forms: ["operations", "observation"] });
    expect(ask.ok).toBe(true);
    if (!ask.ok) return;
    const events = b.act("at-atlas", ask.command);
    expect(events.map((e) => e.type)).toContain("assistance_requested");
    expect(b.violations()).toEqual([]);
    // The German special unit's lead gets it as a request waiting for an answer; Austria keeps a
    // copy; exercise control sees it too.
    const deRole = "de-lead";
    expect(actLog(b.of("instructor")).map((a) => a.act)).toEqual(["assistance_request"]);
    const waiting = pendingRequests(b.of(deRole));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ act: "assistance_request", direction: "in", by: "at-atlas", forms: ["operations", "observation"] });
    expect(actLog(b.of("at-atlas"))[0]).toMatchObject({ act: "assistance_request", direction: "out" });
    const yes = answerCommand({ request: waiting[0]?.request ?? "", answer: "accept", forms: ["operations"], note: "GSG 9 on its way" });
    expect(yes.ok).toBe(true);
    if (!yes.ok) return;
    expect(b.act(deRole, yes.command).map((e) => e.type)).toContain("assistance_answered");
    expect(pendingRequests(b.of(deRole))).toEqual([]);
    expect(actLog(b.of("at-atlas")).map((a) => a.act)).toEqual(expect.arrayContaining(["assistance_request", "assistance_answer"]));
  });

  it("records an operation agreement and conferred powers between host and sending state", () => {
    const b = bed("football-joint-patrols");
    const nl = { role: "nl-commander", kind: "trainee" as const, pseudonym: "Otter" };
    expect(countries(b.scenario, nl)[0]).toBe("NL");
    expect(agreementCommand({ host: "NL", sending: "NL", purpose: "x", area: "", powers: [], arms: "self_defence" })).toMatchObject({ ok: false });
    const agree = agreementCommand({ host: "NL", sending: "BE", purpose: "Joint patrols at MVV - Standard, 18:00-22:00.", area: "", powers: ["identity_check", "detain"], arms: "self_defence" });
    const confer = conferCommand({ host: "NL", sending: "BE", powers: ["identity_check", "detain", "traffic_control"] });
    expect(conferCommand({ host: "NL", sending: "BE", powers: [] })).toMatchObject({ ok: false, issues: [{ field: "powers" }] });
    if (!agree.ok || !confer.ok) throw new Error("forms refused valid input");
    expect(b.act("nl-commander", agree.command).map((e) => e.type)).toContain("agreement_signed");
    expect(b.act("nl-commander", confer.command).map((e) => e.type)).toContain("powers_conferred");
    // The Belgian lead hears of both; the Dutch commander keeps copies.
    const be = b.scenario.roles.find((r) => b.sim.world.countryOf.get(r.id) === "BE")?.id ?? "";
    expect(actLog(b.of(be)).map((a) => `${a.act} ${a.direction}`).sort()).toEqual(["agreement in", "conferral in"]);
    expect(actLog(b.of("nl-commander")).every((a) => a.direction === "out")).toBe(true);
    expect(b.sim.state.agreements[0]?.powers.sort()).toEqual(["detain", "identity_check", "traffic_control"]);
  });
});
