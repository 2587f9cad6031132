import { describe, expect, it } from '@jest/globals'
import {
  formatP,
  formatRate,
  judgeCanary,
  type MinuteMetrics,
  type Thresholds
} from '../../../src/canary-analysis/verdict.js'

const T0 = Date.UTC(2024, 0, 1, 12, 0)

/** `count` minutes of one group; latency varies a little by minute (as real minutes do) around the given ms. */
function minutes(
  count: number,
  each: {
    requests: number
    serverErrors?: number
    clientErrors?: number
    p50?: number
    p90?: number
    p99?: number
  }
): MinuteMetrics[] {
  return Array.from({ length: count }, (_, i) => ({
    start: T0 + i * 60_000,
    requests: each.requests,
    serverErrors: each.serverErrors ?? 0,
    clientErrors: each.clientErrors ?? 0,
    latency: {
      p50: (each.p50 ?? 40) + ((i * 7) % 5),
      p90: (each.p90 ?? 90) + ((i * 3) % 7),
      p99: (each.p99 ?? 200) + ((i * 5) % 11)
    }
  }))
}

const thresholds: Thresholds = {
  maxErrorRateIncrease: 0.01,
  maxLatencyIncreasePct: 10,
  minCanaryRequests: 100
}

describe('judgeCanary', () => {
  it('is inconclusive below the minimum canary requests, and tests nothing', () => {
    const judgement = judgeCanary(
      minutes(3, { requests: 20, serverErrors: 20 }),
      minutes(3, { requests: 200 }),
      thresholds
    )
    expect(judgement).toMatchObject({
      verdict: 'inconclusive',
      reason: 'only 60 canary requests in the window, fewer than the 100 needed to judge it',
      tests: [],
      findings: []
    })
    expect(judgement.figures.canary).toMatchObject({ requests: 60, errors: 60, errorRate: 1, minutes: 3 })
  })

  it('passes a canary like its base', () => {
    const judgement = judgeCanary(
      minutes(10, { requests: 50, serverErrors: 1 }),
      minutes(10, { requests: 450, serverErrors: 9 }),
      thresholds
    )
    expect(judgement.verdict).toBe('pass')
    expect(judgement.reason).toBe(
      '5XX error rate and p50/p90/p99 latency within tolerance of the base (500 canary requests over 10 min)'
    )
    expect(judgement.tests).toEqual(['two-proportion z-test (farrington-manning)', 'Mann-Whitney U (exact)'])
    expect(judgement.findings.map(f => [f.check, f.verdict, f.alpha])).toEqual([
      ['error-rate', 'pass', 0.0125],
      ['latency-p50', 'pass', 0.0125],
      ['latency-p90', 'pass', 0.0125],
      ['latency-p99', 'pass', 0.0125]
    ])
    expect(judgement.figures.canary).toMatchObject({
      requests: 500,
      errors: 10,
      errorRate: 0.02,
      minutes: 10
    })
    expect(judgement.figures.base.latency.p50).toBe(42)
  })

  it('fails a canary whose error rate is above the base + the tolerance, saying by how much', () => {
    const judgement = judgeCanary(
      minutes(10, { requests: 50, serverErrors: 6 }),
      minutes(10, { requests: 450, serverErrors: 3 }),
      thresholds
    )
    expect(judgement.verdict).toBe('fail')
    const error = judgement.findings[0]
    expect(error).toMatchObject({
      check: 'error-rate',
      verdict: 'fail',
      test: 'two-proportion z-test (farrington-manning)'
    })
    expect(error.pValue).toBeLessThan(0.0001)
    expect(judgement.reason).toMatch(
      /^5XX error rate 12\.0% \(60\/500\) vs base 0\.67% \(30\/4500\): above the base \+ 1\.0% \(z = \d+\.\d\d, p < 0\.0001 < 0\.0125\)$/
    )
  })

  it('does not fail an error rate within the tolerance', () => {
    // 1.6% vs 1.0%: higher, but not beyond one percentage point.
    const judgement = judgeCanary(
      minutes(10, { requests: 50 }).map((m, i) => ({ ...m, serverErrors: i < 8 ? 1 : 0 })),
      minutes(10, { requests: 450 }).map((m, i) => ({ ...m, serverErrors: i % 2 === 0 ? 5 : 4 })),
      thresholds
    )
    expect(judgement.findings[0]).toMatchObject({ verdict: 'pass' })
    expect(judgement.findings[0].reason).toMatch(
      /^5XX error rate 1\.6% \(8\/500\) vs base 1\.0% \(45\/4500\): not shown above/
    )
  })

  it('fails a canary slower than the base + the tolerance on one percentile', () => {
    const judgement = judgeCanary(
      minutes(10, { requests: 50, p99: 400 }),
      minutes(10, { requests: 450, p99: 200 }),
      thresholds
    )
    expect(judgement.verdict).toBe('fail')
    expect(judgement.findings.filter(f => f.verdict === 'fail').map(f => f.check)).toEqual(['latency-p99'])
    const p99 = judgement.findings[3]
    // Every canary minute is above every scaled base minute: U = 100 of 100, p = 1/C(20, 10).
    expect(p99).toMatchObject({ statistic: 100, test: 'Mann-Whitney U (exact)' })
    expect(p99.pValue).toBeCloseTo(1 / 184756, 15)
    expect(judgement.reason).toBe(
      "p99 latency: canary's median minute 405 ms vs base 205 ms (+98%): above the base + 10% (U = 100 of 100, exact p < 0.0001 < 0.0125)"
    )
  })

  it('lets the canary be slower within the latency tolerance', () => {
    const slower = (pct: number) =>
      judgeCanary(
        minutes(10, { requests: 50, p50: 40 * (1 + pct / 100) }),
        minutes(10, { requests: 450, p50: 40 }),
        { ...thresholds, percentiles: ['p50'] }
      )
    expect(slower(5).verdict).toBe('pass')
    expect(slower(40).verdict).toBe('fail')
    expect(slower(40).findings[1].alpha).toBe(0.025)
  })

  it('is inconclusive on latency with too few minutes to show anything, and says so', () => {
    const judgement = judgeCanary(
      minutes(2, { requests: 100, p99: 900 }),
      minutes(2, { requests: 900 }),
      thresholds
    )
    expect(judgement.verdict).toBe('inconclusive')
    expect(judgement.findings[0].verdict).toBe('pass')
    expect(judgement.findings[3].reason).toBe(
      "p99 latency: canary's median minute 903 ms vs base 203 ms (+346%); 2 canary and 2 base minutes cannot show a difference at 0.0125 (the smallest possible p is 0.17): more minutes of bake are needed"
    )
  })

  it('is inconclusive when a group has no latency data, or the base no requests', () => {
    const noLatency = minutes(5, { requests: 40 }).map(m => ({ ...m, latency: {} }))
    expect(judgeCanary(noLatency, minutes(5, { requests: 400 }), thresholds).findings[1].reason).toBe(
      'p50 latency: no data for the canary in the window'
    )
    const judgement = judgeCanary(minutes(5, { requests: 40 }), [], thresholds)
    expect(judgement.verdict).toBe('inconclusive')
    expect(judgement.findings[0].reason).toBe('the base served no requests in the window')
  })

  it('counts 4XX errors only when asked', () => {
    const canary = minutes(10, { requests: 50, clientErrors: 10 })
    const base = minutes(10, { requests: 450 })
    expect(judgeCanary(canary, base, thresholds).verdict).toBe('pass')
    const judgement = judgeCanary(canary, base, { ...thresholds, countClientErrors: true })
    expect(judgement.verdict).toBe('fail')
    expect(judgement.reason).toMatch(/^4XX\+5XX error rate 20\.0% \(100\/500\) vs base 0\.0% \(0\/4500\)/)
  })

  it('leaves out minutes without requests', () => {
    const idle = {
      start: T0 + 3_600_000,
      requests: 0,
      serverErrors: 0,
      clientErrors: 0,
      latency: { p50: 9999 }
    }
    const judgement = judgeCanary(
      [...minutes(10, { requests: 50 }), idle],
      minutes(10, { requests: 450 }),
      thresholds
    )
    expect(judgement.verdict).toBe('pass')
    expect(judgement.figures.canary.minutes).toBe(10)
  })

  it('judges on the error rate alone, or latency alone, sharing the significance among the tests that run', () => {
    const errorsOnly = judgeCanary(
      minutes(2, { requests: 100, serverErrors: 10 }),
      minutes(2, { requests: 900 }),
      { ...thresholds, percentiles: [] }
    )
    expect(errorsOnly.findings.map(f => [f.check, f.alpha])).toEqual([['error-rate', 0.05]])
    expect(errorsOnly.verdict).toBe('fail')
    const latencyOnly = judgeCanary(
      minutes(6, { requests: 100, serverErrors: 100, p50: 90 }),
      minutes(6, { requests: 900, p50: 40 }),
      { ...thresholds, errorRate: false, percentiles: ['p50'] }
    )
    // All errors, but the error rate is not asked about: only p50 is tested, at the whole 0.05.
    expect(latencyOnly.findings.map(f => [f.check, f.verdict, f.alpha])).toEqual([
      ['latency-p50', 'fail', 0.05]
    ])
    expect(latencyOnly.reason).not.toContain('error')
    const passing = judgeCanary(minutes(6, { requests: 100 }), minutes(6, { requests: 900 }), {
      ...thresholds,
      errorRate: false,
      percentiles: ['p90']
    })
    expect(passing.reason).toBe('p90 latency within tolerance of the base (600 canary requests over 6 min)')
    expect(() => judgeCanary([], [], { ...thresholds, errorRate: false, percentiles: [] })).toThrow(
      RangeError
    )
  })

  it('refuses thresholds that make no sense', () => {
    const base = minutes(1, { requests: 1 })
    expect(() => judgeCanary(base, base, { ...thresholds, maxErrorRateIncrease: 1 })).toThrow(RangeError)
    expect(() => judgeCanary(base, base, { ...thresholds, maxLatencyIncreasePct: -1 })).toThrow(RangeError)
    expect(() => judgeCanary(base, base, { ...thresholds, minCanaryRequests: 0 })).toThrow(RangeError)
    expect(() => judgeCanary(base, base, { ...thresholds, significance: 1 })).toThrow(RangeError)
  })
})

describe('formatting', () => {
  it('rates and p-values for people', () => {
    expect(formatRate(0.12)).toBe('12.0%')
    expect(formatRate(0.0067)).toBe('0.67%')
    expect(formatRate(0)).toBe('0.0%')
    expect(formatP(0.031234)).toBe('p = 0.031')
    expect(formatP(0.00001)).toBe('p < 0.0001')
  })
})
