// HSEEP ratings: P (performed without challenges), S (with some challenges), M (with major
// challenges), U (unable to perform). Worse is lower; numbers serve averages and the numeric score.
export const RATINGS = ["P", "S", "M", "U"] as const;
export type Rating = (typeof RATINGS)[number];

const VALUE: Record<Rating, number> = { P: 4, S: 3, M: 2, U: 1 };
const FROM: Record<number, Rating> = { 4: "P", 3: "S", 2: "M", 1: "U" };

export const worse = (a: Rating, b: Rating): Rating => (VALUE[a] <= VALUE[b] ? a : b);
/** Never better than `cap`. */
export const capAt = (r: Rating, cap: Rating): Rating => worse(r, cap);
export const lower = (r: Rating, steps = 1): Rating => FROM[Math.max(1, VALUE[r] - steps)] as Rating;

/** Average of ratings, halves rounded toward the worse rating (a rating is earned, not given). */
export function average(rs: Rating[]): Rating {
  if (rs.length === 0) return "U";
  const mean = rs.reduce((s, r) => s + VALUE[r], 0) / rs.length;
  return FROM[Math.floor(mean + 1e-9)] as Rating;
}

/** Share of full marks: P 100 %, S 67 %, M 33 %, U 0 %. */
export const fraction = (r: Rating): number => (VALUE[r] - 1) / 3;

export const RATING_WORDS: Record<Rating, string> = {
  P: "performed without challenges",
  S: "performed with some challenges",
  M: "performed with major challenges",
  U: "unable to be performed",
};
