/**
 * The verdict on a canary from its and the base's per-minute CloudWatch metrics over the same window:
 * "fail" when the canary's error rate or a latency percentile is worse than the base's beyond the tolerance,
 * with statistical evidence; "inconclusive" when there is too little traffic (or too few minutes) to tell;
 * "pass" otherwise. Pure: the metrics come in as plain numbers (see queries.ts for reading them).
 *
 * The judgement's significance (default 0.05) is its chance of failing a canary that is in fact within
 * tolerance, shared evenly among its tests (Bonferroni: error rate + one test per latency percentile). A
 * bake judges again every round with more data; each look spends that chance again, so a caller that acts
 * on every round's "fail" should pick a smaller significance (0.01) or require the last round's verdict.
 */
import { smallestPValue } from './exact-floor.js'
import { mannWhitneyU, median, twoProportionTest } from './stats.js'

export type Percentile = 'p50' | 'p90' | 'p99'
export const PERCENTILES: readonly Percentile[] = ['p50', 'p90', 'p99']

/** One minute of one group (the canary or the base), as GetMetricData answers with Period 60. */
export interface MinuteMetrics {
  /** Start of the minute, epoch milliseconds. */
  start: number
  /** Count (Sum): requests served in the minute. */
  requests: number
  /** 5XXError (Sum). */
  serverErrors: number
  /** 4XXError (Sum). */
  clientErrors: number
  /** Latency percentiles of the minute, in ms; absent for a minute without requests. */
  latency: Partial<Record<Percentile, number>>
}

export interface Thresholds {
  /** How much higher the canary's error rate may be, as a proportion: 0.01 is one percentage point. */
  maxErrorRateIncrease: number
  /** How much slower the canary may be, in percent of the base's latency: 10 allows +10%. */
  maxLatencyIncreasePct: number
  /** Below this many canary requests in the window the verdict is "inconclusive", nothing is tested. */
  minCanaryRequests: number
  /** The judgement's chance of failing a canary within tolerance, shared among its tests. Default 0.05. */
  significance?: number
  /** Count 4XXError with 5XXError as errors (a canary that loses a route answers 403/404). Default false. */
  countClientErrors?: boolean
  /** The latency percentiles compared. Default p50, p90, p99; empty: no latency test. */
  percentiles?: readonly Percentile[]
  /** Whether the error rate is tested. Default true. */
  errorRate?: boolean
}

export type Verdict = 'pass' | 'fail' | 'inconclusive'

export interface Finding {
  check: 'error-rate' | `latency-${Percentile}`
  verdict: Verdict
  /** The test used, e.g. "two-proportion z-test (pooled)" or "Mann-Whitney U (exact)". */
  test?: string
  /** z for the error rate, U for a latency percentile. */
  statistic?: number
  pValue?: number
  /** The significance this test was held to (the judgement's, divided among its tests). */
  alpha: number
  /** One line for the log: the figures compared and why they led to the verdict. */
  reason: string
}

export interface GroupFigures {
  requests: number
  errors: number
  /** errors / requests; NaN without requests. */
  errorRate: number
  /** Minutes with at least one request. */
  minutes: number
  /** Median over the minutes of each latency percentile, in ms (absent without data). */
  latency: Partial<Record<Percentile, number>>
}

export interface CanaryJudgement {
  verdict: Verdict
  /** One line for the log and the summary. */
  reason: string
  figures: { canary: GroupFigures; base: GroupFigures }
  /** The tests that ran, by name. */
  tests: string[]
  findings: Finding[]
}

function figuresOf(minutes: readonly MinuteMetrics[], countClientErrors: boolean): GroupFigures {
  const served = minutes.filter(m => m.requests > 0)
  const requests = served.reduce((sum, m) => sum + m.requests, 0)
  const errors = served.reduce((sum, m) => sum + m.serverErrors + (countClientErrors ? m.clientErrors : 0), 0)
  const latency: Partial<Record<Percentile, number>> = {}
  for (const p of PERCENTILES) {
    const values = valuesOf(served, p)
    if (values.length > 0) latency[p] = median(values)
  }
  return {
    requests,
    errors,
    errorRate: requests > 0 ? errors / requests : Number.NaN,
    minutes: served.length,
    latency
  }
}

const valuesOf = (minutes: readonly MinuteMetrics[], p: Percentile): number[] =>
  minutes.flatMap(m => {
    const value = m.latency[p]
    return m.requests > 0 && value !== undefined && Number.isFinite(value) ? [value] : []
  })

/** "1.2%", with one decimal (two below 1%). */
export const formatRate = (rate: number): string =>
  `${(rate * 100).toFixed(rate !== 0 && Math.abs(rate) < 0.01 ? 2 : 1)}%`

/** "p = 0.031", "p < 0.0001". */
export const formatP = (p: number): string => (p < 0.0001 ? 'p < 0.0001' : `p = ${Number(p.toPrecision(2))}`)

const formatMs = (ms: number): string => `${Math.round(ms)} ms`

function checkThresholds(t: Thresholds): void {
  if (!(t.maxErrorRateIncrease >= 0 && t.maxErrorRateIncrease < 1))
    throw new RangeError(
      `maxErrorRateIncrease must be a proportion from 0 to below 1, got ${t.maxErrorRateIncrease}`
    )
  if (!(t.maxLatencyIncreasePct >= 0 && Number.isFinite(t.maxLatencyIncreasePct)))
    throw new RangeError(`maxLatencyIncreasePct must be 0 or more, got ${t.maxLatencyIncreasePct}`)
  if (!(Number.isInteger(t.minCanaryRequests) && t.minCanaryRequests >= 1))
    throw new RangeError(`minCanaryRequests must be a whole number of at least 1, got ${t.minCanaryRequests}`)
  if ((t.errorRate ?? true) === false && t.percentiles?.length === 0)
    throw new RangeError('nothing to judge: neither the error rate nor a latency percentile')
  const significance = t.significance ?? 0.05
  if (!(significance > 0 && significance < 1))
    throw new RangeError(`significance must be between 0 and 1, got ${significance}`)
}

function errorRateFinding(
  canary: GroupFigures,
  base: GroupFigures,
  margin: number,
  alpha: number,
  label: string
): Finding {
  const check = 'error-rate'
  if (base.requests === 0)
    return { check, verdict: 'inconclusive', alpha, reason: 'the base served no requests in the window' }
  const test = twoProportionTest(
    { events: canary.errors, trials: canary.requests },
    { events: base.errors, trials: base.requests },
    margin
  )
  const figures = `${label} rate ${formatRate(test.canaryRate)} (${canary.errors}/${canary.requests}) vs base ${formatRate(test.baseRate)} (${base.errors}/${base.requests})`
  const tolerance = margin > 0 ? `the base + ${formatRate(margin)}` : 'the base'
  const failed = test.pValue < alpha
  return {
    check,
    verdict: failed ? 'fail' : 'pass',
    test: `two-proportion z-test (${test.method})`,
    statistic: test.z,
    pValue: test.pValue,
    alpha,
    reason: failed
      ? `${figures}: above ${tolerance} (z = ${test.z.toFixed(2)}, ${formatP(test.pValue)} < ${alpha})`
      : `${figures}: not shown above ${tolerance} (${formatP(test.pValue)}, needs < ${alpha})`
  }
}

function latencyFinding(
  p: Percentile,
  canary: readonly MinuteMetrics[],
  base: readonly MinuteMetrics[],
  increasePct: number,
  alpha: number
): Finding {
  const check = `latency-${p}` as const
  const canaryValues = valuesOf(canary, p)
  // The tolerance scales the base: H0 is "canary <= base * (1 + pct)".
  const allowed = valuesOf(base, p).map(v => v * (1 + increasePct / 100))
  if (canaryValues.length === 0 || allowed.length === 0)
    return {
      check,
      verdict: 'inconclusive',
      alpha,
      reason: `${p} latency: no data for the ${canaryValues.length === 0 ? 'canary' : 'base'} in the window`
    }
  const floor = smallestPValue(canaryValues.length, allowed.length)
  const canaryMedian = median(canaryValues)
  const baseMedian = median(valuesOf(base, p))
  const change =
    baseMedian > 0
      ? ` (${canaryMedian >= baseMedian ? '+' : ''}${Math.round((canaryMedian / baseMedian - 1) * 100)}%)`
      : ''
  const figures = `${p} latency: canary's median minute ${formatMs(canaryMedian)} vs base ${formatMs(baseMedian)}${change}`
  if (floor >= alpha)
    return {
      check,
      verdict: 'inconclusive',
      alpha,
      reason: `${figures}; ${canaryValues.length} canary and ${allowed.length} base minutes cannot show a difference at ${alpha} (the smallest possible p is ${Number(floor.toPrecision(2))}): more minutes of bake are needed`
    }
  const test = mannWhitneyU(canaryValues, allowed)
  const failed = test.pValue < alpha
  const tolerance = increasePct > 0 ? `the base + ${increasePct}%` : 'the base'
  const detail = `U = ${test.u} of ${test.n1 * test.n2}, ${test.method} ${formatP(test.pValue)}`
  return {
    check,
    verdict: failed ? 'fail' : 'pass',
    test: `Mann-Whitney U (${test.method})`,
    statistic: test.u,
    pValue: test.pValue,
    alpha,
    reason: failed
      ? `${figures}: above ${tolerance} (${detail} < ${alpha})`
      : `${figures}: not shown above ${tolerance} (${detail}, needs < ${alpha})`
  }
}

/**
 * Judges the canary against the base over the same window. Minutes without requests are left out; the
 * error rate is over the whole window, latency compares the per-minute percentiles of the two groups.
 */
export function judgeCanary(
  canary: readonly MinuteMetrics[],
  base: readonly MinuteMetrics[],
  thresholds: Thresholds
): CanaryJudgement {
  checkThresholds(thresholds)
  const countClientErrors = thresholds.countClientErrors ?? false
  const percentiles = thresholds.percentiles ?? PERCENTILES
  const figures = { canary: figuresOf(canary, countClientErrors), base: figuresOf(base, countClientErrors) }
  if (figures.canary.requests < thresholds.minCanaryRequests)
    return {
      verdict: 'inconclusive',
      reason: `only ${figures.canary.requests} canary request${figures.canary.requests === 1 ? '' : 's'} in the window, fewer than the ${thresholds.minCanaryRequests} needed to judge it`,
      figures,
      tests: [],
      findings: []
    }
  const errorRate = thresholds.errorRate ?? true
  const alpha = (thresholds.significance ?? 0.05) / ((errorRate ? 1 : 0) + percentiles.length)
  const label = countClientErrors ? '4XX+5XX error' : '5XX error'
  const findings = [
    ...(errorRate
      ? [errorRateFinding(figures.canary, figures.base, thresholds.maxErrorRateIncrease, alpha, label)]
      : []),
    ...percentiles.map(p => latencyFinding(p, canary, base, thresholds.maxLatencyIncreasePct, alpha))
  ]
  const failed = findings.filter(f => f.verdict === 'fail')
  const unsure = findings.filter(f => f.verdict === 'inconclusive')
  const verdict: Verdict = failed.length > 0 ? 'fail' : unsure.length > 0 ? 'inconclusive' : 'pass'
  const reason =
    verdict === 'fail'
      ? failed.map(f => f.reason).join('; ')
      : verdict === 'inconclusive'
        ? unsure.map(f => f.reason).join('; ')
        : `${[errorRate && `${label} rate`, percentiles.length > 0 && `${percentiles.join('/')} latency`].filter(Boolean).join(' and ')} within tolerance of the base (${figures.canary.requests} canary requests over ${figures.canary.minutes} min)`
  return {
    verdict,
    reason,
    figures,
    tests: [...new Set(findings.flatMap(f => (f.test ? [f.test] : [])))],
    findings
  }
}
