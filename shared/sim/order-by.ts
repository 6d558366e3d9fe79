// Ordering by UTF-16 code units: the same on every machine and locale (localeCompare is not: a
// Danish browser sorts "aa" after "z"), so everything the engine sorts stays deterministic.
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
