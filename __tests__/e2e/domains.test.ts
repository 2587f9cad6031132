/**
 * Custom domains and URL forms, end to end: base path mappings (one level, and several through API
 * Gateway v2), a refused takeover, probing through the base URL, and the invoke URL of every partition and
 * of a private API.
 */
import { describe, expect, it } from '@jest/globals'
import {
  APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDomainNameCommand
} from '@aws-sdk/client-api-gateway'
import { createSampleApi } from '../../emulator/index.js'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
const fixture = useActionFixture({ region, apiName: 'domains' })

function sdk(): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: fixture.emu.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
}

async function createDomain(domainName: string, type: 'REGIONAL' | 'EDGE' = 'REGIONAL'): Promise<void> {
  const client = sdk()
  await client.send(
    new CreateDomainNameCommand({
      domainName,
      endpointConfiguration: { types: [type] },
      securityPolicy: 'TLS_1_2',
      ...(type === 'REGIONAL'
        ? {
            regionalCertificateArn: `arn:aws:acm:${region}:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`
          }
        : {
            certificateArn:
              'arn:aws:acm:us-east-1:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'
          })
    })
  )
  client.destroy()
}

describe('custom domains', () => {
  it('maps a base path to the stage, outputs the base URL, and leaves it alone on a rerun', async () => {
    await createDomain('api.example.com')
    const { stageName } = await fixture.baseStage()
    const inputs = { 'stage-name': stageName, 'domain-name': 'api.example.com', 'base-path': 'orders' }
    const run = await fixture.run(inputs)
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs['base-url']).toBe('https://api.example.com/orders')
    expect(fixture.operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'GetDomainName',
      'GetBasePathMappings',
      'CreateBasePathMapping',
      'CreateDeployment',
      'UpdateStage'
    ])
    const hello = await fetch(`${fixture.emu.domainUrl('api.example.com', 'orders')}/hello`)
    expect(hello.status).toBe(200)
    expect(run.summary).toContain('<a href="https://api.example.com/orders">')
    fixture.emu.resetCalls()
    const again = await fixture.run({ ...inputs, command: 'configure-stage' })
    expect(again.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetDomainName', 'GetBasePathMappings'])
  })

  it('refuses a path mapped to another stage, naming it, unless base-path-takeover', async () => {
    await createDomain('shop.example.com')
    const owner = await fixture.baseStage()
    const client = sdk()
    await client.send(
      new CreateBasePathMappingCommand({
        domainName: 'shop.example.com',
        basePath: '(none)',
        restApiId: fixture.restApiId,
        stage: owner.stageName
      })
    )
    client.destroy()
    const { stageName } = await fixture.baseStage()
    const inputs = { 'stage-name': stageName, command: 'configure-stage', 'domain-name': 'shop.example.com' }
    const refused = await fixture.run(inputs)
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain(
      `https://shop.example.com is mapped to REST API ${fixture.restApiId}, stage "${owner.stageName}"`
    )
    expect(refused.errors.join()).toContain('base-path-takeover: true')
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetDomainName', 'GetBasePathMappings'])
    const taken = await fixture.run({ ...inputs, 'base-path-takeover': 'true' })
    expect(taken.code).toBe(0)
    expect(taken.stdout).toContain(
      `Took over https://shop.example.com (base-path-takeover) from REST API ${fixture.restApiId}, stage "${owner.stageName}"`
    )
    expect(fixture.operations()).toContain('UpdateBasePathMapping')
  })

  it('maps a multi-level path through API Gateway v2 on a regional domain, and refuses it on an edge one', async () => {
    await createDomain('v2.example.com')
    await createDomain('edge.example.com', 'EDGE')
    const { stageName } = await fixture.baseStage()
    const run = await fixture.run({
      'stage-name': stageName,
      command: 'configure-stage',
      'domain-name': 'v2.example.com',
      'base-path': 'v1/orders'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(fixture.operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'GetDomainName',
      'GetApiMappings',
      'CreateApiMapping'
    ])
    expect((await fetch(`${fixture.emu.domainUrl('v2.example.com', 'v1/orders')}/hello`)).status).toBe(200)
    const edge = await fixture.run({
      'stage-name': stageName,
      command: 'configure-stage',
      'domain-name': 'edge.example.com',
      'base-path': 'v1/orders'
    })
    expect(edge.code).toBe(1)
    expect(edge.errors.join()).toContain('only a regional custom domain can map')
    expect(fixture.operations().filter(op => op.startsWith('Create'))).toEqual(['CreateApiMapping'])
  })

  it('says how to create a domain that does not exist, before any write', async () => {
    const { stageName } = await fixture.baseStage()
    const run = await fixture.run({ 'stage-name': stageName, 'domain-name': 'missing.example.com' })
    expect(run.code).toBe(1)
    expect(run.errors.join()).toContain('no custom domain name "missing.example.com"')
    expect(run.errors.join()).toContain('create-domain-name')
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetDomainName'])
  })

  it('probes the base URL users take (health-check-target: base-url) during a canary', async () => {
    await createDomain('probe.example.com')
    const { stageName } = await fixture.baseStage('greeting=good')
    const run = await fixture.run({
      'stage-name': stageName,
      'domain-name': 'probe.example.com',
      'base-path': 'v1',
      'canary-percent': '50',
      'health-check-path': '/hello',
      'health-check-target': 'base-url',
      'health-check-body-contains': 'good'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`to ${fixture.emu.url}/v1/hello`)
    expect(run.outputs['canary-result']).toBe('promoted')
    // Mapped before the canary started, so the probes went through it.
    const ops = fixture.operations()
    expect(ops.indexOf('CreateBasePathMapping')).toBeLessThan(ops.indexOf('CreateDeployment'))
  })
})

describe('invoke URL forms', () => {
  // Without endpoint-url the action writes AWS's URLs; AWS_ENDPOINT_URL sends the SDK's calls to the emulator.
  const onAws = (inputs: Record<string, string>, endpoint: string) =>
    fixture.run({ ...inputs, 'endpoint-url': '' }, { env: { AWS_ENDPOINT_URL: endpoint } })

  it.each([
    ['eu-west-1', 'amazonaws.com'],
    ['cn-north-1', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'amazonaws.com']
  ])('writes the %s execute-api URL', async (apiRegion, suffix) => {
    const { stageName } = await fixture.baseStage()
    const run = await onAws({ 'stage-name': stageName, 'aws-region': apiRegion }, fixture.emu.url)
    expect(run.errors).toEqual([])
    expect(run.outputs['invoke-url']).toBe(
      `https://${fixture.restApiId}.execute-api.${apiRegion}.${suffix}/${stageName}`
    )
  })

  it('writes the {api}-{vpce} URL of a private API, and explains the Host header without an endpoint id', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: fixture.emu.url,
      region,
      name: 'private',
      endpointType: 'PRIVATE'
    })
    const common = { 'rest-api-id': restApiId, 'stage-name': 'internal' }
    const withVpce = await onAws({ ...common, 'vpc-endpoint-id': 'vpce-0123456789abcdef0' }, fixture.emu.url)
    expect(withVpce.errors).toEqual([])
    expect(withVpce.outputs['invoke-url']).toBe(
      `https://${restApiId}-vpce-0123456789abcdef0.execute-api.${region}.amazonaws.com/internal`
    )
    const without = await onAws(common, fixture.emu.url)
    expect(without.outputs['invoke-url']).toBe(
      `https://${restApiId}.execute-api.${region}.amazonaws.com/internal`
    )
    expect(without.stdout).toContain(`"Host: ${restApiId}.execute-api.${region}.amazonaws.com"`)
  })
})
