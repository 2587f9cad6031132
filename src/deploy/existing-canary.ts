/** What a deploy does about a canary that an earlier run left on the stage. */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import { ActionError } from '../errors.js'
import type { ExistingCanaryPolicy } from '../inputs/index.js'

/**
 * A stage with a canary is not silently changed: by default the run stops and says how to finish it;
 * with `canary-existing: replace` the caller removes it. Returns whether to remove it.
 */
export function checkExistingCanary(stage: Stage, stageName: string, policy: ExistingCanaryPolicy): boolean {
  const canary = stage.canarySettings
  if (!canary) return false
  if (policy === 'replace') {
    core.info(
      `Stage "${stageName}" has a canary (deployment ${canary.deploymentId} at ${canary.percentTraffic ?? 0}%): rolling it back first (canary-existing: replace).`
    )
    return true
  }
  throw new ActionError(
    `Stage "${stageName}" has a canary from an earlier run (deployment ${canary.deploymentId}, ${canary.percentTraffic ?? 0}% of traffic). ` +
      'Nothing was changed. Finish it first with "command: promote-canary" or "command: rollback-canary", ' +
      'or set "canary-existing: replace" to roll it back as part of this deploy.'
  )
}
