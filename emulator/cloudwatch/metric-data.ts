/**
 * GetMetricData over the recorded invoke traffic
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html).
 *
 * As documented there: StartTime is inclusive and, less than 15 days back, rounded down to the minute;
 * EndTime is exclusive; each MetricStat gives one data point per Period (aligned on the rounded StartTime)
 * that has data, none for an empty period; ScanBy defaults to TimestampDescending; MaxDatapoints (default
 * 100,800) pages the data points with NextToken; ReturnData false leaves a query out of the answer. A query
 * matches a series only with exactly its dimension set (in any order), as CloudWatch matches them; a metric
 * or dimension set nothing was published under answers an empty series, not an error.
 *
 * The emulator's choices: Period must be a multiple of 60 (API Gateway publishes one-minute data); Stat is
 * SampleCount, Sum, Average, Minimum, Maximum or pNN(.NN), the percentile by nearest rank over the raw values
 * (CloudWatch's percentiles are approximations of that); a Unit other than the metric's answers no data;
 * Expression (metric math, Metrics Insights) is refused; the error messages are the emulator's.
 */
import type { TrafficRecord } from '../invoke/traffic.js'
import {
  invalidNextToken,
  invalidParameterCombination,
  invalidParameterValue,
  missingParameter
} from './errors.js'
import type { Dimensions } from './publishing.js'
import { dimensionKey, METRICS, NAMESPACE } from './publishing.js'

const MAX_QUERIES = 500
const DEFAULT_MAX_DATAPOINTS = 100_800
const ID = /^[a-z][a-zA-Z0-9_]*$/

interface ParsedQuery {
  id: string
  label: string
  returnData: boolean
  namespace: string
  metricName: string
  dimensions: Dimensions
  periodMs: number
  stat: string
  unit?: string
}

export interface GetMetricDataAnswer {
  MetricDataResults: {
    Id: string
    Label: string
    /** Epoch seconds, as AWS JSON 1.0 sends timestamps. */
    Timestamps: number[]
    Values: number[]
    StatusCode: 'Complete' | 'PartialData'
    Messages: never[]
  }[]
  NextToken?: string
  Messages: never[]
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A timestamp member: epoch seconds (what the SDK sends) or an ISO 8601 string. */
function timestamp(body: Json, name: string): number {
  const value = body[name]
  if (value === undefined || value === null) throw missingParameter(name)
  const ms = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN
  if (!Number.isFinite(ms)) throw invalidParameterValue(`The parameter ${name} must be a timestamp.`)
  return ms
}

const STAT = /^(SampleCount|Sum|Average|Minimum|Maximum|p(\d{1,3}(\.\d+)?))$/

function parseQuery(raw: unknown, index: number, seen: Set<string>): ParsedQuery {
  const where = `MetricDataQueries.member.${index + 1}`
  if (!isObject(raw)) throw invalidParameterValue(`${where} must be a structure.`)
  const id = raw.Id
  if (id === undefined) throw missingParameter(`${where}.Id`)
  if (typeof id !== 'string' || !ID.test(id) || id.length > 255)
    throw invalidParameterValue(
      `The value ${JSON.stringify(id)} for parameter ${where}.Id is invalid: it must start with a lower-case letter and hold only letters, digits and underscores.`
    )
  if (seen.has(id))
    throw invalidParameterValue(`The value ${id} for parameter ${where}.Id is used by another query.`)
  seen.add(id)
  if (raw.MetricStat !== undefined && raw.Expression !== undefined)
    throw invalidParameterCombination(`${where} must have exactly one of MetricStat and Expression.`)
  if (raw.Expression !== undefined)
    throw invalidParameterValue(
      `${where}.Expression: the emulator does not evaluate metric math or Metrics Insights.`
    )
  const metricStat = raw.MetricStat
  if (metricStat === undefined)
    throw invalidParameterCombination(`${where} must have exactly one of MetricStat and Expression.`)
  if (!isObject(metricStat)) throw invalidParameterValue(`${where}.MetricStat must be a structure.`)
  const metric = metricStat.Metric
  if (!isObject(metric)) throw missingParameter(`${where}.MetricStat.Metric`)
  const dimensions: Dimensions = {}
  const rawDimensions = metric.Dimensions ?? []
  if (!Array.isArray(rawDimensions) || rawDimensions.length > 30)
    throw invalidParameterValue(`${where}.MetricStat.Metric.Dimensions must be a list of at most 30.`)
  rawDimensions.forEach((d: unknown, i) => {
    const name = isObject(d) ? d.Name : undefined
    const value = isObject(d) ? d.Value : undefined
    if (typeof name !== 'string' || typeof value !== 'string' || name === '' || value === '')
      throw invalidParameterValue(
        `${where}.MetricStat.Metric.Dimensions.member.${i + 1} needs a Name and a Value.`
      )
    if (Object.hasOwn(dimensions, name))
      throw invalidParameterValue(`${where}.MetricStat.Metric.Dimensions has ${name} twice.`)
    dimensions[name] = value
  })
  for (const field of ['Namespace', 'MetricName'] as const)
    if (typeof metric[field] !== 'string' || metric[field] === '')
      throw missingParameter(`${where}.MetricStat.Metric.${field}`)
  const period = metricStat.Period
  if (period === undefined) throw missingParameter(`${where}.MetricStat.Period`)
  if (!(typeof period === 'number' && Number.isInteger(period) && period > 0 && period % 60 === 0))
    throw invalidParameterValue(
      `The value ${String(period)} for parameter ${where}.MetricStat.Period is not a multiple of 60 (API Gateway publishes one-minute data).`
    )
  const stat = metricStat.Stat
  if (stat === undefined) throw missingParameter(`${where}.MetricStat.Stat`)
  const percentile = typeof stat === 'string' ? STAT.exec(stat)?.[2] : undefined
  if (typeof stat !== 'string' || !STAT.test(stat) || (percentile !== undefined && Number(percentile) > 100))
    throw invalidParameterValue(
      `The value ${JSON.stringify(stat)} for parameter ${where}.MetricStat.Stat is not one the emulator computes (SampleCount, Sum, Average, Minimum, Maximum, p0 to p100).`
    )
  const unit = metricStat.Unit
  if (unit !== undefined && typeof unit !== 'string')
    throw invalidParameterValue(`${where}.MetricStat.Unit must be a string.`)
  const label = raw.Label
  if (label !== undefined && typeof label !== 'string')
    throw invalidParameterValue(`${where}.Label must be a string.`)
  return {
    id,
    label: label ?? (metric.MetricName as string),
    returnData: raw.ReturnData !== false,
    namespace: metric.Namespace as string,
    metricName: metric.MetricName as string,
    dimensions,
    periodMs: period * 1000,
    stat,
    ...(unit !== undefined && { unit })
  }
}

/** The statistic of weighted samples. */
function statistic(stat: string, samples: { value: number; weight: number }[]): number {
  const count = samples.reduce((sum, s) => sum + s.weight, 0)
  const sum = samples.reduce((total, s) => total + s.value * s.weight, 0)
  switch (stat) {
    case 'SampleCount':
      return count
    case 'Sum':
      return sum
    case 'Average':
      return sum / count
    case 'Minimum':
      return samples.reduce((min, s) => Math.min(min, s.value), Infinity)
    case 'Maximum':
      return samples.reduce((max, s) => Math.max(max, s.value), -Infinity)
  }
  // pNN: nearest rank, the smallest value with at least NN% of the samples at or below it.
  const sorted = [...samples].sort((a, b) => a.value - b.value)
  const rank = Math.max(1, Math.ceil((Number(stat.slice(1)) / 100) * count))
  let seen = 0
  for (const s of sorted) {
    seen += s.weight
    if (seen >= rank) return s.value
  }
  return sorted[sorted.length - 1].value
}

/** [bucket start, value] pairs of one query, oldest first. */
function datapoints(
  query: ParsedQuery,
  records: readonly TrafficRecord[],
  window: { startMs: number; endMs: number; visibleUntil: number }
): [number, number][] {
  const metric =
    query.namespace === NAMESPACE && Object.hasOwn(METRICS, query.metricName)
      ? METRICS[query.metricName]
      : undefined
  if (!metric || (query.unit !== undefined && query.unit !== metric.unit)) return []
  const key = dimensionKey(query.dimensions)
  const buckets = new Map<number, { value: number; weight: number }[]>()
  for (const record of records) {
    if (record.at < window.startMs || record.at > window.visibleUntil) continue
    const bucket = window.startMs + Math.floor((record.at - window.startMs) / query.periodMs) * query.periodMs
    if (bucket >= window.endMs) continue
    if (!record.dimensions.some(d => dimensionKey(d) === key)) continue
    const value = metric.value(record)
    if (value === undefined) continue
    const samples = buckets.get(bucket) ?? []
    samples.push({ value, weight: record.count })
    buckets.set(bucket, samples)
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bucket, samples]) => [bucket, statistic(query.stat, samples)])
}

const encodeToken = (offset: number): string => Buffer.from(JSON.stringify({ offset })).toString('base64url')

function decodeToken(token: unknown, total: number): number {
  if (typeof token !== 'string') throw invalidNextToken()
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= total)
      return offset
  } catch {
    // answered below
  }
  throw invalidNextToken()
}

export interface MetricDataContext {
  records: readonly TrafficRecord[]
  /** The metrics clock's now, epoch ms. */
  now: number
  publishDelayMs: number
  /** Maps the request's StartTime and EndTime onto the metrics clock (a sped-up clock); default: as sent. */
  toClock?: (ms: number) => number
}

export function getMetricData(body: Json, context: MetricDataContext): GetMetricDataAnswer {
  const rawQueries = body.MetricDataQueries
  if (rawQueries === undefined || rawQueries === null) throw missingParameter('MetricDataQueries')
  if (!Array.isArray(rawQueries) || rawQueries.length === 0 || rawQueries.length > MAX_QUERIES)
    throw invalidParameterValue(`The parameter MetricDataQueries must list 1 to ${MAX_QUERIES} queries.`)
  const toClock = context.toClock ?? ((ms: number) => ms)
  const start = toClock(timestamp(body, 'StartTime'))
  const endMs = toClock(timestamp(body, 'EndTime'))
  if (start >= endMs)
    throw invalidParameterValue('The parameter StartTime must be less than the parameter EndTime.')
  const scanBy = body.ScanBy ?? 'TimestampDescending'
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending')
    throw invalidParameterValue(
      `The value ${JSON.stringify(scanBy)} for parameter ScanBy is not TimestampDescending or TimestampAscending.`
    )
  const maxDatapoints = body.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS
  if (!(typeof maxDatapoints === 'number' && Number.isInteger(maxDatapoints) && maxDatapoints > 0))
    throw invalidParameterValue('The parameter MaxDatapoints must be a whole number above 0.')
  const seen = new Set<string>()
  const queries = rawQueries.map((raw: unknown, i) => parseQuery(raw, i, seen)).filter(q => q.returnData)

  // Rounded down to the minute, as CloudWatch does for a StartTime less than 15 days back.
  const window = {
    startMs: Math.floor(start / 60_000) * 60_000,
    endMs,
    visibleUntil: context.now - context.publishDelayMs
  }
  const series = queries.map(query => {
    const points = datapoints(query, context.records, window)
    return scanBy === 'TimestampDescending' ? points.reverse() : points
  })
  const total = series.reduce((sum, points) => sum + points.length, 0)
  const offset = body.NextToken === undefined ? 0 : decodeToken(body.NextToken, total)
  const end = Math.min(total, offset + maxDatapoints)
  let first = 0
  const MetricDataResults = queries.map((query, i) => {
    const points = series[i]
    const from = Math.max(0, offset - first)
    const to = Math.max(0, Math.min(points.length, end - first))
    first += points.length
    const page = points.slice(from, Math.max(from, to))
    return {
      Id: query.id,
      Label: query.label,
      Timestamps: page.map(([bucket]) => bucket / 1000),
      Values: page.map(([, value]) => value),
      StatusCode: to < points.length ? ('PartialData' as const) : ('Complete' as const),
      Messages: []
    }
  })
  return { MetricDataResults, ...(end < total && { NextToken: encodeToken(end) }), Messages: [] }
}
