import type { AdminApi } from './admin.js'
import type { CallRecord } from './control-plane.js'
import { Faults } from './faults.js'
import type { DeploymentBehaviour } from './invoke.js'
import { behaviourKey } from './invoke.js'
import { IdGenerator, Prng } from './random.js'
import { close, listen } from './server.js'
import type { Quotas } from './state.js'
import { Store } from './state.js'
import type { DeploymentJson, RestApiJson, StageJson } from './types.js'

export type { CallRecord } from './control-plane.js'
export type { FailSpec, FaultInjector } from './faults.js'
export type { DeploymentBehaviour } from './invoke.js'
export type { FaultRequest } from './admin.js'
export type { Quotas } from './state.js'
export type * from './types.js'
export { createSampleApi } from './sample-api.js'

export interface EmulatorOptions {
  region?: string
  accountId?: string
  /** Seeds the canary traffic split (and, separately, generated ids). Default 1. */
  seed?: number
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  quotas?: Partial<Quotas>
  /** Log every request to stderr. */
  log?: boolean
}

export interface Emulator extends AdminApi {
  /** e.g. http://127.0.0.1:54321 — use as the SDK client's `endpoint`. */
  readonly url: string
  readonly region: string
  readonly accountId: string
  /** Every control-plane request so far, in arrival order (the array is live; resetCalls() empties it). */
  readonly calls: readonly CallRecord[]
  stop(): Promise<void>
  invokeUrl(restApiId: string, stageName: string): string
  getStage(restApiId: string, stageName: string): StageJson | undefined
  getDeployments(restApiId: string): DeploymentJson[]
  getRestApi(restApiId: string): RestApiJson | undefined
}

const DEFAULT_QUOTAS: Quotas = { stagesPerApi: 10, createDeploymentIntervalMs: 5000 }

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1'
  const accountId = options.accountId ?? '123456789012'
  const seed = options.seed ?? 1
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...options.quotas }
  const log = options.log ?? false
  // Ids come from their own stream so that creating resources never shifts the canary split.
  const store = new Store(region, accountId, new IdGenerator(new Prng(seed ^ 0x5eed1d5)), quotas)
  const canaryRng = new Prng(seed)
  const faults = new Faults()
  const calls: CallRecord[] = []
  const behaviours = new Map<string, DeploymentBehaviour>()
  const lifetime = new AbortController()

  const admin: AdminApi = {
    calls,
    resetCalls: () => {
      calls.length = 0
    },
    faults,
    setDeploymentBehaviour: (restApiId, deploymentId, behaviour) => {
      if (behaviour) behaviours.set(behaviourKey(restApiId, deploymentId), { ...behaviour })
      else behaviours.delete(behaviourKey(restApiId, deploymentId))
    },
    seed: n => canaryRng.reseed(n)
  }
  const { server, url } = await listen(
    {
      controlPlane: { store, faults, calls, signal: lifetime.signal, log },
      invoke: { store, canaryRng, behaviours, signal: lifetime.signal, log },
      admin
    },
    options.port ?? 0
  )

  let stopping: Promise<void> | undefined
  return {
    ...admin,
    url,
    region,
    accountId,
    stop: () => {
      // Wake pending latency faults and proxied calls so no timer outlives the server.
      stopping ??= (lifetime.abort(), close(server))
      return stopping
    },
    invokeUrl: (restApiId, stageName) => `${url}/restapis/${restApiId}/${stageName}/_user_request_`,
    getStage: (restApiId, stageName) => clone(store.apis.get(restApiId)?.stages.get(stageName)),
    getDeployments: restApiId =>
      [...(store.apis.get(restApiId)?.deployments.values() ?? [])].map(d => structuredClone(d.deployment)),
    getRestApi: restApiId => clone(store.apis.get(restApiId)?.api)
  }
}

const clone = <T>(value: T | undefined): T | undefined =>
  value === undefined ? undefined : structuredClone(value)
