/**
 * The canary analysis: which CloudWatch metrics judge the canary against the base, the tolerances, and what
 * an inconclusive verdict (too little traffic) does.
 */
import { parseDecimal, type Readers } from './readers.js'

export const ANALYSIS_METRICS = ['5XXError', '4XXError', 'Latency'] as const
export type AnalysisMetric = (typeof ANALYSIS_METRICS)[number]

export type OnInconclusive = 'wait' | 'fail'

const TUNING_INPUTS = [
  'analysis-metrics',
  'max-error-rate-increase',
  'max-latency-increase-pct',
  'min-canary-requests',
  'analysis-max-wait',
  'on-inconclusive'
]

export interface CanaryAnalysisInputs {
  /** Error rate from 5XXError (and 4XXError when listed); latency percentiles from Latency. */
  metrics: AnalysisMetric[]
  /** As a proportion: 0.01 lets the canary's error rate be one percentage point above the base's. */
  maxErrorRateIncrease: number
  maxLatencyIncreasePct: number
  minCanaryRequests: number
  /** How long a step may run past its bake while the verdict is inconclusive (on-inconclusive: wait). */
  maxWaitSeconds: number
  onInconclusive: OnInconclusive
}

/** The analysis, or undefined when canary-analysis is not true. */
export function readCanaryAnalysis(read: Readers): CanaryAnalysisInputs | undefined {
  const enabled = read.boolean('canary-analysis', false)
  const metrics = readMetrics(read)
  const maxErrorRateIncrease = readPercentagePoints(read)
  const maxLatencyIncreasePct = read.number('max-latency-increase-pct', 10, 0, 1000)
  const minCanaryRequests = read.number('min-canary-requests', 100, 1, 1_000_000_000, true)
  const maxWaitSeconds = read.number('analysis-max-wait', 600, 0, 6 * 3600, true)
  const onInconclusive = read.oneOf<OnInconclusive>('on-inconclusive', ['wait', 'fail'], 'wait')
  if (!enabled) {
    const stray = TUNING_INPUTS.filter(input => read.get(input) !== '')
    if (stray.length > 0)
      read.problems.add(
        `Input${stray.length > 1 ? 's' : ''} ${stray.map(i => `"${i}"`).join(', ')} tune the canary analysis: set "canary-analysis: true" too, or remove ${stray.length > 1 ? 'them' : 'it'}.`
      )
    return undefined
  }
  return {
    metrics,
    maxErrorRateIncrease,
    maxLatencyIncreasePct,
    minCanaryRequests,
    maxWaitSeconds,
    onInconclusive
  }
}

function readMetrics(read: Readers): AnalysisMetric[] {
  const raw = read.list('analysis-metrics')
  if (raw.length === 0) return ['5XXError', 'Latency']
  const known = raw.filter((name): name is AnalysisMetric =>
    (ANALYSIS_METRICS as readonly string[]).includes(name)
  )
  for (const name of raw.filter(name => !known.includes(name as AnalysisMetric)))
    read.problems.bad(
      'analysis-metrics',
      name,
      `is not one of: ${ANALYSIS_METRICS.join(', ')} (case-sensitive, as CloudWatch names them).`
    )
  if (known.includes('4XXError') && !known.includes('5XXError'))
    read.problems.add(
      'Input "analysis-metrics": 4XXError counts client errors on top of 5XXError; list 5XXError too.'
    )
  return [...new Set(known)]
}

/** Percentage points, "1" or "1%": how far above the base's error rate the canary's may be. */
function readPercentagePoints(read: Readers): number {
  const raw = read.get('max-error-rate-increase')
  if (raw === '') return 0.01
  const value = parseDecimal(raw.replace(/\s*%$/, ''))
  if (value === undefined || value < 0 || value >= 100)
    return (
      read.problems.bad(
        'max-error-rate-increase',
        raw,
        'must be percentage points from 0 to below 100, like "1" or "0.5%" (the base\'s rate + that much).'
      ) ?? 0.01
    )
  return value / 100
}
