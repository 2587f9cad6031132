/**
 * `command: promote-canary` and `command: rollback-canary`: finish a canary that an earlier run left
 * running (`promote: false`), for example after a GitHub environment approval.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import { promoteCanary, rollBack } from './canary.js'
import { ActionError } from './errors.js'
import type { Gateway } from './gateway.js'
import type { Inputs } from './inputs.js'
import { resultFor, type Result } from './result.js'

export async function finishCanary(
  gateway: Gateway,
  inputs: Inputs,
  restApiId: string,
  stage: Stage | undefined
): Promise<Result> {
  const { stageName } = inputs
  if (!stage?.deploymentId)
    throw new ActionError(
      `Input "stage-name": stage "${stageName}" does not exist on REST API ${restApiId}, so it has no canary to ${inputs.command === 'promote-canary' ? 'promote' : 'roll back'}.`
    )
  const result: Result = {
    ...resultFor(inputs, restApiId),
    deploymentId: stage.deploymentId,
    previousDeploymentId: stage.deploymentId,
    stageCreated: false,
    canaryDeploymentId: stage.canarySettings?.deploymentId
  }
  const canary = stage.canarySettings
  if (inputs.command === 'rollback-canary') {
    if (!canary) {
      core.notice(`Stage "${stageName}" has no canary: nothing to roll back.`)
      return result
    }
    await rollBack(gateway, restApiId, stageName, canary)
    return { ...result, canaryResult: 'rolled-back' }
  }
  if (!canary?.deploymentId)
    throw new ActionError(
      `Stage "${stageName}" has no canary to promote. Start one with "command: deploy", "canary-percent" and "promote: false".`
    )
  if (canary.deploymentId === stage.deploymentId) {
    // Promoted earlier, but the settings were never removed (a 0% canary): just finish that.
    core.info(`The canary on "${stageName}" was already promoted; removing its settings.`)
  }
  return promoteCanary(gateway, inputs, result, {
    deploymentId: canary.deploymentId,
    stageVariableOverrides: canary.stageVariableOverrides
  })
}
