/**
 * API Gateway v2's API mappings, the only way to map a multi-level base path ("v1/orders") of a regional
 * custom domain to a REST API stage
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html). The v2 client is
 * loaded only when such a path is asked for.
 */
import type { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2'
import { callAws } from './call.js'
import { clientOptions } from './proxy.js'

export interface ApiMapping {
  apiMappingId: string
  /** '' for the root. */
  key: string
  apiId: string
  stage: string
}

export interface ApiMappingsOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  signal?: AbortSignal
}

export class ApiMappings {
  private constructor(
    private readonly client: ApiGatewayV2Client,
    private readonly sdk: typeof import('@aws-sdk/client-apigatewayv2'),
    private readonly options: ApiMappingsOptions
  ) {}

  static async open(options: ApiMappingsOptions): Promise<ApiMappings> {
    const sdk = await import('@aws-sdk/client-apigatewayv2')
    const client = new sdk.ApiGatewayV2Client(clientOptions('apigatewayv2', options))
    return new ApiMappings(client, sdk, options)
  }

  private call<T>(
    operation: string,
    send: (abortSignal: AbortSignal) => Promise<T>,
    reconcile?: () => Promise<T | undefined>
  ): Promise<T> {
    return callAws(operation, send, {
      deadlineMs: this.options.retryDeadlineSeconds * 1000,
      context: { region: this.options.region },
      signal: this.options.signal,
      reconcile: reconcile ? () => reconcile() : undefined
    })
  }

  /** Every API mapping of the domain, v1 base path mappings included (all pages). */
  async list(domainName: string): Promise<ApiMapping[]> {
    const mappings: ApiMapping[] = []
    let NextToken: string | undefined
    do {
      const page = await this.call('GetApiMappings', abortSignal =>
        this.client.send(
          new this.sdk.GetApiMappingsCommand({ DomainName: domainName, MaxResults: '500', NextToken }),
          {
            abortSignal
          }
        )
      )
      for (const item of page.Items ?? [])
        mappings.push({
          apiMappingId: item.ApiMappingId ?? '',
          key: item.ApiMappingKey ?? '',
          apiId: item.ApiId ?? '',
          stage: item.Stage ?? ''
        })
      NextToken = page.NextToken
    } while (NextToken)
    return mappings
  }

  /** CreateApiMapping; after a lost answer, a mapping found with this key to this API and stage is the one made. */
  async create(domainName: string, mapping: Omit<ApiMapping, 'apiMappingId'>): Promise<void> {
    await this.call(
      'CreateApiMapping',
      abortSignal =>
        this.client.send(
          new this.sdk.CreateApiMappingCommand({
            DomainName: domainName,
            ApiMappingKey: mapping.key,
            ApiId: mapping.apiId,
            Stage: mapping.stage
          }),
          { abortSignal }
        ),
      async () => {
        const found = (await this.list(domainName)).find(m => m.key === mapping.key)
        return found?.apiId === mapping.apiId && found.stage === mapping.stage ? {} : undefined
      }
    )
  }

  /** Points an existing mapping at this API and stage (idempotent). */
  async update(domainName: string, mapping: ApiMapping): Promise<void> {
    await this.call('UpdateApiMapping', abortSignal =>
      this.client.send(
        new this.sdk.UpdateApiMappingCommand({
          DomainName: domainName,
          ApiMappingId: mapping.apiMappingId,
          ApiMappingKey: mapping.key,
          ApiId: mapping.apiId,
          Stage: mapping.stage
        }),
        { abortSignal }
      )
    )
  }

  destroy(): void {
    this.client.destroy()
  }
}
