import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  DeleteApiKeyCommand,
  DeleteStageCommand,
  DeleteUsagePlanCommand,
  DeleteUsagePlanKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeyCommand,
  GetUsagePlanKeysCommand,
  GetUsagePlansCommand,
  UpdateApiKeyCommand,
  UpdateUsagePlanCommand
} from '@aws-sdk/client-api-gateway'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

// Usage plans, API keys and usage plan keys on the control plane (the invoke side: api-keys.test.ts).
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let restApiId: string

beforeAll(async () => {
  ;({ restApiId } = await deployedApi(ctx.client, 'prod'))
})

const updatePlan = (usagePlanId: string, ...patchOperations: PatchOperation[]) =>
  ctx.client.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations }))

describe('usage plans', () => {
  it('creates a plan with stages, throttle, quota and tags, and reads it back', async () => {
    const plan = await ctx.client.send(
      new CreateUsagePlanCommand({
        name: 'gold',
        description: 'paying clients',
        apiStages: [{ apiId: restApiId, stage: 'prod' }],
        throttle: { rateLimit: 2, burstLimit: 1 },
        quota: { limit: 10, period: 'DAY' },
        tags: { tier: 'gold' }
      })
    )
    expect(plan).toMatchObject({
      name: 'gold',
      description: 'paying clients',
      apiStages: [{ apiId: restApiId, stage: 'prod' }],
      throttle: { rateLimit: 2, burstLimit: 1 },
      quota: { limit: 10, offset: 0, period: 'DAY' },
      tags: { tier: 'gold' }
    })
    const read = await ctx.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))
    expect(read.apiStages).toEqual([{ apiId: restApiId, stage: 'prod' }])
  })

  it("refuses stages that do not exist, and blank ones, with AWS's messages", async () => {
    const missing = await sdkError(() =>
      ctx.client.send(
        new CreateUsagePlanCommand({ name: 'x', apiStages: [{ apiId: restApiId, stage: 'nope' }] })
      )
    )
    expect(missing.name).toBe('NotFoundException')
    expect(missing.message).toBe(
      `Invalid API Stage {api: ${restApiId}, stage: nope} specified for usageplan x`
    )
    const blank = await sdkError(() =>
      ctx.client.send(new CreateUsagePlanCommand({ name: 'x', apiStages: [{ apiId: '', stage: 'prod' }] }))
    )
    expect(blank.name).toBe('BadRequestException')
    expect(blank.message).toBe('Invalid API Stage {api: %s, stage: %s} specified for usageplan %s')
    const period = await sdkError(() =>
      ctx.client.send(new CreateUsagePlanCommand({ name: 'x', quota: { limit: 1, period: 'YEAR' as 'DAY' } }))
    )
    expect(period.name).toBe('BadRequestException')
  })

  it('adds and removes API stages with {restApiId}:{stageName}', async () => {
    const { restApiId: other } = await deployedApi(ctx.client, 'dev')
    const plan = await ctx.client.send(new CreateUsagePlanCommand({ name: 'staged' }))
    const id = plan.id as string
    expect(plan.apiStages ?? []).toEqual([])
    const added = await updatePlan(
      id,
      { op: 'add', path: '/apiStages', value: `${restApiId}:prod` },
      { op: 'add', path: '/apiStages', value: `${other}:dev` },
      { op: 'add', path: '/apiStages', value: `${other}:dev` }
    )
    expect(added.apiStages).toEqual([
      { apiId: restApiId, stage: 'prod' },
      { apiId: other, stage: 'dev' }
    ])
    const removed = await updatePlan(id, { op: 'remove', path: '/apiStages', value: `${restApiId}:prod` })
    expect(removed.apiStages).toEqual([{ apiId: other, stage: 'dev' }])

    const wrongStage = await sdkError(() =>
      updatePlan(id, { op: 'add', path: '/apiStages', value: `${other}:prod` })
    )
    expect(wrongStage.name).toBe('NotFoundException')
    expect(statusOf(wrongStage)).toBe(404)
    expect(wrongStage.message).toBe(
      `Invalid API Stage {api: ${other}, stage: prod} specified for usageplan ${id}`
    )
    const wrongApi = await sdkError(() =>
      updatePlan(id, { op: 'remove', path: '/apiStages', value: `${other}b:dev` })
    )
    expect(wrongApi.message).toBe(
      `Invalid API Stage {api: ${other}b, stage: dev} specified for usageplan ${id}`
    )
    for (const value of [undefined, 'fakevalue', ':dev']) {
      const bad = await sdkError(() => updatePlan(id, { op: 'remove', path: '/apiStages', value }))
      expect(bad.name).toBe('BadRequestException')
      expect(bad.message).toBe('Invalid API Stage specified')
    }
    // A failing request applies nothing.
    await sdkError(() =>
      updatePlan(
        id,
        { op: 'remove', path: '/apiStages', value: `${other}:dev` },
        { op: 'add', path: '/bogus' }
      )
    )
    expect((await ctx.client.send(new GetUsagePlanCommand({ usagePlanId: id }))).apiStages).toHaveLength(1)
  })

  it('replaces throttle, quota and names, and refuses other paths', async () => {
    const plan = await ctx.client.send(new CreateUsagePlanCommand({ name: 'tuned' }))
    const id = plan.id as string
    const updated = await updatePlan(
      id,
      { op: 'replace', path: '/throttle/burstLimit', value: '100' },
      { op: 'replace', path: '/throttle/rateLimit', value: '200.5' },
      { op: 'replace', path: '/quota/period', value: 'MONTH' },
      { op: 'replace', path: '/quota/limit', value: '5000' },
      { op: 'replace', path: '/name', value: 'renamed' },
      { op: 'replace', path: '/description', value: 'tuned plan' }
    )
    expect(updated).toMatchObject({
      name: 'renamed',
      description: 'tuned plan',
      throttle: { burstLimit: 100, rateLimit: 200.5 },
      quota: { limit: 5000, offset: 0, period: 'MONTH' }
    })
    const dropped = await updatePlan(
      id,
      { op: 'remove', path: '/throttle' },
      { op: 'remove', path: '/quota' }
    )
    expect(dropped.throttle).toBeUndefined()
    expect(dropped.quota).toBeUndefined()

    const bad = await sdkError(() => updatePlan(id, { op: 'remove', path: `/apiStages/${restApiId}:prod` }))
    expect(bad.message).toBe(
      `Invalid patch path  '/apiStages/${restApiId}:prod' specified for op 'remove'. Must be one of: [/apiStages, /quota, /throttle, /productCode, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>, /apiStages/<apidId:stageName>/throttle]`
    )
    const unknown = await sdkError(() => updatePlan(`${id}1`, { op: 'replace', path: '/name', value: 'x' }))
    expect(unknown.name).toBe('NotFoundException')
    expect(unknown.message).toBe('Invalid Usage Plan ID specified')
  })

  it('refuses to delete a plan that still has stages', async () => {
    const plan = await ctx.client.send(
      new CreateUsagePlanCommand({ name: 'busy', apiStages: [{ apiId: restApiId, stage: 'prod' }] })
    )
    const id = plan.id as string
    const err = await sdkError(() => ctx.client.send(new DeleteUsagePlanCommand({ usagePlanId: id })))
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toBe(
      `Cannot delete Usage Plan ${id} because there are API Stages associated with it, including ${restApiId}:prod`
    )
    await updatePlan(id, { op: 'remove', path: '/apiStages', value: `${restApiId}:prod` })
    await ctx.client.send(new DeleteUsagePlanCommand({ usagePlanId: id }))
    expect((await sdkError(() => ctx.client.send(new GetUsagePlanCommand({ usagePlanId: id })))).name).toBe(
      'NotFoundException'
    )
  })

  it('drops a deleted stage from every plan', async () => {
    const { restApiId: doomed } = await deployedApi(ctx.client, 'temp')
    const plan = await ctx.client.send(
      new CreateUsagePlanCommand({ name: 'short-lived', apiStages: [{ apiId: doomed, stage: 'temp' }] })
    )
    await ctx.client.send(new DeleteStageCommand({ restApiId: doomed, stageName: 'temp' }))
    expect(
      (await ctx.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))).apiStages ?? []
    ).toEqual([])
  })
})

describe('API keys and usage plan keys', () => {
  it('creates keys disabled unless asked, with a generated or given value', async () => {
    const generated = await ctx.client.send(new CreateApiKeyCommand({ name: 'generated' }))
    expect(generated).toMatchObject({ name: 'generated', enabled: false, stageKeys: [] })
    expect(generated.value).toMatch(/^[\w-]{40}$/)
    const given = await ctx.client.send(
      new CreateApiKeyCommand({ name: 'given', enabled: true, value: 'k'.repeat(20), customerId: 'acme' })
    )
    expect(given).toMatchObject({ enabled: true, value: 'k'.repeat(20), customerId: 'acme' })

    const short = await sdkError(() =>
      ctx.client.send(new CreateApiKeyCommand({ name: 's', value: 'short' }))
    )
    expect(short.message).toBe('API Key value should be at least 20 characters')
    const long = await sdkError(() =>
      ctx.client.send(new CreateApiKeyCommand({ name: 'l', value: 'x'.repeat(129) }))
    )
    expect(long.message).toBe('API Key value exceeds maximum size of 128 characters')
    const dup = await sdkError(() =>
      ctx.client.send(new CreateApiKeyCommand({ name: 'd', value: 'k'.repeat(20) }))
    )
    expect(dup.name).toBe('ConflictException')
  })

  it('shows values only when asked, and filters by name and customer', async () => {
    const key = await ctx.client.send(new CreateApiKeyCommand({ name: 'listed-key', customerId: 'listed' }))
    const plain = await ctx.client.send(new GetApiKeyCommand({ apiKey: key.id }))
    expect(plain.value).toBeUndefined()
    const withValue = await ctx.client.send(new GetApiKeyCommand({ apiKey: key.id, includeValue: true }))
    expect(withValue.value).toBe(key.value)

    const byName = await ctx.client.send(new GetApiKeysCommand({ nameQuery: 'listed-', includeValues: true }))
    expect(byName.items?.map(k => [k.id, k.value])).toEqual([[key.id, key.value]])
    const byCustomer = await ctx.client.send(new GetApiKeysCommand({ customerId: 'listed' }))
    expect(byCustomer.items?.map(k => k.id)).toEqual([key.id])
    expect(byCustomer.items?.[0].value).toBeUndefined()

    const missing = await sdkError(() => ctx.client.send(new GetApiKeyCommand({ apiKey: 'nope' })))
    expect(missing.name).toBe('NotFoundException')
    expect(missing.message).toBe('Invalid API Key identifier specified')
  })

  it('enables and renames keys with UpdateApiKey', async () => {
    const key = await ctx.client.send(new CreateApiKeyCommand({ name: 'toggle' }))
    const updated = await ctx.client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [
          { op: 'replace', path: '/enabled', value: 'true' },
          { op: 'replace', path: '/name', value: 'toggled' }
        ]
      })
    )
    expect(updated).toMatchObject({ enabled: true, name: 'toggled' })
    const bad = await sdkError(() =>
      ctx.client.send(
        new UpdateApiKeyCommand({
          apiKey: key.id,
          patchOperations: [{ op: 'replace', path: '/id', value: 'x' }]
        })
      )
    )
    expect(bad.message).toBe(
      "Invalid patch path  '/id' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]"
    )
  })

  it('puts keys in plans, lists plans by key, and takes them out again', async () => {
    const plan = await ctx.client.send(new CreateUsagePlanCommand({ name: 'with-keys' }))
    const other = await ctx.client.send(new CreateUsagePlanCommand({ name: 'without-keys' }))
    const key = await ctx.client.send(new CreateApiKeyCommand({ name: 'member', enabled: true }))
    const usagePlanId = plan.id as string
    const planKey = await ctx.client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id, keyType: 'API_KEY' })
    )
    expect(planKey).toEqual(
      expect.objectContaining({ id: key.id, type: 'API_KEY', value: key.value, name: 'member' })
    )
    const dup = await sdkError(() =>
      ctx.client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id, keyType: 'API_KEY' }))
    )
    expect(dup.name).toBe('ConflictException')
    const noKey = await sdkError(() =>
      ctx.client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: 'nope', keyType: 'API_KEY' }))
    )
    expect(noKey.message).toBe('Invalid API Key identifier specified')

    const listed = await ctx.client.send(new GetUsagePlanKeysCommand({ usagePlanId }))
    expect(listed.items?.map(k => k.id)).toEqual([key.id])
    expect((await ctx.client.send(new GetUsagePlanKeyCommand({ usagePlanId, keyId: key.id }))).name).toBe(
      'member'
    )
    const plans = await ctx.client.send(new GetUsagePlansCommand({ keyId: key.id }))
    expect(plans.items?.map(p => p.id)).toEqual([usagePlanId])
    expect(plans.items?.map(p => p.id)).not.toContain(other.id)

    await ctx.client.send(new DeleteUsagePlanKeyCommand({ usagePlanId, keyId: key.id }))
    expect((await ctx.client.send(new GetUsagePlanKeysCommand({ usagePlanId }))).items).toEqual([])
    const gone = await sdkError(() =>
      ctx.client.send(new DeleteUsagePlanKeyCommand({ usagePlanId, keyId: key.id }))
    )
    expect(gone.name).toBe('NotFoundException')

    // A deleted API key leaves its plans.
    await ctx.client.send(new CreateUsagePlanKeyCommand({ usagePlanId, keyId: key.id, keyType: 'API_KEY' }))
    await ctx.client.send(new DeleteApiKeyCommand({ apiKey: key.id }))
    expect((await ctx.client.send(new GetUsagePlanKeysCommand({ usagePlanId }))).items).toEqual([])
  })

  it('pages GetUsagePlans with limit and position', async () => {
    for (const name of ['page-a', 'page-b', 'page-c'])
      await ctx.client.send(new CreateUsagePlanCommand({ name }))
    const all = (await ctx.client.send(new GetUsagePlansCommand({ limit: 500 }))).items ?? []
    const seen: string[] = []
    let position: string | undefined
    do {
      const page = await ctx.client.send(new GetUsagePlansCommand({ limit: 2, position }))
      expect(page.items?.length).toBeLessThanOrEqual(2)
      seen.push(...(page.items ?? []).map(p => p.id as string))
      position = page.position
    } while (position)
    expect(seen).toEqual(all.map(p => p.id))
  })
})
