import { conflict } from '../http/errors.js'
import type { Body } from '../http/input.js'
import {
  compact,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  optionalStringMap,
  requiredString
} from '../http/input.js'
import type { Handler } from '../http/router.js'
import { transitionStatus } from './cache-cluster.js'
import { applyStagePatch, parsePatchOperations } from './stage-patch.js'
import {
  checkPatchSize,
  checkStageQuota,
  nonEmpty,
  validateCacheClusterSize,
  validatePercentTraffic,
  validateStageName,
  validateVariables
} from './stage-rules.js'
import type { ApiEntry, Store } from './state.js'
import { validateTags } from './tag-rules.js'
import { removeFromUsagePlans } from './usage-plans.js'
import type { CanarySettingsJson, StageJson, StringMap } from './types.js'

interface NewStageInput {
  stageName: string
  deploymentId: string
  description?: string
  cacheClusterEnabled?: boolean
  cacheClusterSize?: string
  variables?: StringMap
  canarySettings?: CanarySettingsJson
  tracingEnabled?: boolean
  tags?: StringMap
}

/** Validates and stores a new stage; shared by CreateStage and CreateDeployment. */
export function addStage(store: Store, entry: ApiEntry, input: NewStageInput): StageJson {
  validateStageName(input.stageName)
  validateVariables(input.variables)
  validateCacheClusterSize(input.cacheClusterSize)
  validateTags(input.tags)
  if (entry.stages.has(input.stageName)) throw conflict('Stage already exists')
  checkStageQuota(store, entry)
  const now = store.nowSeconds()
  const cacheClusterEnabled = input.cacheClusterEnabled ?? false
  const stage: StageJson = compact({
    stageName: input.stageName,
    deploymentId: input.deploymentId,
    description: input.description,
    cacheClusterEnabled,
    cacheClusterSize: input.cacheClusterSize ?? (cacheClusterEnabled ? '0.5' : undefined),
    // A new cluster is created first (cache-cluster.ts); AVAILABLE after EmulatorOptions.cacheClusterDelayMs.
    cacheClusterStatus: cacheClusterEnabled ? 'CREATE_IN_PROGRESS' : 'NOT_AVAILABLE',
    methodSettings: {},
    variables: nonEmpty(input.variables),
    canarySettings: input.canarySettings,
    tracingEnabled: input.tracingEnabled ?? false,
    tags: nonEmpty(input.tags),
    createdDate: now,
    lastUpdatedDate: now
  })
  entry.stages.set(stage.stageName, stage)
  if (cacheClusterEnabled) store.cacheClusters.start(entry, stage.stageName)
  return stage
}

/** Reads CanarySettings / DeploymentCanarySettings from a request body. */
export function parseCanarySettings(canary: Body, deploymentId: string): CanarySettingsJson {
  const percentTraffic = optionalNumber(canary, 'percentTraffic') ?? 0
  validatePercentTraffic(percentTraffic)
  const overrides = optionalStringMap(canary, 'stageVariableOverrides')
  validateVariables(overrides)
  return compact({
    deploymentId,
    percentTraffic,
    stageVariableOverrides: nonEmpty(overrides),
    useStageCache: optionalBoolean(canary, 'useStageCache') ?? false
  })
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
export const createStage: Handler = ({ store, params, body }) => {
  const entry = store.api(params.restApiId)
  const deploymentId = requiredString(body, 'deploymentId')
  store.deployment(entry, deploymentId)
  const canary = optionalObject(body, 'canarySettings')
  let canarySettings: CanarySettingsJson | undefined
  if (canary) {
    // A canary without its own deploymentId starts out on the stage's deployment.
    const canaryDeploymentId = optionalString(canary, 'deploymentId') ?? deploymentId
    store.deployment(entry, canaryDeploymentId)
    canarySettings = parseCanarySettings(canary, canaryDeploymentId)
  }
  const stage = addStage(store, entry, {
    stageName: requiredString(body, 'stageName'),
    deploymentId,
    description: optionalString(body, 'description'),
    cacheClusterEnabled: optionalBoolean(body, 'cacheClusterEnabled'),
    cacheClusterSize: optionalString(body, 'cacheClusterSize'),
    variables: optionalStringMap(body, 'variables'),
    canarySettings,
    tracingEnabled: optionalBoolean(body, 'tracingEnabled'),
    tags: optionalStringMap(body, 'tags')
  })
  return { status: 201, body: stage }
}

export const getStage: Handler = ({ store, params }) => {
  const entry = store.api(params.restApiId)
  return { status: 200, body: store.stage(entry, params.stageName) }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_GetStages.html (not paginated: `{ item }`)
export const getStages: Handler = ({ store, params, query }) => {
  const entry = store.api(params.restApiId)
  const deploymentId = query.get('deploymentId')
  const item = [...entry.stages.values()].filter(s => !deploymentId || s.deploymentId === deploymentId)
  return { status: 200, body: { item } }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html
export const updateStage: Handler = ({ store, params, body }) => {
  const entry = store.api(params.restApiId)
  const stage = store.stage(entry, params.stageName)
  const ops = parsePatchOperations(body)
  checkPatchSize(store, ops.length)
  const updated = applyStagePatch(store, entry, stage, ops)
  updated.lastUpdatedDate = store.nowSeconds()
  entry.stages.set(stage.stageName, updated)
  if (transitionStatus(stage, updated)) store.cacheClusters.start(entry, stage.stageName)
  return { status: 200, body: updated }
}

export const deleteStage: Handler = ({ store, params }) => {
  const entry = store.api(params.restApiId)
  store.stage(entry, params.stageName)
  entry.stages.delete(params.stageName)
  store.cacheClusters.forget(entry, params.stageName)
  removeFromUsagePlans(store, entry.api.id, params.stageName)
  return { status: 202 }
}
