/**
 * Canary releases: the new deployment takes a share of the stage's traffic, step by step; each step is
 * judged by the checks through its bake; then it is promoted, left running (promote: false), or rolled
 * back. Any failure, error or cancellation after the canary exists rolls it back; the base deployment
 * serves throughout.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import { newDeploymentToken } from '../aws/gateway.js'
import type { RunContext } from '../commands/context.js'
import { checkExistingCanary } from '../deploy/existing-canary.js'
import { changedVariables } from '../deploy/stage-plan.js'
import { errorMessage } from '../errors.js'
import type { CanaryInputs, DeploymentInputs } from '../inputs/index.js'
import { CanaryRecord, clearPendingCanary } from '../post/state.js'
import type { Result } from '../report/result.js'
import type { StepCheck } from './checks/check.js'
import { promote, rollBack, type StageRef } from './finish.js'
import { canaryDeploymentRequest, shiftTrafficOps } from './plan.js'
import { runStep } from './step.js'

export interface CanaryRelease {
  deployment: DeploymentInputs
  canary: CanaryInputs
  checks: StepCheck[]
  /** How often the checks run during a bake. */
  intervalMs: number
  description: string
}

/** The stage the canary lands on exists: a canary is measured against what it serves. */
type CanaryContext = Pick<RunContext, 'gateway' | 'signal' | 'restApiId' | 'stageName' | 'connection'> & {
  stage: Stage & { deploymentId: string }
}

export async function releaseCanary(
  context: CanaryContext,
  result: Result,
  release: CanaryRelease
): Promise<Result> {
  const { gateway, restApiId, stageName, signal, stage } = context
  const { deployment, canary } = release
  const baseDeploymentId = stage.deploymentId
  for (const check of release.checks) await check.prepare?.()

  if (checkExistingCanary(stage, stageName, deployment.canaryExisting))
    await rollBack(context, stage.canarySettings)

  // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
  // the stage when it is promoted (promotion copies the overrides into /variables).
  const overrides = { ...changedVariables(stage, deployment.stageVariables), ...canary.stageVariables }
  const canaryToken = newDeploymentToken()
  const record = new CanaryRecord({
    restApiId,
    stageName,
    ...context.connection,
    baseDeploymentId,
    canaryToken
  })
  const [firstPercent] = canary.steps
  const created = await record.sending('CreateDeployment', () =>
    gateway.createDeployment(
      canaryDeploymentRequest({
        restApiId,
        stageName,
        description: release.description,
        percent: firstPercent,
        overrides,
        useStageCache: canary.useStageCache
      }),
      canaryToken
    )
  )
  record.update({ canaryDeploymentId: created.id })
  core.info(
    `Created canary deployment ${created.id} on stage "${stageName}" at ${firstPercent}%; deployment ${baseDeploymentId} serves the rest.`
  )
  const running: Result = {
    ...result,
    deploymentDescription: created.description ?? release.description,
    canaryDeploymentId: created.id,
    canaryResult: 'active',
    steps: []
  }

  try {
    for (const [index, percent] of canary.steps.entries()) {
      if (index > 0) {
        signal.throwIfAborted()
        await record.sending('UpdateStage (shift)', () =>
          gateway.updateStage(
            restApiId,
            stageName,
            shiftTrafficOps(percent),
            stage => stage?.canarySettings?.percentTraffic === percent
          )
        )
        core.info(`Shifted ${percent}% of traffic to the canary.`)
      }
      const { report, error } = await core.group(
        `Canary step ${index + 1}/${canary.steps.length}: ${percent}%`,
        () =>
          runStep(
            release.checks,
            { percent, bakeSeconds: canary.bakeSeconds, intervalMs: release.intervalMs },
            signal
          )
      )
      running.steps.push(report)
      if (error !== undefined) throw error
      if (report.verdict === 'failed')
        return await finishWithRollback(
          context,
          running,
          `step ${index + 1} at ${percent}% failed: ${report.note}`,
          baseDeploymentId
        )
    }
    if (!canary.promote) {
      clearPendingCanary()
      core.info(
        `Leaving the canary at ${canary.steps[canary.steps.length - 1]}% (promote: false). Finish it with "command: promote-canary" or "command: rollback-canary".`
      )
      return running
    }
    signal.throwIfAborted()
    await promote(
      context,
      { deploymentId: created.id, stageVariableOverrides: overrides },
      deployment.stageDescription
    )
    return { ...running, deploymentId: created.id, canaryResult: 'promoted' }
  } catch (error) {
    const reason = signal.aborted
      ? `the run was cancelled (${errorMessage(signal.reason)})`
      : `an error stopped it: ${errorMessage(error)}`
    return finishWithRollback({ ...context, record }, running, reason, baseDeploymentId)
  }
}

/**
 * Rolls the canary back, with calls that a cancellation does not stop. If the rollback itself fails, the
 * result still carries the steps that ran, and the post step (whose state is kept) tries again.
 */
async function finishWithRollback(
  context: StageRef,
  result: Result,
  reason: string,
  baseDeploymentId: string
): Promise<Result> {
  core.error(`Canary ${result.canaryDeploymentId} on stage "${result.stageName}": ${reason}. Rolling back.`)
  try {
    await rollBack(
      { ...context, gateway: context.gateway.withoutCancellation() },
      { deploymentId: result.canaryDeploymentId }
    )
  } catch (error) {
    return { ...result, failure: `Canary not rolled back: ${reason}. ${errorMessage(error)}` }
  }
  clearPendingCanary()
  return {
    ...result,
    canaryResult: 'rolled-back',
    deploymentId: baseDeploymentId,
    failure: `Canary rolled back: ${reason}. Stage "${result.stageName}" serves deployment ${baseDeploymentId}, as before the run.`
  }
}
