// Small inline SVG charts for the report: no script, no external file, prints as it shows.
export const esc = (s: unknown): string => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export interface Bar { label: string; value: number | null; note?: string; good?: boolean }

/** Horizontal bars; a null value is drawn as a full-width red "missing" bar with its note. */
export function barChart(bars: Bar[], unit: string, width = 640): string {
  if (bars.length === 0) return "";
  const row = 24;
  const labelW = 230;
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value ?? 0)));
  const plot = width - labelW - 90;
  const h = bars.length * row + 8;
  const rows = bars.map((b, k) => {
    const y = k * row + 4;
    const w = b.value === null ? plot : Math.max(2, (Math.abs(b.value) / max) * plot);
    const colour = b.value === null ? "#b3261e" : b.good === false ? "#d98c00" : "#2e7d32";
    const text = b.value === null ? (b.note ?? "missing") : `${b.value} ${unit}`;
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end" class="lbl">${esc(b.label)}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" rx="3" fill="${colour}" opacity="${b.value === null ? 0.35 : 0.85}"/>` +
      `<text x="${labelW + (b.value === null ? 6 : w + 6)}" y="${y + 15}" class="val">${esc(text)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img">${rows.join("")}</svg>`;
}

/** A from-to matrix of message counts, darker for more. */
const short = (s: string, n = 34) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function flowMatrix(pairs: { from: string; to: string; count: number }[], label: (id: string) => string): string {
  if (pairs.length === 0) return "";
  const from = [...new Set(pairs.map((p) => p.from))].sort();
  const to = [...new Set(pairs.map((p) => p.to))].sort();
  const max = Math.max(...pairs.map((p) => p.count));
  const cell = 34;
  const left = 250;
  const top = 120;
  const w = left + to.length * cell + 10;
  const h = top + from.length * cell + 10;
  const parts: string[] = [];
  to.forEach((t, j) => parts.push(`<text transform="translate(${left + j * cell + cell / 2},${top - 6}) rotate(-45)" class="lbl">${esc(short(label(t), 22))}</text>`));
  from.forEach((f, i) => {
    parts.push(`<text x="${left - 6}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end" class="lbl">${esc(short(label(f)))}</text>`);
    to.forEach((t, j) => {
      const c = pairs.find((p) => p.from === f && p.to === t)?.count ?? 0;
      const shade = c === 0 ? "#f3f5f8" : `rgba(0, 51, 153, ${(0.2 + 0.8 * (c / max)).toFixed(2)})`;
      parts.push(`<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell - 2}" height="${cell - 2}" fill="${shade}"/>`);
      if (c) parts.push(`<text x="${left + j * cell + cell / 2 - 1}" y="${top + i * cell + cell / 2 + 4}" text-anchor="middle" class="cnt">${c}</text>`);
    });
  });
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">${parts.join("")}</svg>`;
}
