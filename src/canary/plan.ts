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

/** Chance that none of `probes` requests reaches a canary that gets `percent` % of traffic at random. */
export function chanceCanaryMissed(percent: number, probes: number): number {
  return Math.pow(1 - percent / 100, probes)
}

export const MISSED_CANARY_TOLERANCE = 0.01
export const MAX_PROBES_PER_STEP = 1000

/**
 * The probe count for one step: at least `requested`, raised until the chance that the canary got no probe
 * is at most 1% (bounded, so a 0.1% canary does not send thousands of requests).
 */
export function probesForStep(percent: number, requested: number): number {
  if (percent >= 100 || chanceCanaryMissed(percent, requested) <= MISSED_CANARY_TOLERANCE) return requested
  const needed = Math.ceil(Math.log(MISSED_CANARY_TOLERANCE) / Math.log(1 - percent / 100))
  return Math.min(Math.max(needed, requested), MAX_PROBES_PER_STEP)
}
