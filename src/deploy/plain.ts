/**
 * A plain release: the stage serves the deployment at once.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables
 *   (CreateStage, for a release of an existing deployment).
 * - Existing stage: CreateDeployment without a stage (none for an existing deployment), then one UpdateStage
 *   that points the stage at it and applies the description, variables and stage settings together. Only
 *   named settings change; the switch is atomic, so the deployment never runs with the old variables. More
 *   settings than one call takes go first, in calls of their own; the switch rides in the last.
 */
import * as core from '@actions/core'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import type { RunContext } from '../commands/context.js'
import { ActionError, errorMessage } from '../errors.js'
import type { DeploymentInputs } from '../inputs/index.js'
import type { Result } from '../report/result.js'
import { recordLeftover } from '../post/state.js'
import type { ExistingDeployment } from '../release/source.js'
import { updateStageInBatches } from '../stage-settings/apply.js'
import { deleteQuietly } from './delete-unused.js'
import { checkExistingCanary } from './existing-canary.js'
import { planStageSwitch } from './stage-plan.js'

export async function deployPlain(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName' | 'stage'>,
  result: Result,
  deployment: DeploymentInputs,
  description: string,
  options: {
    /** Stage settings to apply with the switch (an existing stage only). */
    settingsOps?: PatchOperation[]
    /** Release this deployment instead of creating one (from-stage, to-deployment). */
    existing?: ExistingDeployment
  } = {}
): Promise<Result> {
  const { gateway, restApiId, stageName, stage } = context
  const { settingsOps = [], existing } = options
  const variables = Object.keys(deployment.stageVariables).length > 0 ? deployment.stageVariables : undefined
  if (!stage) {
    if (existing) {
      core.info(`Stage "${stageName}" does not exist yet: creating it on ${existing.label}.`)
      await gateway.createStage({
        restApiId,
        stageName,
        deploymentId: existing.deploymentId,
        description: deployment.stageDescription,
        variables
      })
      core.info(`Created stage "${stageName}", serving deployment ${existing.deploymentId}.`)
      return { ...result, deploymentId: existing.deploymentId, stageCreated: true }
    }
    core.info(`Stage "${stageName}" does not exist yet: creating it with the new deployment.`)
    const created = await gateway.createDeployment({
      restApiId,
      stageName,
      stageDescription: deployment.stageDescription,
      description,
      variables
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
  let target: { id: string; description?: string }
  if (existing) {
    core.info(
      `Stage "${stageName}" serves deployment ${stage.deploymentId}; pointing it at ${existing.label}.`
    )
    target = { id: existing.deploymentId }
  } else {
    core.info(`Stage "${stageName}" serves deployment ${stage.deploymentId}; creating a new deployment.`)
    const created = await gateway.createDeployment({ restApiId, description })
    target = { id: created.id, description: created.description ?? description }
  }
  const ops = planStageSwitch(
    stage,
    target.id,
    { description: deployment.stageDescription, variables: deployment.stageVariables },
    { removeCanary }
  )
  core.debug(`UpdateStage patch operations: ${JSON.stringify([...settingsOps, ...ops])}`)
  try {
    await updateStageInBatches(
      { gateway, restApiId, stageName },
      settingsOps,
      ops,
      now => now?.deploymentId === target.id
    )
  } catch (error) {
    await failSwitch(
      gateway.withoutCancellation(),
      {
        restApiId,
        stageName,
        before: stage.deploymentId,
        created: existing ? undefined : target.id,
        target: target.id
      },
      error
    )
  }
  core.info(`Stage "${stageName}" now serves deployment ${target.id} (was ${stage.deploymentId}).`)
  const earlier = stage.canarySettings?.deploymentId
  if (removeCanary && earlier && earlier !== target.id)
    core.info(
      `Removed the earlier canary (deployment ${earlier}). ${await deleteQuietly(gateway, restApiId, earlier)}`
    )
  return {
    ...result,
    deploymentId: target.id,
    deploymentDescription: target.description,
    stageCreated: false
  }
}

/**
 * The switch failed: say what the stage serves now, read again rather than assumed. If it still serves what
 * it served, the new snapshot nobody uses is deleted so nothing is left behind.
 */
async function failSwitch(
  gateway: Gateway,
  at: { restApiId: string; stageName: string; before?: string; target: string; created?: string },
  error: unknown
): Promise<never> {
  const { restApiId, stageName, target, created } = at
  const now = await gateway.tryGetStage(restApiId, stageName)
  const fields = {
    cause: error,
    operation: (error as ActionError).operation,
    code: (error as ActionError).code
  }
  if (now.read && now.stage?.deploymentId === target && target !== at.before)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" was switched to deployment ${target} all the same, but the run could not confirm the rest of the change: check the stage's description and variables.`,
      fields
    )
  if (!now.read) {
    // The post step deletes it if, by then, no stage uses it.
    if (created) recordLeftover({ ...gateway.connection, restApiId }, created)
    throw new ActionError(
      `${errorMessage(error)}\nStage "${stageName}" could not be read again: it serves either deployment ${at.before} (as before) or ${target}. Check the stage before running again${created ? `; deployment ${created} was kept in case it is served (the post step deletes it if no stage does)` : ''}.`,
      fields
    )
  }
  // A deployment this run did not create (from-stage, to-deployment) is never deleted.
  const cleanup = created ? await deleteQuietly(gateway, restApiId, created) : ''
  throw new ActionError(
    `${errorMessage(error)}\nStage "${stageName}" was not changed: it still serves deployment ${now.stage?.deploymentId}. ${cleanup}`.trimEnd(),
    fields
  )
}
