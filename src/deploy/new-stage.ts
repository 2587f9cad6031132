/**
 * A stage this run created gets its settings right after CreateDeployment made it (AWS's CreateDeployment
 * takes variables and a description, not settings). If they cannot be applied, the new stage is removed
 * again with its deployment: a half-configured stage (no throttling, no logging, no WAF) would be live.
 */
import * as core from '@actions/core'
import type { RunContext } from '../commands/context.js'
import { ActionError, errorMessage } from '../errors.js'
import { applyExtras, updateStageInBatches } from '../stage-settings/apply.js'
import { isEmptyConfiguration, type StageConfiguration } from '../stage-settings/configuration.js'
import { deleteQuietly } from './delete-unused.js'

export async function configureNewStage(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName' | 'signal' | 'connection'>,
  deploymentId: string,
  configuration: StageConfiguration,
  options: { ownsDeployment: boolean }
): Promise<void> {
  if (isEmptyConfiguration(configuration)) return
  try {
    await updateStageInBatches(context, configuration.plan.ops)
    await applyExtras(context, configuration)
  } catch (error) {
    const undone = await removeNewStage(context, deploymentId, configuration, options.ownsDeployment)
    throw new ActionError(
      `${errorMessage(error)}\nThe new stage "${context.stageName}" could not be configured, so it was not kept: ${undone}`,
      { operation: (error as ActionError).operation, code: (error as ActionError).code, cause: error }
    )
  }
}

async function removeNewStage(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName'>,
  deploymentId: string,
  configuration: StageConfiguration,
  ownsDeployment: boolean
): Promise<string> {
  const gateway = context.gateway.withoutCancellation()
  const { restApiId, stageName } = context
  // A usage plan that took the stage keeps it otherwise; AWS may refuse to delete a stage a plan includes.
  for (const plan of configuration.usagePlans) {
    try {
      await gateway.updateUsagePlan(
        plan.id,
        [{ op: 'remove', path: '/apiStages', value: `${restApiId}:${stageName}` }],
        now => !now?.apiStages?.some(s => s.apiId === restApiId && s.stage === stageName)
      )
    } catch (error) {
      core.debug(`Usage plan ${plan.id} kept or never had the stage: ${errorMessage(error)}`)
    }
  }
  try {
    await gateway.deleteStage(restApiId, stageName)
  } catch (error) {
    return `deleting it failed too (${errorMessage(error).split('\n')[0]}). It serves deployment ${deploymentId} without the settings asked for: delete it, or run again to apply them.`
  }
  // A deployment the run released but did not create (from-stage, to-deployment) stays.
  return ownsDeployment
    ? `deleted it. ${await deleteQuietly(gateway, restApiId, deploymentId)}`
    : 'deleted it.'
}
