/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 */
import * as core from '@actions/core'
import { cleanupAction } from './cleanup-plan.js'
import { rollBack } from './canary.js'
import { Gateway } from './gateway.js'
import { removeCanaryOps } from './canary-plan.js'
import { clearPendingCanary, loadPendingCanary } from './run-state.js'

export async function cleanUpPendingCanary(): Promise<void> {
  const pending = loadPendingCanary()
  if (!pending) {
    core.debug('No unfinished canary: nothing to clean up.')
    return
  }
  const gateway = new Gateway({
    region: pending.region,
    endpointUrl: pending.endpointUrl,
    retryDeadlineSeconds: 120
  })
  gateway.restApiId = pending.restApiId
  try {
    const stage = await gateway.getStage(pending.restApiId, pending.stageName)
    const action = cleanupAction(stage, pending)
    const where = `stage "${pending.stageName}" of REST API ${pending.restApiId}`
    switch (action) {
      case 'none':
        core.info(`The main step's canary on ${where} is gone already: nothing to do.`)
        break
      case 'foreign':
        core.warning(
          `${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: leaving it.`
        )
        break
      case 'finish-promotion':
        await gateway.updateStage(pending.restApiId, pending.stageName, removeCanaryOps())
        core.info(`The canary on ${where} had been promoted; removed its leftover settings.`)
        break
      case 'rollback':
        core.warning(`The main step did not finish its canary on ${where}: rolling it back.`)
        await rollBack(gateway, pending.restApiId, pending.stageName, stage?.canarySettings)
        core.info(`${where} serves deployment ${pending.baseDeploymentId}, as before the run.`)
        break
    }
    clearPendingCanary()
  } finally {
    gateway.destroy()
  }
}
