import { badRequest, tooManyRequests } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalBoolean, optionalObject, optionalString, optionalStringMap } from '../http/input.js'
import type { Handler } from '../http/router.js'
import { paginate } from './pagination.js'
import { nonEmpty, validateVariables } from './stage-rules.js'
import { addStage, parseCanarySettings } from './stages.js'
import type { ApiEntry, Store } from './state.js'
import type { DeploymentJson, ResourceJson, StageJson, StringMap } from './types.js'

/**
 * CreateDeployment is limited to 1 request every 5 seconds per account
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html), answered with 429
 * TooManyRequestsException and Retry-After. The check runs before validation, so failed calls count too.
 */
function consumeCreateDeploymentQuota(store: Store): void {
  const interval = store.quotas.createDeploymentIntervalMs
  if (interval <= 0) return
  const now = Date.now()
  const waitMs = store.lastCreateDeploymentAt + interval - now
  if (waitMs > 0) throw tooManyRequests('Too Many Requests', Math.max(1, Math.ceil(waitMs / 1000)))
  store.lastCreateDeploymentAt = now
}

/** Deployments freeze the API: later edits to resources must not change what they serve. */
function snapshotOf(entry: ApiEntry): ResourceJson[] {
  const resources = [...entry.resources.values()]
  const methods = resources.flatMap(r => Object.values(r.resourceMethods ?? {}))
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods")
  if (methods.some(m => !m.methodIntegration)) throw badRequest('No integration defined for method')
  return structuredClone(resources)
}

function checkCanaryRules(
  stageName: string | undefined,
  canary: Body | undefined,
  existing?: StageJson
): void {
  // Canary deployments need an existing stage ("you cannot specify any non-existing stage name when
  // creating a canary release deployment": create-canary-deployment.html); message as reported from AWS in
  // hashicorp/terraform-provider-aws#39929.
  if (canary && !existing) {
    throw badRequest(
      `Invalid deployment content specified.Stage ${stageName ?? ''} must already be created before making a canary release deployment`
    )
  }
  // AWS refuses a plain deployment to a stage whose canary is enabled (message as reported in
  // serverless/serverless#11518); remove /canarySettings first, as a finished promotion or rollback does.
  if (!canary && existing?.canarySettings) {
    throw badRequest(
      `Invalid deployment content specified.Non canary deployment not supported on stage ${existing.stageName} because Canary is enabled. Provide CanarySettings in deploymentInput.`
    )
  }
}

/** Points an existing stage (or, with canary settings, only its canary) at a new deployment. */
function redeployStage(
  store: Store,
  stage: StageJson,
  deploymentId: string,
  canary: Body | undefined,
  variables: StringMap | undefined
): void {
  if (canary) {
    // The stage keeps serving its deployment; only the canary moves to the new one.
    stage.canarySettings = parseCanarySettings(canary, deploymentId)
  } else {
    // Every other stage setting is kept; variables passed here are set on top of the existing ones.
    stage.deploymentId = deploymentId
    stage.variables = { ...stage.variables, ...variables }
    if (!nonEmpty(stage.variables)) delete stage.variables
  }
  stage.lastUpdatedDate = store.nowSeconds()
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html
export const createDeployment: Handler = ({ store, params, body }) => {
  consumeCreateDeploymentQuota(store)
  const entry = store.api(params.restApiId)
  const snapshot = snapshotOf(entry)
  const stageName = optionalString(body, 'stageName')
  const canary = optionalObject(body, 'canarySettings')
  const variables = optionalStringMap(body, 'variables')
  validateVariables(variables)
  const existing = stageName ? entry.stages.get(stageName) : undefined
  checkCanaryRules(stageName, canary, existing)

  const deployment: DeploymentJson = compact({
    id: store.ids.next(6),
    description: optionalString(body, 'description'),
    createdDate: store.nowSeconds()
  })
  entry.deployments.set(deployment.id, { deployment, snapshot })
  try {
    if (existing) {
      redeployStage(store, existing, deployment.id, canary, variables)
    } else if (stageName) {
      addStage(store, entry, {
        stageName,
        deploymentId: deployment.id,
        description: optionalString(body, 'stageDescription'),
        cacheClusterEnabled: optionalBoolean(body, 'cacheClusterEnabled'),
        cacheClusterSize: optionalString(body, 'cacheClusterSize'),
        variables,
        tracingEnabled: optionalBoolean(body, 'tracingEnabled')
      })
    }
  } catch (err) {
    // A refused stage (bad name, quota, bad canary settings) must not leave the deployment behind.
    entry.deployments.delete(deployment.id)
    throw err
  }
  return { status: 201, body: deployment }
}

export const getDeployment: Handler = ({ store, params }) => {
  const entry = store.api(params.restApiId)
  return { status: 200, body: store.deployment(entry, params.deploymentId).deployment }
}

export const getDeployments: Handler = ({ store, params, query }) => {
  const entry = store.api(params.restApiId)
  const items = [...entry.deployments.values()].map(d => d.deployment)
  return { status: 200, body: paginate(items, query) }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_DeleteDeployment.html: a deployment still used
// by a stage (or a stage's canary) cannot be deleted.
export const deleteDeployment: Handler = ({ store, params }) => {
  const entry = store.api(params.restApiId)
  const id = params.deploymentId
  store.deployment(entry, id)
  const stages = [...entry.stages.values()]
  if (stages.some(s => s.deploymentId === id)) {
    throw badRequest('Active stages pointing to this deployment must be moved or deleted')
  }
  if (stages.some(s => s.canarySettings?.deploymentId === id)) {
    throw badRequest(
      'Active stages with canary settings pointing to this deployment must be moved or deleted'
    )
  }
  entry.deployments.delete(id)
  return { status: 202 }
}
