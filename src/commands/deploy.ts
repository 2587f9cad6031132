/**
 * `command: deploy` as a pipeline of phases, in the order they must happen. Each phase takes the result so
 * far and the inputs of its own area; a phase that ends in a failure (a rolled-back canary) stops the
 * pipeline. Later capabilities join here, in order: import definition, release (plain or canary), stage
 * settings, domain mapping, export/SDK, GitHub deployment and PR comment.
 */
import * as core from '@actions/core'
import { alarmCheck } from '../canary/checks/alarms.js'
import type { StepCheck } from '../canary/checks/check.js'
import { healthProbes } from '../canary/checks/health-probes.js'
import { releaseCanary } from '../canary/release.js'
import { deployPlain } from '../deploy/plain.js'
import type { Inputs } from '../inputs/index.js'
import { describeRun } from '../inputs/run.js'
import { resultFor, type Result } from '../report/result.js'
import type { RunContext } from './context.js'

export interface DeployPhase {
  name: string
  run(context: RunContext, result: Result): Promise<Result>
}

function deployPhases(inputs: Inputs): DeployPhase[] {
  return [releasePhase(inputs)]
}

export async function deploy(context: RunContext, inputs: Inputs): Promise<Result> {
  let result: Result = {
    ...resultFor({ ...context, command: 'deploy' }),
    deploymentId: context.stage?.deploymentId ?? '',
    previousDeploymentId: context.stage?.deploymentId,
    stageCreated: false
  }
  for (const phase of deployPhases(inputs)) {
    core.debug(`Deploy phase: ${phase.name}`)
    result = await phase.run(context, result)
    if (result.failure) break
  }
  return result
}

/** The new deployment, served by the stage: at once (plain), or through a canary. */
function releasePhase(inputs: Inputs): DeployPhase {
  const { deployment, canary } = inputs
  return {
    name: canary ? 'canary release' : 'plain release',
    run: async (context, result) => {
      const description = deployment.deploymentDescription ?? describeRun(inputs.run)
      const { stage } = context
      if (canary && stage?.deploymentId) {
        const checks = stepChecks(context, inputs)
        const intervalMs = inputs.checks.intervalSeconds * 1000
        return releaseCanary({ ...context, stage: { ...stage, deploymentId: stage.deploymentId } }, result, {
          deployment,
          canary,
          checks,
          description,
          intervalMs
        })
      }
      if (canary)
        // A canary is measured against what the stage serves; a new stage has nothing to compare against.
        core.info(
          `Stage "${context.stageName}" does not exist yet: a canary needs an existing stage, so deploying normally.`
        )
      return core.group(`Deploy to stage "${context.stageName}"`, () =>
        deployPlain(context, result, deployment, description)
      )
    }
  }
}

/** The checks every canary step runs, in the order their rounds are reported. */
function stepChecks(context: RunContext, inputs: Inputs): StepCheck[] {
  const checks: StepCheck[] = []
  if (inputs.checks.healthCheck) checks.push(healthProbes(inputs.checks.healthCheck, context.invokeUrl))
  if (context.alarms) checks.push(alarmCheck(context.alarms))
  return checks
}
