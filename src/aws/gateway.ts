/**
 * The one module that talks to API Gateway: builds the client (region, endpoint, user agent, no SDK
 * retries) and sends each operation through `callAws`. It holds no state that changes between calls.
 */
import * as core from '@actions/core'
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  UpdateStageCommand,
  type CreateDeploymentRequest,
  type Deployment,
  type PatchOperation,
  type Stage
} from '@aws-sdk/client-api-gateway'
import { ActionError, errorMessage } from '../errors.js'
import { USER_AGENT } from '../version.js'
import { callAws } from './call.js'

export interface GatewayOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  /** The run's cancellation: stops retry waits. */
  signal?: AbortSignal
}

export class Gateway {
  private constructor(
    private readonly client: APIGatewayClient,
    private readonly options: GatewayOptions,
    private readonly ownsClient: boolean
  ) {}

  static open(options: GatewayOptions): Gateway {
    const client = new APIGatewayClient({
      region: options.region,
      endpoint: options.endpointUrl,
      customUserAgent: USER_AGENT,
      // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 }
    })
    return new Gateway(client, options, true)
  }

  /** The same client, deaf to cancellation: for the rollback that a cancellation itself starts. */
  withoutCancellation(): Gateway {
    return new Gateway(this.client, { ...this.options, signal: undefined }, false)
  }

  private call<T>(operation: string, restApiId: string | undefined, send: () => Promise<T>): Promise<T> {
    return callAws(operation, send, {
      deadlineMs: this.options.retryDeadlineSeconds * 1000,
      context: { region: this.options.region, restApiId },
      signal: this.options.signal
    })
  }

  /** The id of the one REST API with this name (GetRestApis, all pages). */
  async findRestApiId(name: string): Promise<string> {
    const matches: string[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetRestApis', undefined, () =>
        this.client.send(new GetRestApisCommand({ limit: 500, position }))
      )
      for (const api of page.items ?? []) if (api.name === name && api.id) matches.push(api.id)
      position = page.position
    } while (position)
    if (matches.length === 1) return matches[0]
    if (matches.length === 0)
      throw new ActionError(
        `Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`
      )
    throw new ActionError(
      `Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.join(', ')}). Use "rest-api-id" to pick one.`
    )
  }

  /**
   * The API's name, for the log and the summary; undefined when it cannot be read (a role without
   * apigateway:GET on the API itself still deploys).
   */
  async restApiName(restApiId: string): Promise<string | undefined> {
    try {
      const api = await this.call('GetRestApi', restApiId, () =>
        this.client.send(new GetRestApiCommand({ restApiId }))
      )
      return api.name
    } catch (error) {
      core.debug(`The API's name is unknown: ${errorMessage(error)}`)
      return undefined
    }
  }

  /**
   * The stage, or undefined when it does not exist. A missing REST API is an error: AWS answers both with
   * NotFoundException, "Invalid stage identifier specified" for the stage and "Invalid API identifier
   * specified {account}:{id}" for the API, so only the former counts as a missing stage.
   */
  async getStage(restApiId: string, stageName: string): Promise<Stage | undefined> {
    try {
      return await this.call('GetStage', restApiId, () =>
        this.client.send(new GetStageCommand({ restApiId, stageName }))
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

  async createDeployment(request: CreateDeploymentRequest): Promise<Deployment & { id: string }> {
    const deployment = await this.call('CreateDeployment', request.restApiId, () =>
      this.client.send(new CreateDeploymentCommand(request))
    )
    if (!deployment.id) throw new ActionError('CreateDeployment returned no deployment id.')
    return { ...deployment, id: deployment.id }
  }

  async updateStage(restApiId: string, stageName: string, patchOperations: PatchOperation[]): Promise<Stage> {
    return this.call('UpdateStage', restApiId, () =>
      this.client.send(new UpdateStageCommand({ restApiId, stageName, patchOperations }))
    )
  }

  async deleteDeployment(restApiId: string, deploymentId: string): Promise<void> {
    await this.call('DeleteDeployment', restApiId, () =>
      this.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId }))
    )
  }

  destroy(): void {
    if (this.ownsClient) this.client.destroy()
  }
}
