import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  ImportRestApiCommand,
  PutRestApiCommand
} from '@aws-sdk/client-api-gateway'
import { useEmulator } from './helpers.js'
import { definition, fixture, mockOperation } from './definitions-helpers.js'

// An imported API, once deployed, is served by the ordinary invoke URLs.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

async function deploy(body: Buffer, parameters?: Record<string, string>) {
  const api = await ctx.client.send(new ImportRestApiCommand({ body, parameters }))
  const restApiId = api.id as string
  const deployment = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
  return { restApiId, deploymentId: deployment.id as string, url: ctx.emu.invokeUrl(restApiId, 'prod') }
}

describe('imported APIs on invoke URLs', () => {
  it('serve their MOCK routes: templates, status codes, selection patterns, {param} and {proxy+}', async () => {
    const { url, deploymentId } = await deploy(fixture('pets.oas30.yaml'))
    const health = await fetch(`${url}/health`)
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok', stage: 'prod' }])
    expect(health.headers.get('x-emulator-deployment-id')).toBe(deploymentId)

    const pets = await fetch(`${url}/pets?type=dog`)
    expect(pets.status).toBe(200)
    expect(pets.headers.get('access-control-allow-origin')).toBe('*')
    expect(await pets.json()).toEqual([
      { id: 1, type: 'dog' },
      { id: 2, type: 'cat' }
    ])

    const created = await fetch(`${url}/pets`, { method: 'POST', body: '{}' })
    expect([created.status, await created.json()]).toEqual([201, { created: true }])
    // The request template mocks a 404, which the '4\d{2}' selection pattern maps.
    const pet = await fetch(`${url}/pets/42`)
    expect([pet.status, await pet.json()]).toEqual([404, { message: 'no such pet' }])
    const file = await fetch(`${url}/files/a/b/c.txt`, { method: 'DELETE' })
    expect([file.status, await file.json()]).toEqual([200, { files: true }])

    const unknown = await fetch(`${url}/nothing-here`)
    expect([unknown.status, await unknown.json()]).toEqual([403, { message: 'Missing Authentication Token' }])
  })

  it('require an API key where the definition asks for one', async () => {
    const { restApiId, url } = await deploy(fixture('pets.oas30.yaml'))
    expect((await fetch(`${url}/secret`)).status).toBe(403)
    const plan = await ctx.client.send(
      new CreateUsagePlanCommand({ name: 'imported', apiStages: [{ apiId: restApiId, stage: 'prod' }] })
    )
    const key = await ctx.client.send(new CreateApiKeyCommand({ name: 'imported-client', enabled: true }))
    await ctx.client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })
    )
    const res = await fetch(`${url}/secret`, { headers: { 'x-api-key': key.value as string } })
    expect([res.status, await res.json()]).toEqual([200, { secret: 's3cr3t' }])
  })

  it('serve under the base path with basepath=prepend', async () => {
    const { url } = await deploy(fixture('pets.oas30.yaml'), { basepath: 'prepend' })
    expect((await fetch(`${url}/v1/health`)).status).toBe(200)
    expect((await fetch(`${url}/health`)).status).toBe(403)
  })

  it('serve what the deployment holds until a PutRestApi is deployed', async () => {
    const { restApiId, url } = await deploy(fixture('pets.oas30.yaml'))
    const replacement = definition({
      openapi: '3.0.1',
      info: { title: 'v2', version: '2' },
      paths: { '/health': { get: mockOperation('{"status":"v2"}') } }
    })
    await ctx.client.send(new PutRestApiCommand({ restApiId, mode: 'overwrite', body: replacement }))
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok', stage: 'prod' })
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'v2' })
    expect((await fetch(`${url}/pets`)).status).toBe(403)
  })
})
