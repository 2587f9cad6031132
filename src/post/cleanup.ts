/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 * Loaded with a dynamic import() only when there is something to clean up.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import { Gateway } from '../aws/gateway.js'
import { rollBack } from '../canary/finish.js'
import { removeCanaryOps } from '../canary/plan.js'
import { deleteQuietly } from '../deploy/delete-unused.js'
import { stagesUsing } from '../deploy/stages-using.js'
import { sleep } from '../sleep.js'
import { cleanupAction, type CleanupAction } from './cleanup-plan.js'
import type { Leftovers } from './pending.js'
import { clearPendingCanary, type PendingCanary } from './state.js'

/** How long a change the main step sent just before it died may take to land. */
const IN_FLIGHT_GRACE_MS = 6_000
const POLL_MS = 1_000

/** What the post step found and did, for the log and the job summary. */
export async function cleanUpPendingCanary(
  pending: PendingCanary,
  graceMs = IN_FLIGHT_GRACE_MS
): Promise<{ action: CleanupAction; done: string }> {
  const gateway = Gateway.open(pending)
  try {
    const { restApiId, stageName } = pending
    const where = `stage "${stageName}" of REST API ${restApiId}`
    const stage = pending.inFlight
      ? await settledStage(gateway, pending, graceMs)
      : await gateway.getStage(restApiId, stageName)
    const action = cleanupAction(stage, pending)
    let done: string
    switch (action) {
      case 'none':
        done =
          `The main step's canary on ${where} is gone already. ${pending.keepDeployment ? '' : await deleteUnusedCanary(gateway, pending)}`.trimEnd()
        core.info(done)
        break
      case 'foreign':
        done = `${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: left it.`
        core.warning(done)
        break
      case 'finish-promotion':
        await gateway.updateStage(restApiId, stageName, removeCanaryOps(), now => !now?.canarySettings)
        done = `The canary on ${where} had been promoted; removed its leftover settings.`
        core.info(done)
        break
      case 'rollback': {
        core.warning(`The main step did not finish its canary on ${where}: rolling it back.`)
        // A deployment the run released but did not create (from-stage, to-deployment) stays.
        await rollBack(
          { gateway, restApiId, stageName, leaveForPost: false },
          pending.keepDeployment ? undefined : stage?.canarySettings
        )
        const after = await gateway.tryGetStage(restApiId, stageName)
        done = after.read
          ? `Rolled back the canary the main step left on ${where}: it serves deployment ${after.stage?.deploymentId}${after.stage?.deploymentId === pending.baseDeploymentId ? ', as before the run' : ''}.`
          : `Rolled back the canary the main step left on ${where}.`
        core.info(done)
        break
      }
    }
    clearPendingCanary()
    return { action, done }
  } finally {
    gateway.destroy()
  }
}

/**
 * The main step died with a change in flight (a CreateDeployment or UpdateStage sent, no answer seen): it
 * may still land. Read the stage until two reads a second apart agree, for at most `graceMs`.
 */
async function settledStage(
  gateway: Gateway,
  pending: PendingCanary,
  graceMs: number
): Promise<Stage | undefined> {
  core.info(
    `The main step had sent ${pending.inFlight} without seeing the answer: waiting up to ${graceMs / 1000} s for it to land.`
  )
  const deadline = Date.now() + graceMs
  let stage = await gateway.getStage(pending.restApiId, pending.stageName)
  while (Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())))
    const next = await gateway.getStage(pending.restApiId, pending.stageName)
    const same = fingerprint(next) === fingerprint(stage)
    stage = next
    // A canary CreateDeployment that landed shows on the stage: no need to wait longer.
    if (same && (pending.inFlight !== 'CreateDeployment' || stage?.canarySettings)) break
  }
  return stage
}

function fingerprint(stage: Stage | undefined): string {
  return JSON.stringify([stage?.deploymentId, stage?.canarySettings])
}

/**
 * The canary's deployment, when no stage uses it: deleted. Its id may never have reached the state (the
 * answer to CreateDeployment was lost), so it is also looked up by the token its description carries.
 */
async function deleteUnusedCanary(gateway: Gateway, pending: PendingCanary): Promise<string> {
  const { restApiId } = pending
  const id =
    pending.canaryDeploymentId ??
    (pending.canaryToken ? (await gateway.findDeployment(restApiId, pending.canaryToken))?.id : undefined)
  if (!id) return 'No canary deployment was created.'
  if (!(await gateway.deploymentExists(restApiId, id))) return `Its deployment ${id} is gone too.`
  const users = stagesUsing(await gateway.getStages(restApiId), id)
  if (users.length > 0) return `Its deployment ${id} is used by stage ${users.join(', ')}: kept.`
  return deleteQuietly(gateway, restApiId, id, { leaveForPost: false })
}

/** Deployments the main step could not delete: deleted now if they still exist and no stage uses them. */
export async function cleanUpLeftovers(leftovers: Leftovers): Promise<string[]> {
  const gateway = Gateway.open(leftovers)
  try {
    const done: string[] = []
    const stages = await gateway.getStages(leftovers.restApiId)
    for (const id of leftovers.deploymentIds) {
      const users = stagesUsing(stages, id)
      if (users.length > 0) done.push(`Deployment ${id} is used by stage ${users.join(', ')}: kept.`)
      else if (!(await gateway.deploymentExists(leftovers.restApiId, id)))
        done.push(`Deployment ${id} is gone already.`)
      else done.push(await deleteQuietly(gateway, leftovers.restApiId, id, { leaveForPost: false }))
    }
    for (const line of done) core.info(line)
    return done
  } finally {
    gateway.destroy()
  }
}
