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
import { checkExistingCanary } from '../deploy/existing-canary.js'
import { configureNewStage } from '../deploy/new-stage.js'
import { deployPlain } from '../deploy/plain.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import { describeRun } from '../inputs/run.js'
import { hasStageSettings } from '../inputs/stage-settings.js'
import { resultFor, type Result } from '../report/result.js'
import { applyExtras, settleCacheCluster, updateStageInBatches } from '../stage-settings/apply.js'
import {
  logChanges,
  NO_CONFIGURATION,
  planConfiguration,
  type StageConfiguration
} from '../stage-settings/configuration.js'
import type { RunContext } from './context.js'
import { dryRunResult, releaseChanges } from './dry-run.js'

export interface DeployPhase {
  name: string
  run(context: RunContext, result: Result): Promise<Result>
}

function deployPhases(inputs: Inputs, configuration: StageConfiguration): DeployPhase[] {
  return [releasePhase(inputs, configuration), cacheClusterPhase(inputs, configuration)]
}

export async function deploy(context: RunContext, inputs: Inputs): Promise<Result> {
  let result: Result = {
    ...resultFor({ ...context, command: 'deploy' }),
    deploymentId: context.stage?.deploymentId ?? '',
    previousDeploymentId: context.stage?.deploymentId,
    stageCreated: false
  }
  const configuration = await planDeployConfiguration(context, inputs)
  if (inputs.dryRun) {
    // The same refusal a real run would meet, before it plans a change it could not make.
    if (context.stage && context.stage.canarySettings && inputs.deployment.canaryExisting === 'fail')
      checkExistingCanary(context.stage, context.stageName, 'fail')
    return dryRunResult(result, [...releaseChanges(context.stage, inputs), ...configuration.changes])
  }
  for (const phase of deployPhases(inputs, configuration)) {
    core.debug(`Deploy phase: ${phase.name}`)
    result = await phase.run(context, result)
    if (result.failure) break
  }
  return result
}

/**
 * The stage settings, planned against the stage read at the start (a new stage: against what
 * CreateDeployment gives it), before anything is written.
 */
export async function planDeployConfiguration(
  context: RunContext,
  inputs: Inputs
): Promise<StageConfiguration> {
  // A canary on an existing stage is checked even without settings: its stage cache needs a cluster.
  const canary = context.stage && inputs.canary ? inputs.canary : undefined
  if (!hasStageSettings(inputs.stageSettings) && !canary?.useStageCache) return NO_CONFIGURATION
  return core.group('Plan the stage configuration', async () => {
    const configuration = await planConfiguration(
      context,
      inputs.stageSettings,
      context.stage ?? { variables: inputs.deployment.stageVariables },
      canary
    )
    if (configuration.changes.length === 0)
      core.info('The stage configuration is as asked: nothing to change.')
    else logChanges(configuration.changes, inputs.dryRun ? 'Would apply' : 'Applying')
    return configuration
  })
}

/** The new deployment, served by the stage: at once (plain), or through a canary. */
function releasePhase(inputs: Inputs, configuration: StageConfiguration): DeployPhase {
  const { deployment, canary } = inputs
  return {
    name: canary ? 'canary release' : 'plain release',
    run: async (context, start) => {
      const result = { ...start, changes: configuration.changes }
      const description = deployment.deploymentDescription ?? describeRun(inputs.run)
      const { stage } = context
      if (canary && stage?.deploymentId) {
        // The canary bakes on the stage as configured (logging, metrics, throttling): settings go first.
        await updateStageInBatches(context, configuration.plan.ops)
        await applyExtras(context, configuration)
        await settleCacheCluster(context, configuration)
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
      return core.group(`Deploy to stage "${context.stageName}"`, async () => {
        if (!stage) {
          const created = await deployPlain(context, result, deployment, description)
          await configureNewStage(context, created.deploymentId, configuration)
          return created
        }
        const deployed = await deployPlain(context, result, deployment, description, configuration.plan.ops)
        try {
          await applyExtras(context, configuration)
        } catch (error) {
          // Deployed and configured; only tags, usage plans or the web ACL are missing: say so, keep the outputs.
          return {
            ...deployed,
            failure: `Stage "${context.stageName}" serves the new deployment ${deployed.deploymentId} with its settings, but the rest of its configuration failed: ${errorMessage(error)}\nRun again with the same inputs to finish: only what differs is sent.`
          }
        }
        return deployed
      })
    }
  }
}

/** A cache cluster being created or resized: said in the log, waited for with `wait-for-cache`. */
function cacheClusterPhase(inputs: Inputs, configuration: StageConfiguration): DeployPhase {
  return {
    name: 'cache cluster',
    run: async (context, result) => {
      // A canary's stage was configured, and its cache settled, before the canary started.
      if (!(inputs.canary && context.stage)) await settleCacheCluster(context, configuration)
      return result
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
