// The last positions of a moving thing, oldest first, in a fixed ring (no allocation per patch).
export const TRAIL_LENGTH = 60;

export class TrailBuffer {
  private readonly xy: Float64Array;
  private head = 0; // next slot to write
  private count = 0;
  constructor(readonly capacity = TRAIL_LENGTH) { this.xy = new Float64Array(capacity * 2); }

  get length(): number { return this.count; }

  /** Adds a position unless it is within minStep metres of the last one (a unit standing still leaves no trail). */
  push(x: number, y: number, minStep = 0.5): boolean {
    if (this.count > 0) {
      const last = (this.head - 1 + this.capacity) % this.capacity;
      if (Math.abs(this.xy[2 * last]! - x) < minStep && Math.abs(this.xy[2 * last + 1]! - y) < minStep) return false;
    }
    this.xy[2 * this.head] = x;
    this.xy[2 * this.head + 1] = y;
    this.head = (this.head + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    return true;
  }

  /** i-th position, 0 = oldest kept. */
  x(i: number): number { return this.xy[2 * this.slot(i)]!; }
  y(i: number): number { return this.xy[2 * this.slot(i) + 1]!; }
  last(): [number, number] | null { return this.count ? [this.x(this.count - 1), this.y(this.count - 1)] : null; }
  clear(): void { this.count = 0; this.head = 0; }
  toArray(): [number, number][] { return Array.from({ length: this.count }, (_, i) => [this.x(i), this.y(i)]); }

  private slot(i: number): number {
    return (this.head - this.count + i + this.capacity * 2) % this.capacity;
  }
}

/** Opacity of trail segment i of n (0 = oldest): fades in linearly towards the present. */
export function trailAlpha(i: number, n: number, max = 0.8): number {
  return n <= 1 ? max : max * (0.08 + 0.92 * (i / (n - 1)));
}
