// Input-to-command mapping of the exercise page, without Phaser or a DOM: keys, targets, commands.
// Every command it makes must be one the room's validator accepts.
import { describe, expect, it } from "vitest";
import { Command } from "../../shared/sim/commands.ts";
import { ORDER_TYPES } from "../../shared/scenario/vocab.ts";
import { keyAction, keyOf, needsTarget, orderCommand, ORDER_KEYS, ORDER_TARGET } from "../../client/views/orders.ts";

describe("order input", () => {
  it("maps letters to orders and digits to units, and ignores modified keys", () => {
    expect(keyAction("p")).toEqual({ kind: "arm", order: "pursue" });
    expect(keyAction("P")).toEqual({ kind: "arm", order: "pursue" });
    expect(keyAction("r")).toEqual({ kind: "arm", order: "present_to_local_authority" });
    expect(keyAction("3")).toEqual({ kind: "select", index: 2 });
    expect(keyAction("0")).toBeNull();
    expect(keyAction("Escape")).toEqual({ kind: "cancel" });
    expect(keyAction("p", { ctrl: true })).toBeNull();
    expect(keyAction("q")).toBeNull();
    // Every shortcut names a real order, and no two keys share one.
    expect(Object.values(ORDER_KEYS).every((o) => (ORDER_TYPES as readonly string[]).includes(o))).toBe(true);
    expect(new Set(Object.values(ORDER_KEYS)).size).toBe(Object.keys(ORDER_KEYS).length);
    expect(keyOf("stop")).toBe("S");
  });

  it("makes valid commands from a unit, an order and a clicked target", () => {
    const pursue = orderCommand({ unit: "fr-bac-1", order: "pursue", target: { kind: "actor", id: "robbers" } });
    expect(pursue).toEqual({ ok: true, command: { type: "order", unit: "fr-bac-1", order: "pursue", target: "robbers" } });
    const move = orderCommand({ unit: "fr-bac-1", order: "move", target: { kind: "point", at: [1234.6, 99.2] } });
    expect(move).toEqual({ ok: true, command: { type: "order", unit: "fr-bac-1", order: "move", target: [1235, 99] } });
    const cordon = orderCommand({ unit: "lu-bet-12", order: "cordon", target: { kind: "site", id: "garage-reuter" } });
    expect(cordon.ok && cordon.command).toMatchObject({ target: "garage-reuter" });
    // Hold may keep back from a crowd (a target) or just hold.
    const hold = orderCommand({ unit: "fr-bac-1", order: "hold", target: { kind: "actor", id: "away-fans" } });
    expect(hold).toEqual({ ok: true, command: { type: "order", unit: "fr-bac-1", order: "hold", target: "away-fans" } });
    expect(orderCommand({ unit: "fr-bac-1", order: "hold" })).toEqual({ ok: true, command: { type: "order", unit: "fr-bac-1", order: "hold" } });
    // Intervene on a crowd or at a site; cordon only a site (as the engine checks them).
    expect(orderCommand({ unit: "me-1", order: "intervene", target: { kind: "site", id: "geusselt-crossroads" } })).toMatchObject({ ok: true });
    expect(orderCommand({ unit: "me-1", order: "intervene", target: { kind: "point", at: [5, 5] } })).toEqual({ ok: false, reason: "wrong_target" });
    expect(orderCommand({ unit: "u", order: "cordon", target: { kind: "actor", id: "hostage-takers" } })).toEqual({ ok: false, reason: "wrong_target" });
    const force = orderCommand({ unit: "u", order: "use_force", target: { kind: "actor", id: "a" }, selfDefence: true });
    expect(force.ok && force.command).toMatchObject({ claim_self_defence: true });
    for (const r of [pursue, move, cordon, hold, force]) if (r.ok) expect(Command.safeParse(r.command).success).toBe(true);
  });

  it("says what is missing instead of sending a command that cannot be right", () => {
    expect(orderCommand({ unit: null, order: "move", target: { kind: "point", at: [1, 1] } })).toEqual({ ok: false, reason: "need_unit" });
    expect(orderCommand({ unit: "u", order: "pursue" })).toEqual({ ok: false, reason: "need_target" });
    expect(orderCommand({ unit: "u", order: "pursue", target: { kind: "site", id: "x" } })).toEqual({ ok: false, reason: "wrong_target" });
    expect(orderCommand({ unit: "u", order: "present_to_local_authority", target: { kind: "point", at: [1, 1] } })).toEqual({ ok: false, reason: "wrong_target" });
    // Reporting to the local authority may name the site or let the engine find it.
    expect(orderCommand({ unit: "u", order: "present_to_local_authority" })).toEqual({ ok: true, command: { type: "order", unit: "u", order: "present_to_local_authority" } });
  });

  it("knows which orders wait for a target", () => {
    expect(ORDER_TYPES.filter((o) => !needsTarget(o)).sort()).toEqual(["disarm", "hold", "present_to_local_authority", "withdraw"]);
    expect(Object.keys(ORDER_TARGET).sort()).toEqual([...ORDER_TYPES].sort());
  });
});
