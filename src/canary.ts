/**
 * Canary releases: the new deployment takes a share of the stage's traffic, step by step; each step is
 * checked (health probes, alarms) for its bake time; then it is promoted, left running (promote: false),
 * or rolled back. Any failure, error or cancellation after the canary exists rolls it back; the base
 * deployment serves throughout.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { AlarmWatcher } from './alarms.js'
import {
  canaryDeploymentRequest,
  chanceCanaryMissed,
  probesForStep,
  promoteOps,
  removeCanaryOps,
  shiftTrafficOps
} from './canary-plan.js'
import { checkExistingCanary, deleteQuietly, deployPlain, type DeployTarget } from './deploy.js'
import { ActionError, errorMessage } from './errors.js'
import type { Gateway } from './gateway.js'
import { healthCheckUrl, runProbes } from './health-check.js'
import type { CanaryInputs, Inputs } from './inputs.js'
import { resultFor, type Result, type StepReport } from './result.js'
import { clearPendingCanary, savePendingCanary } from './run-state.js'
import { sleep } from './sleep.js'
import { changedVariables } from './stage-plan.js'

/** How often alarms are read during a bake. */
export const ALARM_POLL_MS = 15_000

export interface CanaryDeps {
  gateway: Gateway
  alarms?: AlarmWatcher
  /** Aborted when the run is cancelled (SIGINT/SIGTERM). */
  signal: AbortSignal
}

export async function deployCanary(
  deps: CanaryDeps,
  inputs: Inputs,
  canary: CanaryInputs,
  target: DeployTarget,
  stage: Stage | undefined
): Promise<Result> {
  const { gateway } = deps
  const { restApiId } = target
  const { stageName } = inputs
  if (!stage?.deploymentId) {
    // A canary is measured against what the stage serves; a new stage has nothing to compare against.
    core.info(
      `Stage "${stageName}" does not exist yet: a canary needs an existing stage, so deploying normally.`
    )
    return deployPlain(gateway, inputs, target, stage)
  }
  const baseDeploymentId = stage.deploymentId
  if (deps.alarms) await deps.alarms.states() // a missing alarm is an input error: stop before any change

  if (checkExistingCanary(stage, inputs)) await rollBack(gateway, restApiId, stageName, stage.canarySettings)

  // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
  // the stage when it is promoted (promotion copies the overrides into /variables).
  const overrides = { ...changedVariables(stage, inputs.stageVariables), ...canary.stageVariables }
  const pending = {
    restApiId,
    stageName,
    region: inputs.region,
    endpointUrl: inputs.endpointUrl,
    baseDeploymentId
  }
  savePendingCanary(pending)
  const [firstPercent] = canary.steps
  const deployment = await gateway.createDeployment(
    canaryDeploymentRequest({
      restApiId,
      stageName,
      description: target.deploymentDescription,
      percent: firstPercent,
      overrides,
      useStageCache: canary.useStageCache
    })
  )
  savePendingCanary({ ...pending, canaryDeploymentId: deployment.id })
  core.info(
    `Created canary deployment ${deployment.id} on stage "${stageName}" at ${firstPercent}%; deployment ${baseDeploymentId} serves the rest.`
  )

  const result: Result = {
    ...resultFor(inputs, restApiId),
    deploymentId: baseDeploymentId,
    previousDeploymentId: baseDeploymentId,
    stageCreated: false,
    canaryDeploymentId: deployment.id,
    canaryResult: 'active'
  }

  try {
    for (const [index, percent] of canary.steps.entries()) {
      if (index > 0) {
        deps.signal.throwIfAborted()
        await gateway.updateStage(restApiId, stageName, shiftTrafficOps(percent))
        core.info(`Shifted ${percent}% of traffic to the canary.`)
      }
      const report = await core.group(`Canary step ${index + 1}/${canary.steps.length}: ${percent}%`, () =>
        checkStep(deps, inputs, canary, percent, result.invokeUrl)
      )
      result.steps.push(report)
      if (report.verdict === 'failed') {
        const reason = `step ${index + 1} at ${percent}% failed: ${report.note}`
        return await finishWithRollback(gateway, result, reason, baseDeploymentId)
      }
    }
    if (!canary.promote) {
      clearPendingCanary()
      core.info(
        `Leaving the canary at ${canary.steps[canary.steps.length - 1]}% (promote: false). Finish it with "command: promote-canary" or "command: rollback-canary".`
      )
      return result
    }
    deps.signal.throwIfAborted()
    return await promoteCanary(gateway, inputs, result, {
      deploymentId: deployment.id,
      stageVariableOverrides: overrides
    })
  } catch (error) {
    const reason = deps.signal.aborted
      ? `the run was cancelled (${errorMessage(deps.signal.reason)})`
      : `an error stopped it: ${errorMessage(error)}`
    return finishWithRollback(gateway, result, reason, baseDeploymentId)
  }
}

/** Promotes the stage's canary (used at the end of a deploy and by `command: promote-canary`). */
export async function promoteCanary(
  gateway: Gateway,
  inputs: Inputs,
  result: Result,
  canary: { deploymentId: string; stageVariableOverrides?: Record<string, string> }
): Promise<Result> {
  const { restApiId, stageName } = result
  await gateway.updateStage(restApiId, stageName, promoteOps(canary, inputs.stageDescription))
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
  return { ...result, deploymentId: canary.deploymentId, canaryResult: 'promoted' }
}

async function finishWithRollback(
  gateway: Gateway,
  result: Result,
  reason: string,
  baseDeploymentId: string
): Promise<Result> {
  core.error(`Canary ${result.canaryDeploymentId} on stage "${result.stageName}": ${reason}. Rolling back.`)
  await rollBack(gateway, result.restApiId, result.stageName, { deploymentId: result.canaryDeploymentId })
  clearPendingCanary()
  return {
    ...result,
    canaryResult: 'rolled-back',
    deploymentId: baseDeploymentId,
    failure: `Canary rolled back: ${reason}. Stage "${result.stageName}" serves deployment ${baseDeploymentId}, as before the run.`
  }
}

/** Removes the canary from the stage and deletes its deployment. */
export async function rollBack(
  gateway: Gateway,
  restApiId: string,
  stageName: string,
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

/** One step: probes when it starts, then the bake, reading alarms as it goes. */
async function checkStep(
  deps: CanaryDeps,
  inputs: Inputs,
  canary: CanaryInputs,
  percent: number,
  url: string
): Promise<StepReport> {
  const report: StepReport = { percent, probes: 0, failures: 0, alarms: [], verdict: 'passed' }
  const check = inputs.healthCheck
  if (check) {
    const count = probesForStep(percent, check.probes)
    if (count > check.probes)
      core.info(`Raised health-check-probes from ${check.probes} to ${count} for ${percent}%.`)
    const missed = chanceCanaryMissed(percent, count)
    core.info(
      `Sending ${count} probes (${check.concurrency} at a time) to ${healthCheckUrl(check, url)}; the canary gets ${percent}% of them at random (chance it gets none: ${(missed * 100).toPrecision(2)}%).`
    )
    const batch = await runProbes(check, healthCheckUrl(check, url), count, deps.signal)
    Object.assign(report, { probes: batch.probes, failures: batch.failures, latencyMs: batch.latencyMs })
    const ratio = batch.failures / batch.probes
    core.info(
      `${batch.failures}/${batch.probes} probes failed${batch.latencyMs ? `; latency p50 ${batch.latencyMs.p50} ms, p95 ${batch.latencyMs.p95} ms` : ''}.`
    )
    if (ratio > check.maxFailureRatio) {
      report.verdict = 'failed'
      report.note = `${batch.failures} of ${batch.probes} health probes failed (${batch.samples.join('; ')}), above health-check-max-failure-ratio ${check.maxFailureRatio}`
      return report
    }
  }
  const firing = await readAlarms(deps)
  const deadline = Date.now() + canary.bakeSeconds * 1000
  if (firing.length === 0 && canary.bakeSeconds > 0) core.info(`Baking for ${canary.bakeSeconds} s.`)
  while (firing.length === 0 && Date.now() < deadline) {
    await sleep(Math.min(deps.alarms ? ALARM_POLL_MS : Infinity, deadline - Date.now()), deps.signal)
    firing.push(...(await readAlarms(deps)))
  }
  if (firing.length > 0) {
    report.alarms = firing
    report.verdict = 'failed'
    report.note = `alarm ${firing.join(', ')} in ALARM`
  }
  return report
}

async function readAlarms(deps: CanaryDeps): Promise<string[]> {
  if (!deps.alarms) return []
  const firing = await deps.alarms.firing()
  core.info(
    firing.length > 0 ? `In ALARM: ${firing.join(', ')}.` : `Alarms OK (${deps.alarms.names.length} watched).`
  )
  return firing
}
