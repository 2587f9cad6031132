import type { IdGenerator } from '../harness/random.js'
import { notFound } from '../http/errors.js'
import type { WebAclEntry } from '../wafv2/web-acls.js'
import type { AccountJson } from './account.js'
import { CacheClusters } from './cache-cluster.js'
import type { DomainEntry } from './domain-state.js'
import type { DeploymentJson, ResourceJson, RestApiJson, StageJson } from './types.js'
import type { ApiKeyJson, UsagePlanEntry } from './usage-plan-types.js'

interface DeploymentEntry {
  deployment: DeploymentJson
  /** Resources, methods and integrations as they were when the deployment was created. */
  snapshot: ResourceJson[]
}

export interface ApiEntry {
  api: RestApiJson
  resources: Map<string, ResourceJson>
  deployments: Map<string, DeploymentEntry>
  stages: Map<string, StageJson>
}

export interface Quotas {
  /** Stages per REST API (AWS default 10). */
  stagesPerApi: number
  /** Minimum interval between CreateDeployment calls per account (AWS: 1 request every 5 s); 0 disables. */
  createDeploymentIntervalMs: number
  /** Operations one UpdateStage may carry (AWS publishes no number; 80 is a reconstruction). */
  patchOperationsPerUpdate: number
}

/** The in-memory model of one account in one region. Maps keep insertion order, which listings rely on. */
export class Store {
  readonly apis = new Map<string, ApiEntry>()
  /** Custom domain names by name, with their base path / API mappings. */
  readonly domains = new Map<string, DomainEntry>()
  /** GetAccount / UpdateAccount: the CloudWatch role execution and access logging need. */
  readonly account: AccountJson = {}
  readonly usagePlans = new Map<string, UsagePlanEntry>()
  readonly apiKeys = new Map<string, ApiKeyJson>()
  /** Web ACLs registered with emu.addWebAcl, by ARN (the WAFv2 side of AssociateWebACL). */
  readonly webAcls = new Map<string, WebAclEntry>()
  /** Finishes cache cluster changes after EmulatorOptions.cacheClusterDelayMs. */
  readonly cacheClusters = new CacheClusters()
  /** GetSdk types this region does not generate (EmulatorOptions.unsupportedSdkTypes). */
  unsupportedSdkTypes: readonly string[] = []
  /** Time the last CreateDeployment was let through, for the rate quota. */
  lastCreateDeploymentAt = Number.NEGATIVE_INFINITY

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly ids: IdGenerator,
    readonly quotas: Quotas
  ) {}

  /** Epoch seconds, the unit API Gateway uses for createdDate/lastUpdatedDate. */
  nowSeconds(): number {
    return Math.floor(Date.now() / 1000)
  }

  // Messages below are the ones API Gateway returns for unknown identifiers.
  api(restApiId: string): ApiEntry {
    const entry = this.apis.get(restApiId)
    if (!entry) throw notFound(`Invalid API identifier specified ${this.accountId}:${restApiId}`)
    return entry
  }

  resource(entry: ApiEntry, resourceId: string): ResourceJson {
    const resource = entry.resources.get(resourceId)
    if (!resource) throw notFound('Invalid Resource identifier specified')
    return resource
  }

  deployment(entry: ApiEntry, deploymentId: string): DeploymentEntry {
    const deployment = entry.deployments.get(deploymentId)
    if (!deployment) throw notFound('Invalid Deployment identifier specified')
    return deployment
  }

  stage(entry: ApiEntry, stageName: string): StageJson {
    const stage = entry.stages.get(stageName)
    if (!stage) throw notFound('Invalid Stage identifier specified')
    return stage
  }
}
