// Scenario text -> validated Scenario, or every problem at once with file, line:column, field path,
// a plain message and a suggestion. Never throws on any input.
import { checkMap } from "./check-map.ts";
import { checkRefs } from "./check-refs.ts";
import { explain, type Finding } from "./explain.ts";
import { partialScenario } from "./partial.ts";
import { FORMAT_VERSION, Scenario } from "./schema.ts";
import { didYouMean } from "./suggest.ts";
import { MAX_FILE_BYTES, YamlSource, type PathSeg } from "./yaml-source.ts";

export interface ScenarioIssue {
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. units[2].speed_kmh ("" for the whole file). */
  path: string;
  message: string;
  hint?: string;
}

export type ParseResult =
  | { ok: true; scenario: Scenario; issues: [] }
  | { ok: false; issues: ScenarioIssue[] };

export function formatPath(path: readonly PathSeg[]): string {
  return path.map((seg, k) => (typeof seg === "number" ? `[${seg}]` : k === 0 ? seg : `.${seg}`)).join("");
}

export function formatIssue(i: ScenarioIssue): string {
  const where = `${i.file}:${i.line}:${i.column}`;
  return `${where}  ${i.path ? `${i.path}: ` : ""}${i.message}${i.hint ? `\n    hint: ${i.hint}` : ""}`;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

export function parseScenario(text: string, file = "scenario.yaml"): ParseResult {
  const fail = (issues: ScenarioIssue[]): ParseResult => ({ ok: false, issues });
  const whole = (message: string, hint?: string): ScenarioIssue => ({ file, line: 1, column: 1, path: "", message, hint });

  const size = text.length > MAX_FILE_BYTES / 4 ? byteLength(text) : text.length;
  if (size > MAX_FILE_BYTES) {
    return fail([whole(`the file is ${(size / 1048576).toFixed(1)} MiB; scenario files are limited to ${MAX_FILE_BYTES / 1048576} MiB`, "split long briefings into shorter text or remove pasted data")]);
  }
  let src: YamlSource;
  try {
    src = new YamlSource(text);
  } catch (e) {
    return fail([whole(`the file could not be read as YAML: ${e instanceof Error ? e.message : String(e)}`)]);
  }
  const syntax = src.syntaxProblems();
  if (syntax.length) return fail(syntax.map((p) => ({ file, line: p.line, column: p.column, path: "", message: p.message })));
  const read = src.toData();
  if ("problem" in read) return fail([whole(read.problem)]);
  const raw = read.data;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return fail([whole("a scenario file is a block of fields that starts with jointex: 1", "see scenarios/README.md for a worked example")]);
  }
  const rawObj = raw as Record<string, unknown>;
  const version = rawObj.jointex;
  if (typeof version === "number" && version !== FORMAT_VERSION) {
    const pos = src.locate(["jointex"]);
    const msg = version > FORMAT_VERSION
      ? `this file is format version ${version}; this Jointex reads version ${FORMAT_VERSION}: update Jointex`
      : `format version ${version} is not known; write jointex: ${FORMAT_VERSION}`;
    return fail([{ file, ...pos, path: "jointex", message: msg }]);
  }

  const findings: Finding[] = [];
  if (version === undefined) findings.push({ path: [], message: `start the file with jointex: ${FORMAT_VERSION} (the format version)` });
  else if (version === String(FORMAT_VERSION)) findings.push({ path: ["jointex"], message: `write jointex: ${FORMAT_VERSION} as a number, without quotes` });
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === "jointex" && (version === undefined || version === String(FORMAT_VERSION))) continue;
      findings.push(...explain(issue, Scenario as never, raw));
    }
  }
  // Cross-references run on every item that is well-formed, so one pass shows every problem.
  const partial = partialScenario(rawObj);
  checkMap(partial, findings);
  checkRefs(partial, findings);

  if (findings.length === 0 && parsed.success) return { ok: true, scenario: parsed.data, issues: [] };
  const topKeys = Object.keys(Scenario.shape);
  const issues = dedupe(findings).map((f): ScenarioIssue => {
    const pos = src.locate(f.path, { key: f.key });
    let hint = f.hint;
    if (f.path.length === 1 && f.key && !hint) hint = didYouMean(f.path[0], topKeys);
    return { file, line: pos.line, column: pos.column, path: formatPath(f.path), message: f.message, ...(hint ? { hint } : {}) };
  });
  issues.sort((a, b) => a.line - b.line || a.column - b.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return fail(issues);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${formatPath(f.path)}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
