// The emulator's public entry: tests and scripts import from here only.
import type { MetricsAdminApi } from './cloudwatch/admin.js'
import { MetricsClock } from './cloudwatch/clock.js'
import type { PublishingOptions } from './cloudwatch/publishing.js'
import type { CallRecord } from './control-plane/handler.js'
import type { Quotas } from './control-plane/state.js'
import { Store } from './control-plane/state.js'
import { defaultUnsupportedSdkTypes } from './control-plane/definitions/sdk-types.js'
import type { DeploymentJson, RestApiJson, StageJson } from './control-plane/types.js'
import type { AdminApi } from './harness/admin.js'
import { Faults } from './harness/faults.js'
import { IdGenerator, Prng } from './harness/random.js'
import { close, listen } from './http/server.js'
import { DeploymentBehaviours } from './invoke/behaviour.js'
import { TrafficLog } from './invoke/traffic.js'
import { addWebAcl } from './wafv2/web-acls.js'

export type { CallRecord } from './control-plane/handler.js'
export type { MetricsClock } from './cloudwatch/clock.js'
export type { PublishingOptions } from './cloudwatch/publishing.js'
export type { TrafficInput, TrafficRecord } from './invoke/traffic.js'
export { addMockRoute, createSampleApi } from './harness/sample-api.js'
export type { MockRouteOptions } from './harness/sample-api.js'
// Seeded randomness for test plans that must replay (the fault campaign).
export { Prng } from './harness/random.js'

export interface EmulatorOptions {
  region?: string
  accountId?: string
  /** Seeds the canary traffic split and failRatio draws (and, separately, generated ids). Default 1. */
  seed?: number
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  quotas?: Partial<Quotas>
  /**
   * How long a stage's cache cluster stays CREATE_IN_PROGRESS / DELETE_IN_PROGRESS before it is AVAILABLE /
   * NOT_AVAILABLE (AWS: up to 4 minutes). Default 0: settled within the call that changed it.
   */
  cacheClusterDelayMs?: number
  /** The account's CloudWatch role at start (GetAccount's cloudwatchRoleArn); default none, as in a new account. */
  cloudwatchRoleArn?: string
  /**
   * GetSdk types this region does not generate, answered with 400 BadRequestException. Default: java and ruby in
   * cn-* regions (as AWS's China regions), none elsewhere.
   */
  unsupportedSdkTypes?: string[]
  /**
   * How the CloudWatch metrics of invoke traffic are published (GetMetricData on the same URL): when canary
   * requests get their "{stage}/Canary" series (default 'always'), whether they also count in the stage's own
   * series (default false), and how long a request takes to show (default 0 ms).
   */
  metrics?: Partial<PublishingOptions>
  /** Log every request to stderr. */
  log?: boolean
}

export interface Emulator extends AdminApi, MetricsAdminApi {
  /** e.g. http://127.0.0.1:54321 — use as the SDK client's `endpoint`. */
  readonly url: string
  readonly region: string
  readonly accountId: string
  /** Every control-plane request so far, in arrival order (the array is live; resetCalls() empties it). */
  readonly calls: readonly CallRecord[]
  /** Stops the server; hung and delayed calls are cut off rather than waited for. */
  stop(): Promise<void>
  invokeUrl(restApiId: string, stageName: string): string
  /**
   * `{url}/_domains/{domainName}[/{basePath}]`: a custom domain name served without DNS (an emulator
   * convention). The root mapping is basePath '' (the default) or '(none)'.
   */
  domainUrl(domainName: string, basePath?: string): string
  getStage(restApiId: string, stageName: string): StageJson | undefined
  getDeployments(restApiId: string): DeploymentJson[]
  getRestApi(restApiId: string): RestApiJson | undefined
}

const DEFAULT_QUOTAS: Quotas = {
  stagesPerApi: 10,
  createDeploymentIntervalMs: 5000,
  patchOperationsPerUpdate: 80
}

// Each random stream gets its own seed so that, e.g., creating resources never shifts the canary split.
const idSeed = (seed: number): number => seed ^ 0x5eed1d5
const failureSeed = (seed: number): number => seed ^ 0xfa11ed

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1'
  const accountId = options.accountId ?? '123456789012'
  const seed = options.seed ?? 1
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...options.quotas }
  const log = options.log ?? false
  const store = new Store(region, accountId, new IdGenerator(new Prng(idSeed(seed))), quotas)
  store.cacheClusters.delayMs = options.cacheClusterDelayMs ?? 0
  if (options.cloudwatchRoleArn) store.account.cloudwatchRoleArn = options.cloudwatchRoleArn
  store.unsupportedSdkTypes = options.unsupportedSdkTypes ?? defaultUnsupportedSdkTypes(region)
  const canaryRng = new Prng(seed)
  const behaviours = new DeploymentBehaviours(new Prng(failureSeed(seed)))
  const faults = new Faults()
  const calls: CallRecord[] = []
  const lifetime = new AbortController()
  const traffic = new TrafficLog(store, new MetricsClock(), {
    canaryMetrics: options.metrics?.canaryMetrics ?? 'always',
    canaryInStageMetrics: options.metrics?.canaryInStageMetrics ?? false,
    publishDelayMs: options.metrics?.publishDelayMs ?? 0
  })
  const metricsAdmin: MetricsAdminApi = {
    metricsClock: traffic.clock,
    traffic: traffic.records,
    recordTraffic: input => traffic.record(input),
    resetTraffic: () => traffic.reset()
  }

  const admin: AdminApi = {
    calls,
    resetCalls: () => {
      calls.length = 0
    },
    faults,
    setDeploymentBehaviour: (restApiId, deploymentId, behaviour) =>
      behaviours.set(restApiId, deploymentId, behaviour),
    seed: n => {
      canaryRng.reseed(n)
      behaviours.reseed(failureSeed(n))
    },
    addWebAcl: name => addWebAcl(store, name)
  }
  const { server, url } = await listen(
    {
      controlPlane: { store, faults, calls, signal: lifetime.signal, log },
      invoke: { store, canaryRng, behaviours, signal: lifetime.signal, log, traffic },
      admin,
      cloudwatch: { store, faults, calls, signal: lifetime.signal, log, traffic },
      metricsAdmin
    },
    options.port ?? 0
  )

  let stopping: Promise<void> | undefined
  return {
    ...admin,
    ...metricsAdmin,
    url,
    region,
    accountId,
    stop: () => {
      // Wakes latency faults, hung calls and proxied requests so nothing outlives the server.
      stopping ??= (lifetime.abort(), store.cacheClusters.stop(), close(server))
      return stopping
    },
    invokeUrl: (restApiId, stageName) => `${url}/restapis/${restApiId}/${stageName}/_user_request_`,
    domainUrl: (domainName, basePath = '') =>
      `${url}/_domains/${domainName}${basePath === '' || basePath === '(none)' ? '' : `/${basePath}`}`,
    getStage: (restApiId, stageName) => clone(store.apis.get(restApiId)?.stages.get(stageName)),
    getDeployments: restApiId =>
      [...(store.apis.get(restApiId)?.deployments.values() ?? [])].map(d => structuredClone(d.deployment)),
    getRestApi: restApiId => clone(store.apis.get(restApiId)?.api)
  }
}

const clone = <T>(value: T | undefined): T | undefined =>
  value === undefined ? undefined : structuredClone(value)
