/**
 * The two tests a canary's metrics are judged by, as pure functions (no AWS, no @actions/core).
 *
 * Error rate: a one-sided two-proportion test of "the canary's error rate exceeds the base's by more than
 * `margin`" (H0: p_canary - p_base <= margin). With margin 0 it is the textbook pooled z-test; with a margin
 * the pooled variance no longer belongs to the null hypothesis, so the variance is taken at the restricted
 * maximum-likelihood estimates under p_canary - p_base = margin (Farrington & Manning 1990, "Test statistics
 * and sample size formulae for comparative binomial trials with null hypothesis of non-zero risk difference
 * or non-unity relative risk", Statistics in Medicine 9(12); closed form as in Miettinen & Nurminen 1985).
 * At margin 0 those estimates are the pooled rate, so one formula covers both and the statistic moves
 * continuously with the margin. Large samples are assumed (the per-minute counts of a bake are hundreds of
 * requests or more); below `minCanaryRequests` the verdict says "inconclusive" instead of testing.
 *
 * Latency: the Mann-Whitney U (Wilcoxon rank-sum) test of "the canary's per-minute percentiles are
 * stochastically larger than the base's". A bake gives one value per minute and group (5 to 30 of them), where
 * the normal approximation is poor, so the p-value is exact (the permutation distribution of the midrank sum,
 * ties included, counted by dynamic programming) up to EXACT_LIMIT values in all, and the normal
 * approximation with tie and continuity corrections beyond. Ranks need no assumption about the shape of
 * latency distributions (skewed, heavy-tailed), which is why a rank test rather than a t-test.
 */

import { choose } from './exact-floor.js'

/**
 * Standard normal cumulative distribution function, double precision (about 1e-15 absolute): Hart's
 * algorithm 5666 as given by G. West, "Better approximations to cumulative normal functions", Wilmott
 * Magazine (2005), figure 2.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const abs = Math.abs(x)
  let tail: number
  if (abs > 37) tail = 0
  else {
    const exponential = Math.exp(-(abs * abs) / 2)
    if (abs < 7.07106781186547) {
      let numerator = 3.52624965998911e-2 * abs + 0.700383064443688
      numerator = numerator * abs + 6.37396220353165
      numerator = numerator * abs + 33.912866078383
      numerator = numerator * abs + 112.079291497871
      numerator = numerator * abs + 221.213596169931
      numerator = numerator * abs + 220.206867912376
      let denominator = 8.83883476483184e-2 * abs + 1.75566716318264
      denominator = denominator * abs + 16.064177579207
      denominator = denominator * abs + 86.7807322029461
      denominator = denominator * abs + 296.564248779674
      denominator = denominator * abs + 637.333633378831
      denominator = denominator * abs + 793.826512519948
      denominator = denominator * abs + 440.413735824752
      tail = (exponential * numerator) / denominator
    } else {
      let fraction = abs + 0.65
      fraction = abs + 4 / fraction
      fraction = abs + 3 / fraction
      fraction = abs + 2 / fraction
      fraction = abs + 1 / fraction
      tail = exponential / fraction / 2.506628274631
    }
  }
  return x > 0 ? 1 - tail : tail
}

/** P(Z >= z) for a standard normal Z, without the cancellation of 1 - normalCdf(z) for large z. */
export const upperTail = (z: number): number => normalCdf(-z)

export interface Proportion {
  /** Requests that failed (5XXError, or 4XX + 5XX). */
  events: number
  /** Requests in all (Count). */
  trials: number
}

export interface TwoProportionTest {
  canaryRate: number
  baseRate: number
  /** canaryRate - baseRate. */
  difference: number
  margin: number
  z: number
  /** One-sided: the chance of a z this large if the canary were no worse than the base + margin. */
  pValue: number
  method: 'pooled' | 'farrington-manning'
}

function checkProportion(name: string, { events, trials }: Proportion): void {
  if (!Number.isInteger(trials) || trials <= 0)
    throw new RangeError(`${name}: trials must be a whole number above 0, got ${trials}`)
  if (!Number.isInteger(events) || events < 0 || events > trials)
    throw new RangeError(`${name}: events must be a whole number from 0 to ${trials}, got ${events}`)
}

/**
 * The restricted maximum-likelihood rates (p1, p2) under p1 - p2 = margin: the root of the likelihood's
 * cubic in Farrington & Manning's closed form.
 */
function restrictedRates(p1: number, n1: number, p2: number, n2: number, margin: number): [number, number] {
  const theta = n2 / n1
  const a = 1 + theta
  const b = -(1 + theta + p1 + theta * p2 + margin * (theta + 2))
  const c = margin * margin + margin * (2 * p1 + theta + 1) + p1 + theta * p2
  const d = -p1 * margin * (1 + margin)
  const v = b ** 3 / (3 * a) ** 3 - (b * c) / (6 * a * a) + d / (2 * a)
  const u = Math.sign(v || 1) * Math.sqrt(Math.max(0, (b * b) / (3 * a) ** 2 - c / (3 * a)))
  const cosine = u === 0 ? 0 : Math.min(1, Math.max(-1, v / u ** 3))
  const w = (Math.PI + Math.acos(cosine)) / 3
  const r1 = Math.min(1, Math.max(margin, 2 * u * Math.cos(w) - b / (3 * a)))
  return [r1, r1 - margin]
}

/**
 * One-sided test that the canary's error rate exceeds the base's by more than `margin` (a proportion:
 * 0.01 is one percentage point). A small p-value is evidence that the canary is worse beyond the tolerance.
 */
export function twoProportionTest(canary: Proportion, base: Proportion, margin = 0): TwoProportionTest {
  checkProportion('canary', canary)
  checkProportion('base', base)
  if (!(margin >= 0 && margin < 1)) throw new RangeError(`margin must be from 0 to below 1, got ${margin}`)
  const p1 = canary.events / canary.trials
  const p2 = base.events / base.trials
  const n1 = canary.trials
  const n2 = base.trials
  let v1: number
  let v2: number
  if (margin === 0) {
    const pooled = (canary.events + base.events) / (n1 + n2)
    v1 = v2 = pooled
  } else [v1, v2] = restrictedRates(p1, n1, p2, n2, margin)
  const se = Math.sqrt((v1 * (1 - v1)) / n1 + (v2 * (1 - v2)) / n2)
  const excess = p1 - p2 - margin
  // No variance: every request failed, or none did, at the restricted rates. The sign of the excess decides.
  const z = se > 0 ? excess / se : excess > 0 ? Infinity : excess < 0 ? -Infinity : 0
  return {
    canaryRate: p1,
    baseRate: p2,
    difference: p1 - p2,
    margin,
    z,
    pValue: upperTail(z),
    method: margin === 0 ? 'pooled' : 'farrington-manning'
  }
}

/** Midranks (1-based) of `values`: tied values share the mean of the ranks they span. */
export function midranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((x, y) => x.value - y.value)
  const ranks = new Array<number>(values.length)
  for (let start = 0; start < order.length;) {
    let end = start
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++
    const rank = (start + end) / 2 + 1
    for (let i = start; i <= end; i++) ranks[order[i].index] = rank
    start = end + 1
  }
  return ranks
}

/** Up to this many values in both samples together, the rank test's p-value is exact. */
export const EXACT_LIMIT = 50

export interface RankTest {
  /** Mann-Whitney U of the canary: pairs (canary, base) where the canary's value is larger, ties counting 1/2. */
  u: number
  n1: number
  n2: number
  /** One-sided: the chance of a U this large if both samples came from the same distribution. */
  pValue: number
  method: 'exact' | 'normal'
  /** The normal approximation's z (tie- and continuity-corrected), when that method was used. */
  z?: number
  ties: boolean
}

/** P(sum of n1 of the doubled midranks >= observed), counted over all C(n, n1) ways to choose them. */
function exactUpperTail(doubledRanks: number[], n1: number, observed: number): number {
  const total = doubledRanks.reduce((sum, r) => sum + r, 0)
  // ways[k][s]: ways to pick k of the ranks seen so far with doubled sum s.
  const ways = Array.from({ length: n1 + 1 }, () => new Float64Array(total + 1))
  ways[0][0] = 1
  let seen = 0
  for (const rank of doubledRanks) {
    seen += rank
    for (let k = Math.min(n1, ways.length - 1); k >= 1; k--) {
      const row = ways[k]
      const below = ways[k - 1]
      for (let s = seen; s >= rank; s--) if (below[s - rank] !== 0) row[s] += below[s - rank]
    }
  }
  let atLeast = 0
  for (let s = observed; s <= total; s++) atLeast += ways[n1][s]
  return atLeast / choose(doubledRanks.length, n1)
}

/**
 * One-sided Mann-Whitney U test that `canary` is stochastically larger than `base` (slower, for
 * latencies). Exact up to EXACT_LIMIT values in all (ties included), else the normal approximation.
 */
export function mannWhitneyU(canary: readonly number[], base: readonly number[]): RankTest {
  const n1 = canary.length
  const n2 = base.length
  if (n1 === 0 || n2 === 0) throw new RangeError('both samples need at least one value')
  if ([...canary, ...base].some(v => !Number.isFinite(v)))
    throw new RangeError('values must be finite numbers')
  const ranks = midranks([...canary, ...base])
  const rankSum = ranks.slice(0, n1).reduce((sum, r) => sum + r, 0)
  const u = rankSum - (n1 * (n1 + 1)) / 2
  const n = n1 + n2
  const ties = new Set(ranks).size < n
  if (n <= EXACT_LIMIT) {
    const pValue = exactUpperTail(
      ranks.map(r => Math.round(r * 2)),
      n1,
      Math.round(rankSum * 2)
    )
    return { u, n1, n2, pValue: Math.min(1, pValue), method: 'exact', ties }
  }
  // Tie correction: sum of t^3 - t over the groups of tied values.
  const counts = new Map<number, number>()
  for (const r of ranks) counts.set(r, (counts.get(r) ?? 0) + 1)
  let tieTerm = 0
  for (const t of counts.values()) tieTerm += t ** 3 - t
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  const mean = (n1 * n2) / 2
  // Continuity correction toward the mean, for the upper tail.
  const z = variance > 0 ? (u - mean - 0.5) / Math.sqrt(variance) : 0
  return { u, n1, n2, pValue: upperTail(z), method: 'normal', z, ties }
}

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
