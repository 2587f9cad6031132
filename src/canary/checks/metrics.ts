/**
 * The metric analysis check (canary-analysis): when a step's bake is over, one GetMetricData call reads the
 * canary's and the base's CloudWatch series over the same window (from the canary's start), and the verdict
 * (canary-analysis/verdict.ts) passes, fails, or leaves the step undecided while there is too little traffic.
 * Mid-bake rounds make no call: probes and alarms watch the bake; the statistics judge what it gathered.
 */
import * as core from '@actions/core'
import type { MetricDataReader } from '../../aws/metric-data.js'
import {
  canaryWindowStart,
  metricDataQueries,
  minutesFromResults,
  queryWindow,
  stepMinuteSeen
} from '../../canary-analysis/queries.js'
import type { Readiness } from '../../canary-analysis/readiness.js'
import {
  formatRate,
  judgeCanary,
  PERCENTILES,
  type CanaryJudgement,
  type GroupFigures,
  type Thresholds
} from '../../canary-analysis/verdict.js'
import { ActionError } from '../../errors.js'
import type { CanaryAnalysisInputs } from '../../inputs/index.js'
import type { AnalysisFigures, AnalysisReport } from '../../report/result.js'
import type { Conclusion, StepCheck, StepTally } from './check.js'

export interface MetricsTarget {
  restApiId: string
  /** The API's name as read (or found by rest-api-name). */
  restApiName?: string
  /** The ApiName dimension; undefined when the API's name could not be read. */
  apiName?: string
  stageName: string
  /** The first step's share and every step's bake, for the traffic forecast before the canary starts. */
  firstPercent: number
  bakeSeconds: number
  /** How many steps the canary has: each is a look at the data, and the last one decides the promotion. */
  stepCount: number
  /** The info.title an api-definition import gives the API (and CloudWatch's ApiName), if one is imported. */
  importTitle?: string
  readiness: Readiness
  /** The stage had a canary when the run began (replaced by this one): it may share the first minute. */
  hadCanary: boolean
}

// How far back the forecast looks at the stage's traffic before the canary starts.
const FORECAST_MINUTES = 15

/** The verdict's thresholds. Every step looks at the data again: the 5% is shared among the steps too. */
export function thresholdsOf(analysis: CanaryAnalysisInputs, stepCount = 1): Thresholds {
  return {
    significance: 0.05 / stepCount,
    maxErrorRateIncrease: analysis.maxErrorRateIncrease,
    maxLatencyIncreasePct: analysis.maxLatencyIncreasePct,
    minCanaryRequests: analysis.minCanaryRequests,
    errorRate: analysis.metrics.includes('5XXError'),
    countClientErrors: analysis.metrics.includes('4XXError'),
    percentiles: analysis.metrics.includes('Latency') ? PERCENTILES : []
  }
}

export function metricsCheck(
  analysis: CanaryAnalysisInputs,
  reader: MetricDataReader,
  target: MetricsTarget
): StepCheck {
  const thresholds = thresholdsOf(analysis, target.stepCount)
  let steps = 0
  const queries = target.apiName
    ? metricDataQueries({
        apiName: target.apiName,
        stageName: target.stageName,
        uses: {
          serverErrors: thresholds.errorRate,
          clientErrors: thresholds.countClientErrors,
          latency: (thresholds.percentiles ?? []).length > 0
        }
      })
    : []
  // The window of every step starts with the canary: later steps judge all the canary served so far.
  let since: number | undefined
  // The start of the last minute an earlier canary of the stage served, as the read before this one saw it.
  let lastEarlierMinute: number | undefined
  return {
    maxWaitMs: analysis.onInconclusive === 'wait' ? analysis.maxWaitSeconds * 1000 : 0,
    async prepare() {
      if (!target.apiName)
        throw new ActionError(
          `Input "canary-analysis": CloudWatch names API Gateway's metrics by the API's name, and the name of ${target.restApiId} could not be read (GetRestApi). Allow apigateway:GET on arn:aws:apigateway:REGION::/restapis/${target.restApiId}, or name the API with "rest-api-name".`
        )
      if (target.importTitle !== undefined && target.importTitle !== target.restApiName)
        throw new ActionError(
          `Inputs "canary-analysis" and "api-definition": the import renames the API to ${JSON.stringify(target.importTitle)} (its info.title), and CloudWatch's ApiName with it, so the analysis would read the old name's metrics. Deploy the rename once without canary-analysis, or keep info.title ${JSON.stringify(target.restApiName)}.`
        )
      if (target.readiness.problem) throw new ActionError(target.readiness.problem)
      for (const warning of target.readiness.warnings) core.warning(warning)
      // One read before the canary exists: a missing cloudwatch:GetMetricData permission fails here, and
      // the stage's recent traffic tells whether the bake can gather enough canary requests.
      const now = Date.now()
      const { base, canary } = minutesFromResults(
        await reader.read(queries, queryWindow(now - FORECAST_MINUTES * 60_000, now))
      )
      lastEarlierMinute = canary.filter(minute => minute.requests > 0).at(-1)?.start
      const requests = base.reduce((sum, minute) => sum + minute.requests, 0)
      const expected = Math.round(
        (requests / FORECAST_MINUTES) * (target.bakeSeconds / 60) * (target.firstPercent / 100)
      )
      const line = `Canary analysis of "${target.apiName}" stage "${target.stageName}": the stage served ${requests} requests in the last ${FORECAST_MINUTES} min, so the first step (${target.firstPercent}% for ${target.bakeSeconds} s) can expect about ${expected} canary requests; min-canary-requests is ${analysis.minCanaryRequests}.`
      if (expected < analysis.minCanaryRequests)
        core.warning(
          `${line} The verdict will likely be inconclusive${analysis.onInconclusive === 'wait' ? ` until enough traffic arrives (up to analysis-max-wait, ${analysis.maxWaitSeconds} s)` : ' (on-inconclusive: fail)'}.`
        )
      else core.info(line)
    },
    startStep(percent: number): StepTally {
      const stepStarted = Date.now()
      const index = steps++
      // The last of several steps must be seen in the metrics itself before it is promoted.
      const mustSeeStep = index > 0 && index === target.stepCount - 1
      if (since === undefined) {
        const start = canaryWindowStart(stepStarted, { onStage: target.hadCanary, lastEarlierMinute })
        since = start.since
        if (start.reason)
          core.info(
            `Canary analysis: ${start.reason}, so its window starts at ${new Date(start.since).toISOString()}, the next whole minute.`
          )
      }
      const windowStart = since
      let latest: AnalysisReport | undefined
      return {
        round: async () => undefined,
        async conclude(_signal, final): Promise<Conclusion> {
          const now = Date.now()
          const window = queryWindow(windowStart, now)
          // A window that has not begun yet (it starts at the next minute) has nothing to read.
          const results = window.StartTime < window.EndTime ? await reader.read(queries, window) : []
          const { canary, base, incomplete } = minutesFromResults(results)
          const judgement = judgeCanary(canary, base, thresholds)
          const waitedSeconds = Math.max(0, Math.round((now - stepStarted) / 1000 - target.bakeSeconds))
          latest = analysisReport(judgement, window, waitedSeconds)
          core.info(
            [
              `Canary analysis: ${judgement.verdict}. ${judgement.reason}. ${figuresLine(judgement)}`,
              ...judgement.findings.map(
                f => `  ${f.check}: ${f.verdict}${f.test ? ` (${f.test})` : ''}: ${f.reason}`
              )
            ].join('\n')
          )
          if (incomplete.length > 0) {
            const reason = `CloudWatch did not answer every series in full (${incomplete.join(', ')})`
            return final
              ? { kind: 'failed', reason: `canary analysis: ${reason}` }
              : { kind: 'undecided', reason }
          }
          if (judgement.verdict === 'fail')
            return { kind: 'failed', reason: `canary analysis failed: ${judgement.reason}` }
          if (mustSeeStep && !stepMinuteSeen(canary, stepStarted)) {
            const reason = `CloudWatch shows no canary requests yet from a whole minute at this step's ${percent}% (it began at ${new Date(stepStarted).toISOString()}), and the last step is not promoted on the earlier steps' traffic alone`
            if (analysis.onInconclusive === 'fail' || final)
              return { kind: 'failed', reason: `canary analysis inconclusive: ${reason}` }
            return { kind: 'undecided', reason }
          }
          if (judgement.verdict === 'pass') return { kind: 'passed' }
          if (analysis.onInconclusive === 'fail')
            return {
              kind: 'failed',
              reason: `canary analysis inconclusive (on-inconclusive: fail): ${judgement.reason}`
            }
          if (final)
            return {
              kind: 'failed',
              reason: `canary analysis still inconclusive after ${waitedSeconds} s past the bake (analysis-max-wait ${analysis.maxWaitSeconds} s): ${judgement.reason}`
            }
          return { kind: 'undecided', reason: judgement.reason }
        },
        report: () => (latest ? { analysis: latest } : {})
      }
    }
  }
}

function analysisReport(
  judgement: CanaryJudgement,
  window: { StartTime: Date; EndTime: Date },
  waitedSeconds: number
): AnalysisReport {
  return {
    verdict: judgement.verdict,
    reason: judgement.reason,
    tests: judgement.tests,
    canary: figures(judgement.figures.canary),
    base: figures(judgement.figures.base),
    findings: judgement.findings.map(f => ({
      check: f.check,
      verdict: f.verdict,
      ...(f.statistic !== undefined && { statistic: round(f.statistic) }),
      ...(f.pValue !== undefined && { pValue: Number(f.pValue.toPrecision(3)) }),
      alpha: Number(f.alpha.toPrecision(3))
    })),
    window: { start: window.StartTime.toISOString(), end: window.EndTime.toISOString() },
    waitedSeconds
  }
}

function figures(group: GroupFigures): AnalysisFigures {
  const latencyMs = Object.fromEntries(Object.entries(group.latency).map(([p, ms]) => [p, round(ms)]))
  return {
    requests: group.requests,
    errors: group.errors,
    errorRate: Number.isNaN(group.errorRate) ? null : Number(group.errorRate.toPrecision(4)),
    minutes: group.minutes,
    latencyMs
  }
}

const round = (value: number): number => Math.round(value * 100) / 100

/** "canary 40 requests, 4 errors (10.0%), 3 min; base 360 requests, 0 errors (0.0%), 3 min." */
function figuresLine({ figures: { canary, base } }: CanaryJudgement): string {
  const group = (name: string, g: GroupFigures): string =>
    `${name} ${g.requests} requests, ${g.errors} errors${g.requests > 0 ? ` (${formatRate(g.errorRate)})` : ''}, ${g.minutes} min`
  return `${group('Canary', canary)}; ${group('base', base)}.`
}
