// Each legal rule of the engine on a small two-country test bed (test/fixtures/rules.yaml), with
// the edge cases: a notification sent in the very tick of the crossing, a stop request never obeyed,
// a SPOC request that needs judicial authorisation.
import { describe, expect, it } from "vitest";
import { notify, order, rulesBed as bed } from "../support/rules-bed.ts";

const codes = (b: ReturnType<typeof bed>) => b.violations().map((v) => `${v.code}@${v.t}${v.unit ? `/${v.unit}` : ""}`);

/** The tick in which fr-1, pursuing from tick 1, crosses into LU. */
function crossingTick(): number {
  const b = bed();
  b.run();
  b.run([order("fr-1", "pursue", "suspect")]);
  while (!b.events.some((e) => e.type === "border_crossed" && e.who === "fr-1")) b.run();
  return (b.events.find((e) => e.type === "border_crossed" && e.who === "fr-1") as { t: number }).t;
}

describe("hot pursuit (CISA Art. 41)", () => {
  const T = crossingTick();

  it("accepts a notification sent in the very tick of the crossing", () => {
    const b = bed();
    b.run();
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T);
    b.run([notify]);
    b.until(T + 30);
    expect(b.events.some((e) => e.type === "border_crossed" && e.who === "fr-1" && e.t === T)).toBe(true);
    expect(codes(b)).toEqual([]);
  });

  it("flags a notification one tick after the crossing", () => {
    const b = bed();
    b.run();
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T + 1);
    b.run([notify]);
    expect(codes(b)).toEqual([`pursuit/not_notified_at_crossing@${T}/fr-1`]);
    expect(b.violations()[0]?.article).toBe("CISA Art. 41(1)");
  });

  it("flags an unmarked car with plain-clothes officers at the crossing", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-2", "pursue", "suspect")]);
    b.until(250);
    expect(codes(b).map((c) => c.split("@")[0])).toEqual(["any/unidentifiable_unit"]);
  });

  it("flags a stop request never obeyed, once, one minute after it", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T + 5);
    b.run([{ by: "lu-lead", cmd: { type: "message", to: "fr-lead", kind: "stop_request", text: "Stop the pursuit now.", about: "suspect" } }]);
    const asked = T + 5;
    b.until(asked + 200);
    expect(b.events.some((e) => e.type === "stop_requested" && e.host === "LU" && e.sending === "FR")).toBe(true);
    expect(codes(b).filter((c) => c.startsWith("pursuit/continued"))).toEqual([`pursuit/continued_after_stop_request@${asked + 61}/fr-1`]);
  });

  it("accepts a pursuit broken off within the minute after a stop request", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T + 5);
    b.run([{ by: "lu-lead", cmd: { type: "message", to: "fr-lead", kind: "stop_request", text: "Stop.", about: "suspect" } }]);
    b.until(T + 40);
    b.run([order("fr-1", "withdraw")]);
    b.until(T + 300);
    expect(codes(b)).toEqual([]);
  });

  it("flags going past the declared distance, and apprehension where none is allowed", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(700);
    b.run([order("fr-1", "apprehend", "suspect")]);
    const found = codes(b).map((c) => c.split("@")[0]);
    expect(found).toContain("pursuit/limit_exceeded");
    expect(found).toContain("pursuit/apprehension_not_permitted");
  });

  it("flags no report to the local authority at the end, and accepts one made", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(T + 20);
    b.run([order("fr-1", "withdraw")]);
    b.run([{ by: "instructor", cmd: { type: "end" } }]);
    expect(codes(b).map((c) => c.split("@")[0])).toEqual(["any/no_report_to_local_authority"]);

    const c = bed();
    c.run([notify]);
    c.run([order("fr-1", "pursue", "suspect")]);
    c.until(T + 20);
    c.run([order("fr-1", "present_to_local_authority")]);
    c.until(T + 400);
    c.run([{ by: "instructor", cmd: { type: "end" } }]);
    expect(c.events.some((e) => e.type === "reported_to_local_authority" && e.unit === "fr-1" && e.site === "lu-station")).toBe(true);
    expect(codes(c).filter((x) => x.startsWith("any/no_report"))).toEqual([]);
  });
});

describe("surveillance (CISA Art. 40)", () => {
  it("accepts urgent surveillance notified within a minute; flags it past the compressed 5-hour clock", () => {
    const b = bed();
    b.run();
    b.run([order("fr-1", "surveil", "suspect")]);
    let crossed = -1;
    while (crossed < 0) { b.run(); crossed = (b.events.find((e) => e.type === "border_crossed" && e.who === "fr-1")?.t ?? -1); }
    b.run([{ by: "fr-lead", cmd: { type: "message", to: "pccc", kind: "notify", text: "Urgent surveillance of a robbery suspect, crossing now." } }]);
    b.until(crossed + 5 * 60 + 10); // 5 h at a clock ratio of 60 = 300 s
    expect(codes(b)).toEqual([`surveillance/continued_past_5h_without_auth@${crossed + 301}/fr-1`]);
  });

  it("flags a missing notification and an arrest by the surveillance team", () => {
    const b = bed();
    b.run();
    b.run([order("fr-1", "surveil", "suspect")]);
    b.until(200);
    b.run([order("fr-1", "arrest", "suspect")]);
    const found = codes(b).map((c) => c.split("@")[0]);
    expect(found).toEqual(["surveillance/no_immediate_notification", "surveillance/challenge_or_arrest"]);
  });
});

describe("joint operations (Prüm Art. 17)", () => {
  const toSquare = (b: ReturnType<typeof bed>) => { b.run([order("fr-1", "move", "square")]); b.until(400); };

  it("flags deployment without an agreement and an unconferred power with no host officer near", () => {
    const b = bed();
    toSquare(b);
    b.run([order("lu-1", "move", [18000, 2000])]);
    b.until(500);
    b.run([order("fr-1", "apprehend", "suspect")]);
    expect(codes(b).map((c) => c.split("@")[0])).toEqual(["jointop/no_agreement", "jointop/power_not_conferred", "jointop/no_host_officer_present"]);
  });

  it("accepts a conferred power used beside a host officer under an agreement", () => {
    const b = bed();
    b.run([{ by: "lu-lead", cmd: { type: "agreement", host: "LU", sending: "FR", purpose: "joint patrol at the square", powers: ["identity_check"] } }]);
    b.run([order("lu-1", "move", "square")]);
    toSquare(b);
    b.run([order("fr-1", "identity_check", "fans")]);
    expect(codes(b)).toEqual([]);
  });
});

describe("information exchange (Directive 2023/977)", () => {
  const request = (extra: Record<string, unknown> = {}) => ({
    by: "fr-investigator",
    cmd: {
      type: "message", to: "spoc-lu", cc: ["spoc-fr"], kind: "request", urgency: "urgent_direct", language: "fr",
      text: "Vehicle keeper of LU plate AB 123?", fields: { purpose: "robbery investigation", grounds: "armed robbery in Metz", link_to_person: "car used in the robbery", urgency_reasons: "suspects still armed" },
      ...extra,
    },
  });

  it("flags a request with judicial authorisation and no delay notice, then the missed deadline", () => {
    const b = bed();
    b.run([request({ fields: { purpose: "p", grounds: "g", link_to_person: "l", urgency_reasons: "u", judicial_authorisation_needed: true } })]);
    b.until(600);
    // 1 h of legal time and 8 h at a ratio of 60: 60 and 480 ticks after the request.
    expect(codes(b)).toEqual(["spoc/delay_notice_missing@61", "spoc/deadline_missed@481"]);
  });

  it("accepts a delay notice and a reply in time", () => {
    const b = bed();
    b.run([request({ fields: { purpose: "p", grounds: "g", link_to_person: "l", urgency_reasons: "u", judicial_authorisation_needed: true } })]);
    const id = (b.events.find((e) => e.type === "message_sent") as { id: string }).id;
    b.until(30);
    b.run([{ by: "lu-spoc", cmd: { type: "message", as: "spoc-lu", to: "fr-investigator", kind: "delay_notice", in_reply_to: id, text: "Judicial authorisation needed: about 2 hours." } }]);
    b.until(200);
    b.run([{ by: "lu-spoc", cmd: { type: "message", as: "spoc-lu", to: "fr-investigator", kind: "reply", in_reply_to: id, text: "Keeper: J. Doe." } }]);
    b.until(600);
    expect(codes(b)).toEqual([]);
    expect(b.events.filter((e) => e.type === "spoc_deadline")).toEqual([expect.objectContaining({ request: id, met: true })]);
  });

  it("flags the wrong language, missing content and no copy to the own SPOC", () => {
    const b = bed();
    b.run([request({ cc: [], language: "nl", fields: { purpose: "robbery investigation" } })]);
    expect(codes(b).map((c) => c.split("@")[0])).toEqual(["spoc/wrong_language", "spoc/request_incomplete", "spoc/direct_request_without_own_spoc_copy"]);
  });
});

describe("force and premises", () => {
  it("flags force abroad with no armed threat at close range, even when self-defence is claimed", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "move", "square")]);
    b.until(400);
    b.run([order("fr-1", "use_force", "fans"), { by: "fr-lead", cmd: { type: "order", unit: "fr-2", order: "hold", claim_self_defence: true } }]);
    expect(codes(b).map((c) => c.split("@")[0])).toContain("any/weapon_use_not_self_defence");
  });

  it("flags a pursuing unit entering private premises, not a seconded officer under host law", () => {
    const b = bed();
    b.run([notify]);
    b.run([order("fr-1", "pursue", "suspect")]);
    b.until(200);
    b.run([order("fr-1", "move", "garage")]);
    b.until(500);
    expect(codes(b).map((c) => c.split("@")[0])).toContain("any/entered_private_premises");

    const c = bed();
    c.run([{ by: "lu-lead", cmd: { type: "agreement", host: "LU", sending: "FR", purpose: "joint search", powers: ["stop_and_search"] } }]);
    c.run([order("fr-1", "move", "garage")]);
    c.until(400);
    expect(codes(c).map((x) => x.split("@")[0])).not.toContain("any/entered_private_premises");
  });
});

describe("typed rejections", () => {
  it("refuses commands the engine cannot carry out, and records each as an event", () => {
    const b = bed();
    const r = b.run([
      { by: "lu-lead", cmd: { type: "order", unit: "fr-1", order: "move", target: "square" } },
      { by: "fr-lead", cmd: { type: "order", unit: "fr-1", order: "pursue", target: "nobody" } },
      { by: "fr-lead", cmd: { type: "fire_inject", inject: "go" } },
      { by: "ghost", cmd: { type: "decision", decision: "x", rationale: "y" } },
      { by: "fr-lead", cmd: { type: "order", unit: "fr-1", order: "negotiate", target: "suspect" } },
    ]);
    expect(r.rejections.map((x) => x?.code)).toEqual(["order/not_your_unit", "order/unknown_target", "auth/instructor_only", "auth/unknown_role", "order/unknown_target"]);
    expect(b.events.filter((e) => e.type === "command_rejected").map((e) => e.code)).toEqual(r.rejections.map((x) => x?.code));
  });
});
