/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 * Loaded with a dynamic import() only when there is something to clean up.
 */
import * as core from '@actions/core'
import { Gateway } from '../aws/gateway.js'
import { rollBack } from '../canary/finish.js'
import { removeCanaryOps } from '../canary/plan.js'
import { cleanupAction, type CleanupAction } from './cleanup-plan.js'
import { clearPendingCanary, type PendingCanary } from './state.js'

/** What the post step found and did, for the log and the job summary. */
export async function cleanUpPendingCanary(
  pending: PendingCanary
): Promise<{ action: CleanupAction; done: string }> {
  const gateway = Gateway.open(pending)
  try {
    const { restApiId, stageName } = pending
    const stage = await gateway.getStage(restApiId, stageName)
    const where = `stage "${stageName}" of REST API ${restApiId}`
    let done: string
    const action = cleanupAction(stage, pending)
    switch (action) {
      case 'none':
        done = `The main step's canary on ${where} is gone already: nothing to do.`
        core.info(done)
        break
      case 'foreign':
        done = `${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: left it.`
        core.warning(done)
        break
      case 'finish-promotion':
        await gateway.updateStage(restApiId, stageName, removeCanaryOps())
        done = `The canary on ${where} had been promoted; removed its leftover settings.`
        core.info(done)
        break
      case 'rollback':
        core.warning(`The main step did not finish its canary on ${where}: rolling it back.`)
        await rollBack({ gateway, restApiId, stageName }, stage?.canarySettings)
        done = `Rolled back the canary the main step left on ${where}: it serves deployment ${pending.baseDeploymentId}, as before the run.`
        core.info(done)
        break
    }
    clearPendingCanary()
    return { action, done }
  } finally {
    gateway.destroy()
  }
}
