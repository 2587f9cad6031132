/** The alarm check: every round reads the named CloudWatch alarms; any in ALARM fails the step. */
import * as core from '@actions/core'
import type { AlarmReader } from '../../aws/cloudwatch.js'
import type { StepCheck, StepTally } from './check.js'

export function alarmCheck(alarms: AlarmReader): StepCheck {
  return {
    // A missing alarm is an input error: stop before any change.
    prepare: async () => void (await alarms.states()),
    startStep(): StepTally {
      const seen = new Set<string>()
      return {
        async round() {
          const firing = await alarms.firing()
          core.info(
            firing.length > 0
              ? `In ALARM: ${firing.join(', ')}.`
              : `Alarms OK (${alarms.names.length} watched).`
          )
          firing.forEach(name => seen.add(name))
          return firing.length > 0 ? `alarm ${firing.join(', ')} in ALARM` : undefined
        },
        report: () => ({ alarms: [...seen] })
      }
    }
  }
}
