import {
  CreateBasePathMappingCommand,
  GetBasePathMappingCommand,
  GetBasePathMappingsCommand
} from '@aws-sdk/client-api-gateway'
import type { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2'
import {
  CreateApiMappingCommand,
  DeleteApiMappingCommand,
  GetApiMappingCommand,
  GetApiMappingsCommand,
  UpdateApiMappingCommand
} from '@aws-sdk/client-apigatewayv2'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'
import { createDomain, v2Client } from './domain-helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let v2: ApiGatewayV2Client
beforeAll(() => {
  v2 = v2Client(ctx.emu)
})
afterAll(() => v2.destroy())

let domainCount = 0
async function freshDomain(
  type: 'REGIONAL' | 'EDGE' = 'REGIONAL',
  securityPolicy: 'TLS_1_0' | 'TLS_1_2' = 'TLS_1_2'
): Promise<string> {
  const domainName = `v2-${domainCount++}.example.com`
  await createDomain(ctx.client, ctx.emu, domainName, type, securityPolicy)
  return domainName
}

async function expectError(
  send: () => Promise<unknown>,
  [name, status, message]: [string, number, string | RegExp]
): Promise<void> {
  const err = await sdkError(send)
  expect([err.name, statusOf(err)]).toEqual([name, status])
  expect(err.message).toMatch(message)
}

describe('CreateApiMapping / GetApiMappings', () => {
  it('maps a REST API stage under a multi-level key on a regional domain', async () => {
    const DomainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const created = await v2.send(
      new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'v1/orders' })
    )
    expect(created).toMatchObject({ ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'v1/orders' })
    expect(created.ApiMappingId).toMatch(/^[a-z0-9]{6}$/)

    const got = await v2.send(new GetApiMappingCommand({ DomainName, ApiMappingId: created.ApiMappingId }))
    expect(got).toMatchObject({ ApiMappingId: created.ApiMappingId, ApiMappingKey: 'v1/orders' })
    const all = await v2.send(new GetApiMappingsCommand({ DomainName }))
    expect(all.Items).toEqual([
      { ApiId: restApiId, ApiMappingId: created.ApiMappingId, ApiMappingKey: 'v1/orders', Stage: 'prod' }
    ])
  })

  it('shares one list with the v1 base path mappings of the domain', async () => {
    const DomainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    await ctx.client.send(
      new CreateBasePathMappingCommand({
        domainName: DomainName,
        basePath: '(none)',
        restApiId,
        stage: 'prod'
      })
    )
    await v2.send(
      new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'a/b' })
    )

    const v2Items = await v2.send(new GetApiMappingsCommand({ DomainName }))
    expect(v2Items.Items?.map(m => m.ApiMappingKey)).toEqual(['', 'a/b'])
    const v1Items = await ctx.client.send(new GetBasePathMappingsCommand({ domainName: DomainName }))
    expect(v1Items.items?.map(m => m.basePath)).toEqual(['(none)', 'a/b'])
    const one = await ctx.client.send(
      new GetBasePathMappingCommand({ domainName: DomainName, basePath: 'a/b' })
    )
    expect(one).toMatchObject({ basePath: 'a/b', restApiId, stage: 'prod' })

    // A key taken through either API is taken for both.
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: '' })
        ),
      ['ConflictException', 409, 'ApiMapping key already exists for this domain name']
    )
  })

  it('pages with MaxResults / NextToken', async () => {
    const DomainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    for (const key of ['p/1', 'p/2', 'p/3']) {
      await v2.send(
        new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: key })
      )
    }
    const first = await v2.send(new GetApiMappingsCommand({ DomainName, MaxResults: '2' }))
    expect(first.Items?.map(m => m.ApiMappingKey)).toEqual(['p/1', 'p/2'])
    const second = await v2.send(
      new GetApiMappingsCommand({ DomainName, MaxResults: '2', NextToken: first.NextToken })
    )
    expect(second.Items?.map(m => m.ApiMappingKey)).toEqual(['p/3'])
    expect(second.NextToken).toBeUndefined()
  })

  it('refuses edge domains, TLS 1.0 multi-level keys, bad keys, a taken key and unknown targets', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const edge = await freshDomain('EDGE')
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({
            DomainName: edge,
            ApiId: restApiId,
            Stage: 'prod',
            ApiMappingKey: 'a/b'
          })
        ),
      [
        'BadRequestException',
        400,
        'Only REGIONAL domain names can be managed through the API Gateway V2 API. For EDGE domain names, please use the API Gateway V1 API. Also note that only REST APIs can be attached to EDGE domain names.'
      ]
    )
    const tls10 = await freshDomain('REGIONAL', 'TLS_1_0')
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({
            DomainName: tls10,
            ApiId: restApiId,
            Stage: 'prod',
            ApiMappingKey: 'a/b'
          })
        ),
      ['BadRequestException', 400, /TLS_1_2/]
    )
    // A single-level key is fine on a TLS 1.0 domain.
    await v2.send(
      new CreateApiMappingCommand({ DomainName: tls10, ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'a' })
    )

    const DomainName = await freshDomain()
    for (const key of ['/a', 'a/', 'a//b', 'a b', 'x'.repeat(301)]) {
      await expectError(
        () =>
          v2.send(
            new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: key })
          ),
        ['BadRequestException', 400, /^An ApiMapping key may contain only/]
      )
    }
    await v2.send(
      new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'v1/orders' })
    )
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({
            DomainName,
            ApiId: restApiId,
            Stage: 'prod',
            ApiMappingKey: 'v1/orders'
          })
        ),
      ['ConflictException', 409, 'ApiMapping key already exists for this domain name']
    )
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'nope', ApiMappingKey: 'x' })
        ),
      ['BadRequestException', 400, 'Invalid stage identifier specified']
    )
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({ DomainName, ApiId: 'nope123456', Stage: 'prod', ApiMappingKey: 'x' })
        ),
      ['NotFoundException', 404, /^Invalid API identifier specified/]
    )
    await expectError(
      () =>
        v2.send(
          new CreateApiMappingCommand({ DomainName: 'no.example.com', ApiId: restApiId, Stage: 'prod' })
        ),
      ['NotFoundException', 404, 'Invalid domain name identifier specified']
    )
  })
})

describe('UpdateApiMapping / DeleteApiMapping', () => {
  it('moves a mapping to another API, stage and key, keeping its id', async () => {
    const DomainName = await freshDomain()
    const blue = await deployedApi(ctx.client, 'prod')
    const green = await deployedApi(ctx.client, 'live')
    const created = await v2.send(
      new CreateApiMappingCommand({
        DomainName,
        ApiId: blue.restApiId,
        Stage: 'prod',
        ApiMappingKey: 'v1/orders'
      })
    )
    const updated = await v2.send(
      new UpdateApiMappingCommand({
        DomainName,
        ApiMappingId: created.ApiMappingId,
        ApiId: green.restApiId,
        Stage: 'live',
        ApiMappingKey: 'v2/orders'
      })
    )
    expect(updated).toEqual(
      expect.objectContaining({
        ApiMappingId: created.ApiMappingId,
        ApiId: green.restApiId,
        Stage: 'live',
        ApiMappingKey: 'v2/orders'
      })
    )
    // Only ApiId is required: a missing Stage and key keep the current ones.
    const sameStage = await v2.send(
      new UpdateApiMappingCommand({ DomainName, ApiMappingId: created.ApiMappingId, ApiId: green.restApiId })
    )
    expect(sameStage).toMatchObject({ Stage: 'live', ApiMappingKey: 'v2/orders' })
  })

  it('deletes a mapping; an unknown id is a 404', async () => {
    const DomainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const created = await v2.send(
      new CreateApiMappingCommand({ DomainName, ApiId: restApiId, Stage: 'prod', ApiMappingKey: 'gone/soon' })
    )
    await v2.send(new DeleteApiMappingCommand({ DomainName, ApiMappingId: created.ApiMappingId }))
    expect((await v2.send(new GetApiMappingsCommand({ DomainName }))).Items).toEqual([])
    for (const send of [
      () => v2.send(new DeleteApiMappingCommand({ DomainName, ApiMappingId: created.ApiMappingId })),
      () => v2.send(new GetApiMappingCommand({ DomainName, ApiMappingId: created.ApiMappingId }))
    ]) {
      await expectError(send, ['NotFoundException', 404, /^Invalid api mapping identifier specified/])
    }
  })
})
