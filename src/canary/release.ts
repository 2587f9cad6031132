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
import type { ExistingDeployment } from '../release/source.js'
import { canaryDeploymentRequest, canaryOnExistingOps, shiftTrafficOps } from './plan.js'
import { runStep } from './step.js'

export interface CanaryRelease {
  deployment: DeploymentInputs
  canary: CanaryInputs
  checks: StepCheck[]
  /** How often the checks run during a bake. */
  intervalMs: number
  description: string
  /** Run this deployment as the canary instead of creating one (from-stage, to-deployment). */
  existing?: ExistingDeployment
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

  if (checkExistingCanary(stage, stageName, deployment.canaryExisting))
    await rollBack(context, stage.canarySettings)

  // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
  // the stage when it is promoted (promotion copies the overrides into /variables).
  const overrides = { ...changedVariables(stage, deployment.stageVariables), ...canary.stageVariables }
  const canaryToken = newDeploymentToken()
  const { existing } = release
  const record = new CanaryRecord({
    restApiId,
    stageName,
    ...context.connection,
    baseDeploymentId,
    ...(existing ? { canaryDeploymentId: existing.deploymentId, keepDeployment: true } : { canaryToken })
  })
  const [firstPercent] = canary.steps
  const created = existing
    ? await startOnExisting(context, record, existing, {
        percent: firstPercent,
        overrides,
        useStageCache: canary.useStageCache
      })
    : await record.sending('CreateDeployment', () =>
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
    `${existing ? `Started a canary on ${existing.label}` : `Created canary deployment ${created.id}`} on stage "${stageName}" at ${firstPercent}%; deployment ${baseDeploymentId} serves the rest.`
  )
  const running: Result = {
    ...result,
    deploymentDescription: existing ? undefined : (created.description ?? release.description),
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
          baseDeploymentId,
          !existing
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
    return finishWithRollback({ ...context, record }, running, reason, baseDeploymentId, !existing)
  }
}

/** The canary's settings on the stage, pointing at an existing deployment: one UpdateStage. */
async function startOnExisting(
  context: CanaryContext,
  record: CanaryRecord,
  existing: ExistingDeployment,
  canary: { percent: number; overrides: Record<string, string>; useStageCache: boolean }
): Promise<{ id: string; description?: string }> {
  const { gateway, restApiId, stageName } = context
  await record.sending('UpdateStage (start canary)', () =>
    gateway.updateStage(
      restApiId,
      stageName,
      canaryOnExistingOps({ deploymentId: existing.deploymentId, ...canary }),
      stage => stage?.canarySettings?.deploymentId === existing.deploymentId
    )
  )
  return { id: existing.deploymentId }
}

/**
 * Rolls the canary back, with calls that a cancellation does not stop. If the rollback itself fails, the
 * result still carries the steps that ran, and the post step (whose state is kept) tries again.
 */
async function finishWithRollback(
  context: StageRef,
  result: Result,
  reason: string,
  baseDeploymentId: string,
  /** Whether the canary's deployment is this run's to delete (not another stage's, not an old one). */
  ownsDeployment: boolean
): Promise<Result> {
  core.error(`Canary ${result.canaryDeploymentId} on stage "${result.stageName}": ${reason}. Rolling back.`)
  try {
    await rollBack(
      { ...context, gateway: context.gateway.withoutCancellation() },
      { deploymentId: ownsDeployment ? result.canaryDeploymentId : undefined }
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
