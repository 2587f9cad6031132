import {
  CreateBasePathMappingCommand,
  DeleteRestApiCommand,
  UpdateBasePathMappingCommand
} from '@aws-sdk/client-api-gateway'
import { CreateApiMappingCommand } from '@aws-sdk/client-apigatewayv2'
import { canaryApi, deployedApi, hitMany, useEmulator } from './helpers.js'
import { createDomain, requestWithHost, v2Client } from './domain-helpers.js'

const ctx = useEmulator({ seed: 3, quotas: { createDeploymentIntervalMs: 0 } })

let domainCount = 0
async function freshDomain(prefix = 'invoke'): Promise<string> {
  const domainName = `${prefix}${domainCount++}.example.com`
  await createDomain(ctx.client, ctx.emu, domainName)
  return domainName
}

async function map(domainName: string, basePath: string, restApiId: string, stage?: string): Promise<void> {
  await ctx.client.send(new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage }))
}

describe('requests addressed to a custom domain name', () => {
  it('route by Host header (port ignored, any case) and by the /_domains path form', async () => {
    const domainName = await freshDomain()
    const root = await deployedApi(ctx.client, 'prod')
    const orders = await deployedApi(ctx.client, 'test')
    await map(domainName, '(none)', root.restApiId, 'prod')
    await map(domainName, 'orders', orders.restApiId, 'test')

    const viaHost = await requestWithHost(ctx.emu, domainName.toUpperCase(), '/ping')
    expect(viaHost.status).toBe(200)
    expect(JSON.parse(viaHost.body)).toEqual({ pong: true, deployment: root.deploymentId })
    const ordersViaHost = await requestWithHost(ctx.emu, domainName, '/orders/ping?x=1')
    expect(ordersViaHost.headers['x-emulator-deployment-id']).toBe(orders.deploymentId)

    const viaPath = await fetch(`${ctx.emu.domainUrl(domainName)}/ping`)
    expect(await viaPath.json()).toEqual({ pong: true, deployment: root.deploymentId })
    const ordersViaPath = await fetch(`${ctx.emu.domainUrl(domainName, 'orders')}/ping`)
    expect(await ordersViaPath.json()).toEqual({ pong: true, deployment: orders.deploymentId })
    expect(ctx.emu.domainUrl(domainName, '(none)')).toBe(`${ctx.emu.url}/_domains/${domainName}`)
  })

  it('answer 403 {"message":"Forbidden"} when no mapping takes the path', async () => {
    const domainName = await freshDomain()
    const api = await deployedApi(ctx.client, 'prod')
    await map(domainName, 'orders', api.restApiId, 'prod')
    for (const path of ['/customers/ping', '/', '/ordersandmore']) {
      const res = await requestWithHost(ctx.emu, domainName, path)
      expect([res.status, JSON.parse(res.body)]).toEqual([403, { message: 'Forbidden' }])
      expect(res.headers['x-amzn-errortype']).toBe('ForbiddenException')
    }
    const viaPath = await fetch(ctx.emu.domainUrl(domainName, 'customers'))
    expect([viaPath.status, await viaPath.json()]).toEqual([403, { message: 'Forbidden' }])
    // An unknown name in the path form has no AWS counterpart: 404.
    expect((await fetch(`${ctx.emu.domainUrl('unknown.example.com')}/ping`)).status).toBe(404)
  })

  it('passes the rest of the path to the API: its routing answers unknown resources', async () => {
    const domainName = await freshDomain()
    const api = await deployedApi(ctx.client, 'prod')
    await map(domainName, 'orders', api.restApiId, 'prod')
    const res = await requestWithHost(ctx.emu, domainName, '/orders/nope')
    expect([res.status, JSON.parse(res.body)]).toEqual([403, { message: 'Missing Authentication Token' }])
    expect(res.headers['x-emulator-deployment-id']).toBe(api.deploymentId)
  })

  it('chooses the longest matching multi-level mapping, as AWS documents it', async () => {
    const domainName = await freshDomain()
    const v2 = v2Client(ctx.emu)
    const apis: Record<string, { restApiId: string; deploymentId: string }> = {}
    try {
      // rest-api-mappings.html's example: (none), orders, orders/v1/items, orders/v2/items, orders/v2/items/categories.
      for (const [key, name] of [
        ['', 'api1'],
        ['orders', 'api2'],
        ['orders/v1/items', 'api3'],
        ['orders/v2/items', 'api4'],
        ['orders/v2/items/categories', 'api5']
      ]) {
        apis[name] = await deployedApi(ctx.client, 'prod')
        await v2.send(
          new CreateApiMappingCommand({
            DomainName: domainName,
            ApiId: apis[name].restApiId,
            Stage: 'prod',
            ApiMappingKey: key
          })
        )
      }
    } finally {
      v2.destroy()
    }
    const servedBy = async (path: string): Promise<string | undefined> => {
      const res = await requestWithHost(ctx.emu, domainName, path)
      const id = res.headers['x-emulator-deployment-id']
      return Object.keys(apis).find(name => apis[name].deploymentId === id)
    }
    expect(await servedBy('/orders/ping')).toBe('api2')
    expect(await servedBy('/orders/v1/items/ping')).toBe('api3')
    expect(await servedBy('/orders/v2/items/ping')).toBe('api4')
    expect(await servedBy('/orders/v2/items/categories/ping')).toBe('api5')
    expect(await servedBy('/customers')).toBe('api1')
    expect(await servedBy('/ordersandmore')).toBe('api2')
    // The base path is stripped: /orders/v1/items/ping is GET /ping of api3.
    const stripped = await requestWithHost(ctx.emu, domainName, '/orders/v1/items/ping')
    expect(JSON.parse(stripped.body)).toEqual({ pong: true, deployment: apis.api3.deploymentId })
  })

  it('take the stage from the URL when the mapping has none', async () => {
    const domainName = await freshDomain()
    const { restApiId, deploymentId } = await deployedApi(ctx.client, 'prod')
    await map(domainName, 'app', restApiId)
    const res = await requestWithHost(ctx.emu, domainName, '/app/prod/ping')
    expect(JSON.parse(res.body)).toEqual({ pong: true, deployment: deploymentId })
    const noStage = await requestWithHost(ctx.emu, domainName, '/app/staging/ping')
    expect([noStage.status, JSON.parse(noStage.body)]).toEqual([403, { message: 'Forbidden' }])
  })

  it("split canary traffic like the stage's own invoke URL", async () => {
    const domainName = await freshDomain()
    const { restApiId, base, canary } = await canaryApi(ctx, 50)
    await map(domainName, '(none)', restApiId, 'prod')
    ctx.emu.seed(11)
    const hits = await hitMany(`${ctx.emu.domainUrl(domainName)}/hello`, 200)
    expect(hits.every(h => h.status === 200)).toBe(true)
    const toCanary = hits.filter(h => h.canary)
    expect(toCanary.length).toBeGreaterThan(60)
    expect(toCanary.length).toBeLessThan(140)
    for (const h of hits) {
      expect(h.deploymentId).toBe(h.canary ? canary : base)
      expect(JSON.parse(h.body).message).toBe(h.canary ? 'bonjour' : 'hello')
    }
  })

  it('follow an updated mapping from the next request on', async () => {
    const domainName = await freshDomain()
    const blue = await deployedApi(ctx.client, 'blue')
    const green = await deployedApi(ctx.client, 'green')
    await map(domainName, '(none)', blue.restApiId, 'blue')
    const before = await fetch(`${ctx.emu.domainUrl(domainName)}/ping`)
    expect(before.headers.get('x-emulator-deployment-id')).toBe(blue.deploymentId)
    await ctx.client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: '(none)',
        patchOperations: [
          { op: 'replace', path: '/restapiId', value: green.restApiId },
          { op: 'replace', path: '/stage', value: 'green' }
        ]
      })
    )
    const res = await fetch(`${ctx.emu.domainUrl(domainName)}/ping`)
    expect(res.headers.get('x-emulator-deployment-id')).toBe(green.deploymentId)
  })

  it('answer 403 once the mapped API is gone', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    await map(domainName, '(none)', restApiId, 'prod')
    await ctx.client.send(new DeleteRestApiCommand({ restApiId }))
    const res = await requestWithHost(ctx.emu, domainName, '/ping')
    expect(res.status).toBe(403)
  })

  it('serve the subdomains of a wildcard name', async () => {
    const { restApiId, deploymentId } = await deployedApi(ctx.client, 'prod')
    await createDomain(ctx.client, ctx.emu, '*.wild.example.com')
    await map('*.wild.example.com', '(none)', restApiId, 'prod')
    const res = await requestWithHost(ctx.emu, 'tenant-a.wild.example.com', '/ping')
    expect(JSON.parse(res.body)).toEqual({ pong: true, deployment: deploymentId })
  })

  it('leave requests for other hosts to the control plane and invoke URLs', async () => {
    const api = await deployedApi(ctx.client, 'prod')
    const res = await fetch(`${ctx.emu.invokeUrl(api.restApiId, 'prod')}/ping`)
    expect(res.status).toBe(200)
  })
})
