import { describe, expect, it } from '@jest/globals'
import { choose, smallestPValue } from '../../../src/canary-analysis/exact-floor.js'
import {
  EXACT_LIMIT,
  mannWhitneyU,
  median,
  midranks,
  normalCdf,
  twoProportionTest
} from '../../../src/canary-analysis/stats.js'

// Reference values: Φ(x) = erfc(-x/√2)/2 with Python's math.erfc (double precision); the two-proportion and
// Mann-Whitney figures are worked out in the comments, the exact p-values cross-checked by enumerating every
// assignment of the values to the two groups.

describe('normalCdf', () => {
  it.each([
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145707],
    [-3, 0.0013498980316300957],
    [0.5, 0.6914624612740131],
    [2.5758293035489, 0.995],
    [0, 0.5]
  ])('Φ(%p) = %p', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 14)
  })

  it('keeps the far tails to a relative 1e-8 (no 1 - Φ cancellation)', () => {
    expect(normalCdf(-6) / 9.865876450377012e-10).toBeCloseTo(1, 8)
    expect(normalCdf(-10) / 7.619853024160593e-24).toBeCloseTo(1, 8)
    expect(normalCdf(-40)).toBe(0)
    expect(normalCdf(40)).toBe(1)
  })
})

describe('twoProportionTest', () => {
  it('is the textbook pooled z at margin 0: 20/100 vs 10/100', () => {
    // p̄ = 30/200 = 0.15, SE = √(0.15 · 0.85 · (1/100 + 1/100)) = 0.050498, z = 0.10 / 0.050498 = 1.98030
    const test = twoProportionTest({ events: 20, trials: 100 }, { events: 10, trials: 100 })
    expect(test.method).toBe('pooled')
    expect(test.z).toBeCloseTo(1.9802950859533488, 12)
    expect(test.pValue).toBeCloseTo(0.02383519032808068, 12)
    expect(test).toMatchObject({ canaryRate: 0.2, baseRate: 0.1, margin: 0 })
    expect(test.difference).toBeCloseTo(0.1, 15)
  })

  it('is one-sided: a canary better than the base is far from failing', () => {
    const test = twoProportionTest({ events: 10, trials: 100 }, { events: 20, trials: 100 })
    expect(test.z).toBeCloseTo(-1.9802950859533488, 12)
    expect(test.pValue).toBeCloseTo(1 - 0.02383519032808068, 12)
  })

  it('takes the variance at the restricted estimates with a margin (Farrington-Manning)', () => {
    // Checked against a direct numerical maximisation of the binomial likelihood under p1 - p2 = margin:
    // 20/100 vs 10/100, margin 0.05 -> p̃1 = 0.1714467, p̃2 = 0.1214467, z = 1.0025091.
    const test = twoProportionTest({ events: 20, trials: 100 }, { events: 10, trials: 100 }, 0.05)
    expect(test.method).toBe('farrington-manning')
    expect(test.z).toBeCloseTo(1.0025091492091396, 9)
    expect(test.pValue).toBeCloseTo(0.15804887498183956, 9)
    // Unequal groups, as a 10% canary has: 30/200 vs 50/1000, margin 0.02 -> z = 3.8681523.
    const unequal = twoProportionTest({ events: 30, trials: 200 }, { events: 50, trials: 1000 }, 0.02)
    expect(unequal.z).toBeCloseTo(3.868152319140964, 9)
    expect(unequal.pValue).toBeCloseTo(5.483157899784448e-5, 12)
  })

  it('moves continuously from the pooled test as the margin grows from 0', () => {
    const at = (margin: number) =>
      twoProportionTest({ events: 20, trials: 100 }, { events: 10, trials: 100 }, margin).z
    expect(at(1e-9)).toBeCloseTo(at(0), 6)
    expect(at(0.0001)).toBeCloseTo(1.978389288498074, 9)
    expect(at(0.02)).toBeLessThan(at(0.01))
  })

  it('decides by the sign of the excess when there is no variance', () => {
    expect(twoProportionTest({ events: 0, trials: 50 }, { events: 0, trials: 50 })).toMatchObject({
      z: 0,
      pValue: 0.5
    })
    const allFailed = twoProportionTest({ events: 50, trials: 50 }, { events: 0, trials: 500 })
    expect(allFailed.pValue).toBeLessThan(1e-12)
    const clean = twoProportionTest({ events: 0, trials: 50 }, { events: 0, trials: 50 }, 0.01)
    expect(clean.z).toBeLessThan(0)
    expect(clean.pValue).toBeGreaterThan(0.5)
  })

  it('refuses counts that are not counts', () => {
    expect(() => twoProportionTest({ events: 1, trials: 0 }, { events: 0, trials: 1 })).toThrow(RangeError)
    expect(() => twoProportionTest({ events: 3, trials: 2 }, { events: 0, trials: 1 })).toThrow(/0 to 2/)
    expect(() => twoProportionTest({ events: 1.5, trials: 2 }, { events: 0, trials: 1 })).toThrow(RangeError)
    expect(() => twoProportionTest({ events: 1, trials: 2 }, { events: 0, trials: 1 }, -0.1)).toThrow(
      /margin/
    )
  })
})

/** The exact upper-tail p-value by enumerating every way to split the values into groups of n1 and n2. */
function bruteForce(canary: number[], base: number[]): number {
  const all = [...canary, ...base]
  const uOf = (xs: number[], ys: number[]) =>
    xs.reduce((sum, x) => sum + ys.reduce((s, y) => s + (x > y ? 1 : x === y ? 0.5 : 0), 0), 0)
  const observed = uOf(canary, base)
  let atLeast = 0
  let total = 0
  const pick = (start: number, chosen: number[]): void => {
    if (chosen.length === canary.length) {
      const xs = chosen.map(i => all[i])
      const ys = all.filter((_, i) => !chosen.includes(i))
      total++
      if (uOf(xs, ys) >= observed) atLeast++
      return
    }
    for (let i = start; i < all.length; i++) pick(i + 1, [...chosen, i])
  }
  pick(0, [])
  return atLeast / total
}

describe('mannWhitneyU', () => {
  it('matches the n1 = n2 = 5 table: P(U >= 21) = 12/252', () => {
    // U counts for (5, 5) from U = 0 up: 1, 1, 2, 3, 5, 7, ... of C(10, 5) = 252, so P(U <= 4) = 12/252 =
    // 0.0476, the one-sided 5% critical value of Mann & Whitney's table; by symmetry P(U >= 25 - 4) alike.
    const test = mannWhitneyU([6, 7, 8, 9, 10], [1, 2, 3, 4, 9.5])
    expect(test).toMatchObject({ u: 21, n1: 5, n2: 5, method: 'exact', ties: false })
    expect(test.pValue).toBeCloseTo(12 / 252, 15)
    expect(mannWhitneyU([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]).pValue).toBeCloseTo(1 / 252, 15)
  })

  it("matches R's wilcox.test example (Hollander & Wolfe): W = 35, p = 0.1272", () => {
    // x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46); y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
    // wilcox.test(x, y, alternative = "greater"): W = 35, p-value = 0.1272 (382 of C(15, 5) = 3003).
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    const y = [1.15, 0.88, 0.9, 0.74, 1.21]
    const test = mannWhitneyU(x, y)
    expect(test.u).toBe(35)
    expect(test.pValue).toBeCloseTo(382 / 3003, 15)
  })

  it('is exact with ties: the permutation distribution of the midranks', () => {
    // U = 13.5; 32 of the 126 splits give U >= 13.5.
    const test = mannWhitneyU([3, 3, 5, 7], [1, 3, 3, 4, 5])
    expect(test).toMatchObject({ u: 13.5, ties: true, method: 'exact' })
    expect(test.pValue).toBeCloseTo(32 / 126, 15)
    for (const [canary, base] of [
      [
        [120, 130, 130, 140],
        [100, 110, 130, 130, 150, 90]
      ],
      [
        [5, 5, 5],
        [5, 5, 5, 5]
      ],
      [
        [1, 2, 2, 9, 9, 9],
        [2, 3, 9]
      ]
    ])
      expect(mannWhitneyU(canary, base).pValue).toBeCloseTo(bruteForce(canary, base), 12)
  })

  it('uses the normal approximation with tie and continuity corrections beyond EXACT_LIMIT values', () => {
    // 26 values 7.5..32.5 against 26 values 0..25: U = 505, σ² = 26·26/12·(53 - 0) (no ties),
    // z = (505 - 338 - 0.5)/√(2985.67) = 3.04715, p = 0.0011551 (the exact p is 0.00094).
    const canary = Array.from({ length: 26 }, (_, i) => i + 7.5)
    const base = Array.from({ length: 26 }, (_, i) => i)
    expect(canary.length + base.length).toBeGreaterThan(EXACT_LIMIT)
    const test = mannWhitneyU(canary, base)
    expect(test.method).toBe('normal')
    expect(test.u).toBe(505)
    expect(test.z).toBeCloseTo(3.0471482082016386, 12)
    expect(test.pValue).toBeCloseTo(0.0011551188519623196, 12)
    expect(Math.abs(test.pValue - 0.0009374887311413545)).toBeLessThan(0.0005)
  })

  it('gives p = 1 when every canary value is below every base value', () => {
    expect(mannWhitneyU([1, 2], [3, 4, 5]).pValue).toBe(1)
  })

  it('refuses empty samples and non-numbers', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError)
    expect(() => mannWhitneyU([Number.NaN], [1])).toThrow(RangeError)
  })
})

describe('helpers', () => {
  it('midranks share tied ranks', () => {
    expect(midranks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4])
  })
  it('choose and smallestPValue', () => {
    expect(choose(10, 5)).toBe(252)
    expect(choose(50, 25)).toBe(126410606437752)
    expect(choose(3, 4)).toBe(0)
    expect(smallestPValue(3, 3)).toBeCloseTo(0.05, 15)
    expect(smallestPValue(2, 2)).toBeCloseTo(1 / 6, 15)
  })
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
})
