/**
 * The one module that talks to API Gateway: builds the client (region, endpoint, user agent, no SDK
 * retries) and sends each operation through `callAws`.
 */
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetRestApisCommand,
  GetStageCommand,
  UpdateStageCommand,
  type CreateDeploymentRequest,
  type Deployment,
  type PatchOperation,
  type Stage
} from '@aws-sdk/client-api-gateway'
import { callAws } from './aws-call.js'
import { ActionError } from './errors.js'
import { USER_AGENT } from './version.js'

export interface GatewayOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
}

export class Gateway {
  private readonly client: APIGatewayClient
  private readonly options: GatewayOptions
  /** The REST API the calls are about, for error hints. */
  restApiId?: string

  constructor(options: GatewayOptions) {
    this.options = options
    this.client = new APIGatewayClient({
      region: options.region,
      endpoint: options.endpointUrl,
      customUserAgent: USER_AGENT,
      // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 }
    })
  }

  private call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    return callAws(operation, send, {
      deadlineMs: this.options.retryDeadlineSeconds * 1000,
      context: { region: this.options.region, restApiId: this.restApiId }
    })
  }

  /** The id of the one REST API with this name (GetRestApis, all pages). */
  async findRestApiId(name: string): Promise<string> {
    const matches: { id: string; name: string }[] = []
    let position: string | undefined
    do {
      const page = await this.call('GetRestApis', () =>
        this.client.send(new GetRestApisCommand({ limit: 500, position }))
      )
      for (const api of page.items ?? []) if (api.name === name && api.id) matches.push({ id: api.id, name })
      position = page.position
    } while (position)
    if (matches.length === 1) return matches[0].id
    if (matches.length === 0)
      throw new ActionError(
        `Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`
      )
    throw new ActionError(
      `Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.map(m => m.id).join(', ')}). Use "rest-api-id" to pick one.`
    )
  }

  /** The stage, or undefined when it does not exist. */
  async getStage(restApiId: string, stageName: string): Promise<Stage | undefined> {
    try {
      return await this.call('GetStage', () =>
        this.client.send(new GetStageCommand({ restApiId, stageName }))
      )
    } catch (error) {
      if (error instanceof ActionError && error.code === 'NotFoundException') return undefined
      throw error
    }
  }

  async createDeployment(request: CreateDeploymentRequest): Promise<Deployment & { id: string }> {
    const deployment = await this.call('CreateDeployment', () =>
      this.client.send(new CreateDeploymentCommand(request))
    )
    if (!deployment.id) throw new ActionError('CreateDeployment returned no deployment id.')
    return { ...deployment, id: deployment.id }
  }

  async updateStage(restApiId: string, stageName: string, patchOperations: PatchOperation[]): Promise<Stage> {
    return this.call('UpdateStage', () =>
      this.client.send(new UpdateStageCommand({ restApiId, stageName, patchOperations }))
    )
  }

  async deleteDeployment(restApiId: string, deploymentId: string): Promise<void> {
    await this.call('DeleteDeployment', () =>
      this.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId }))
    )
  }

  destroy(): void {
    this.client.destroy()
  }
}
