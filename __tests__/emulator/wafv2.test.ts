import { DeleteStageCommand, GetStageCommand } from '@aws-sdk/client-api-gateway'
import {
  AssociateWebACLCommand,
  DisassociateWebACLCommand,
  GetWebACLForResourceCommand,
  WAFV2Client
} from '@aws-sdk/client-wafv2'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

// WAFv2 web ACL association with stages, spoken by @aws-sdk/client-wafv2 to the emulator's URL.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let waf: WAFV2Client

beforeAll(() => {
  waf = new WAFV2Client({
    endpoint: ctx.emu.url,
    region: ctx.emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })
})
afterAll(() => waf.destroy())
afterEach(() => ctx.emu.faults.clear())

const stageArn = (restApiId: string, stageName = 'prod', region = ctx.emu.region) =>
  `arn:aws:apigateway:${region}::/restapis/${restApiId}/stages/${stageName}`
const NONEXISTENT = 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.'

describe('web ACLs registered by the test', () => {
  it('get a regional ARN with a UUID', () => {
    const arn = ctx.emu.addWebAcl('my-acl')
    expect(arn).toMatch(
      new RegExp(
        `^arn:aws:wafv2:${ctx.emu.region}:${ctx.emu.accountId}:regional/webacl/my-acl/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$`
      )
    )
    expect(ctx.emu.addWebAcl('my-acl')).not.toBe(arn)
    expect(() => ctx.emu.addWebAcl('no spaces')).toThrow(TypeError)
  })

  it('can be registered over HTTP', async () => {
    const res = await fetch(`${ctx.emu.url}/_emulator/web-acls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'from-http' })
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { arn: string }).arn).toContain(':regional/webacl/from-http/')
  })
})

describe('AssociateWebACL, GetWebACLForResource, DisassociateWebACL', () => {
  it('associates, shows it on GetStage, replaces and disassociates', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const ResourceArn = stageArn(restApiId)
    const first = ctx.emu.addWebAcl('first')
    const second = ctx.emu.addWebAcl('second')
    expect((await waf.send(new GetWebACLForResourceCommand({ ResourceArn }))).WebACL).toBeUndefined()

    await waf.send(new AssociateWebACLCommand({ WebACLArn: first, ResourceArn }))
    const got = await waf.send(new GetWebACLForResourceCommand({ ResourceArn }))
    expect(got.WebACL).toMatchObject({ Name: 'first', ARN: first, DefaultAction: { Allow: {} } })
    expect(first.endsWith(`/${got.WebACL?.Id}`)).toBe(true)
    expect((await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).webAclArn).toBe(
      first
    )

    await waf.send(new AssociateWebACLCommand({ WebACLArn: second, ResourceArn }))
    expect((await waf.send(new GetWebACLForResourceCommand({ ResourceArn }))).WebACL?.Name).toBe('second')

    await waf.send(new DisassociateWebACLCommand({ ResourceArn }))
    await waf.send(new DisassociateWebACLCommand({ ResourceArn }))
    expect((await waf.send(new GetWebACLForResourceCommand({ ResourceArn }))).WebACL).toBeUndefined()
    expect(ctx.emu.getStage(restApiId, 'prod')?.webAclArn).toBeUndefined()
  })

  it('records the calls under the WAF operation names', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    ctx.emu.resetCalls()
    await waf.send(
      new AssociateWebACLCommand({
        WebACLArn: ctx.emu.addWebAcl('recorded'),
        ResourceArn: stageArn(restApiId)
      })
    )
    await waf.send(new GetWebACLForResourceCommand({ ResourceArn: stageArn(restApiId) }))
    expect(ctx.emu.calls.map(c => [c.operation, c.method, c.status])).toEqual([
      ['AssociateWebACL', 'POST', 200],
      ['GetWebACLForResource', 'POST', 200]
    ])
  })

  it.each([
    ['an unknown web ACL', 'acl', 'stage'],
    ['a stage that does not exist', 'known', 'missing-stage'],
    ['a stage in another region', 'known', 'other-region'],
    ['a resource that is not an API Gateway stage', 'known', 'alb']
  ])('answers WAFNonexistentItemException for %s', async (_label, acl, resource) => {
    const { restApiId } = await deployedApi(ctx.client)
    const WebACLArn =
      acl === 'known'
        ? ctx.emu.addWebAcl('known')
        : `arn:aws:wafv2:${ctx.emu.region}:${ctx.emu.accountId}:regional/webacl/ghost/00000000-0000-4000-a000-000000000000`
    const ResourceArn = {
      stage: stageArn(restApiId),
      'missing-stage': stageArn(restApiId, 'nope'),
      'other-region': stageArn(restApiId, 'prod', 'eu-west-3'),
      alb: `arn:aws:elasticloadbalancing:${ctx.emu.region}:${ctx.emu.accountId}:loadbalancer/app/lb/50dc6c495c0c9188`
    }[resource] as string
    const err = await sdkError(() => waf.send(new AssociateWebACLCommand({ WebACLArn, ResourceArn })))
    expect(err.name).toBe('WAFNonexistentItemException')
    expect(statusOf(err)).toBe(400)
    expect(err.message).toBe(NONEXISTENT)
    expect(ctx.emu.getStage(restApiId, 'prod')?.webAclArn).toBeUndefined()
  })

  it('answers WAFInvalidParameterException for a malformed ARN, with its fields', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const err = await sdkError(() =>
      waf.send(new AssociateWebACLCommand({ WebACLArn: 'not-an-arn', ResourceArn: stageArn(restApiId) }))
    )
    expect(err.name).toBe('WAFInvalidParameterException')
    expect(err.message).toBe(
      "Error reason: The ARN isn't valid. A valid ARN begins with arn: and includes other information separated by colons or slashes., field: RESOURCE_ARN, parameter: not-an-arn"
    )
    expect(err).toMatchObject({ Field: 'RESOURCE_ARN', Parameter: 'not-an-arn' })
    const bad = await sdkError(() => waf.send(new GetWebACLForResourceCommand({ ResourceArn: 'restapis/x' })))
    expect(bad.name).toBe('WAFInvalidParameterException')
  })

  it('drops the association with the stage', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    await waf.send(
      new AssociateWebACLCommand({ WebACLArn: ctx.emu.addWebAcl('gone'), ResourceArn: stageArn(restApiId) })
    )
    await ctx.client.send(new DeleteStageCommand({ restApiId, stageName: 'prod' }))
    const err = await sdkError(() =>
      waf.send(new GetWebACLForResourceCommand({ ResourceArn: stageArn(restApiId) }))
    )
    expect(err.name).toBe('WAFNonexistentItemException')
  })
})

describe('faults and the wire protocol', () => {
  it('lets faults target WAF operations', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    ctx.emu.faults.fail('AssociateWebACL', {
      status: 400,
      code: 'WAFUnavailableEntityException',
      message: 'later'
    })
    const err = await sdkError(() =>
      waf.send(
        new AssociateWebACLCommand({
          WebACLArn: ctx.emu.addWebAcl('faulted'),
          ResourceArn: stageArn(restApiId)
        })
      )
    )
    expect(err.name).toBe('WAFUnavailableEntityException')
    expect(err.message).toBe('later')
    expect(ctx.emu.calls.at(-1)).toMatchObject({
      operation: 'AssociateWebACL',
      status: 400,
      errorCode: 'WAFUnavailableEntityException',
      faults: ['fail']
    })

    ctx.emu.faults.throttle('GetWebACLForResource', 1, 2)
    const throttled = await sdkError(() =>
      waf.send(new GetWebACLForResourceCommand({ ResourceArn: stageArn(restApiId) }))
    )
    expect(statusOf(throttled)).toBe(429)
  })

  it('answers JSON 1.1 errors for unknown operations and unsigned requests', async () => {
    const post = (target: string, headers: Record<string, string> = {}) =>
      fetch(`${ctx.emu.url}/`, {
        method: 'POST',
        headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1', ...headers },
        body: '{}'
      })
    const unsigned = await post('AWSWAF_20190729.GetWebACLForResource')
    expect(unsigned.status).toBe(403)
    expect(unsigned.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(await unsigned.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      Message: 'Missing Authentication Token'
    })
    const auth =
      'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/wafv2/aws4_request, SignedHeaders=host, Signature=00'
    const unknown = await post('AWSWAF_20190729.CreateWebACL', { authorization: auth })
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { __type: string }).__type).toBe('UnknownOperationException')
  })
})
