/**
 * The stage's configuration for one run: planned from the stage read at the start (and, for usage plans,
 * one GetUsagePlans), checked for what AWS would refuse, before anything is written.
 */
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { Gateway } from '../aws/gateway.js'
import type { StageSettingsInputs } from '../inputs/index.js'
import { stagePitfalls } from './pitfalls.js'
import {
  describeExtras,
  describeOperations,
  isEmptyPlan,
  planStageSettings,
  type ConfigurableStage,
  type PlannedChange,
  type StageSettingsPlan
} from './plan.js'
import { chooseUsagePlans, type UsagePlanChoice } from './usage-plans.js'

export interface StageConfiguration {
  plan: StageSettingsPlan
  usagePlans: UsagePlanChoice['add']
  /** Every change, for the log, the summary and the `plan` output. */
  changes: PlannedChange[]
  waitForCache: boolean
}

export const NO_CONFIGURATION: StageConfiguration = {
  plan: { ops: [], tags: { set: {}, remove: [] } },
  usagePlans: [],
  changes: [],
  waitForCache: false
}

export async function planConfiguration(
  context: { gateway: Gateway; restApiId: string; stageName: string },
  settings: StageSettingsInputs,
  stage: ConfigurableStage,
  canary?: { useStageCache: boolean }
): Promise<StageConfiguration> {
  const problems = stagePitfalls(stage, settings, canary)
  let usagePlans: UsagePlanChoice['add'] = []
  const usageChanges: PlannedChange[] = []
  if (settings.usagePlans) {
    const choice = chooseUsagePlans(
      await context.gateway.getUsagePlans(),
      settings.usagePlans,
      context.restApiId,
      context.stageName
    )
    problems.push(...choice.problems)
    for (const note of choice.notes) core.notice(note)
    for (const plan of choice.already)
      core.info(`Usage plan ${planLabel(plan)} already includes stage "${context.stageName}".`)
    usagePlans = choice.add
    for (const plan of choice.add)
      usageChanges.push({
        setting: `usage plan ${planLabel(plan)}`,
        from: undefined,
        to: `includes stage ${context.stageName}`
      })
  }
  if (problems.length > 0)
    throw new ActionError(
      `${problems.length === 1 ? problems[0] : problems.map(p => `- ${p}`).join('\n')}\nNothing was changed.`
    )
  const plan = planStageSettings(stage, settings)
  const changes = [...describeOperations(stage, plan.ops), ...describeExtras(stage, plan), ...usageChanges]
  return { plan, usagePlans, changes, waitForCache: settings.waitForCache }
}

export function isEmptyConfiguration(configuration: StageConfiguration): boolean {
  return isEmptyPlan(configuration.plan) && configuration.usagePlans.length === 0
}

export function planLabel(plan: { id: string; name?: string }): string {
  return plan.name ? `"${plan.name}" (${plan.id})` : plan.id
}

/** One line per change, as the log shows them. */
export function logChanges(changes: PlannedChange[], verb: string): void {
  if (changes.length === 0) return
  core.info(`${verb} ${changes.length} change${changes.length === 1 ? '' : 's'}:`)
  for (const change of changes) core.info(`  ${formatChange(change)}`)
}

export function formatChange(change: PlannedChange): string {
  const show = (value: string | undefined): string =>
    value === undefined ? '(unset)' : JSON.stringify(value)
  return `${change.setting}: ${show(change.from)} → ${show(change.to)}`
}
