// The committed JSON Schema must be what the zod schema generates today, and editors using it must
// accept every valid scenario and flag broken ones.
import Ajv2020 from "ajv/dist/2020.js";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "../../shared/scenario/json-schema.ts";

const schemaFile = new URL("../../scenarios/scenario.schema.json", import.meta.url);

describe("scenario JSON Schema", () => {
  it("is not stale (run `npm run schema` after changing the zod schema)", () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(scenarioJsonSchemaText());
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(scenarioJsonSchema());
  const scenarioDir = new URL("../../scenarios/", import.meta.url);
  const valid = [
    ...readdirSync(scenarioDir).filter((f) => f.endsWith(".yaml")).map((f) => new URL(f, scenarioDir)),
    new URL("../fixtures/minimal.yaml", import.meta.url),
  ];
  for (const file of valid) {
    it(`accepts ${file.pathname.split("/").slice(-2).join("/")}`, () => {
      const ok = validate(parse(readFileSync(file, "utf8")));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  it("flags an unknown field and a bad duration, as the editor would", () => {
    const data = parse(readFileSync(new URL("../fixtures/minimal.yaml", import.meta.url), "utf8"));
    data.meta.duration = "30 minutes";
    data.units[0].speeed_kmh = 3;
    expect(validate(data)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain("/meta/duration");
    expect(paths).toContain("/units/0");
  });
});
