/**
 * A plain deployment: a new snapshot of the API, served by the stage.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables.
 * - Existing stage: CreateDeployment without a stage, then one UpdateStage that points the stage at it and
 *   applies the description, variables and stage settings together. Only named settings change; the switch
 *   is atomic, so the new deployment never runs with the old variables. More settings than one call takes
 *   go first, in calls of their own; the switch rides in the last.
 */
import * as core from '@actions/core'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import type { RunContext } from '../commands/context.js'
import { ActionError, errorMessage } from '../errors.js'
import type { DeploymentInputs } from '../inputs/index.js'
import type { Result } from '../report/result.js'
import { recordLeftover } from '../post/state.js'
import { updateStageInBatches } from '../stage-settings/apply.js'
import { deleteQuietly } from './delete-unused.js'
import { checkExistingCanary } from './existing-canary.js'
import { planStageSwitch } from './stage-plan.js'

export async function deployPlain(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName' | 'stage'>,
  result: Result,
  deployment: DeploymentInputs,
  description: string,
  /** Stage settings to apply with the switch (an existing stage only). */
  settingsOps: PatchOperation[] = []
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
    return {
      ...result,
      deploymentId: created.id,
      deploymentDescription: created.description ?? description,
      stageCreated: true
    }
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
  core.debug(`UpdateStage patch operations: ${JSON.stringify([...settingsOps, ...ops])}`)
  try {
    await updateStageInBatches(
      { gateway, restApiId, stageName },
      settingsOps,
      ops,
      now => now?.deploymentId === created.id
    )
  } catch (error) {
    await failSwitch(
      gateway.withoutCancellation(),
      { restApiId, stageName, before: stage.deploymentId, created: created.id },
      error
    )
  }
  core.info(`Stage "${stageName}" now serves deployment ${created.id} (was ${stage.deploymentId}).`)
  if (removeCanary && stage.canarySettings?.deploymentId)
    core.info(
      `Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await deleteQuietly(gateway, restApiId, stage.canarySettings.deploymentId)}`
    )
  return {
    ...result,
    deploymentId: created.id,
    deploymentDescription: created.description ?? description,
    stageCreated: false
  }
}

/**
 * The switch failed: say what the stage serves now, read again rather than assumed. If it still serves what
 * it served, the new snapshot nobody uses is deleted so nothing is left behind.
 */
async function failSwitch(
  gateway: Gateway,
  at: { restApiId: string; stageName: string; before?: string; created: string },
  error: unknown
): Promise<never> {
  const { restApiId, stageName, created } = at
  const now = await gateway.tryGetStage(restApiId, stageName)
  const fields = {
    cause: error,
    operation: (error as ActionError).operation,
    code: (error as ActionError).code
  }
  if (now.read && now.stage?.deploymentId === created)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" was switched to the new deployment ${created} all the same, but the run could not confirm the rest of the change: check the stage's description and variables.`,
      fields
    )
  if (!now.read) {
    // The post step deletes it if, by then, no stage uses it.
    recordLeftover({ ...gateway.connection, restApiId }, created)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" could not be read again: it serves either deployment ${at.before} (as before) or the new ${created}. Check the stage before running again; deployment ${created} was kept in case it is served (the post step deletes it if no stage does).`,
      fields
    )
  }
  const cleanup = await deleteQuietly(gateway, restApiId, created)
  throw new ActionError(
    `${errorMessage(error)}\nStage "${stageName}" was not changed: it still serves deployment ${now.stage?.deploymentId}. ${cleanup}`,
    fields
  )
}
