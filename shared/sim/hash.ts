// A stable fingerprint of plain data: canonical JSON (sorted keys) through 64-bit FNV-1a. Used for
// checkpoint hashes in the exercise log and the scenario hash.
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value as Record<string, unknown>).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

/** FNV-1a 64-bit over UTF-16 code units, in two 32-bit halves (no BigInt on the hot path). */
export function fnv64(text: string): string {
  let h1 = 0x84222325 | 0; // low
  let h2 = 0xcbf29ce4 | 0; // high
  for (let i = 0; i < text.length; i++) {
    h1 ^= text.charCodeAt(i);
    // Multiply (h2:h1) by the FNV prime 2^40 + 0x1b3, modulo 2^64, in 32-bit pieces.
    const a = h1 >>> 0;
    const carry = ((a >>> 16) * 0x1b3 + (((a & 0xffff) * 0x1b3) >>> 16)) >>> 16;
    const lo = Math.imul(a, 0x1b3);
    const hi = (Math.imul(h2, 0x1b3) + carry + (a << 8)) | 0;
    h1 = lo;
    h2 = hi;
  }
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

export const hashOf = (value: unknown): string => fnv64(canonical(value));
