/**
 * The two ways a canary ends: promoted (the stage serves it) or rolled back (removed and deleted). After a
 * failed call the stage is read again, so what the log says is what the stage is.
 */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { deleteQuietly } from '../deploy/delete-unused.js'
import { ActionError, errorMessage } from '../errors.js'
import { clearPendingCanary, type CanaryRecord } from '../post/state.js'
import { promoteOps, removeCanaryOps } from './plan.js'

export interface StageRef {
  gateway: Gateway
  restApiId: string
  stageName: string
  /** The main step's record for the post step, when there is one. */
  record?: CanaryRecord
  /** false in the post step itself: there is no later step to leave an undeleted deployment to. */
  leaveForPost?: boolean
}

function send<T>(ref: StageRef, what: string, call: () => Promise<T>): Promise<T> {
  return ref.record ? ref.record.sending(what, call) : call()
}

/** Promotes the stage's canary (at the end of a release, and for `command: promote-canary`). */
export async function promote(
  ref: StageRef,
  canary: { deploymentId: string; stageVariableOverrides?: Record<string, string> },
  stageDescription: string | undefined
): Promise<void> {
  const { gateway, restApiId, stageName } = ref
  await send(ref, 'UpdateStage (promote)', () =>
    gateway.updateStage(
      restApiId,
      stageName,
      promoteOps(canary, stageDescription),
      stage => stage?.deploymentId === canary.deploymentId
    )
  )
  core.info(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`)
  try {
    // Promoted: what is left is tidying up, which a cancellation arriving now must not stop. Until it is
    // done the post step's record stays, so a step killed in between is finished by the post step.
    await send(ref, 'UpdateStage (remove canary settings)', () =>
      gateway
        .withoutCancellation()
        .updateStage(restApiId, stageName, removeCanaryOps(), stage => !stage?.canarySettings)
    )
    clearPendingCanary()
  } catch (error) {
    // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
    core.warning(
      `The canary was promoted but its settings could not be removed (${errorMessage(error)}). It takes 0% of traffic; ${ref.record ? 'the post step removes it' : 'the next run with "canary-existing: replace", or rollback-canary, removes it'}.`
    )
  }
}

/** Removes the canary from the stage and deletes its deployment. */
export async function rollBack(ref: StageRef, canary: { deploymentId?: string } | undefined): Promise<void> {
  const { gateway, restApiId, stageName } = ref
  try {
    await send(ref, 'UpdateStage (rollback)', () =>
      gateway.updateStage(restApiId, stageName, removeCanaryOps(), stage => !stage?.canarySettings)
    )
  } catch (error) {
    const now = await gateway.tryGetStage(restApiId, stageName)
    if (now.read && !now.stage?.canarySettings)
      core.info(
        `Removing the canary answered ${errorMessage(error).split('\n')[0]}, but the stage has no canary now.`
      )
    else
      throw new ActionError(
        `Rolling back the canary on stage "${stageName}" failed: ${errorMessage(error)}\n` +
          (now.read
            ? `The canary (deployment ${now.stage?.canarySettings?.deploymentId}) still takes ${now.stage?.canarySettings?.percentTraffic ?? 0}% of traffic`
            : `The stage could not be read again, so the canary (deployment ${canary?.deploymentId}) may still take traffic`) +
          ': run this action with "command: rollback-canary", or remove it in the console.',
        { cause: error }
      )
  }
  const cleanup = canary?.deploymentId
    ? await deleteQuietly(gateway, restApiId, canary.deploymentId, { leaveForPost: ref.leaveForPost })
    : ''
  core.info(`Rolled back: removed the canary from stage "${stageName}". ${cleanup}`)
}
