// Crowd agents to screen dots, once per frame, without an object per agent: interpolate the two
// typed arrays, project with one affine map, drop what is off-screen and what falls on a dot cell
// already drawn (zoomed out, thousands of agents collapse onto a few hundred pixels). Pure.

/** One cell per dot-sized square of the canvas; a cell is taken when it holds the current stamp. */
export class DotGrid {
  cells = new Uint32Array(0);
  cols = 0;
  rows = 0;
  cell = 2;
  stamp = 0;
  /** Start a new frame for a w x h canvas with dots of `cell` pixels. */
  begin(w: number, h: number, cell: number): void {
    const cols = Math.ceil(w / cell) + 2, rows = Math.ceil(h / cell) + 2;
    if (cols !== this.cols || rows !== this.rows || cell !== this.cell) {
      this.cols = cols; this.rows = rows; this.cell = cell;
      this.cells = new Uint32Array(cols * rows);
      this.stamp = 0;
    }
    this.stamp++;
    if (this.stamp === 0xffffffff) { this.cells.fill(0); this.stamp = 1; }
  }
}

/**
 * Writes the top-left corners of the dots to draw into out (x, y pairs) and returns how many.
 * Agent k moves from from[2k..] to to[2k..]; k is the glide progress 0..1; screen = (x a + bx, -y a + by).
 */
export function projectCrowd(
  from: Float32Array, to: Float32Array, n: number, k: number,
  t: { a: number; bx: number; by: number }, w: number, h: number,
  grid: DotGrid, out: Float32Array, outOffset = 0,
): number {
  const size = grid.cell, half = size / 2, cols = grid.cols, cells = grid.cells, stamp = grid.stamp;
  const { a, bx, by } = t;
  let m = outOffset;
  const cap = out.length - 1;
  for (let i = 0; i < n; i++) {
    const x0 = from[2 * i]!, y0 = from[2 * i + 1]!;
    const x = x0 + (to[2 * i]! - x0) * k;
    const y = y0 + (to[2 * i + 1]! - y0) * k;
    const sx = x * a + bx - half, sy = -y * a + by - half;
    if (sx < -size || sy < -size || sx >= w || sy >= h) continue;
    const c = ((sy + size) / size | 0) * cols + ((sx + size) / size | 0);
    if (cells[c] === stamp) continue;
    cells[c] = stamp;
    if (m >= cap) break;
    out[m++] = sx; out[m++] = sy;
  }
  return (m - outOffset) >> 1;
}
