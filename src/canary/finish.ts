/** The two ways a canary ends: promoted (the stage serves it) or rolled back (removed and deleted). */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { deleteQuietly } from '../deploy/delete-unused.js'
import { ActionError, errorMessage } from '../errors.js'
import { clearPendingCanary } from '../post/state.js'
import { promoteOps, removeCanaryOps } from './plan.js'

export interface StageRef {
  gateway: Gateway
  restApiId: string
  stageName: string
}

/** Promotes the stage's canary (at the end of a release, and for `command: promote-canary`). */
export async function promote(
  { gateway, restApiId, stageName }: StageRef,
  canary: { deploymentId: string; stageVariableOverrides?: Record<string, string> },
  stageDescription: string | undefined
): Promise<void> {
  await gateway.updateStage(restApiId, stageName, promoteOps(canary, stageDescription))
  core.info(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`)
  clearPendingCanary()
  try {
    await gateway.updateStage(restApiId, stageName, removeCanaryOps())
  } catch (error) {
    // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
    core.warning(
      `The canary was promoted but its settings could not be removed (${errorMessage(error)}). It takes 0% of traffic; the next run with "canary-existing: replace" removes it.`
    )
  }
}

/** Removes the canary from the stage and deletes its deployment. */
export async function rollBack(
  { gateway, restApiId, stageName }: StageRef,
  canary: { deploymentId?: string } | undefined
): Promise<void> {
  try {
    await gateway.updateStage(restApiId, stageName, removeCanaryOps())
  } catch (error) {
    throw new ActionError(
      `Rolling back the canary on stage "${stageName}" failed: ${errorMessage(error)}\n` +
        `The canary (deployment ${canary?.deploymentId}) may still take traffic: run this action with "command: rollback-canary", or remove it in the console.`,
      { cause: error }
    )
  }
  const cleanup = canary?.deploymentId ? await deleteQuietly(gateway, restApiId, canary.deploymentId) : ''
  core.info(`Rolled back: removed the canary from stage "${stageName}". ${cleanup}`)
}
