// A problem with one field of a form, in plain words. The message composer and the decision form
// both check their commands with the room's zod schemas; this turns a zod issue into the sentence
// shown beside the field, so the two forms word their errors alike.
import type { z } from "zod";
import { tr } from "./format.ts";

/** A problem with one field of a form, in plain words; field is a command field name (or "options.2"). */
export interface Issue { field: string; message: string }

const FIELD_ERROR: Record<string, string> = { kind: "err.kind", to: "err.to", text: "err.text" };

/** zod issues as form issues, one per field not yet in `seen`; `prefix` names the keys of too-short fields. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], seen: Set<string>, prefix?: string): Issue[] {
  const out: Issue[] = [];
  for (const i of issues) {
    const [a, b] = i.path;
    const field = a === "fields" && typeof b === "string" ? b : a === "options" && typeof b === "number" ? `options.${b}` : String(a ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    let message: string;
    if (i.code === "too_big") message = a === "cc" ? tr("err.ccMax", { max: i.maximum }) : a === "options" && b === undefined ? tr("err.optionsMax", { max: i.maximum }) : tr("err.tooLong", { max: i.maximum });
    else if (i.code === "too_small" && FIELD_ERROR[field]) message = tr(FIELD_ERROR[field] ?? "err.generic");
    else if (i.code === "too_small" && prefix) message = tr(`${prefix}.${field.split(".")[0]}`);
    else if (i.code === "invalid_value" || i.code === "invalid_format" || i.code === "invalid_type" || i.code === "invalid_union") message = FIELD_ERROR[field] ? tr(FIELD_ERROR[field] ?? "") : tr("err.choice");
    else message = tr("err.generic");
    out.push({ field, message });
  }
  return out;
}
