/**
 * How far the exact rank test can go with few values: small enough for the input checks (which run before
 * anything loads) to share with the test itself (stats.ts).
 */

/** Binomial coefficient as a double (exact below 2^53, which C(50, 25) is). */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0
  let result = 1
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - Math.min(k, n - k) + i)) / i
  return Math.round(result)
}

/**
 * The smallest one-sided p-value the exact test can give for samples of these sizes, 1 / C(n1+n2, n1): with
 * fewer values than that allows, no outcome is significant, and the comparison is inconclusive.
 */
export const smallestPValue = (n1: number, n2: number): number => 1 / choose(n1 + n2, n1)

/** The fewest minutes of each group at which the exact test can show a difference at `alpha`. */
export function minutesForLatency(alpha: number): number {
  let n = 1
  while (smallestPValue(n, n) >= alpha) n++
  return n
}
