/** Pure decision of the post step: what to do with a canary the main step may have left behind. */
import type { PendingCanary } from './pending.js'
import type { StageState } from '../deploy/stage-plan.js'

export type CleanupAction = 'none' | 'rollback' | 'finish-promotion' | 'foreign'

export function cleanupAction(stage: StageState | undefined, pending: PendingCanary): CleanupAction {
  const canary = stage?.canarySettings
  if (!stage || !canary) return 'none'
  // The first promotion call succeeded (stage serves the canary) but the settings were not removed.
  if (pending.canaryDeploymentId && stage.deploymentId === pending.canaryDeploymentId)
    return 'finish-promotion'
  if (stage.deploymentId !== pending.baseDeploymentId) return 'foreign'
  // Killed while CreateDeployment was under way: the run had checked the stage had no canary of its own
  // (or removed it), so a canary on the unchanged base deployment is this run's.
  if (!pending.canaryDeploymentId || canary.deploymentId === pending.canaryDeploymentId) return 'rollback'
  return 'foreign'
}
