/**
 * What to ask CloudWatch for a canary comparison, and how to read the answer: one GetMetricData call per
 * bake round with every series of both groups (canary and base), Period 60. Pure: plain objects in the SDK's
 * field names, no AWS call (the caller sends them with GetMetricDataCommand and cloudwatch:GetMetricData).
 *
 * What API Gateway publishes for REST APIs (namespace AWS/ApiGateway, every minute), from
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html:
 * - metrics: 4XXError, 5XXError (Sum = errors, Average = error rate: each request counts 0 or 1), Count
 *   (requests; "The SampleCount statistic represents this metric"), Latency and IntegrationLatency (ms),
 *   CacheHitCount and CacheMissCount (with caching).
 * - dimensions: {ApiName}, {ApiName, Stage}, and {ApiName, Method, Resource, Stage}, which "API Gateway will
 *   not send ... unless you have explicitly enabled detailed CloudWatch metrics" (metricsEnabled). The
 *   per-stage set carries no such condition. "API Gateway removes non-ASCII characters from the ApiName
 *   dimension ... If the APIName contains no ASCII characters, the API ID is used as the ApiName."
 * - the canary: "When you enable API execution logging, the canary release has its own logs and metrics
 *   generated for all canary requests. They are reported to a production stage CloudWatch Logs log group as
 *   well as a canary-specific CloudWatch Logs log group", the latter `.../{stage-name}/Canary`
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html).
 *
 * NOT CONFIRMED in AWS's documentation: that the canary's metrics carry the Stage dimension value
 * "{stage}/Canary" (the name of its log group), and whether the stage's own series ({ApiName, Stage=stage})
 * counts the canary's requests too (the sentence above says so for logs). Both are parameters here
 * (`canaryStage`, `stageIncludesCanary`) so that a check against a real account changes one default.
 */
import type { MinuteMetrics, Percentile } from './verdict.js'

export const NAMESPACE = 'AWS/ApiGateway'

/** The Stage dimension value of the canary's metrics: the stage's name + "/Canary" (unconfirmed, see above). */
export const canaryStageName = (stageName: string): string => `${stageName}/Canary`

/** The ApiName dimension value API Gateway derives from an API's name: ASCII only, else the API's id. */
export function apiNameDimension(apiName: string, restApiId: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = apiName.replace(/[^\x00-\x7f]/g, '')
  return ascii === '' ? restApiId : ascii
}

/** A MetricDataQuery as @aws-sdk/client-cloudwatch's GetMetricDataCommand takes it. */
export interface MetricDataQuery {
  Id: string
  Label: string
  MetricStat: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }
    Period: number
    Stat: string
  }
  ReturnData: boolean
}

/** A MetricDataResult as GetMetricData answers it. */
export interface MetricDataResult {
  Id?: string
  Timestamps?: Date[]
  Values?: number[]
  StatusCode?: string
}

export type Group = 'canary' | 'base'

/** The series of a group: query id suffix, metric, statistic, and where it goes in MinuteMetrics. */
const SERIES = [
  { key: 'count', metric: 'Count', stat: 'Sum' },
  { key: 'errors5xx', metric: '5XXError', stat: 'Sum' },
  { key: 'errors4xx', metric: '4XXError', stat: 'Sum' },
  { key: 'p50', metric: 'Latency', stat: 'p50' },
  { key: 'p90', metric: 'Latency', stat: 'p90' },
  { key: 'p99', metric: 'Latency', stat: 'p99' }
] as const

type SeriesKey = (typeof SERIES)[number]['key']

export interface QueryTarget {
  /** The ApiName dimension (apiNameDimension of the API's name). */
  apiName: string
  stageName: string
  /** The canary's Stage dimension value; default canaryStageName(stageName). */
  canaryStage?: string
  /** Which series the judgement uses (Count always); default all six. */
  uses?: { clientErrors?: boolean; serverErrors?: boolean; latency?: boolean }
}

/** Up to twelve queries (six series per group), ids like "canary_count" and "base_p99". */
export function metricDataQueries(target: QueryTarget): MetricDataQuery[] {
  const { clientErrors = true, serverErrors = true, latency = true } = target.uses ?? {}
  const wanted = SERIES.filter(
    series =>
      series.key === 'count' ||
      (series.key === 'errors5xx' && serverErrors) ||
      (series.key === 'errors4xx' && clientErrors) ||
      (series.metric === 'Latency' && latency)
  )
  const stages: Record<Group, string> = {
    canary: target.canaryStage ?? canaryStageName(target.stageName),
    base: target.stageName
  }
  return (['canary', 'base'] as const).flatMap(group =>
    wanted.map(series => ({
      Id: `${group}_${series.key}`,
      Label: `${group} ${series.metric} ${series.stat}`,
      MetricStat: {
        Metric: {
          Namespace: NAMESPACE,
          MetricName: series.metric,
          Dimensions: [
            { Name: 'ApiName', Value: target.apiName },
            { Name: 'Stage', Value: stages[group] }
          ]
        },
        Period: 60,
        Stat: series.stat
      },
      ReturnData: true
    }))
  )
}

/**
 * StartTime and EndTime for a window from `since` to `now` (epoch ms): the start rounded down to its minute
 * (CloudWatch rounds it so itself), the end as it is (exclusive; the current minute, still filling, is
 * included as far as CloudWatch has it).
 */
export function queryWindow(since: number, now: number): { StartTime: Date; EndTime: Date } {
  return { StartTime: new Date(Math.floor(since / 60_000) * 60_000), EndTime: new Date(now) }
}

/**
 * Where the canary's window starts. Every canary of a stage publishes under the same `{stage}/Canary` series,
 * and CloudWatch's minute is the finest grain: a minute that an earlier canary also served would count its
 * requests as this one's. So the window starts at the canary's start, unless an earlier canary may have
 * served that minute: one still on the stage when the run began (canary-existing: replace), or one whose
 * requests the read before the canary saw (`lastEarlierMinute`, the start of its last minute with
 * requests, in this minute or the one before, which CloudWatch may not show in full yet); then it starts at
 * the next whole minute free of it.
 */
export function canaryWindowStart(
  canaryStart: number,
  earlier: { onStage: boolean; lastEarlierMinute?: number }
): { since: number; reason?: string } {
  const nextMinute = (ms: number): number => Math.floor(ms / 60_000) * 60_000 + 60_000
  if (earlier.onStage)
    return {
      since: nextMinute(canaryStart),
      reason: "the stage's earlier canary served part of this minute"
    }
  // CloudWatch shows a minute about a minute late: an earlier canary seen in the minute before this one may
  // have served this one too.
  const startMinute = Math.floor(canaryStart / 60_000) * 60_000
  if (earlier.lastEarlierMinute !== undefined && earlier.lastEarlierMinute >= startMinute - 60_000)
    return {
      since: Math.max(nextMinute(canaryStart), earlier.lastEarlierMinute + 60_000),
      reason: 'an earlier canary of this stage served requests in this minute'
    }
  return { since: canaryStart }
}

/**
 * Whether CloudWatch shows the canary's requests from a minute wholly at a step's share: one that began at or
 * after the step did. A step's verdict reads the whole window, and CloudWatch is about a minute late, so without
 * this the last step would be judged (and promoted) on the earlier steps' traffic alone.
 */
export function stepMinuteSeen(canary: readonly MinuteMetrics[], stepStart: number): boolean {
  const firstWhole = Math.ceil(stepStart / 60_000) * 60_000
  return canary.some(minute => minute.requests > 0 && minute.start >= firstWhole)
}

export interface GroupMinutes {
  canary: MinuteMetrics[]
  base: MinuteMetrics[]
  /** A result was not Complete (PartialData: ask again with NextToken; Forbidden, InternalError). */
  incomplete: string[]
}

/**
 * Per-minute metrics of both groups from GetMetricData's results (any order of timestamps). A minute with
 * latency but no Count gets the requests its Count would have shown as 0, and is then left out by the verdict.
 * With `stageIncludesCanary`, the canary's requests and errors are taken out of the stage's minute by minute
 * to leave the base alone; its latency percentiles cannot be, and stay those of all the stage's traffic.
 */
export function minutesFromResults(
  results: readonly MetricDataResult[],
  options: { stageIncludesCanary?: boolean } = {}
): GroupMinutes {
  const byGroup: Record<Group, Map<number, MinuteMetrics>> = { canary: new Map(), base: new Map() }
  const incomplete: string[] = []
  for (const result of results) {
    const match = /^(canary|base)_(\w+)$/.exec(result.Id ?? '')
    if (!match) continue
    const [, group, key] = match as unknown as [string, Group, SeriesKey]
    if (result.StatusCode && result.StatusCode !== 'Complete')
      incomplete.push(`${result.Id}: ${result.StatusCode}`)
    const timestamps = result.Timestamps ?? []
    const values = result.Values ?? []
    timestamps.forEach((timestamp, i) => {
      const start = new Date(timestamp).getTime()
      const minutes = byGroup[group]
      const minute = minutes.get(start) ?? {
        start,
        requests: 0,
        serverErrors: 0,
        clientErrors: 0,
        latency: {}
      }
      minutes.set(start, minute)
      const value = values[i]
      if (key === 'count') minute.requests = value
      else if (key === 'errors5xx') minute.serverErrors = value
      else if (key === 'errors4xx') minute.clientErrors = value
      else if (key === 'p50' || key === 'p90' || key === 'p99') minute.latency[key as Percentile] = value
    })
  }
  // A minute still filling can show an error before the request it belongs to is counted (the series are
  // aggregated apart): never more errors than requests.
  for (const minutes of [byGroup.canary, byGroup.base])
    for (const minute of minutes.values()) {
      minute.serverErrors = Math.min(minute.serverErrors, minute.requests)
      minute.clientErrors = Math.min(minute.clientErrors, minute.requests)
    }
  if (options.stageIncludesCanary)
    for (const [start, base] of byGroup.base) {
      const canary = byGroup.canary.get(start)
      if (!canary) continue
      base.requests = Math.max(0, base.requests - canary.requests)
      base.serverErrors = Math.max(0, base.serverErrors - canary.serverErrors)
      base.clientErrors = Math.max(0, base.clientErrors - canary.clientErrors)
    }
  const sorted = (group: Group) => [...byGroup[group].values()].sort((a, b) => a.start - b.start)
  return { canary: sorted('canary'), base: sorted('base'), incomplete }
}
