// "Did you mean": the closest known word to what was written, when it is close enough to be a typo.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The best candidate within a third of the word's length (at least 2 edits), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  if (bestD <= allowed) return best;
  // A shortened word ("unmarked" for "unmarked_car") is as good a clue as a typo.
  if (w.length < 3) return undefined;
  for (const c of candidates) if (c.toLowerCase().startsWith(w) || w.startsWith(c.toLowerCase())) return c;
  // Same stem, different ending ("fleeing_car" for "fleeing_vehicle").
  const stem = (c: string) => { let k = 0; while (k < c.length && c[k] === w[k]) k++; return k; };
  const byStem = [...candidates].map((c) => [c, stem(c.toLowerCase())] as const).sort((a, b) => b[1] - a[1])[0];
  return byStem && byStem[1] >= Math.max(5, Math.ceil(w.length / 2)) ? byStem[0] : undefined;
}

export function didYouMean(word: unknown, candidates: Iterable<string>): string | undefined {
  if (typeof word !== "string") return undefined;
  const c = closest(word, candidates);
  return c !== undefined && c !== word ? `did you mean "${c}"?` : undefined;
}

/** A short, quoted description of a value for "found ..." parts of messages. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return value.length > 40 ? `text "${value.slice(0, 37)}..."` : `text "${value}"`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return "a block of fields";
}
