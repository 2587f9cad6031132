/**
 * What every command shares: the clients, the run's cancellation, and the REST API and stage as they were
 * when the run started. Built once by the dispatcher; handlers read only what they need.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { AlarmReader } from '../aws/cloudwatch.js'
import type { Gateway } from '../aws/gateway.js'
import type { TargetInputs } from '../inputs/index.js'
import { invokeUrl } from '../urls.js'

export interface RunContext {
  /** Honours cancellation; `gateway.withoutCancellation()` for rollbacks. */
  gateway: Gateway
  alarms?: AlarmReader
  signal: AbortSignal
  restApiId: string
  restApiName?: string
  stageName: string
  /** The stage as read at the start of the run; undefined when it does not exist. */
  stage?: Stage
  invokeUrl: string
  /** Where the calls go, for the state the post step reads. */
  connection: { region: string; endpointUrl?: string; retryDeadlineSeconds: number }
}

/** Finds the REST API (by id or name) and reads the stage: the first calls of every command. */
export async function locate(
  clients: { gateway: Gateway; alarms?: AlarmReader; signal: AbortSignal },
  target: TargetInputs
): Promise<RunContext> {
  const { gateway } = clients
  const { stageName } = target
  let restApiId: string
  let restApiName: string | undefined
  if ('id' in target.api) restApiId = target.api.id
  else {
    restApiName = target.api.name
    restApiId = await gateway.findRestApiId(restApiName)
    core.info(`REST API "${restApiName}" is ${restApiId}.`)
  }
  // The name only labels the log and the summary; it is read beside the stage, not before it. Both are
  // awaited before a failure is thrown, so no call is still in flight when the client closes.
  const [read, named] = await Promise.allSettled([
    gateway.getStage(restApiId, stageName),
    restApiName === undefined ? gateway.restApiName(restApiId) : Promise.resolve(restApiName)
  ])
  if (read.status === 'rejected') throw read.reason
  const stage = read.value
  const name = named.status === 'fulfilled' ? named.value : undefined
  core.info(
    stage
      ? `Stage "${stageName}" of ${name ? `"${name}" (${restApiId})` : restApiId} serves deployment ${stage.deploymentId}${stage.canarySettings ? ` and has a canary (deployment ${stage.canarySettings.deploymentId}, ${stage.canarySettings.percentTraffic ?? 0}%)` : ''}.`
      : `Stage "${stageName}" of ${name ? `"${name}" (${restApiId})` : restApiId} does not exist.`
  )
  return {
    ...clients,
    restApiId,
    restApiName: name,
    stageName,
    stage,
    invokeUrl: invokeUrl(restApiId, stageName, target.region, target.endpointUrl),
    connection: {
      region: target.region,
      endpointUrl: target.endpointUrl,
      retryDeadlineSeconds: target.retryDeadlineSeconds
    }
  }
}
