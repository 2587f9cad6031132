import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import { createSampleApi } from '../../emulator/index.js'
import { canaryApi, hitMany, useEmulator } from './helpers.js'

const ctx = useEmulator({ seed: 42, quotas: { createDeploymentIntervalMs: 0 } })

describe('MOCK integrations', () => {
  it('renders the response template with stage variables and context', async () => {
    const { restApiId } = await createSampleApi({ endpoint: ctx.emu.url, region: ctx.emu.region })
    const deployment = await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { greeting: 'hello' } })
    )
    const hello = await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/hello`)
    expect(hello.status).toBe(200)
    expect(hello.headers.get('content-type')).toBe('application/json')
    expect(hello.headers.get('x-emulator-deployment-id')).toBe(deployment.id)
    expect(hello.headers.get('x-emulator-canary')).toBe('false')
    expect(await hello.json()).toEqual({ message: 'hello', deployment: deployment.id })

    const health = await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`)
    expect(await health.json()).toEqual({ status: 'ok', deployment: deployment.id })
  })

  it('picks the integration response by selectionPattern on the mocked status', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'missing-things' }))
    const restApiId = api.id as string
    const items = await ctx.client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: 'items' })
    )
    const item = await ctx.client.send(
      new CreateResourceCommand({ restApiId, parentId: items.id, pathPart: '{id}' })
    )
    const target = { restApiId, resourceId: item.id as string, httpMethod: 'GET' }
    await ctx.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
    for (const statusCode of ['200', '404'])
      await ctx.client.send(new PutMethodResponseCommand({ ...target, statusCode }))
    await ctx.client.send(
      new PutIntegrationCommand({
        ...target,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 404}' }
      })
    )
    await ctx.client.send(
      new PutIntegrationResponseCommand({
        ...target,
        statusCode: '200',
        responseTemplates: { 'application/json': '{}' }
      })
    )
    await ctx.client.send(
      new PutIntegrationResponseCommand({
        ...target,
        statusCode: '404',
        selectionPattern: '4\\d{2}',
        responseTemplates: { 'application/json': '{"error":"not found in $context.stage"}' }
      })
    )
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'beta' }))
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'beta')}/items/42`)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: 'not found in beta' })
  })

  it('answers like API Gateway for unknown stages and routes', async () => {
    const { restApiId } = await createSampleApi({ endpoint: ctx.emu.url, region: ctx.emu.region })
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const base = ctx.emu.invokeUrl(restApiId, 'prod')

    const noStage = await fetch(ctx.emu.invokeUrl(restApiId, 'nope') + '/health')
    expect([noStage.status, await noStage.json()]).toEqual([403, { message: 'Forbidden' }])
    const noApi = await fetch(ctx.emu.invokeUrl('doesnotexist', 'prod') + '/health')
    expect(noApi.status).toBe(404)
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/health'],
      ['GET', '/']
    ]) {
      const res = await fetch(base + path, { method })
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual({ message: 'Missing Authentication Token' })
    }
  })
})

describe('canary traffic split', () => {
  it('sends about percentTraffic of requests to the canary with its variable overrides', async () => {
    const { restApiId, base, canary } = await canaryApi(ctx, 25)
    ctx.emu.seed(7)
    const hits = await hitMany(`${ctx.emu.invokeUrl(restApiId, 'prod')}/hello`, 1000)
    const toCanary = hits.filter(h => h.canary)
    expect(hits.every(h => h.status === 200)).toBe(true)
    expect(toCanary.length).toBeGreaterThan(200)
    expect(toCanary.length).toBeLessThan(300)
    for (const h of hits) {
      expect(h.deploymentId).toBe(h.canary ? canary : base)
      expect(JSON.parse(h.body)).toEqual({
        message: h.canary ? 'bonjour' : 'hello',
        deployment: h.deploymentId
      })
    }
  })

  it('is exact at 0% and 100%', async () => {
    const { restApiId, base, canary } = await canaryApi(ctx, 0)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`
    expect((await hitMany(url, 200)).every(h => !h.canary && h.deploymentId === base)).toBe(true)

    await ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '100' }]
      })
    )
    expect((await hitMany(url, 200)).every(h => h.canary && h.deploymentId === canary)).toBe(true)
  })

  it('is reproducible for a given seed', async () => {
    const { restApiId } = await canaryApi(ctx, 50)
    const url = `${ctx.emu.invokeUrl(restApiId, 'prod')}/health`
    ctx.emu.seed(123)
    const first = (await hitMany(url, 40, 1)).map(h => h.canary)
    ctx.emu.seed(123)
    const second = (await hitMany(url, 40, 1)).map(h => h.canary)
    expect(second).toEqual(first)
    expect(new Set(first).size).toBe(2)
  })
})

describe('HTTP_PROXY integrations', () => {
  let backend: Server
  let backendPort: number
  const seen: { method?: string; url?: string; body: string; header?: string }[] = []

  beforeAll(async () => {
    backend = createServer((req, res) => {
      let body = ''
      req.on('data', chunk => (body += chunk))
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          body,
          header: req.headers['x-test'] as string | undefined
        })
        res.writeHead(201, { 'content-type': 'application/json', 'x-backend': 'yes' })
        res.end(JSON.stringify({ echoed: body }))
      })
    })
    await new Promise<void>(resolve => backend.listen(0, '127.0.0.1', resolve))
    backendPort = (backend.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise(resolve => backend.close(resolve))
  })

  async function proxyApi(uri: string, variables?: Record<string, string>): Promise<string> {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'proxy' }))
    const restApiId = api.id as string
    const proxy = await ctx.client.send(
      new CreateResourceCommand({ restApiId, parentId: api.rootResourceId, pathPart: '{proxy+}' })
    )
    const target = { restApiId, resourceId: proxy.id as string, httpMethod: 'ANY' }
    await ctx.client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }))
    await ctx.client.send(
      new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', integrationHttpMethod: 'ANY', uri })
    )
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'live', variables }))
    return restApiId
  }

  it('forwards method, path, query, headers and body to a local server', async () => {
    const restApiId = await proxyApi('http://127.0.0.1:${stageVariables.port}/backend/{proxy}', {
      port: String(backendPort)
    })
    seen.length = 0
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'live')}/orders/7?verbose=1`, {
      method: 'POST',
      headers: { 'x-test': 'abc', 'content-type': 'text/plain' },
      body: 'payload'
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('x-backend')).toBe('yes')
    expect(res.headers.get('x-emulator-deployment-id')).toEqual(expect.any(String))
    expect(await res.json()).toEqual({ echoed: 'payload' })
    expect(seen).toEqual([
      { method: 'POST', url: '/backend/orders/7?verbose=1', body: 'payload', header: 'abc' }
    ])
  })

  it('refuses to proxy anywhere but localhost', async () => {
    const restApiId = await proxyApi('http://example.com/{proxy}')
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'live')}/anything`)
    expect(res.status).toBe(502)
    expect(((await res.json()) as { message: string }).message).toContain('refused example.com')
  })
})
