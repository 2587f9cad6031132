import {
  CreateApiKeyCommand,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetMethodCommand,
  UpdateApiKeyCommand
} from '@aws-sdk/client-api-gateway'
import { addMockRoute, useEmulator } from './helpers.js'

// Invoke URLs of methods with apiKeyRequired: the x-api-key header against usage plans.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let restApiId: string
let key: { id: string; value: string }

beforeAll(async () => {
  const api = await ctx.client.send(new CreateRestApiCommand({ name: 'keyed' }))
  restApiId = api.id as string
  const root = api.rootResourceId as string
  const resourceId = await addMockRoute(ctx.client, restApiId, root, 'secret', '{"secret":true}', 'GET', {
    apiKeyRequired: true
  })
  await addMockRoute(ctx.client, restApiId, root, 'open', '{"open":true}')
  const method = await ctx.client.send(new GetMethodCommand({ restApiId, resourceId, httpMethod: 'GET' }))
  expect(method.apiKeyRequired).toBe(true)
  for (const stageName of ['prod', 'dev']) {
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName }))
  }
  const created = await ctx.client.send(new CreateApiKeyCommand({ name: 'client', enabled: true }))
  key = { id: created.id as string, value: created.value as string }
  const plan = await ctx.client.send(
    new CreateUsagePlanCommand({ name: 'prod-only', apiStages: [{ apiId: restApiId, stage: 'prod' }] })
  )
  await ctx.client.send(
    new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })
  )
})

const call = async (stage: string, path: string, apiKey?: string) => {
  const res = await fetch(`${ctx.emu.invokeUrl(restApiId, stage)}${path}`, {
    headers: apiKey === undefined ? {} : { 'x-api-key': apiKey }
  })
  return { status: res.status, errorType: res.headers.get('x-amzn-errortype'), body: await res.text() }
}

const setEnabled = (enabled: boolean) =>
  ctx.client.send(
    new UpdateApiKeyCommand({
      apiKey: key.id,
      patchOperations: [{ op: 'replace', path: '/enabled', value: String(enabled) }]
    })
  )

describe('apiKeyRequired on invoke', () => {
  it('serves a key of a usage plan that includes the stage', async () => {
    expect(await call('prod', '/secret', key.value)).toMatchObject({ status: 200, body: '{"secret":true}' })
  })

  it.each([
    ['no x-api-key header', 'prod', undefined],
    ['an unknown key', 'prod', 'x'.repeat(40)],
    ['a key whose plan does not include the stage', 'dev', 'KEY']
  ])('answers 403 Forbidden to %s', async (_label, stage, apiKey) => {
    const res = await call(stage, '/secret', apiKey === 'KEY' ? key.value : apiKey)
    expect(res).toEqual({ status: 403, errorType: 'ForbiddenException', body: '{"message":"Forbidden"}' })
  })

  it('refuses a disabled key until it is enabled again', async () => {
    await setEnabled(false)
    try {
      expect((await call('prod', '/secret', key.value)).status).toBe(403)
    } finally {
      await setEnabled(true)
    }
    expect((await call('prod', '/secret', key.value)).status).toBe(200)
  })

  it('leaves methods without apiKeyRequired open', async () => {
    expect(await call('dev', '/open')).toMatchObject({ status: 200, body: '{"open":true}' })
  })

  it('checks the key before a deployment behaviour answers', async () => {
    const deploymentId = ctx.emu.getStage(restApiId, 'prod')?.deploymentId as string
    ctx.emu.setDeploymentBehaviour(restApiId, deploymentId, { status: 503 })
    try {
      expect((await call('prod', '/secret')).status).toBe(403)
      expect((await call('prod', '/secret', key.value)).status).toBe(503)
    } finally {
      ctx.emu.setDeploymentBehaviour(restApiId, deploymentId, undefined)
    }
  })
})
