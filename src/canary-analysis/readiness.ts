/**
 * Whether the stage publishes what the canary analysis reads, decided before any change from the stage as read
 * and the settings this run applies to it (which land before the canary starts).
 *
 * - metrics-enabled: the rule, and the safe reading of AWS's docs. The developer guide lists the
 *   {ApiName, Stage} series without a condition and only the per-method series behind "detailed CloudWatch
 *   metrics" (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html),
 *   but the canary page ties the canary's own metrics to the stage's CloudWatch settings; we refuse rather
 *   than judge a canary on series that may never come.
 * - execution logging: "When you enable API execution logging, the canary release has its own logs and
 *   metrics generated for all canary requests"
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html). Logging costs money
 *   and needs the account's CloudWatch role, so its absence is a warning: an analysis without canary metrics
 *   ends inconclusive with a request count of 0, which says so.
 */
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { MethodSettings } from '../stage-settings/fields.js'

export interface Readiness {
  /** Why the analysis cannot run: the run stops before any change. */
  problem?: string
  warnings: string[]
}

export function analysisReadiness(stage: Pick<Stage, 'methodSettings'>, planned: MethodSettings): Readiness {
  const current = stage.methodSettings?.['*/*']
  const metricsEnabled = planned.metricsEnabled ?? current?.metricsEnabled ?? false
  const loggingLevel = planned.loggingLevel ?? current?.loggingLevel ?? 'OFF'
  const warnings: string[] = []
  if (loggingLevel === 'OFF')
    warnings.push(
      'Execution logging is off on this stage ("logging-level"). AWS\'s canary guide says a canary gets its own metrics "when you enable API execution logging": if the analysis sees no canary requests, set "logging-level: ERROR".'
    )
  if (metricsEnabled) return { warnings }
  return {
    problem:
      'Input "canary-analysis": CloudWatch metrics are off on this stage (metricsEnabled of */*), so there may be no canary series to judge. Set "metrics-enabled: true" in this run (it is applied before the canary starts), or turn on "Enable detailed CloudWatch metrics" on the stage.',
    warnings
  }
}
