/**
 * Stage configuration that reaches beyond the stage, end to end: usage plans (API keys work on a new
 * stage), a WAF web ACL, a cache cluster waited for, and a new stage removed when it cannot be configured.
 */
import { describe, expect, it } from '@jest/globals'
import {
  APIGatewayClient,
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  GetResourcesCommand,
  GetUsagePlanCommand
} from '@aws-sdk/client-api-gateway'
import { addMockRoute, createSampleApi } from '../../emulator/index.js'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
// The cache cluster takes a moment, as AWS's takes minutes.
const fixture = useActionFixture({ region, apiName: 'keys', emulator: { cacheClusterDelayMs: 1500 } })

function sdk(): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: fixture.emu.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
}

describe('usage plans, WAF and the cache cluster', () => {
  it('adds a new stage to the plans another stage of the API is in: the same API key works there at once', async () => {
    const client = sdk()
    // An API whose GET /orders needs an API key, deployed to prod, with prod in a usage plan and a key in it.
    const { restApiId } = await createSampleApi({ endpoint: fixture.emu.url, region, name: 'keyed' })
    const root = (await client.send(new GetResourcesCommand({ restApiId }))).items?.find(r => r.path === '/')
    await addMockRoute(client, restApiId, root?.id as string, 'orders', '{"orders":[]}', 'GET', {
      apiKeyRequired: true
    })
    const run = (inputs: Record<string, string>) => fixture.run({ ...inputs, 'rest-api-id': restApiId })
    expect((await run({ 'stage-name': 'prod' })).code).toBe(0)
    const plan = await client.send(
      new CreateUsagePlanCommand({ name: 'partners', apiStages: [{ apiId: restApiId, stage: 'prod' }] })
    )
    const key = await client.send(
      new CreateApiKeyCommand({ name: 'acme', enabled: true, value: 'acme-key-0123456789abcdef' })
    )
    await client.send(
      new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' })
    )

    fixture.emu.resetCalls()
    const preview = await run({ 'stage-name': 'pr-7', 'usage-plans': 'inherit' })
    expect(preview.errors).toEqual([])
    expect(preview.code).toBe(0)
    expect(fixture.operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'GetUsagePlans',
      'CreateDeployment',
      'UpdateUsagePlan'
    ])
    expect(preview.stdout).toContain('Usage plan "partners"')
    const stages = (await client.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))).apiStages
    expect(stages?.map(s => s.stage).sort()).toEqual(['pr-7', 'prod'])
    const url = `${preview.outputs['invoke-url']}/orders`
    expect((await fetch(url)).status).toBe(403)
    expect((await fetch(url, { headers: { 'x-api-key': 'acme-key-0123456789abcdef' } })).status).toBe(200)

    // Again: the stage is in the plan, nothing is written.
    fixture.emu.resetCalls()
    const again = await run({ 'stage-name': 'pr-7', command: 'configure-stage', 'usage-plans': 'inherit' })
    expect(again.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetUsagePlans'])
    client.destroy()
  })

  it('names an unknown usage plan, listing the plans, before any write', async () => {
    const run = await fixture.run({ 'stage-name': 'nope', 'usage-plans': 'gold' })
    expect(run.code).toBe(1)
    expect(run.errors.join()).toContain('no usage plan has the id or name "gold"')
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetUsagePlans'])
  })

  it('associates a WAF web ACL with the stage once', async () => {
    const acl = fixture.emu.addWebAcl('orders-acl')
    const { stageName } = await fixture.baseStage()
    const inputs = { 'stage-name': stageName, command: 'configure-stage', 'web-acl-arn': acl }
    const run = await fixture.run(inputs)
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'AssociateWebACL'])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.webAclArn).toBe(acl)
    fixture.emu.resetCalls()
    expect((await fixture.run(inputs)).code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage'])
  })

  it('waits for a new cache cluster with wait-for-cache, and says it takes minutes without', async () => {
    const { stageName } = await fixture.baseStage()
    const waited = await fixture.run({
      'stage-name': stageName,
      command: 'configure-stage',
      'cache-cluster-enabled': 'true',
      'cache-cluster-size': '0.5',
      'wait-for-cache': 'true'
    })
    expect(waited.errors).toEqual([])
    expect(waited.code).toBe(0)
    expect(waited.stdout).toContain('Cache cluster: CREATE_IN_PROGRESS')
    expect(waited.stdout).toMatch(/The cache cluster is AVAILABLE after \d+ s\./)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.cacheClusterStatus).toBe('AVAILABLE')
    const resized = await fixture.run({
      'stage-name': stageName,
      command: 'configure-stage',
      'cache-cluster-size': '1.6'
    })
    expect(resized.code).toBe(0)
    expect(resized.stdout).toContain('Resizing the cache cluster of stage')
    expect(resized.stdout).toContain('takes AWS several minutes')
  })

  it('removes a new stage whose settings AWS refuses, with its deployment', async () => {
    const before = fixture.emu.getDeployments(fixture.restApiId).length
    fixture.emu.faults.fail('UpdateStage', {
      status: 400,
      code: 'BadRequestException',
      message: 'Invalid value'
    })
    const run = await fixture.run({ 'stage-name': 'half', 'tracing-enabled': 'true' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('Invalid value')
    expect(message).toContain('The new stage "half" could not be configured, so it was not kept: deleted it.')
    expect(fixture.emu.getStage(fixture.restApiId, 'half')).toBeUndefined()
    expect(fixture.emu.getDeployments(fixture.restApiId)).toHaveLength(before)
    expect(fixture.operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'CreateDeployment',
      'UpdateStage',
      'DeleteStage',
      'DeleteDeployment'
    ])
  })
})
