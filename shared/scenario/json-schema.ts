// The JSON Schema that editors (VS Code YAML, IntelliJ) use for completion and inline errors. It is
// generated from the zod schema so the two cannot drift; a test fails when the committed copy is stale.
import { z } from "zod";
import { Scenario } from "./schema.ts";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: "input", target: "draft-2020-12", unrepresentable: "any" });
  return { ...schema, $id: "https://jointex.eu/schema/scenario-1.json" };
}

export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
