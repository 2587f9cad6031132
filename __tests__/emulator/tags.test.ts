import {
  CreateApiKeyCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  GetStageCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand
} from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, useEmulator } from './helpers.js'

// TagResource / UntagResource / GetTags on stage ARNs (and usage plans, API keys), with the tag rules.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
const stageArn = (restApiId: string, stageName = 'prod') =>
  `arn:aws:apigateway:${ctx.emu.region}::/restapis/${restApiId}/stages/${stageName}`

const tag = (resourceArn: string, tags: Record<string, string>) =>
  ctx.client.send(new TagResourceCommand({ resourceArn, tags }))
const tagsOf = async (resourceArn: string) =>
  (await ctx.client.send(new GetTagsCommand({ resourceArn }))).tags

describe('stage tags', () => {
  it('adds, overwrites and removes tags, and GetStage shows them', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const arn = stageArn(restApiId)
    expect(await tagsOf(arn)).toEqual({})
    await tag(arn, { team: 'payments', 'cost-center': '42', note: 'a b:c/d=e+f-g@h.i_j' })
    await tag(arn, { team: 'checkout' })
    expect(await tagsOf(arn)).toEqual({ team: 'checkout', 'cost-center': '42', note: 'a b:c/d=e+f-g@h.i_j' })
    const stage = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    expect(stage.tags).toEqual({ team: 'checkout', 'cost-center': '42', note: 'a b:c/d=e+f-g@h.i_j' })

    await ctx.client.send(
      new UntagResourceCommand({ resourceArn: arn, tagKeys: ['note', 'cost-center', 'absent'] })
    )
    expect(await tagsOf(arn)).toEqual({ team: 'checkout' })
    await ctx.client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }))
    expect(
      (await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).tags
    ).toBeUndefined()
  })

  it('takes tags on CreateStage, within the same rules', async () => {
    const { restApiId, deploymentId } = await deployedApi(ctx.client)
    const stage = await ctx.client.send(
      new CreateStageCommand({ restApiId, stageName: 'tagged', deploymentId, tags: { env: 'qa' } })
    )
    expect(stage.tags).toEqual({ env: 'qa' })
    expect(await tagsOf(stageArn(restApiId, 'tagged'))).toEqual({ env: 'qa' })
    const err = await sdkError(() =>
      ctx.client.send(
        new CreateStageCommand({ restApiId, stageName: 'bad', deploymentId, tags: { 'aws:x': '1' } })
      )
    )
    expect(err.name).toBe('BadRequestException')
    expect(ctx.emu.getStage(restApiId, 'bad')).toBeUndefined()
  })

  it.each([
    ['an aws: key', { 'aws:cloudformation:stack': 'x' }, 'aws:'],
    ['a 129-character key', { ['k'.repeat(129)]: 'x' }, 'Invalid tag key'],
    ['an empty key', { '': 'x' }, 'Invalid tag key'],
    ['a key with #', { 'bad#key': 'x' }, 'Invalid tag key'],
    ['a 257-character value', { ok: 'v'.repeat(257) }, 'Invalid tag value'],
    ['a value with ;', { ok: 'semi;colon' }, 'Invalid tag value']
  ])('refuses %s', async (_label, tags, text) => {
    const { restApiId } = await deployedApi(ctx.client)
    const err = await sdkError(() => tag(stageArn(restApiId), tags))
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toContain(text)
    expect(await tagsOf(stageArn(restApiId))).toEqual({})
  })

  it('allows 50 tags on a resource, counting those it has, and overwriting at the limit', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const arn = stageArn(restApiId)
    const many = (from: number, count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${from + i}`, 'v']))
    await tag(arn, many(0, 40))
    const err = await sdkError(() => tag(arn, many(40, 11)))
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toContain('at most 50 tags')
    await tag(arn, many(40, 10))
    await tag(arn, { k0: 'changed' })
    expect(Object.keys((await tagsOf(arn)) ?? {})).toHaveLength(50)
  })

  it('refuses ARNs it cannot resolve', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    expect((await sdkError(() => tag('arn:aws:s3:::bucket', { a: 'b' }))).name).toBe('BadRequestException')
    expect((await sdkError(() => tag(stageArn(restApiId, 'nope'), { a: 'b' }))).name).toBe(
      'NotFoundException'
    )
    expect((await sdkError(() => tag(stageArn('zzzzzzzzzz'), { a: 'b' }))).name).toBe('NotFoundException')
  })
})

describe('usage plan and API key tags', () => {
  it('tags both by ARN, and takes tags when they are created', async () => {
    const plan = await ctx.client.send(new CreateUsagePlanCommand({ name: 'plan', tags: { tier: 'gold' } }))
    const planArn = `arn:aws:apigateway:${ctx.emu.region}::/usageplans/${plan.id}`
    expect(await tagsOf(planArn)).toEqual({ tier: 'gold' })
    await tag(planArn, { owner: 'me' })
    expect(await tagsOf(planArn)).toEqual({ tier: 'gold', owner: 'me' })

    const key = await ctx.client.send(new CreateApiKeyCommand({ name: 'key', tags: { client: 'acme' } }))
    expect(await tagsOf(`arn:aws:apigateway:${ctx.emu.region}::/apikeys/${key.id}`)).toEqual({
      client: 'acme'
    })
    const missing = await sdkError(() => tagsOf(`arn:aws:apigateway:${ctx.emu.region}::/usageplans/nope`))
    expect(missing.name).toBe('NotFoundException')
  })
})
