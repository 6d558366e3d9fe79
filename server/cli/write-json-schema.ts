// `npm run schema`: rewrites scenarios/scenario.schema.json from the zod schema.
import { writeFileSync } from "node:fs";
import { scenarioJsonSchemaText } from "../../shared/scenario/json-schema.ts";

const target = new URL("../../scenarios/scenario.schema.json", import.meta.url);
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target.pathname}`);
