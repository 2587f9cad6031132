/**
 * A plain deployment: a new snapshot of the API, served by the stage.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables.
 * - Existing stage: CreateDeployment without a stage, then one UpdateStage that points the stage at it and
 *   applies the description and variables together. Only named settings change; the switch is atomic, so
 *   the new deployment never runs with the old variables.
 */
import * as core from '@actions/core'
import type { RunContext } from '../commands/context.js'
import { ActionError, errorMessage } from '../errors.js'
import type { DeploymentInputs } from '../inputs/index.js'
import type { Result } from '../report/result.js'
import { deleteQuietly } from './delete-unused.js'
import { checkExistingCanary } from './existing-canary.js'
import { planStageSwitch } from './stage-plan.js'

export async function deployPlain(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName' | 'stage'>,
  result: Result,
  deployment: DeploymentInputs,
  description: string
): Promise<Result> {
  const { gateway, restApiId, stageName, stage } = context
  if (!stage) {
    core.info(`Stage "${stageName}" does not exist yet: creating it with the new deployment.`)
    const created = await gateway.createDeployment({
      restApiId,
      stageName,
      stageDescription: deployment.stageDescription,
      description,
      variables: Object.keys(deployment.stageVariables).length > 0 ? deployment.stageVariables : undefined
    })
    core.info(`Created deployment ${created.id}; stage "${stageName}" now serves it.`)
    return { ...result, deploymentId: created.id, deploymentDescription: description, stageCreated: true }
  }

  const removeCanary = checkExistingCanary(stage, stageName, deployment.canaryExisting)
  core.info(`Stage "${stageName}" serves deployment ${stage.deploymentId}; creating a new deployment.`)
  const created = await gateway.createDeployment({ restApiId, description })
  const ops = planStageSwitch(
    stage,
    created.id,
    { description: deployment.stageDescription, variables: deployment.stageVariables },
    { removeCanary }
  )
  core.debug(`UpdateStage patch operations: ${JSON.stringify(ops)}`)
  try {
    await gateway.updateStage(restApiId, stageName, ops)
  } catch (error) {
    // The stage still serves what it served; drop the snapshot nobody uses so nothing is left behind.
    const cleanup = await deleteQuietly(gateway.withoutCancellation(), restApiId, created.id)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" was not changed: it still serves deployment ${stage.deploymentId}. ${cleanup}`,
      { cause: error, operation: (error as ActionError).operation, code: (error as ActionError).code }
    )
  }
  core.info(`Stage "${stageName}" now serves deployment ${created.id} (was ${stage.deploymentId}).`)
  if (removeCanary && stage.canarySettings?.deploymentId)
    core.info(
      `Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await deleteQuietly(gateway, restApiId, stage.canarySettings.deploymentId)}`
    )
  return { ...result, deploymentId: created.id, deploymentDescription: description, stageCreated: false }
}
