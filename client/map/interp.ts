// Movement smoothing between server patches: every drawn thing glides from where it is drawn now
// to its new position over the announced time, at constant speed (patches are evenly spaced ground
// truth, so easing would make units look like they stop at every patch). Pure, tested in Node.

/** One moving point. */
export class Glide {
  fx = 0; fy = 0; tx = 0; ty = 0; t0 = 0; dur = 0;
  constructor(x: number, y: number) { this.fx = this.tx = x; this.fy = this.ty = y; }

  /** Progress 0..1 at time `now` (ms). */
  progress(now: number): number {
    return this.dur <= 0 ? 1 : Math.min(1, Math.max(0, (now - this.t0) / this.dur));
  }
  x(now: number): number { const k = this.progress(now); return this.fx + (this.tx - this.fx) * k; }
  y(now: number): number { const k = this.progress(now); return this.fy + (this.ty - this.fy) * k; }

  /** Head for (x, y), starting from where the point is drawn at `now`; ms = 0 jumps there. */
  set(x: number, y: number, now: number, ms: number): void {
    if (ms > 0) { this.fx = this.x(now); this.fy = this.y(now); } else { this.fx = x; this.fy = y; }
    this.tx = x; this.ty = y; this.t0 = now; this.dur = ms;
  }
}

/** All agents of one crowd: typed arrays, no object per agent. Agent k is (xy[2k], xy[2k+1]). */
export class CrowdGlide {
  from: Float32Array;
  to: Float32Array;
  n: number;
  t0 = 0;
  dur = 0;
  constructor(xy: ArrayLike<number>) {
    this.n = xy.length >> 1;
    this.to = Float32Array.from(xy as ArrayLike<number>);
    this.from = this.to.slice();
  }

  progress(now: number): number {
    return this.dur <= 0 ? 1 : Math.min(1, Math.max(0, (now - this.t0) / this.dur));
  }

  /** New positions. Agents present before glide from their drawn position; new ones appear in place. */
  set(xy: ArrayLike<number>, now: number, ms: number): void {
    const k = this.progress(now);
    const n = xy.length >> 1;
    const keep = ms > 0 ? Math.min(n, this.n) * 2 : 0;
    const from = this.from.length >= n * 2 ? this.from : new Float32Array(n * 2);
    const to = this.to.length >= n * 2 ? this.to : new Float32Array(n * 2);
    for (let i = 0; i < keep; i++) from[i] = this.from[i]! + (this.to[i]! - this.from[i]!) * k;
    for (let i = 0; i < n * 2; i++) to[i] = xy[i]!;
    for (let i = keep; i < n * 2; i++) from[i] = to[i]!;
    this.from = from; this.to = to; this.n = n; this.t0 = now; this.dur = ms;
  }

  /** Drawn position of agent i (for tests and hit-testing). */
  at(i: number, now: number): [number, number] {
    const k = this.progress(now);
    const a = this.from, b = this.to;
    return [a[2 * i]! + (b[2 * i]! - a[2 * i]!) * k, a[2 * i + 1]! + (b[2 * i + 1]! - a[2 * i + 1]!) * k];
  }
}
