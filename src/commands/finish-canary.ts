/**
 * `command: promote-canary` and `command: rollback-canary`: finish a canary that an earlier run left
 * running (`promote: false`), for example after a GitHub environment approval.
 */
import * as core from '@actions/core'
import { promote, rollBack } from '../canary/finish.js'
import { ActionError } from '../errors.js'
import { resultFor, type Result } from '../report/result.js'
import type { RunContext } from './context.js'

type FinishContext = Pick<
  RunContext,
  'gateway' | 'restApiId' | 'restApiName' | 'stageName' | 'stage' | 'invokeUrl'
>

export async function promoteCanaryCommand(
  context: FinishContext,
  stageDescription?: string
): Promise<Result> {
  const { result, canary } = start(context, 'promote-canary')
  if (!canary?.deploymentId)
    throw new ActionError(
      `Stage "${context.stageName}" has no canary to promote. Start one with "command: deploy", "canary-percent" and "promote: false".`
    )
  if (canary.deploymentId === result.previousDeploymentId)
    // Promoted earlier, but the settings were never removed (a 0% canary): just finish that.
    core.info(`The canary on "${context.stageName}" was already promoted; removing its settings.`)
  await promote(
    context,
    { deploymentId: canary.deploymentId, stageVariableOverrides: canary.stageVariableOverrides },
    stageDescription
  )
  return { ...result, deploymentId: canary.deploymentId, canaryResult: 'promoted' }
}

export async function rollbackCanaryCommand(context: FinishContext): Promise<Result> {
  const { result, canary } = start(context, 'rollback-canary')
  if (!canary) {
    core.notice(`Stage "${context.stageName}" has no canary: nothing to roll back.`)
    return result
  }
  await rollBack(context, canary)
  return { ...result, canaryResult: 'rolled-back' }
}

function start(context: FinishContext, command: 'promote-canary' | 'rollback-canary') {
  const { stage, stageName } = context
  if (!stage?.deploymentId)
    throw new ActionError(
      `Input "stage-name": stage "${stageName}" does not exist on REST API ${context.restApiId}, so it has no canary to ${command === 'promote-canary' ? 'promote' : 'roll back'}.`
    )
  const result: Result = {
    ...resultFor({ ...context, command }),
    deploymentId: stage.deploymentId,
    previousDeploymentId: stage.deploymentId,
    stageCreated: false,
    canaryDeploymentId: stage.canarySettings?.deploymentId
  }
  return { result, canary: stage.canarySettings }
}
