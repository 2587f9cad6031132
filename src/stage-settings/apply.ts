/**
 * Sends a planned stage configuration: UpdateStage in batches AWS accepts, then tags, usage plans and the
 * web ACL, then (when asked) waits for the cache cluster. Only what differs was planned, so nothing here
 * sends a call that would change nothing.
 */
import * as core from '@actions/core'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import { associateWebAcl } from '../aws/waf.js'
import { ActionError, errorMessage } from '../errors.js'
import { sleep } from '../sleep.js'
import { stageArn } from '../urls.js'
import { planLabel, type StageConfiguration } from './configuration.js'
import { batchOperations, MAX_OPERATIONS_PER_UPDATE } from './plan.js'
import { addStageOps } from './usage-plans.js'

export interface ConfigureTarget {
  gateway: Gateway
  restApiId: string
  stageName: string
  signal: AbortSignal
  connection: { region: string; endpointUrl?: string; retryDeadlineSeconds: number }
}

/**
 * UpdateStage calls for `ops`, `last` (a deployment switch) in the final one. A failure names how many
 * calls had gone through: each is atomic, and every earlier one stays applied.
 */
export async function updateStageInBatches(
  target: Pick<ConfigureTarget, 'gateway' | 'restApiId' | 'stageName'>,
  ops: PatchOperation[],
  last: PatchOperation[] = [],
  applied?: (stage: { deploymentId?: string } | undefined) => boolean
): Promise<void> {
  const batches = batchOperations(ops, MAX_OPERATIONS_PER_UPDATE, last)
  if (batches.length > 1)
    core.info(
      `Sending ${ops.length + last.length} stage changes in ${batches.length} UpdateStage calls (AWS takes at most ${MAX_OPERATIONS_PER_UPDATE} at once).`
    )
  for (const [index, batch] of batches.entries()) {
    const isLast = index === batches.length - 1
    try {
      await target.gateway.updateStage(
        target.restApiId,
        target.stageName,
        batch,
        isLast ? applied : undefined
      )
    } catch (error) {
      if (index === 0) throw error
      throw new ActionError(
        `${errorMessage(error)}\n${index} of ${batches.length} UpdateStage calls had been applied (their settings stay); the rest were not. Run again with the same inputs to apply the rest: only what differs is sent.`,
        { operation: (error as ActionError).operation, code: (error as ActionError).code, cause: error }
      )
    }
  }
}

/** Tags, usage plans and the web ACL: after the stage's own settings, each only when it differs. */
export async function applyExtras(target: ConfigureTarget, configuration: StageConfiguration): Promise<void> {
  const { gateway, restApiId, stageName, connection } = target
  const { tags, webAclArn } = configuration.plan
  const arn = stageArn(restApiId, stageName, connection.region)
  if (Object.keys(tags.set).length > 0) {
    await gateway.tagResource(arn, tags.set, restApiId)
    core.info(`Tagged stage "${stageName}": ${Object.keys(tags.set).join(', ')}.`)
  }
  if (tags.remove.length > 0) {
    await gateway.untagResource(arn, tags.remove, restApiId)
    core.info(`Removed tags from stage "${stageName}": ${tags.remove.join(', ')}.`)
  }
  for (const plan of configuration.usagePlans) {
    await gateway.updateUsagePlan(plan.id, addStageOps(restApiId, stageName), now =>
      Boolean(now?.apiStages?.some(s => s.apiId === restApiId && s.stage === stageName))
    )
    core.info(`Usage plan ${planLabel(plan)} now includes stage "${stageName}": its API keys work there.`)
  }
  if (webAclArn) {
    await associateWebAcl(webAclArn, arn, { ...connection, signal: target.signal })
    core.info(`Stage "${stageName}" is now protected by web ACL ${webAclArn}.`)
  }
}

// Creating or resizing a cache cluster takes AWS several minutes; longer than this is not a wait but a fault.
const CACHE_WAIT_MS = 30 * 60_000
const CACHE_POLL_MAX_MS = 15_000

/** Says what a cache cluster change means and, with `wait-for-cache`, waits for the cluster to settle. */
export async function settleCacheCluster(
  target: ConfigureTarget,
  configuration: StageConfiguration
): Promise<void> {
  const change = configuration.plan.cacheCluster
  if (!change) return
  const { gateway, restApiId, stageName } = target
  const what = { create: 'Creating', resize: 'Resizing', delete: 'Deleting' }[change]
  if (!configuration.waitForCache) {
    core.notice(
      `${what} the cache cluster of stage "${stageName}" takes AWS several minutes; the stage serves meanwhile, without its cache. Set "wait-for-cache: true" to wait for it.`
    )
    return
  }
  core.info(
    `${what} the cache cluster of stage "${stageName}": waiting for it (up to ${CACHE_WAIT_MS / 60_000} minutes).`
  )
  const settled = change === 'delete' ? 'NOT_AVAILABLE' : 'AVAILABLE'
  const started = Date.now()
  for (let wait = 1000; ; wait = Math.min(wait * 2, CACHE_POLL_MAX_MS)) {
    const stage = await gateway.getStage(restApiId, stageName)
    const status = stage?.cacheClusterStatus ?? 'unknown'
    if (status === settled) {
      core.info(`The cache cluster is ${status} after ${Math.round((Date.now() - started) / 1000)} s.`)
      return
    }
    if (Date.now() - started > CACHE_WAIT_MS)
      throw new ActionError(
        `The cache cluster of stage "${stageName}" is still ${status} after ${CACHE_WAIT_MS / 60_000} minutes. The stage serves; check the cluster in the console.`
      )
    core.info(`Cache cluster: ${status}; checking again in ${wait / 1000} s.`)
    await sleep(wait, target.signal)
  }
}
