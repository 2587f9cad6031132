/**
 * Which CloudWatch series one invoke request lands in, and with what values: the emulator's model of
 * API Gateway's REST API metrics.
 *
 * From https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html:
 * namespace AWS/ApiGateway, one-minute data; 4XXError and 5XXError ("The Sum statistic represents this
 * metric ... The Average statistic represents the ... error rate": each request is a 0 or a 1), Count ("The
 * SampleCount statistic represents this metric"; each request a 1, so Sum is the count too), Latency and
 * IntegrationLatency in milliseconds; dimensions {ApiName}, {ApiName, Stage} and {ApiName, Method, Resource,
 * Stage}, the last only with detailed metrics (metricsEnabled). "API Gateway removes non-ASCII characters
 * from the ApiName dimension ... If the APIName contains no ASCII characters, the API ID is used."
 *
 * The canary (https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html: "the canary
 * release has its own logs and metrics generated for all canary requests"; its log group ends in
 * "/{stage-name}/Canary"). Not documented, and so options here: the Stage value of the canary's series
 * (modelled as "{stage}/Canary"), whether the stage's own series counts canary requests too
 * (`canaryInStageMetrics`, default no), and when canary series are published at all (`canaryMetrics`:
 * always by default; or only with execution logging on, as that page words it; or with detailed metrics).
 *
 * Simplifications: IntegrationLatency is the request's whole latency, for requests that matched a method;
 * CacheHitCount and CacheMissCount are never published (the emulator caches no responses); the Method
 * dimension is the method resource's verb (ANY for an ANY method).
 */
import type { Store } from '../control-plane/state.js'

export const NAMESPACE = 'AWS/ApiGateway'
export const CANARY_STAGE_SUFFIX = '/Canary'

export interface PublishingOptions {
  /** When canary requests get their own "{stage}/Canary" series. Default 'always'. */
  canaryMetrics: 'always' | 'execution-logging' | 'detailed-metrics'
  /** Whether canary requests also count in the stage's own series. Default false. */
  canaryInStageMetrics: boolean
  /** How long a request takes to show in GetMetricData (AWS: about a minute). Default 0. */
  publishDelayMs: number
}

export type Dimensions = Record<string, string>

/** What a series needs to know about a request. */
export interface Sample {
  status: number
  latencyMs: number
  /** Absent for a request that matched no method (no integration ran). */
  integrationLatencyMs?: number
}

/** The ApiName dimension of an API's name: its ASCII characters, else the API's id. */
export function apiNameDimension(name: string, restApiId: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = name.replace(/[^\x00-\x7f]/g, '')
  return ascii === '' ? restApiId : ascii
}

/** A dimension set as one string, independent of the order its names come in. */
export const dimensionKey = (dimensions: Dimensions): string =>
  Object.keys(dimensions)
    .sort()
    .map(name => `${name}=${dimensions[name]}`)
    .join('|')

export interface PublishedRequest {
  restApiId: string
  stageName: string
  canary: boolean
  method?: string
  resourcePath?: string
}

/** The dimension sets a request is counted under, given the stage's settings now. */
export function publishedDimensions(
  store: Store,
  request: PublishedRequest,
  options: PublishingOptions
): { apiName: string; dimensions: Dimensions[] } {
  const entry = store.apis.get(request.restApiId)
  const apiName = apiNameDimension(entry?.api.name ?? request.restApiId, request.restApiId)
  const stage = entry?.stages.get(request.stageName)
  const stageWide = stage?.methodSettings['*/*']
  const stageValues: string[] = []
  if (!request.canary) stageValues.push(request.stageName)
  else {
    const own =
      options.canaryMetrics === 'always' ||
      (options.canaryMetrics === 'execution-logging' && (stageWide?.loggingLevel ?? 'OFF') !== 'OFF') ||
      (options.canaryMetrics === 'detailed-metrics' && stageWide?.metricsEnabled === true)
    if (own) stageValues.push(`${request.stageName}${CANARY_STAGE_SUFFIX}`)
    if (options.canaryInStageMetrics) stageValues.push(request.stageName)
  }
  const dimensions: Dimensions[] = [{ ApiName: apiName }]
  for (const Stage of stageValues) dimensions.push({ ApiName: apiName, Stage })
  const { method, resourcePath } = request
  if (method && resourcePath && stage) {
    // Method settings are keyed "{path without its leading /}/{VERB}", falling back to the stage-wide "*/*".
    const setting = stage.methodSettings[`${resourcePath.replace(/^\//, '')}/${method}`] ?? stageWide
    if (setting?.metricsEnabled)
      for (const Stage of stageValues)
        dimensions.push({ ApiName: apiName, Method: method, Resource: resourcePath, Stage })
  }
  return { apiName, dimensions }
}

/** The metrics API Gateway publishes for a request, with the request's value and the metric's unit. */
export const METRICS: Record<string, { unit: string; value: (sample: Sample) => number | undefined }> = {
  Count: { unit: 'Count', value: () => 1 },
  '4XXError': { unit: 'Count', value: s => (s.status >= 400 && s.status < 500 ? 1 : 0) },
  '5XXError': { unit: 'Count', value: s => (s.status >= 500 ? 1 : 0) },
  Latency: { unit: 'Milliseconds', value: s => s.latencyMs },
  IntegrationLatency: { unit: 'Milliseconds', value: s => s.integrationLatencyMs }
}
