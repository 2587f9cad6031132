/**
 * `command: configure-stage`: the stage's settings, variables, description, tags, usage plans and web ACL,
 * without a new deployment. A second run with the same inputs sends no write at all.
 */
import * as core from '@actions/core'
import { planSettingChanges } from '../deploy/stage-plan.js'
import { ActionError } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import { hasStageSettings } from '../inputs/stage-settings.js'
import { resultFor, type Result } from '../report/result.js'
import { applyExtras, settleCacheCluster, updateStageInBatches } from '../stage-settings/apply.js'
import { logChanges, NO_CONFIGURATION, planConfiguration } from '../stage-settings/configuration.js'
import { describeOperations } from '../stage-settings/plan.js'
import { applyDomainMapping, planDomainMapping } from '../domains/mapping.js'
import type { RunContext } from './context.js'
import { dryRunResult } from './dry-run.js'

export async function configureStageCommand(context: RunContext, inputs: Inputs): Promise<Result> {
  const { stage, stageName, restApiId } = context
  if (!stage?.deploymentId)
    throw new ActionError(
      `Input "stage-name": stage "${stageName}" does not exist on REST API ${restApiId}, and "configure-stage" changes an existing stage. Create it with "command: deploy", which applies the same settings.`
    )
  const configuration = hasStageSettings(inputs.stageSettings)
    ? await planConfiguration(context, inputs.stageSettings, stage)
    : NO_CONFIGURATION
  const { domain } = inputs.urls
  const mapping = domain ? await planDomainMapping(context, domain) : undefined
  const { stageDescription: description, stageVariables: variables } = inputs.deployment
  const variableOps = planSettingChanges(stage, { description, variables })
  const changes = [
    ...describeOperations(stage, variableOps),
    ...configuration.changes,
    ...(mapping?.changes ?? [])
  ]
  const result: Result = {
    ...resultFor({ ...context, command: 'configure-stage' }),
    deploymentId: stage.deploymentId,
    previousDeploymentId: stage.deploymentId,
    stageCreated: false
  }
  if (inputs.dryRun) return dryRunResult(result, changes)
  if (changes.length === 0) {
    core.info(`Stage "${stageName}" is configured as asked: nothing to change.`)
    return result
  }
  logChanges(changes, 'Applying')
  await updateStageInBatches(context, [...variableOps, ...configuration.plan.ops])
  await applyExtras(context, configuration)
  if (mapping) await applyDomainMapping(context, mapping)
  await settleCacheCluster(context, configuration)
  return { ...result, changes }
}
