/**
 * `dry-run: true`: what a command would change, from the reads every run makes (the stage, the usage
 * plans), as the same from -> to list a real run reports. Pure: nothing here sends anything.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { Inputs } from '../inputs/index.js'
import type { PlannedChange, Result } from '../report/result.js'
import { formatChange } from '../stage-settings/configuration.js'
import { describeOperations } from '../stage-settings/plan.js'
import { planSettingChanges } from '../deploy/stage-plan.js'
import type { ExistingDeployment } from '../release/source.js'

/** What `command: deploy` would do to the deployment the stage serves. */
export function releaseChanges(
  stage: Stage | undefined,
  inputs: Inputs,
  existing?: ExistingDeployment
): PlannedChange[] {
  const { deployment, canary } = inputs
  const released = existing ? existing.deploymentId : '(a new deployment)'
  if (!stage) {
    const variables = Object.entries(deployment.stageVariables).map(([name, value]) => ({
      setting: `variable ${name}`,
      to: value
    }))
    return [
      { setting: 'stage', to: `created, serving ${existing ? existing.label : 'a new deployment'}` },
      ...variables
    ]
  }
  const changes: PlannedChange[] = []
  // A canary left by an earlier run: the caller has refused it already unless canary-existing is replace.
  if (stage.canarySettings)
    changes.push({
      setting: 'canary',
      from: `deployment ${stage.canarySettings.deploymentId} at ${stage.canarySettings.percentTraffic ?? 0}%`,
      to: undefined
    })
  if (canary)
    changes.push({
      setting: 'canary',
      to: `${existing ? existing.label : 'new deployment'} at ${canary.steps.map(p => `${p}%`).join(' → ')}, ${canary.bakeSeconds} s each, then ${canary.promote ? 'promoted' : 'left running'}`
    })
  else changes.push({ setting: 'deployment', from: stage.deploymentId, to: released })
  const ops = planSettingChanges(stage, {
    description: canary ? undefined : deployment.stageDescription,
    variables: deployment.stageVariables
  })
  return [...changes, ...describeOperations(stage, ops)]
}

/** What promote-canary or rollback-canary would do. */
export function finishChanges(
  stage: Stage | undefined,
  command: 'promote-canary' | 'rollback-canary'
): PlannedChange[] {
  const canary = stage?.canarySettings
  if (!canary) return []
  const from = `deployment ${canary.deploymentId} at ${canary.percentTraffic ?? 0}%`
  if (command === 'rollback-canary') return [{ setting: 'canary', from, to: undefined }]
  return [
    { setting: 'deployment', from: stage?.deploymentId, to: canary.deploymentId },
    { setting: 'canary', from, to: undefined }
  ]
}

/** The result of a dry run: the stage as it is, and the changes a real run would make. */
export function dryRunResult(result: Result, changes: PlannedChange[]): Result {
  core.info(
    changes.length === 0
      ? 'Dry run: nothing would change.'
      : `Dry run: ${changes.length} change${changes.length === 1 ? '' : 's'} would be made; nothing was written.`
  )
  for (const change of changes) core.info(`  ${formatChange(change)}`)
  return { ...result, changes, dryRun: true }
}
