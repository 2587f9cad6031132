/**
 * `command: deploy` as a pipeline of phases, in the order they must happen, after one planning step that
 * makes every read and refuses what cannot work before anything is written. Each phase takes the result so
 * far; a phase that ends in a failure (a rolled-back release) stops the pipeline. Later capabilities join
 * here, in order: import definition, release (plain or canary), checks, export/SDK, GitHub deployment and
 * PR comment.
 */
import * as core from '@actions/core'
import { alarmCheck } from '../canary/checks/alarms.js'
import type { StepCheck } from '../canary/checks/check.js'
import { healthProbes } from '../canary/checks/health-probes.js'
import { metricsCheck } from '../canary/checks/metrics.js'
import { apiNameDimension } from '../canary-analysis/queries.js'
import { analysisReadiness } from '../canary-analysis/readiness.js'
import { releaseCanary } from '../canary/release.js'
import { checkExistingCanary } from '../deploy/existing-canary.js'
import { configureNewStage } from '../deploy/new-stage.js'
import { deployPlain } from '../deploy/plain.js'
import { definitionTitle } from '../definitions/load.js'
import { afterRelease, definitionChanges, importPhase, unchanged } from '../definitions/phases.js'
import { applyDomainMapping, planDomainMapping, type DomainMapping } from '../domains/mapping.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import { describeRun } from '../inputs/run.js'
import { hasStageSettings } from '../inputs/stage-settings.js'
import { resolveSource, type ExistingDeployment } from '../release/source.js'
import { verifyRelease } from '../release/verify.js'
import { resultFor, type PlannedChange, type Result } from '../report/result.js'
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

/** Everything the phases need that a read had to tell: made before the first write. */
interface DeployPlan {
  /** What importing the api-definition changes. */
  definition: PlannedChange[]
  existing?: ExistingDeployment
  configuration: StageConfiguration
  mapping?: DomainMapping
  checks: StepCheck[]
}

function deployPhases(inputs: Inputs, plan: DeployPlan): DeployPhase[] {
  return [
    {
      name: 'import definition',
      run: async (context, result) => (await importPhase(context, inputs), result)
    },
    releasePhase(inputs, plan),
    checkPhase(inputs, plan),
    cacheClusterPhase(inputs, plan.configuration),
    { name: 'export and SDK', run: (context, result) => afterRelease(context, inputs, result) }
  ]
}

export async function deploy(context: RunContext, inputs: Inputs): Promise<Result> {
  let result: Result = {
    ...resultFor({ ...context, command: 'deploy' }),
    deploymentId: context.stage?.deploymentId ?? '',
    previousDeploymentId: context.stage?.deploymentId,
    stageCreated: false
  }
  const served = unchanged(context, inputs)
  if (served)
    return {
      ...result,
      deploymentId: served,
      skipped: true,
      notes: [
        `Stage "${context.stageName}" serves this definition already (skip-unchanged): nothing was imported or deployed.`
      ]
    }
  if (inputs.canaryPreset) core.info(inputs.canaryPreset.line)
  const plan = await planDeploy(context, inputs)
  const changes = [...plan.definition, ...plan.configuration.changes, ...(plan.mapping?.changes ?? [])]
  if (inputs.dryRun) {
    // The same refusal a real run would meet, before it plans a change it could not make.
    if (context.stage?.canarySettings && inputs.deployment.canaryExisting === 'fail')
      checkExistingCanary(context.stage, context.stageName, 'fail')
    return dryRunResult(result, [...releaseChanges(context.stage, inputs, plan.existing), ...changes])
  }
  result = { ...result, changes }
  for (const phase of deployPhases(inputs, plan)) {
    core.debug(`Deploy phase: ${phase.name}`)
    result = await phase.run(context, result)
    if (result.failure) break
  }
  return result
}

async function planDeploy(context: RunContext, inputs: Inputs): Promise<DeployPlan> {
  const definition = await definitionChanges(context, inputs)
  const existing = await resolveSource(context.gateway, context.restApiId, inputs.source)
  const configuration = await planDeployConfiguration(context, inputs)
  const { domain } = inputs.urls
  const mapping = domain
    ? await core.group('Plan the custom domain mapping', () => planDomainMapping(context, domain))
    : undefined
  const checks = stepChecks(context, inputs)
  // An alarm that does not exist, or metrics the analysis cannot read, fail here, before anything changes.
  for (const check of checks) await check.prepare?.()
  return { definition, existing, configuration, mapping, checks }
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

/** The deployment, served by the stage: at once (plain), or through a canary. */
function releasePhase(inputs: Inputs, plan: DeployPlan): DeployPhase {
  const { deployment, canary } = inputs
  const { configuration, existing, mapping } = plan
  return {
    name: canary ? 'canary release' : 'plain release',
    run: async (context, result) => {
      const description = deployment.deploymentDescription ?? describeRun(inputs.run)
      const { stage } = context
      if (canary && stage?.deploymentId) {
        // The canary bakes on the stage as configured (logging, metrics, throttling, its domain path):
        // all of that goes first.
        await updateStageInBatches(context, configuration.plan.ops)
        await applyExtras(context, configuration)
        await settleCacheCluster(context, configuration)
        if (mapping) await applyDomainMapping(context, mapping)
        return releaseCanary({ ...context, stage: { ...stage, deploymentId: stage.deploymentId } }, result, {
          deployment,
          canary,
          checks: plan.checks,
          description,
          intervalMs: inputs.checks.intervalSeconds * 1000,
          existing
        })
      }
      if (canary)
        // A canary is measured against what the stage serves; a new stage has nothing to compare against.
        core.info(
          `Stage "${context.stageName}" does not exist yet: a canary needs an existing stage, so deploying normally.`
        )
      return core.group(`Deploy to stage "${context.stageName}"`, async () => {
        if (!stage) {
          const created = await deployPlain(context, result, deployment, description, { existing })
          await configureNewStage(context, created.deploymentId, configuration, { ownsDeployment: !existing })
          return finishConfiguration(context, created, async () => {
            if (mapping) await applyDomainMapping(context, mapping)
          })
        }
        // Mapped first: the path points at the stage, whatever deployment it serves.
        if (mapping) await applyDomainMapping(context, mapping)
        const deployed = await deployPlain(context, result, deployment, description, {
          settingsOps: configuration.plan.ops,
          existing
        })
        return finishConfiguration(context, deployed, () => applyExtras(context, configuration))
      })
    }
  }
}

/**
 * The last configuration step after a successful switch. Deployed and configured, only tags, usage plans,
 * the web ACL or the domain path are missing when it fails: the step says so and keeps its outputs.
 */
async function finishConfiguration(
  context: RunContext,
  deployed: Result,
  step: () => Promise<void>
): Promise<Result> {
  try {
    await step()
    return deployed
  } catch (error) {
    return {
      ...deployed,
      failure: `Stage "${context.stageName}" serves deployment ${deployed.deploymentId}, but the rest of its configuration failed: ${errorMessage(error)}\nRun again with the same inputs to finish: only what differs is sent.`
    }
  }
}

/** Probes and alarms after a plain release; a canary ran its own in every step. */
function checkPhase(inputs: Inputs, plan: DeployPlan): DeployPhase {
  return {
    name: 'checks',
    run: async (context, result) => {
      if ((inputs.canary && context.stage) || plan.checks.length === 0) return result
      const before = context.stage?.deploymentId
        ? { ...context.stage, deploymentId: context.stage.deploymentId }
        : undefined
      return verifyRelease(context, result, {
        checks: plan.checks,
        bakeSeconds: inputs.checks.bakeSeconds,
        intervalMs: inputs.checks.intervalSeconds * 1000,
        before,
        changes: {
          description: inputs.deployment.stageDescription,
          variables: inputs.deployment.stageVariables
        },
        ownsDeployment: !plan.existing
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

/** The checks a release runs (each canary step, or once after a plain switch), in the order reported. */
function stepChecks(context: RunContext, inputs: Inputs): StepCheck[] {
  const checks: StepCheck[] = []
  const { healthCheck } = inputs.checks
  if (healthCheck) {
    const target = probeTarget(context, inputs)
    checks.push(
      healthProbes({ ...healthCheck, headers: { ...target.headers, ...healthCheck.headers } }, target.url)
    )
  }
  if (context.alarms) checks.push(alarmCheck(context.alarms))
  const { analysis } = inputs.checks
  const { canary } = inputs
  if (analysis && canary && context.metrics) {
    if (!context.stage)
      core.info(
        'canary-analysis: the stage is new, so there is no canary and no base to compare; it applies from the next deploy.'
      )
    else
      checks.push(
        metricsCheck(analysis, context.metrics, {
          restApiId: context.restApiId,
          restApiName: context.restApiName,
          apiName: context.restApiName && apiNameDimension(context.restApiName, context.restApiId),
          stepCount: canary.steps.length,
          importTitle: inputs.definitionFile && definitionTitle(inputs.definitionFile.document),
          stageName: context.stageName,
          firstPercent: canary.steps[0],
          bakeSeconds: canary.bakeSeconds,
          readiness: analysisReadiness(context.stage, inputs.stageSettings.stageWide),
          hadCanary: context.stage.canarySettings !== undefined
        })
      )
  }
  return checks
}

/**
 * Where the probes go: the stage's invoke URL, or (health-check-target: base-url) the custom domain's path
 * users take. Against an endpoint-url (an emulator, LocalStack) the domain is reached by its Host header.
 */
function probeTarget(context: RunContext, inputs: Inputs): { url: string; headers: Record<string, string> } {
  const { domain } = inputs.urls
  if (inputs.checks.target !== 'base-url' || !domain || !context.baseUrl)
    return { url: context.invokeUrl, headers: {} }
  const { endpointUrl } = context.connection
  if (!endpointUrl) return { url: context.baseUrl, headers: {} }
  return {
    url: `${endpointUrl}${domain.basePath ? `/${domain.basePath}` : ''}`,
    headers: { Host: domain.domainName }
  }
}
