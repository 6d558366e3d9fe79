// The two-country test bed (test/fixtures/rules.yaml) and the commands its tests keep giving:
// an order to a unit from the role that commands it, and the French notice to the joint centre.
import { loadScenario, setup } from "./scenarios.ts";

export const rulesScenario = loadScenario("test/fixtures/rules.yaml");
export const rulesBed = (seed = 7) => setup(rulesScenario, seed);

export const order = (unit: string, o: string, target?: unknown) => ({
  by: unit.startsWith("lu") ? "lu-lead" : "fr-lead",
  cmd: { type: "order", unit, order: o, ...(target !== undefined ? { target } : {}) },
});

export const notify = { by: "fr-lead", cmd: { type: "message", to: "pccc", kind: "notify", text: "In pursuit of a blue van, crossing into Luxembourg on the N1.", language: "fr" } };
