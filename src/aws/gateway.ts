/**
 * The one module that talks to API Gateway: builds the client (region, endpoint, user agent, no SDK
 * retries) and sends each operation through `callAws`. It holds no state that changes between calls.
 */
import * as core from '@actions/core'
import {
  APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateStageCommand,
  DeleteBasePathMappingCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetBasePathMappingsCommand,
  GetDeploymentCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
  GetDeploymentsCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  GetUsagePlanCommand,
  GetUsagePlansCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateBasePathMappingCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
  type BasePathMapping,
  type CreateDeploymentRequest,
  type CreateStageRequest,
  type Deployment,
  type DomainName,
  type PatchOperation,
  type RestApi,
  type Stage,
  type UsagePlan
} from '@aws-sdk/client-api-gateway'
import { GetExportCommand, GetSdkCommand, PutRestApiCommand } from '@aws-sdk/client-api-gateway'
import { randomBytes } from 'node:crypto'
import { ActionError, errorMessage } from '../errors.js'
import { callAws, type CallOptions } from './call.js'
import { clientOptions } from './proxy.js'

export interface GatewayOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  /** The run's cancellation: stops retry waits. */
  signal?: AbortSignal
}

/** How long the API's name (a label for the log and summary) may take to read. */
const NAME_DEADLINE_MS = 5_000

export class Gateway {
  private constructor(
    private readonly client: APIGatewayClient,
    private readonly options: GatewayOptions,
    private readonly ownsClient: boolean
  ) {}

  static open(options: GatewayOptions): Gateway {
    const client = new APIGatewayClient(clientOptions('apigateway', options))
    return new Gateway(client, options, true)
  }

  /** Whether the SDK's default chain finds credentials (environment, web identity, profiles, roles). */
  async hasCredentials(): Promise<boolean> {
    try {
      const credentials = await this.client.config.credentials()
      return Boolean(credentials?.accessKeyId)
    } catch (error) {
      core.debug(`No AWS credentials: ${errorMessage(error)}`)
      return false
    }
  }

  /** Where the calls go, for state the post step reads. */
  get connection(): { region: string; endpointUrl?: string; retryDeadlineSeconds: number } {
    const { region, endpointUrl, retryDeadlineSeconds } = this.options
    return { region, endpointUrl, retryDeadlineSeconds }
  }

  /** The same client, deaf to cancellation: for the rollback that a cancellation itself starts. */
  withoutCancellation(): Gateway {
    return new Gateway(this.client, { ...this.options, signal: undefined }, false)
  }

  private call<T>(
    operation: string,
    restApiId: string | undefined,
    send: (abortSignal: AbortSignal) => Promise<T>,
    extra: { reconcile?: CallOptions<T>['reconcile']; deadlineMs?: number } = {}
  ): Promise<T> {
    return callAws(operation, send, {
      deadlineMs: extra.deadlineMs ?? this.options.retryDeadlineSeconds * 1000,
      context: { region: this.options.region, restApiId },
      signal: this.options.signal,
      reconcile: extra.reconcile
    })
  }

  /** The one REST API with this name (GetRestApis, all pages). */
  async findRestApi(name: string): Promise<RestApi & { id: string }> {
    const matches: (RestApi & { id: string })[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetRestApis', undefined, abortSignal =>
        this.client.send(new GetRestApisCommand({ limit: 500, position }), { abortSignal })
      )
      for (const api of page.items ?? [])
        if (api.name === name && api.id) matches.push({ ...api, id: api.id })
      position = page.position
    } while (position)
    if (matches.length === 1) return matches[0]
    if (matches.length === 0)
      throw new ActionError(
        `Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`
      )
    throw new ActionError(
      `Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.map(m => m.id).join(', ')}). Use "rest-api-id" to pick one.`
    )
  }

  /**
   * The API's name (for the log and the summary) and endpoint types (a PRIVATE API's URL differs);
   * empty when they cannot be read (a role without apigateway:GET on the API itself still deploys).
   */
  async restApiInfo(restApiId: string): Promise<{ name?: string; endpointTypes?: string[] }> {
    try {
      const api = await this.call(
        'GetRestApi',
        restApiId,
        abortSignal => this.client.send(new GetRestApiCommand({ restApiId }), { abortSignal }),
        // Only a label and a URL form: never worth holding the run for long.
        { deadlineMs: Math.min(this.options.retryDeadlineSeconds * 1000, NAME_DEADLINE_MS) }
      )
      return { name: api.name, endpointTypes: api.endpointConfiguration?.types }
    } catch (error) {
      core.debug(`The API's name is unknown: ${errorMessage(error)}`)
      return {}
    }
  }

  /**
   * The stage, or undefined when it does not exist. A missing REST API is an error: AWS answers both with
   * NotFoundException, "Invalid stage identifier specified" for the stage and "Invalid API identifier
   * specified {account}:{id}" for the API, so only the former counts as a missing stage.
   */
  async getStage(restApiId: string, stageName: string, deadlineMs?: number): Promise<Stage | undefined> {
    try {
      return await this.call(
        'GetStage',
        restApiId,
        abortSignal => this.client.send(new GetStageCommand({ restApiId, stageName }), { abortSignal }),
        { deadlineMs }
      )
    } catch (error) {
      if (!(error instanceof ActionError) || error.code !== 'NotFoundException') throw error
      if (/stage identifier/i.test(errorMessage(error.cause))) return undefined
      throw new ActionError(
        `Input "rest-api-id": REST API ${restApiId} does not exist in ${this.options.region} (GetStage: ${errorMessage(error.cause)}). Check "rest-api-id" and "aws-region". Nothing was changed.`,
        { operation: 'GetStage', code: error.code, cause: error.cause }
      )
    }
  }

  /** The stage as it is now, or `read: false` when even that fails: for telling the truth after a failure. */
  async tryGetStage(restApiId: string, stageName: string): Promise<{ read: boolean; stage?: Stage }> {
    try {
      return { read: true, stage: await this.getStage(restApiId, stageName) }
    } catch (error) {
      core.debug(`GetStage after a failure: ${errorMessage(error)}`)
      return { read: false }
    }
  }

  /**
   * CreateDeployment is not idempotent: each one carries a unique token at the end of its description, and
   * after an ambiguous failure the deployments are searched for it before the call is sent again. The caller
   * may pass the token, so that the post step can find a deployment whose answer never arrived.
   */
  async createDeployment(
    request: CreateDeploymentRequest,
    token = newDeploymentToken()
  ): Promise<Deployment & { id: string }> {
    const restApiId = request.restApiId as string
    const marked = { ...request, description: withToken(request.description, token) }
    const deployment = await this.call(
      'CreateDeployment',
      restApiId,
      abortSignal => this.client.send(new CreateDeploymentCommand(marked), { abortSignal }),
      {
        reconcile: deadlineMs =>
          this.findDeployment(restApiId, token, deadlineMs) as Promise<Deployment | undefined>
      }
    )
    if (!deployment.id) throw new ActionError('CreateDeployment returned no deployment id.')
    return { ...deployment, id: deployment.id }
  }

  /** The deployment whose description carries `token`, if one exists (GetDeployments, all pages). */
  async findDeployment(
    restApiId: string,
    token: string,
    deadlineMs?: number
  ): Promise<(Deployment & { id: string }) | undefined> {
    let position: string | undefined
    do {
      const page = await this.call(
        'GetDeployments',
        restApiId,
        abortSignal =>
          this.client.send(new GetDeploymentsCommand({ restApiId, limit: 500, position }), { abortSignal }),
        { deadlineMs }
      )
      const found = page.items?.find(d => d.id && hasToken(d.description, token))
      if (found?.id) return { ...found, id: found.id }
      position = page.position
    } while (position)
    return undefined
  }

  /**
   * UpdateStage. `applied` tells, from the stage as it is, whether these operations have taken effect: after
   * an ambiguous failure the stage is read again and, if they have, the call is not sent twice (a second
   * "remove /canarySettings" would be refused, and the run would report a change as not made).
   */
  async updateStage(
    restApiId: string,
    stageName: string,
    patchOperations: PatchOperation[],
    applied?: (stage: Stage | undefined) => boolean
  ): Promise<Stage> {
    return this.call(
      'UpdateStage',
      restApiId,
      abortSignal =>
        this.client.send(new UpdateStageCommand({ restApiId, stageName, patchOperations }), { abortSignal }),
      {
        reconcile: applied
          ? async deadlineMs => {
              const stage = await this.getStage(restApiId, stageName, deadlineMs)
              return stage && applied(stage) ? stage : undefined
            }
          : undefined
      }
    )
  }

  /** Deletes a deployment. NotFound after a lost answer means the first attempt deleted it. */
  async deleteDeployment(restApiId: string, deploymentId: string): Promise<void> {
    await this.call(
      'DeleteDeployment',
      restApiId,
      abortSignal =>
        this.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId }), { abortSignal }),
      {
        reconcile: async deadlineMs =>
          (await this.deploymentExists(restApiId, deploymentId, deadlineMs)) ? undefined : {}
      }
    )
  }

  async deploymentExists(restApiId: string, deploymentId: string, deadlineMs?: number): Promise<boolean> {
    return (await this.getDeployment(restApiId, deploymentId, deadlineMs)) !== undefined
  }

  /** The deployment, or undefined when the API has no deployment with that id. */
  async getDeployment(
    restApiId: string,
    deploymentId: string,
    deadlineMs?: number
  ): Promise<Deployment | undefined> {
    return ifNotFound(
      this.call(
        'GetDeployment',
        restApiId,
        abortSignal =>
          this.client.send(new GetDeploymentCommand({ restApiId, deploymentId }), { abortSignal }),
        { deadlineMs }
      ),
      undefined
    )
  }

  /** Deletes a deployment if there is one: whether there was. */
  async deleteDeploymentIfAny(restApiId: string, deploymentId: string): Promise<boolean> {
    return ifNotFound(
      this.deleteDeployment(restApiId, deploymentId).then(() => true),
      false
    )
  }

  /** Every deployment of the API (GetDeployments, all pages), in the order AWS lists them. */
  async getDeployments(restApiId: string): Promise<Deployment[]> {
    const deployments: Deployment[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetDeployments', restApiId, abortSignal =>
        this.client.send(new GetDeploymentsCommand({ restApiId, limit: 500, position }), { abortSignal })
      )
      deployments.push(...(page.items ?? []))
      position = page.position
    } while (position)
    return deployments
  }

  /**
   * CreateStage: a new stage on an existing deployment (a promotion to a stage that does not exist yet).
   * After a lost answer the stage is read: if it exists on that deployment, the call took effect.
   */
  async createStage(
    request: CreateStageRequest & { restApiId: string; stageName: string; deploymentId: string }
  ): Promise<Stage> {
    const { restApiId, stageName, deploymentId } = request
    return this.call(
      'CreateStage',
      restApiId,
      abortSignal => this.client.send(new CreateStageCommand(request), { abortSignal }),
      {
        reconcile: async deadlineMs => {
          const stage = await this.getStage(restApiId, stageName, deadlineMs)
          return stage?.deploymentId === deploymentId ? stage : undefined
        }
      }
    )
  }

  /** Every stage of the API, to tell whether a deployment is still used (GetStages returns them all). */
  async getStages(restApiId: string): Promise<Stage[]> {
    const stages = await this.call('GetStages', restApiId, abortSignal =>
      this.client.send(new GetStagesCommand({ restApiId }), { abortSignal })
    )
    return stages.item ?? []
  }

  /** Deletes a stage; one already gone counts as deleted (NotFound after a lost answer, or a rerun). */
  async deleteStage(restApiId: string, stageName: string): Promise<'deleted' | 'absent'> {
    return ifNotFound(
      this.call(
        'DeleteStage',
        restApiId,
        abortSignal => this.client.send(new DeleteStageCommand({ restApiId, stageName }), { abortSignal }),
        {
          reconcile: async deadlineMs =>
            (await this.getStage(restApiId, stageName, deadlineMs)) ? undefined : {}
        }
      ).then(() => 'deleted' as const),
      'absent' as const
    )
  }

  /** TagResource: sets these tags (others are kept). Idempotent, so a lost answer is simply retried. */
  async tagResource(resourceArn: string, tags: Record<string, string>, restApiId: string): Promise<void> {
    await this.call('TagResource', restApiId, abortSignal =>
      this.client.send(new TagResourceCommand({ resourceArn, tags }), { abortSignal })
    )
  }

  async untagResource(resourceArn: string, tagKeys: string[], restApiId: string): Promise<void> {
    await this.call('UntagResource', restApiId, abortSignal =>
      this.client.send(new UntagResourceCommand({ resourceArn, tagKeys }), { abortSignal })
    )
  }

  /** Every usage plan of the account in this region (GetUsagePlans, all pages). */
  async getUsagePlans(): Promise<UsagePlan[]> {
    const plans: UsagePlan[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetUsagePlans', undefined, abortSignal =>
        this.client.send(new GetUsagePlansCommand({ limit: 500, position }), { abortSignal })
      )
      plans.push(...(page.items ?? []))
      position = page.position
    } while (position)
    return plans
  }

  /**
   * UpdateUsagePlan. `applied` tells from the plan as it is whether the operations took effect, so that
   * an "add /apiStages" whose answer was lost is not sent twice (AWS refuses a stage a plan has).
   */
  async updateUsagePlan(
    usagePlanId: string,
    patchOperations: PatchOperation[],
    applied: (plan: UsagePlan | undefined) => boolean
  ): Promise<void> {
    await this.call(
      'UpdateUsagePlan',
      undefined,
      abortSignal =>
        this.client.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations }), { abortSignal }),
      {
        reconcile: async deadlineMs => {
          const plan = await this.call(
            'GetUsagePlan',
            undefined,
            abortSignal => this.client.send(new GetUsagePlanCommand({ usagePlanId }), { abortSignal }),
            { deadlineMs }
          )
          return applied(plan) ? plan : undefined
        }
      }
    )
  }

  /** The custom domain name, or undefined when the account has none by that name in this region. */
  async getDomainName(domainName: string): Promise<DomainName | undefined> {
    return ifNotFound(
      this.call('GetDomainName', undefined, abortSignal =>
        this.client.send(new GetDomainNameCommand({ domainName }), { abortSignal })
      ),
      undefined
    )
  }

  /** Every custom domain name of the account in this region (GetDomainNames, all pages). */
  async getDomainNames(): Promise<DomainName[]> {
    const domains: DomainName[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetDomainNames', undefined, abortSignal =>
        this.client.send(new GetDomainNamesCommand({ limit: 500, position }), { abortSignal })
      )
      domains.push(...(page.items ?? []))
      position = page.position
    } while (position)
    return domains
  }

  /** Deletes a base path mapping; one already gone counts as deleted. */
  async deleteBasePathMapping(domainName: string, basePath: string): Promise<void> {
    await ifNotFound(
      this.call('DeleteBasePathMapping', undefined, abortSignal =>
        this.client.send(new DeleteBasePathMappingCommand({ domainName, basePath: basePath || '(none)' }), {
          abortSignal
        })
      ),
      undefined
    )
  }

  /** Every base path mapping of a domain (GetBasePathMappings, all pages; the root is "(none)"). */
  async getBasePathMappings(domainName: string): Promise<BasePathMapping[]> {
    const mappings: BasePathMapping[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetBasePathMappings', undefined, abortSignal =>
        this.client.send(new GetBasePathMappingsCommand({ domainName, limit: 500, position }), {
          abortSignal
        })
      )
      mappings.push(...(page.items ?? []))
      position = page.position
    } while (position)
    return mappings
  }

  /** CreateBasePathMapping; after a lost answer, a mapping found to this API and stage is the one made. */
  async createBasePathMapping(mapping: {
    domainName: string
    basePath: string
    restApiId: string
    stage: string
  }): Promise<void> {
    await this.call(
      'CreateBasePathMapping',
      mapping.restApiId,
      abortSignal => this.client.send(new CreateBasePathMappingCommand(mapping), { abortSignal }),
      {
        reconcile: async () => {
          const found = (await this.getBasePathMappings(mapping.domainName)).find(
            m => m.basePath === (mapping.basePath || '(none)')
          )
          return found?.restApiId === mapping.restApiId && found.stage === mapping.stage ? found : undefined
        }
      }
    )
  }

  /** Points an existing mapping at this API and stage (`replace` on /restapiId and /stage; idempotent). */
  async updateBasePathMapping(mapping: {
    domainName: string
    basePath: string
    restApiId: string
    stage: string
  }): Promise<void> {
    await this.call('UpdateBasePathMapping', mapping.restApiId, abortSignal =>
      this.client.send(
        new UpdateBasePathMappingCommand({
          domainName: mapping.domainName,
          basePath: mapping.basePath || '(none)',
          patchOperations: [
            { op: 'replace', path: '/restapiId', value: mapping.restApiId },
            { op: 'replace', path: '/stage', value: mapping.stage }
          ]
        }),
        { abortSignal }
      )
    )
  }

  /**
   * PutRestApi: the definition becomes the API's resources. Sent again as it is after a lost answer, a timeout
   * or a throttle, with no reconcile: for the same body both modes are idempotent. Overwrite leaves exactly the
   * file's resources and methods whatever was there, so a second one finds nothing to change. Merge replaces
   * each method the file names with the file's and keeps the others (binary media types are added to the
   * API's): a second merge of the same body replaces those methods with the same and adds nothing new. A refused
   * import (errors, or warnings under failOnWarnings) changes nothing, and a 400 is not retried.
   */
  async putRestApi(request: {
    restApiId: string
    body: Uint8Array
    mode: 'overwrite' | 'merge'
    failOnWarnings: boolean
    parameters: Record<string, string>
  }): Promise<RestApi> {
    return this.call('PutRestApi', request.restApiId, abortSignal =>
      this.client.send(new PutRestApiCommand(request), { abortSignal })
    )
  }

  /** GetExport: the definition of the deployment a stage serves, as the bytes AWS sent (a read). */
  async getExport(request: {
    restApiId: string
    stageName: string
    exportType: string
    accepts: string
    parameters: Record<string, string>
  }): Promise<Uint8Array> {
    const answer = await this.call('GetExport', request.restApiId, abortSignal =>
      this.client.send(new GetExportCommand(request), { abortSignal })
    )
    if (!answer.body)
      throw new ActionError(`GetExport of stage "${request.stageName}" returned no body.`, {
        operation: 'GetExport'
      })
    return answer.body
  }

  /** GetSdk: a client SDK for a stage, the zip's bytes (a read). */
  async getSdk(request: {
    restApiId: string
    stageName: string
    sdkType: string
    parameters: Record<string, string>
  }): Promise<Uint8Array> {
    const answer = await this.call('GetSdk', request.restApiId, abortSignal =>
      this.client.send(new GetSdkCommand(request), { abortSignal })
    )
    if (!answer.body)
      throw new ActionError(`GetSdk of stage "${request.stageName}" returned no body.`, {
        operation: 'GetSdk'
      })
    return answer.body
  }

  destroy(): void {
    if (this.ownsClient) this.client.destroy()
  }
}

/** The call's answer, or `fallback` when AWS answers NotFound (a thing that is not there, or gone already). */
async function ifNotFound<T, F>(call: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await call
  } catch (error) {
    if (error instanceof ActionError && error.code === 'NotFoundException') return fallback
    throw error
  }
}

/** A short random token that marks one CreateDeployment call. */
export function newDeploymentToken(): string {
  return randomBytes(4).toString('hex')
}

function withToken(description: string | undefined, token: string): string {
  return description ? `${description} [${token}]` : `[${token}]`
}

function hasToken(description: string | undefined, token: string): boolean {
  return description?.endsWith(`[${token}]`) ?? false
}
