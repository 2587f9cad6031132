/**
 * A plain deployment: a new snapshot of the API, served by the stage.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables.
 * - Existing stage: CreateDeployment without a stage, then one UpdateStage that points the stage at it and
 *   applies the description and variables together. Only named settings change; the switch is atomic, so
 *   the new deployment never runs with the old variables.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import { ActionError, errorMessage } from './errors.js'
import type { Gateway } from './gateway.js'
import type { Inputs } from './inputs.js'
import { resultFor, type Result } from './result.js'
import { planStageSwitch } from './stage-plan.js'

export interface DeployTarget {
  restApiId: string
  deploymentDescription: string
}

export async function deployPlain(
  gateway: Gateway,
  inputs: Inputs,
  target: DeployTarget,
  stage: Stage | undefined
): Promise<Result> {
  const { restApiId } = target
  const { stageName } = inputs
  const base = resultFor(inputs, restApiId)

  if (!stage) {
    core.info(`Stage "${stageName}" does not exist yet: creating it with the new deployment.`)
    const deployment = await gateway.createDeployment({
      restApiId,
      stageName,
      stageDescription: inputs.stageDescription,
      description: target.deploymentDescription,
      variables: Object.keys(inputs.stageVariables).length > 0 ? inputs.stageVariables : undefined
    })
    core.info(`Created deployment ${deployment.id}; stage "${stageName}" now serves it.`)
    return { ...base, deploymentId: deployment.id, stageCreated: true }
  }

  const removeCanary = checkExistingCanary(stage, inputs)
  core.info(`Stage "${stageName}" serves deployment ${stage.deploymentId}; creating a new deployment.`)
  const deployment = await gateway.createDeployment({ restApiId, description: target.deploymentDescription })
  const ops = planStageSwitch(
    stage,
    deployment.id,
    { description: inputs.stageDescription, variables: inputs.stageVariables },
    { removeCanary }
  )
  core.debug(`UpdateStage patch operations: ${JSON.stringify(ops)}`)
  try {
    await gateway.updateStage(restApiId, stageName, ops)
  } catch (error) {
    // The stage still serves what it served; drop the snapshot nobody uses so nothing is left behind.
    const cleanup = await deleteQuietly(gateway, restApiId, deployment.id)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" was not changed: it still serves deployment ${stage.deploymentId}. ${cleanup}`,
      { cause: error, operation: (error as ActionError).operation, code: (error as ActionError).code }
    )
  }
  core.info(`Stage "${stageName}" now serves deployment ${deployment.id} (was ${stage.deploymentId}).`)
  if (removeCanary && stage.canarySettings?.deploymentId)
    core.info(
      `Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await deleteQuietly(gateway, restApiId, stage.canarySettings.deploymentId)}`
    )
  return {
    ...base,
    deploymentId: deployment.id,
    previousDeploymentId: stage.deploymentId,
    stageCreated: false
  }
}

/**
 * A stage with a canary is not silently changed: by default the run stops and says how to finish it;
 * with `canary-existing: replace` the caller removes it. Returns whether to remove it.
 */
export function checkExistingCanary(stage: Stage, inputs: Inputs): boolean {
  const canary = stage.canarySettings
  if (!canary) return false
  if (inputs.canaryExisting === 'replace') {
    core.info(
      `Stage "${inputs.stageName}" has a canary (deployment ${canary.deploymentId} at ${canary.percentTraffic ?? 0}%): rolling it back first (canary-existing: replace).`
    )
    return true
  }
  throw new ActionError(
    `Stage "${inputs.stageName}" has a canary from an earlier run (deployment ${canary.deploymentId}, ${canary.percentTraffic ?? 0}% of traffic). ` +
      'Nothing was changed. Finish it first with "command: promote-canary" or "command: rollback-canary", ' +
      'or set "canary-existing: replace" to roll it back as part of this deploy.'
  )
}

/** Deletes a deployment no stage uses; says what happened, never throws (a leftover snapshot is harmless). */
export async function deleteQuietly(
  gateway: Gateway,
  restApiId: string,
  deploymentId: string
): Promise<string> {
  try {
    await gateway.deleteDeployment(restApiId, deploymentId)
    return `Deleted the unused deployment ${deploymentId}.`
  } catch (error) {
    core.debug(`DeleteDeployment ${deploymentId}: ${errorMessage(error)}`)
    return `Deployment ${deploymentId} was not deleted (${(error as ActionError).code ?? 'error'}); delete it once no stage uses it.`
  }
}
