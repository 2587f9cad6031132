/**
 * Pure builders for canary releases: the requests and patch operations, and how many probes a step needs.
 * Procedures: https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html
 * (create-canary-deployment, update-canary-deployment, promote-canary-deployment).
 */
import type { CreateDeploymentRequest, PatchOperation } from '@aws-sdk/client-api-gateway'

export function canaryDeploymentRequest(args: {
  restApiId: string
  stageName: string
  description?: string
  percent: number
  overrides: Record<string, string>
  useStageCache: boolean
}): CreateDeploymentRequest {
  return {
    restApiId: args.restApiId,
    stageName: args.stageName,
    description: args.description,
    // API Gateway refuses canarySettings for a stage that does not exist; the caller checks first.
    canarySettings: {
      percentTraffic: args.percent,
      stageVariableOverrides: Object.keys(args.overrides).length > 0 ? args.overrides : undefined,
      useStageCache: args.useStageCache
    }
  }
}

/**
 * A canary on a deployment that exists already (from-stage, to-deployment): UpdateStage, no new deployment.
 * A `replace` on /canarySettings/* of a stage without a canary creates one on the stage's deployment
 * (create-canary-deployment.html); the same call then points it at the one released.
 */
export function canaryOnExistingOps(args: {
  deploymentId: string
  percent: number
  overrides: Record<string, string>
  useStageCache: boolean
}): PatchOperation[] {
  return [
    { op: 'replace', path: '/canarySettings/percentTraffic', value: formatPercent(args.percent) },
    { op: 'replace', path: '/canarySettings/deploymentId', value: args.deploymentId },
    { op: 'replace', path: '/canarySettings/useStageCache', value: String(args.useStageCache) },
    ...Object.entries(args.overrides).map(([name, value]) => ({
      op: 'replace' as const,
      path: `/canarySettings/stageVariableOverrides/${name}`,
      value
    }))
  ]
}

export function shiftTrafficOps(percent: number): PatchOperation[] {
  return [{ op: 'replace', path: '/canarySettings/percentTraffic', value: formatPercent(percent) }]
}

/**
 * Promotion as documented: the stage takes the canary's deployment and stage variables and the canary's
 * share drops to 0. Removing the canary is a second call (`removeCanaryOps`), as the guide does it: if
 * that one fails, the stage is already promoted and a 0% canary serves nothing.
 */
export function promoteOps(
  canary: { stageVariableOverrides?: Record<string, string> },
  stageDescription?: string
): PatchOperation[] {
  const ops: PatchOperation[] = [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' }]
  // Copying an absent overrides map is an error; only copy when there is something to copy.
  if (canary.stageVariableOverrides && Object.keys(canary.stageVariableOverrides).length > 0)
    ops.push({ op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' })
  ops.push({ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' })
  if (stageDescription !== undefined)
    ops.push({ op: 'replace', path: '/description', value: stageDescription })
  return ops
}

/** Rolls back (or disables after promotion): the base deployment never stopped serving its share. */
export function removeCanaryOps(): PatchOperation[] {
  return [{ op: 'remove', path: '/canarySettings' }]
}

/** percentTraffic is a double; API Gateway's own examples send it as "10.0". */
export function formatPercent(percent: number): string {
  return Number.isInteger(percent) ? percent.toFixed(1) : String(percent)
}

/**
 * The chance that `probes` random requests all miss a fault in a canary that takes `percent` % of the
 * traffic and fails `failureRate` of its requests. With failureRate 1: the chance the canary got no probe.
 */
export function chanceUnnoticed(
  percent: number,
  probes: number,
  failureRate = DETECTED_FAILURE_RATE
): number {
  return Math.pow(1 - (percent / 100) * failureRate, probes)
}

/** Each check round is sized to catch a canary that fails this share of its requests... */
export const DETECTED_FAILURE_RATE = 0.2
/** ...with at most this chance of missing it. */
const MISSED_TOLERANCE = 0.01
const MAX_PROBES_PER_ROUND = 1000

/**
 * The probe count for one check round: at least `requested`, raised until a canary taking `percent` % of
 * the traffic and failing a fifth of its requests goes unnoticed with at most 1% chance (44 probes catch
 * a 50% canary, 228 a 10% one), bounded so that a 0.1% canary does not send thousands of requests. At 100%
 * there is no base to hide behind, and the count is as given.
 */
export function probesPerRound(percent: number, requested: number): number {
  if (percent >= 100 || chanceUnnoticed(percent, requested) <= MISSED_TOLERANCE) return requested
  const needed = Math.ceil(Math.log(MISSED_TOLERANCE) / Math.log(1 - (percent / 100) * DETECTED_FAILURE_RATE))
  return Math.min(Math.max(needed, requested), MAX_PROBES_PER_ROUND)
}
