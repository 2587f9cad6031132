/**
 * Checks after a plain release: the probes and alarms run for `bake-time` against the stage now serving the
 * deployment. If they fail, the stage is switched back to what it served before (one UpdateStage) and a
 * deployment the run created is deleted. A new stage has nothing to go back to: it stays, and the step fails.
 */
import * as core from '@actions/core'
import type { StepCheck } from '../canary/checks/check.js'
import { runStep } from '../canary/step.js'
import type { RunContext } from '../commands/context.js'
import { deleteQuietly } from '../deploy/delete-unused.js'
import { planSwitchBack, type StageChanges, type StageState } from '../deploy/stage-plan.js'
import { errorMessage } from '../errors.js'
import type { Result } from '../report/result.js'

export interface Verification {
  checks: StepCheck[]
  bakeSeconds: number
  intervalMs: number
  /** The stage before the switch; undefined for a stage the run created. */
  before?: StageState & { deploymentId: string }
  /** What the switch changed besides the deployment, to undo with it. */
  changes: StageChanges
  /** Whether the released deployment is the run's own, to delete on a switch back. */
  ownsDeployment: boolean
}

export async function verifyRelease(
  context: Pick<RunContext, 'gateway' | 'restApiId' | 'stageName' | 'signal'>,
  result: Result,
  verification: Verification
): Promise<Result> {
  const { checks, before } = verification
  if (checks.length === 0) return result
  const { report, error } = await core.group(`Check stage "${context.stageName}" after the switch`, () =>
    runStep(
      checks,
      { percent: 100, bakeSeconds: verification.bakeSeconds, intervalMs: verification.intervalMs },
      context.signal
    )
  )
  const checked = { ...result, steps: [report] }
  if (error === undefined && report.verdict === 'passed') {
    core.info(`Stage "${context.stageName}" passed its checks on deployment ${result.deploymentId}.`)
    return checked
  }
  const reason =
    error === undefined
      ? report.note
      : context.signal.aborted
        ? `the run was cancelled (${errorMessage(context.signal.reason)})`
        : `an error stopped the checks: ${errorMessage(error)}`
  if (!before)
    return {
      ...checked,
      failure: `Stage "${context.stageName}" failed its checks: ${reason}. It is new, so there is nothing to switch back to: it stays, serving deployment ${result.deploymentId}.`
    }
  core.error(
    `Stage "${context.stageName}" failed its checks: ${reason}. Switching back to deployment ${before.deploymentId}.`
  )
  const gateway = context.gateway.withoutCancellation()
  try {
    await gateway.updateStage(
      context.restApiId,
      context.stageName,
      planSwitchBack(before, verification.changes),
      now => now?.deploymentId === before.deploymentId
    )
  } catch (switchError) {
    return {
      ...checked,
      failure: `Stage "${context.stageName}" failed its checks (${reason}), and switching it back failed too: ${errorMessage(switchError)}\nIt serves deployment ${result.deploymentId}: run this action with "to-deployment: ${before.deploymentId}" to switch it back.`
    }
  }
  const cleanup = verification.ownsDeployment
    ? ` ${await deleteQuietly(gateway, context.restApiId, result.deploymentId)}`
    : ''
  return {
    ...checked,
    deploymentId: before.deploymentId,
    failure: `Release rolled back: stage "${context.stageName}" failed its checks: ${reason}. It serves deployment ${before.deploymentId} again, as before the run.${cleanup}`
  }
}
