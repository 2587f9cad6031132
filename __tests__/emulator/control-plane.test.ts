import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  GetTagsCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand,
  paginateGetRestApis
} from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import { addMockRoute, deployedApi, sdkClient, sdkError, statusOf, useEmulator } from './helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

describe('REST API lifecycle through the real SDK', () => {
  it('creates an API with methods and deploys it to a new stage', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'orders', description: 'Orders API' }))
    expect(api.id).toMatch(/^[a-z0-9]{10}$/)
    expect(api.createdDate).toBeInstanceOf(Date)
    expect(api.endpointConfiguration?.types).toEqual(['EDGE'])
    const restApiId = api.id as string

    const root = (await ctx.client.send(new GetResourcesCommand({ restApiId }))).items ?? []
    expect(root).toEqual([{ id: api.rootResourceId, path: '/' }])

    await addMockRoute(ctx.client, restApiId, api.rootResourceId as string, 'orders', '{"orders":[]}')
    const deployment = await ctx.client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: 'dev',
        stageDescription: 'Development',
        description: 'first',
        variables: { region: 'eu-west-1' },
        tracingEnabled: true
      })
    )
    expect(deployment.id).toMatch(/^[a-z0-9]{6}$/)

    const stage = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'dev' }))
    expect(stage).toMatchObject({
      stageName: 'dev',
      deploymentId: deployment.id,
      description: 'Development',
      variables: { region: 'eu-west-1' },
      tracingEnabled: true,
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {}
    })
    expect(stage.createdDate).toBeInstanceOf(Date)
    expect(stage.canarySettings).toBeUndefined()

    const got = await ctx.client.send(new GetDeploymentCommand({ restApiId, deploymentId: deployment.id }))
    expect(got).toMatchObject({ id: deployment.id, description: 'first' })
    const list = await ctx.client.send(new GetDeploymentsCommand({ restApiId }))
    expect(list.items?.map(d => d.id)).toEqual([deployment.id])
    const stages = await ctx.client.send(new GetStagesCommand({ restApiId, deploymentId: deployment.id }))
    expect(stages.item?.map(s => s.stageName)).toEqual(['dev'])

    // The snapshot helpers mirror the wire shapes.
    expect(ctx.emu.getStage(restApiId, 'dev')).toMatchObject({
      deploymentId: deployment.id,
      createdDate: expect.any(Number)
    })
    expect(ctx.emu.getDeployments(restApiId).map(d => d.id)).toEqual([deployment.id])
    expect(ctx.emu.getRestApi(restApiId)?.name).toBe('orders')

    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'dev')}/orders`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ orders: [] })
  })

  it('embeds methods and integrations in GetResources only when asked', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const plain = await ctx.client.send(new GetResourcesCommand({ restApiId }))
    const ping = plain.items?.find(r => r.path === '/ping')
    expect(ping?.resourceMethods).toEqual({ GET: {} })

    const embedded = await ctx.client.send(new GetResourcesCommand({ restApiId, embed: ['methods'] }))
    const method = embedded.items?.find(r => r.path === '/ping')?.resourceMethods?.GET
    expect(method).toMatchObject({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      methodIntegration: { type: 'MOCK' }
    })
    expect(method?.methodIntegration?.integrationResponses?.['200']?.statusCode).toBe('200')
  })

  it('paginates GetResources like AWS', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const first = await ctx.client.send(new GetResourcesCommand({ restApiId, limit: 1 }))
    expect(first.items?.map(r => r.path)).toEqual(['/'])
    const second = await ctx.client.send(
      new GetResourcesCommand({ restApiId, limit: 1, position: first.position })
    )
    expect(second.items?.map(r => r.path)).toEqual(['/ping'])
    expect(second.position).toBeUndefined()
  })

  it('sends integrationHttpMethod as httpMethod on the wire', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'proxy' }))
    const target = {
      restApiId: api.id as string,
      resourceId: api.rootResourceId as string,
      httpMethod: 'GET'
    }
    await ctx.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
    const integration = await ctx.client.send(
      new PutIntegrationCommand({
        ...target,
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'POST',
        uri: 'http://127.0.0.1:9/x'
      })
    )
    expect(integration).toMatchObject({ type: 'HTTP_PROXY', httpMethod: 'POST', uri: 'http://127.0.0.1:9/x' })

    const missing = await sdkError(() =>
      ctx.client.send(
        new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', uri: 'http://127.0.0.1:9/x' })
      )
    )
    expect(missing.name).toBe('BadRequestException')
  })

  it('paginates GetRestApis with limit and position', async () => {
    const local = await startEmulator()
    const c = sdkClient(local)
    try {
      for (let i = 0; i < 5; i++) await c.send(new CreateRestApiCommand({ name: `api-${i}` }))
      const first = await c.send(new GetRestApisCommand({ limit: 2 }))
      expect(first.items?.map(a => a.name)).toEqual(['api-0', 'api-1'])
      expect(first.position).toEqual(expect.any(String))
      const second = await c.send(new GetRestApisCommand({ limit: 2, position: first.position }))
      expect(second.items?.map(a => a.name)).toEqual(['api-2', 'api-3'])
      const third = await c.send(new GetRestApisCommand({ limit: 2, position: second.position }))
      expect(third.items?.map(a => a.name)).toEqual(['api-4'])
      expect(third.position).toBeUndefined()

      const names: string[] = []
      for await (const page of paginateGetRestApis({ client: c, pageSize: 2 }, {})) {
        names.push(...(page.items ?? []).map(a => a.name as string))
      }
      expect(names).toEqual(['api-0', 'api-1', 'api-2', 'api-3', 'api-4'])
    } finally {
      c.destroy()
      await local.stop()
    }
  })

  it('deployments keep serving the API as it was when they were created', async () => {
    const { restApiId, rootId } = await deployedApi(ctx.client, 'snap')
    await addMockRoute(ctx.client, restApiId, rootId, 'later', '{"later":true}')
    expect((await fetch(`${ctx.emu.invokeUrl(restApiId, 'snap')}/later`)).status).toBe(403)

    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'snap' }))
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'snap')}/later`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ later: true })
  })

  it('records every control-plane call in order', async () => {
    ctx.emu.resetCalls()
    const { restApiId } = await deployedApi(ctx.client)
    await sdkError(() => ctx.client.send(new GetStageCommand({ restApiId, stageName: 'missing' })))
    expect(ctx.emu.calls.map(c => c.operation)).toEqual([
      'CreateRestApi',
      'CreateResource',
      'PutMethod',
      'PutMethodResponse',
      'PutIntegration',
      'PutIntegrationResponse',
      'CreateDeployment',
      'GetStage'
    ])
    expect(ctx.emu.calls[6]).toMatchObject({
      method: 'POST',
      path: `/restapis/${restApiId}/deployments`,
      status: 201
    })
    expect(ctx.emu.calls[7]).toMatchObject({
      status: 404,
      errorCode: 'NotFoundException',
      time: expect.any(Number)
    })
  })
})

describe('AWS errors', () => {
  it('surfaces code, message and status like API Gateway', async () => {
    const err = await sdkError(() => ctx.client.send(new GetRestApiCommand({ restApiId: 'nope123456' })))
    expect(err.name).toBe('NotFoundException')
    expect(err.message).toBe(`Invalid API identifier specified ${ctx.emu.accountId}:nope123456`)
    expect(statusOf(err)).toBe(404)

    const { restApiId } = await deployedApi(ctx.client)
    const stage = await sdkError(() => ctx.client.send(new GetStageCommand({ restApiId, stageName: 'nope' })))
    expect(stage.message).toBe('Invalid Stage identifier specified')
  })

  it('refuses CreateDeployment for an API without methods', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'empty' }))
    const err = await sdkError(() =>
      ctx.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'x' }))
    )
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toBe("The REST API doesn't contain any methods")
    expect(statusOf(err)).toBe(400)
    expect(ctx.emu.getDeployments(api.id as string)).toEqual([])
  })

  it('answers 409 when a stage already exists', async () => {
    const { restApiId, deploymentId } = await deployedApi(ctx.client, 'prod')
    const err = await sdkError(() =>
      ctx.client.send(new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId }))
    )
    expect(err.name).toBe('ConflictException')
    expect(err.message).toBe('Stage already exists')
    expect(statusOf(err)).toBe(409)
  })

  it('validates resource path parts', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'paths' }))
    const restApiId = api.id as string
    const parentId = api.rootResourceId as string
    const proxy = await ctx.client.send(
      new CreateResourceCommand({ restApiId, parentId, pathPart: '{proxy+}' })
    )
    await ctx.client.send(new CreateResourceCommand({ restApiId, parentId, pathPart: 'users' }))

    const dup = await sdkError(() =>
      ctx.client.send(new CreateResourceCommand({ restApiId, parentId, pathPart: 'users' }))
    )
    expect(dup.name).toBe('ConflictException')
    const child = await sdkError(() =>
      ctx.client.send(new CreateResourceCommand({ restApiId, parentId: proxy.id, pathPart: 'x' }))
    )
    expect(child.name).toBe('BadRequestException')
    const bad = await sdkError(() =>
      ctx.client.send(new CreateResourceCommand({ restApiId, parentId, pathPart: 'a b' }))
    )
    expect(bad.name).toBe('BadRequestException')
  })

  it('answers an unsigned request with 403 MissingAuthenticationTokenException', async () => {
    ctx.emu.resetCalls()
    const res = await fetch(`${ctx.emu.url}/restapis`)
    expect(res.status).toBe(403)
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException')
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' })
    expect(ctx.emu.calls).toEqual([
      expect.objectContaining({
        operation: 'GetRestApis',
        status: 403,
        errorCode: 'MissingAuthenticationTokenException'
      })
    ])
  })
})

describe('stages, tags and deletion', () => {
  it('tags stages by ARN', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'tagged')
    const resourceArn = `arn:aws:apigateway:${ctx.emu.region}::/restapis/${restApiId}/stages/tagged`
    await ctx.client.send(new TagResourceCommand({ resourceArn, tags: { team: 'payments' } }))
    const tags = await ctx.client.send(new GetTagsCommand({ resourceArn }))
    expect(tags.tags).toEqual({ team: 'payments' })
    expect(ctx.emu.getStage(restApiId, 'tagged')?.tags).toEqual({ team: 'payments' })
  })

  it('deletes stages and APIs with 202', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'gone')
    const del = await ctx.client.send(new DeleteStageCommand({ restApiId, stageName: 'gone' }))
    expect(del.$metadata.httpStatusCode).toBe(202)
    expect(ctx.emu.getStage(restApiId, 'gone')).toBeUndefined()
    await ctx.client.send(new DeleteRestApiCommand({ restApiId }))
    expect(ctx.emu.getRestApi(restApiId)).toBeUndefined()
  })
})
