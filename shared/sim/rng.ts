// Seeded randomness whose whole state is plain data inside the simulation state, so that a step is
// a pure function of (state, commands) and a saved state resumes the same sequence.
import seedrandom from "seedrandom";

export interface RngState { c: number; s0: number; s1: number; s2: number }

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  state(): RngState;
}

export function seedRng(seed: string | number): RngState {
  return seedrandom.alea(String(seed), { state: true }).state() as RngState;
}

export function openRng(state: RngState): Rng {
  const prng = seedrandom.alea("", { state: { ...state } });
  return {
    next: () => prng(),
    int: (n) => Math.floor(prng() * n),
    chance: (p) => prng() < p,
    state: () => prng.state() as RngState,
  };
}
