/** Which stages a deployment serves, as their deployment or their canary's: AWS refuses to delete it while any does. */
import type { Stage } from '@aws-sdk/client-api-gateway'

export function stagesUsing(stages: Stage[], deploymentId: string): string[] {
  return stages
    .filter(s => s.deploymentId === deploymentId || s.canarySettings?.deploymentId === deploymentId)
    .map(s => s.stageName ?? '')
}
