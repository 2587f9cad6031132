/** Rules that span areas: combinations of inputs that are valid alone but not together. */
import type { CanaryInputs } from './canary.js'
import type { CheckInputs } from './checks.js'
import type { Problems } from './readers.js'
import type { Command } from './target.js'

export function checkAcrossAreas(
  problems: Problems,
  areas: { command: Command; canary?: CanaryInputs; checks: CheckInputs; canaryStageVariables: boolean }
): void {
  const { command, canary, checks } = areas
  if (command !== 'deploy' || canary) return
  if (checks.healthCheck)
    problems.add(
      'Inputs "health-check-*" need a canary: set "canary-percent" (100 checks the new deployment with all traffic before promoting it).'
    )
  if (checks.alarmNames.length > 0)
    problems.add('Input "alarm-names" needs a canary: set "canary-percent" to watch alarms during its bake.')
  if (areas.canaryStageVariables)
    problems.add('Input "canary-stage-variables" needs a canary: set "canary-percent".')
}
