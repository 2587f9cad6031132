/**
 * Every request the invoke URLs served (per API, stage, canary or base, with its status and latency), on the
 * metrics clock, for GetMetricData to aggregate; tests add more with emu.recordTraffic.
 */
import type { MetricsClock } from '../cloudwatch/clock.js'
import type { Dimensions, PublishingOptions } from '../cloudwatch/publishing.js'
import { publishedDimensions } from '../cloudwatch/publishing.js'
import type { Store } from '../control-plane/state.js'
import { findRoute } from './routing.js'

/** A request, or `count` identical ones, as the metrics see it. */
export interface TrafficRecord {
  restApiId: string
  stageName: string
  /** Served by the canary deployment (x-emulator-canary: true). */
  canary: boolean
  status: number
  latencyMs: number
  /** Absent when no method matched (no integration ran): such requests have no IntegrationLatency. */
  integrationLatencyMs?: number
  /** The matched method's verb and resource path, for the per-method (detailed) series. */
  method?: string
  resourcePath?: string
  /** Arrival on the metrics clock, epoch ms. */
  at: number
  count: number
  /** The ApiName dimension value when it was recorded. */
  apiName: string
  /** The dimension sets it was published under (decided from the stage's settings when it was recorded). */
  dimensions: Dimensions[]
}

/** What emu.recordTraffic takes: a request (or `count` of them) that did not go through an invoke URL. */
export interface TrafficInput {
  restApiId: string
  stageName: string
  /** Default false: the base deployment served it. */
  canary?: boolean
  /** Default 200. */
  status?: number
  /** Default 0. */
  latencyMs?: number
  /** Default latencyMs when a method is given, else none. */
  integrationLatencyMs?: number
  method?: string
  resourcePath?: string
  /** When, on the metrics clock (epoch ms or a Date). Default: its now. */
  at?: number | Date
  /** How many identical requests. Default 1. */
  count?: number
}

/** What the invoke handler knows once it has answered a request. */
export interface ServedRequest {
  restApiId: string
  stageName: string
  deploymentId: string
  canary: boolean
  /** The request's verb and path below the stage. */
  httpMethod: string
  path: string
  status: number
  latencyMs: number
  /** Arrival, metrics clock. */
  at: number
}

export class TrafficLog {
  readonly records: TrafficRecord[] = []

  constructor(
    private readonly store: Store,
    readonly clock: MetricsClock,
    readonly options: PublishingOptions
  ) {
    if (!['always', 'execution-logging', 'detailed-metrics'].includes(options.canaryMetrics))
      throw new TypeError(
        `metrics.canaryMetrics must be always, execution-logging or detailed-metrics, got ${options.canaryMetrics}`
      )
    if (!(Number.isFinite(options.publishDelayMs) && options.publishDelayMs >= 0))
      throw new TypeError(`metrics.publishDelayMs must be 0 or more, got ${options.publishDelayMs}`)
  }

  /** Records a request an invoke URL served. */
  served(request: ServedRequest): void {
    const deployment = this.store.apis.get(request.restApiId)?.deployments.get(request.deploymentId)
    const route = deployment && findRoute(deployment.snapshot, request.path, request.httpMethod)
    const method = route?.method?.httpMethod
    this.add({
      restApiId: request.restApiId,
      stageName: request.stageName,
      canary: request.canary,
      status: request.status,
      latencyMs: request.latencyMs,
      ...(method && {
        integrationLatencyMs: request.latencyMs,
        method,
        resourcePath: route.resource.path
      }),
      at: request.at,
      count: 1
    })
  }

  /** emu.recordTraffic: validates, fills the defaults, and records. */
  record(input: TrafficInput): TrafficRecord {
    const { restApiId, stageName } = input
    if (typeof restApiId !== 'string' || !this.store.apis.has(restApiId))
      throw new TypeError(`recordTraffic: no REST API ${JSON.stringify(restApiId)} in the emulator`)
    if (typeof stageName !== 'string' || stageName === '')
      throw new TypeError('recordTraffic: stageName must be a non-empty string')
    const status = input.status ?? 200
    if (!(Number.isInteger(status) && status >= 100 && status <= 599))
      throw new TypeError(`recordTraffic: status must be an HTTP status, got ${status}`)
    const latencyMs = input.latencyMs ?? 0
    for (const [name, value] of [
      ['latencyMs', latencyMs],
      ['integrationLatencyMs', input.integrationLatencyMs ?? 0]
    ] as const)
      if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0))
        throw new TypeError(`recordTraffic: ${name} must be 0 or more, got ${value}`)
    const count = input.count ?? 1
    if (!(Number.isInteger(count) && count >= 1))
      throw new TypeError(`recordTraffic: count must be a whole number of at least 1, got ${count}`)
    const at = input.at === undefined ? this.clock.now() : new Date(input.at).getTime()
    if (!Number.isFinite(at))
      throw new TypeError(`recordTraffic: at must be epoch ms or a Date, got ${String(input.at)}`)
    if ((input.method === undefined) !== (input.resourcePath === undefined))
      throw new TypeError('recordTraffic: method and resourcePath go together')
    const integrationLatencyMs = input.integrationLatencyMs ?? (input.method ? latencyMs : undefined)
    return this.add({
      restApiId,
      stageName,
      canary: input.canary ?? false,
      status,
      latencyMs,
      ...(integrationLatencyMs !== undefined && { integrationLatencyMs }),
      ...(input.method !== undefined && { method: input.method, resourcePath: input.resourcePath }),
      at,
      count
    })
  }

  reset(): void {
    this.records.length = 0
  }

  private add(record: Omit<TrafficRecord, 'apiName' | 'dimensions'>): TrafficRecord {
    const published = publishedDimensions(this.store, record, this.options)
    const full: TrafficRecord = { ...record, ...published }
    this.records.push(full)
    return full
  }
}
