// Turns zod's issues into sentences an instructor can act on: what is wrong, where, and what to write.
import type { z } from "zod";
import { describe, didYouMean } from "./suggest.ts";
import type { PathSeg } from "./yaml-source.ts";

export interface Finding { path: PathSeg[]; message: string; hint?: string; key?: boolean }

type Issue = z.core.$ZodIssue;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  discriminator?: string;
  getter?: () => Schema;
  values?: unknown[];
}
interface Schema { _zod: { def: Def } }

/** Strip wrappers (optional, default, pipe, lazy) down to the schema that shapes the value. */
function unwrap(s: Schema): Schema {
  for (let i = 0; i < 20; i++) {
    const d = s._zod.def;
    if (d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

function keysOf(s: Schema): string[] {
  const u = unwrap(s);
  return u._zod.def.shape ? Object.keys(u._zod.def.shape) : [];
}

/** For a union: the option meant by this raw value (by discriminator or by its keys). */
function pickOption(u: Schema, raw: unknown): { option: Schema; index: number } | undefined {
  const options = unwrap(u)._zod.def.options ?? [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const rawKeys = Object.keys(raw);
  const disc = unwrap(u)._zod.def.discriminator;
  for (const [index, option] of options.entries()) {
    const o = unwrap(option);
    if (disc) {
      const lit = o._zod.def.shape?.[disc];
      const values = lit ? unwrap(lit)._zod.def.values : undefined;
      if (values?.includes((raw as Record<string, unknown>)[disc])) return { option, index };
    } else if (o._zod.def.shape && rawKeys.length > 0 && rawKeys.every((k) => k in (o._zod.def.shape ?? {}))) {
      return { option, index };
    }
  }
  // No option takes every key: take the one that shares the first key (single-key unions).
  for (const [index, option] of options.entries()) {
    const shape = unwrap(option)._zod.def.shape;
    if (shape && rawKeys[0] !== undefined && rawKeys[0] in shape) return { option, index };
  }
  return undefined;
}

/** The schema that governs `path`, following the raw data through unions. */
export function schemaAt(root: Schema, path: readonly PathSeg[], raw: unknown): Schema | undefined {
  let s: Schema | undefined = root;
  let value: unknown = raw;
  for (const seg of path) {
    if (!s) return undefined;
    let u = unwrap(s);
    if (u._zod.def.type === "union") {
      const picked = pickOption(u, value);
      if (!picked) return undefined;
      u = unwrap(picked.option);
    }
    const d = u._zod.def;
    if (d.shape && typeof seg === "string") s = d.shape[seg];
    else if (d.element && typeof seg === "number") s = d.element;
    else if (d.items && typeof seg === "number") s = d.items[seg];
    else return undefined;
    value = value !== null && typeof value === "object" ? (value as Record<PathSeg, unknown>)[seg] : undefined;
  }
  return s;
}

export function valueAt(raw: unknown, path: readonly PathSeg[]): unknown {
  let v = raw;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PathSeg, unknown>)[seg];
  }
  return v;
}

const isDefault = (msg: string) => /^(Invalid|Too (small|big)|Unrecognized)/.test(msg);

/** One zod issue -> findings, reading the raw data and the schema to say it plainly. */
export function explain(issue: Issue, root: Schema, raw: unknown, base: PathSeg[] = []): Finding[] {
  const path = [...base, ...(issue.path as PathSeg[])];
  const value = valueAt(raw, path);
  const field = String(path.findLast((seg) => typeof seg === "string") ?? "file");
  const section = path.length === 1 ? "section" : "field";
  const custom = isDefault(issue.message) ? undefined : issue.message;

  switch (issue.code) {
    case "unrecognized_keys": {
      const known = keysOf(schemaAt(root, path, raw) ?? ({ _zod: { def: { type: "none" } } } as Schema));
      return issue.keys.map((k) =>
        k === "<<"
          ? { path: [...path, k], key: true, message: "YAML merge keys (<<) are not used in scenario files", hint: "write the fields out in full; an editor with the schema completes them" }
          : {
              path: [...path, k],
              key: true,
              message: `unknown ${path.length === 0 ? "section" : "field"} "${k}"`,
              hint: didYouMean(k, known) ?? (known.length ? `${path.length === 0 ? "sections" : "fields"} here: ${known.join(", ")}` : undefined),
            },
      );
    }
    case "invalid_union": {
      if ("options" in issue && Array.isArray(issue.options)) {
        // Discriminated union whose discriminator ("kind") matched no option.
        const options = issue.options.map(String);
        return [{ path, message: value === undefined ? `missing field "${field}": one of ${options.join(", ")}` : `${field} "${String(value)}" is not one of: ${options.join(", ")}`, hint: didYouMean(value, options) }];
      }
      const union = schemaAt(root, path, raw);
      const disc = union && unwrap(union)._zod.def.discriminator;
      if (disc && value && typeof value === "object" && !Array.isArray(value)) {
        const options = (unwrap(union)._zod.def.options ?? []).flatMap(
          (o) => (unwrap(o)._zod.def.shape?.[disc] ? (unwrap(unwrap(o)._zod.def.shape?.[disc] as Schema)._zod.def.values ?? []) : []),
        ).map(String);
        const got = (value as Record<string, unknown>)[disc];
        const picked = union ? pickOption(union, value) : undefined;
        if (!picked) {
          return [{
            path: [...path, disc],
            message: got === undefined ? `missing field "${disc}": one of ${options.join(", ")}` : `${disc} "${String(got)}" is not one of: ${options.join(", ")}`,
            hint: didYouMean(got, options),
          }];
        }
      }
      if (union && Array.isArray(value)) {
        // A list where a list is one of the forms: explain against that form ([x, y], a polygon).
        const options = unwrap(union)._zod.def.options ?? [];
        const k = options.findIndex((o) => ["tuple", "array"].includes(unwrap(o)._zod.def.type));
        const branch = k >= 0 ? issue.errors[k] : undefined;
        if (branch?.length) return branch.flatMap((i) => explain(i as Issue, root, raw, path));
      }
      if (union && value && typeof value === "object" && !Array.isArray(value)) {
        const options = unwrap(union)._zod.def.options ?? [];
        // Each form is named by its first key (at, when, contingency_for...): two of them is a slip.
        const leading = options.map((o) => keysOf(o)[0]).filter((k): k is string => k !== undefined);
        const written = Object.keys(value);
        const named = written.filter((k) => leading.includes(k));
        if (options.length > 1 && leading.length === options.length && named.length > 1) {
          return [{
            path,
            message: `write only one of ${named.map((k) => `"${k}"`).join(" and ")} here`,
            hint: leading.includes("all") ? "combine conditions with all: [ ... ] or any: [ ... ]" : `one form at a time: ${leading.join(", ")}`,
          }];
        }
        const picked = pickOption(union, value);
        const branch = picked ? issue.errors[picked.index] : undefined;
        if (picked && branch && branch.length) return branch.flatMap((i) => explain(i as Issue, root, raw, path));
        const keys = (unwrap(union)._zod.def.options ?? []).flatMap((o) => keysOf(o));
        const first = Object.keys(value)[0];
        if (first !== undefined && keys.length) {
          return [{
            path: [...path, first],
            key: true,
            message: `"${first}" is not known here; write one of: ${[...new Set(keys)].join(", ")}`,
            hint: didYouMean(first, keys),
          }];
        }
      }
      return [{ path, message: `${custom ?? "this value has the wrong form"} (found ${describe(value)})` }];
    }
    case "invalid_type":
      if (value === undefined) {
        return [{ path, message: `missing ${section} "${field}"`, hint: custom ?? `add ${field}: (${article(issue.expected)})` }];
      }
      return [{ path, message: `${custom ?? `should be ${article(issue.expected)}`}, but found ${describe(value)}` }];
    case "invalid_value": {
      const values = issue.values.map(String);
      if (value === undefined) return [{ path, message: `missing ${section} "${field}"`, hint: values.length <= 12 ? `write one of: ${values.join(", ")}` : undefined }];
      if (values.length > 16 && !custom) {
        // Long vocabularies (violation codes, offences) read better as a suggestion than as a list.
        return [{ path, message: `"${String(value)}" is not a known ${field.replaceAll("_", " ")}`, hint: didYouMean(value, values) ?? "scenarios/README.md lists every value" }];
      }
      if (custom) return [{ path, message: `${custom} (found ${describe(value)})`, hint: didYouMean(value, values) }];
      return [{
        path,
        message: values.length === 1 ? `must be ${values[0]} (found ${describe(value)})` : `"${String(value)}" is not one of: ${values.join(", ")}`,
        hint: didYouMean(value, values),
      }];
    }
    case "too_small":
    case "too_big": {
      const n = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const strict = "inclusive" in issue && issue.inclusive === false;
      const bound = issue.code === "too_small" ? (strict ? "more than" : "at least") : strict ? "less than" : "at most";
      if (issue.origin === "string" && issue.code === "too_small" && n === "1") return [{ path, message: custom ?? "must not be empty" }];
      const what = issue.origin === "array" ? `needs ${bound} ${n} item${n === "1" ? "" : "s"}` : issue.origin === "string" ? `must be ${bound} ${n} characters long` : `must be ${bound} ${n}`;
      return [{ path, message: custom ?? `${what} (found ${issue.origin === "array" ? describe(value) : String(value)})` }];
    }
    case "invalid_format":
      return [{ path, message: `${custom ?? `has the wrong format`} (found ${describe(value)})` }];
    default:
      return [{ path, message: custom ?? issue.message }];
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: "text", number: "a number", int: "a whole number", boolean: "true or false", array: "a list",
    object: "a block of fields", tuple: "a list",
  };
  return words[type] ?? type;
}
