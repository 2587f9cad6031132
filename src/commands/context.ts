/**
 * What every command shares: the clients, the run's cancellation, and the REST API and stage as they were
 * when the run started. Built once by the dispatcher; handlers read only what they need.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { AlarmReader } from '../aws/cloudwatch.js'
import type { Gateway } from '../aws/gateway.js'
import type { MetricDataReader } from '../aws/metric-data.js'
import type { TargetInputs, UrlInputs } from '../inputs/index.js'
import { baseUrl, invokeUrl } from '../urls.js'

export interface RunContext {
  /** Honours cancellation; `gateway.withoutCancellation()` for rollbacks. */
  gateway: Gateway
  alarms?: AlarmReader
  /** canary-analysis: reads the canary's and the base's CloudWatch metrics. */
  metrics?: MetricDataReader
  signal: AbortSignal
  restApiId: string
  restApiName?: string
  stageName: string
  /** The stage as read at the start of the run; undefined when it does not exist. */
  stage?: Stage
  /** EDGE, REGIONAL or PRIVATE; undefined when GetRestApi could not be read. */
  endpointTypes?: string[]
  invokeUrl: string
  /** https://{domain-name}/{base-path}, with a custom domain. */
  baseUrl?: string
  /** Where the calls go, for the state the post step reads. */
  connection: { region: string; endpointUrl?: string; retryDeadlineSeconds: number }
}

/** What a command that works on the API, not one stage, gets (prune-previews). */
export type ApiContext = Pick<
  RunContext,
  'gateway' | 'alarms' | 'signal' | 'restApiId' | 'restApiName' | 'connection'
>

/** Finds the REST API by id or name, and reads its name: for commands that name no stage. */
export async function locateApi(
  clients: { gateway: Gateway; alarms?: AlarmReader; signal: AbortSignal },
  target: TargetInputs
): Promise<ApiContext> {
  const { gateway } = clients
  const api =
    'id' in target.api
      ? { id: target.api.id, ...(await gateway.restApiInfo(target.api.id)) }
      : await gateway.findRestApi(target.api.name)
  const connection = {
    region: target.region,
    endpointUrl: target.endpointUrl,
    retryDeadlineSeconds: target.retryDeadlineSeconds
  }
  return { ...clients, restApiId: api.id, restApiName: api.name, connection }
}

/** Finds the REST API (by id or name) and reads the stage: the first calls of every command. */
export async function locate(
  clients: { gateway: Gateway; alarms?: AlarmReader; metrics?: MetricDataReader; signal: AbortSignal },
  target: TargetInputs,
  urls: UrlInputs = {}
): Promise<RunContext> {
  const { gateway } = clients
  const { stageName } = target
  let restApiId: string
  let known: { name?: string; endpointTypes?: string[] } | undefined
  if ('id' in target.api) restApiId = target.api.id
  else {
    const api = await gateway.findRestApi(target.api.name)
    restApiId = api.id
    known = { name: api.name, endpointTypes: api.endpointConfiguration?.types }
    core.info(`REST API "${api.name}" is ${restApiId}.`)
  }
  // The name labels the log and the summary, the endpoint type picks the URL form; read beside the stage,
  // not before it. Both are awaited before a failure is thrown, so no call is in flight when the client closes.
  const [read, about] = await Promise.allSettled([
    gateway.getStage(restApiId, stageName),
    known ? Promise.resolve(known) : gateway.restApiInfo(restApiId)
  ])
  if (read.status === 'rejected') throw read.reason
  const stage = read.value
  const { name, endpointTypes } = about.status === 'fulfilled' ? about.value : {}
  const url = invokeUrl(restApiId, stageName, target.region, target.endpointUrl, {
    private: endpointTypes?.includes('PRIVATE'),
    vpcEndpointId: urls.vpcEndpointId
  })
  if (endpointTypes?.includes('PRIVATE') && !target.endpointUrl)
    core.info(
      urls.vpcEndpointId
        ? `REST API ${restApiId} is private: ${url} is its URL through VPC endpoint ${urls.vpcEndpointId}, reachable from inside the VPC only.`
        : `REST API ${restApiId} is private: it answers only inside its VPC, through an interface VPC endpoint. Call https://{vpce-dns-name}/${stageName} with the header "Host: ${restApiId}.execute-api.${target.region}.amazonaws.com", or set "vpc-endpoint-id" for the {api}-{vpce} URL form.`
    )
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
    endpointTypes,
    invokeUrl: url,
    baseUrl: urls.domain ? baseUrl(urls.domain.domainName, urls.domain.basePath) : undefined,
    connection: {
      region: target.region,
      endpointUrl: target.endpointUrl,
      retryDeadlineSeconds: target.retryDeadlineSeconds
    }
  }
}
