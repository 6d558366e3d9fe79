// Reads a scenario's YAML safely and maps a field path back to a line and column in the file.
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases expand; a few hundred is plenty for a real file and stops "billion laughs" bombs. */
export const MAX_ALIAS_COUNT = 200;
export const MAX_DEPTH = 64;

export type PathSeg = string | number;
export interface Located { line: number; column: number }
export interface RawProblem extends Located { message: string }

export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(readonly text: string) {
    this.doc = parseDocument(text, {
      lineCounter: this.lines,
      uniqueKeys: true,
      merge: false, // "<<" merge keys hide where a field came from: refuse them as unknown fields
      prettyErrors: false,
      strict: true,
      stringKeys: true,
    });
  }

  /** Syntax errors and warnings the YAML parser found, already positioned. */
  syntaxProblems(): RawProblem[] {
    const out: RawProblem[] = [];
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      const pos = this.pos(e.pos[0]);
      // One slip often trips several parser rules on the same line: the first says it best.
      if (out.some((p) => p.line === pos.line)) continue;
      out.push({ ...pos, message: yamlMessage(e.code, e.message) });
    }
    return out;
  }

  /** The plain data, or a problem when it is hostile (alias bomb, nesting too deep). */
  toData(): { data: unknown } | { problem: string } {
    const depth = maxDepth(this.doc.contents);
    if (depth > MAX_DEPTH) return { problem: `the file nests more than ${MAX_DEPTH} levels deep, the most a scenario file may` };
    try {
      return { data: this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/alias/i.test(msg)) {
        return { problem: `too many alias (*name) expansions: at most ${MAX_ALIAS_COUNT} are allowed in one file` };
      }
      return { problem: `the file could not be read as data: ${msg}` };
    }
  }

  pos(offset: number): Located {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  /**
   * Where a path points: the value itself when it is short (scalar or flow), the key that owns it
   * when it is a block, the key when `key` is asked for, or the nearest existing ancestor.
   */
  locate(path: readonly PathSeg[], opts: { key?: boolean } = {}): Located {
    let parent: unknown = this.doc.contents;
    let ownerKey: Node | null = null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as PathSeg;
      const last = i === path.length - 1;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return this.nodePos(ownerKey ?? (parent as Node));
        if (last && opts.key && isNode(pair.key)) return this.nodePos(pair.key);
        ownerKey = isNode(pair.key) ? pair.key : ownerKey;
        parent = pair.value;
      } else if (isSeq(parent) && typeof seg === "number" && seg < parent.items.length) {
        parent = parent.items[seg];
        ownerKey = null;
      } else {
        return this.nodePos(ownerKey ?? (parent as Node));
      }
      if (!isNode(parent) && !isPair(parent)) return this.nodePos(ownerKey);
    }
    const node = parent as Node;
    const isBlock = (isMap(node) || isSeq(node)) && !node.flow;
    return this.nodePos(isBlock && ownerKey ? ownerKey : node);
  }

  private nodePos(node: Node | null | undefined): Located {
    return node?.range ? this.pos(node.range[0]) : { line: 1, column: 1 };
  }
}

function maxDepth(node: unknown, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  let max = depth;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const child = isPair(item) ? item.value : item;
      max = Math.max(max, maxDepth(child, depth + 1));
      if (max > MAX_DEPTH) break;
    }
  }
  return max;
}

/** The YAML library's messages, in words an instructor understands. */
function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  switch (code) {
    case "DUPLICATE_KEY":
      return "this key appears twice in the same block: keep one (YAML keeps no duplicates)";
    case "TAB_AS_INDENT":
      return "a tab is used for indentation: indent with spaces only";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
      return `YAML syntax: ${first}. Check the indentation and the punctuation on this line`;
    case "TAG_RESOLVE_FAILED":
      return `YAML tags (!name) are not used in scenario files: ${first}`;
    case "BLOCK_IN_FLOW":
    case "MULTILINE_IMPLICIT_KEY":
      return `YAML syntax: ${first}. If the text contains ": " or " #", put it in quotes`;
    default:
      return /[Nn]ested mappings/.test(first) ? `YAML syntax: ${first}. If the text contains ": ", put it in quotes` : `YAML syntax: ${first}`;
  }
}
