/**
 * What AWS would refuse, or do to a surprise, found from the stage as it is before anything is written:
 * each problem says what to set. Pure.
 */
import type { StageSettingsInputs } from '../inputs/index.js'
import type { ConfigurableStage } from './plan.js'

export function stagePitfalls(
  stage: ConfigurableStage,
  settings: StageSettingsInputs,
  canary?: { useStageCache: boolean }
): string[] {
  const problems: string[] = []
  const cluster = settings.cacheClusterEnabled ?? stage.cacheClusterEnabled ?? false
  const caching =
    settings.stageWide.cachingEnabled === true ||
    settings.methods.some(m => m.settings.cachingEnabled === true)
  if (caching && !cluster)
    problems.push(
      'Input "caching-enabled": the stage has no cache cluster, so caching would do nothing. Set "cache-cluster-enabled: true" (and "cache-cluster-size"; billed by the hour).'
    )
  if (settings.cacheClusterSize && !cluster)
    problems.push(
      'Input "cache-cluster-size": the stage has no cache cluster to size. Set "cache-cluster-enabled: true".'
    )
  if (canary?.useStageCache && !cluster)
    problems.push(
      'Input "canary-use-stage-cache": the stage has no cache cluster for the canary to use. Set "cache-cluster-enabled: true", or leave "canary-use-stage-cache" false.'
    )
  if (
    settings.accessLog.format !== undefined &&
    !settings.accessLog.destinationArn &&
    !stage.accessLogSettings?.destinationArn
  )
    problems.push(
      'Input "access-log-format": the stage has no access log destination. Set "access-log-destination-arn" (a CloudWatch Logs log group ARN).'
    )
  return problems
}
