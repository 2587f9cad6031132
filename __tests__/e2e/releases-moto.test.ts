/**
 * Releases without rebuilding and custom domain mappings against moto, an implementation of API Gateway we
 * did not write. Where moto and AWS's documentation disagree, AWS decides, and the test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  APIGatewayClient,
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  GetBasePathMappingsCommand,
  GetStageCommand
} from '@aws-sdk/client-api-gateway'
import { createSampleApi } from '../../emulator/index.js'
import { motoAvailable, startMoto, type Moto } from './moto.js'
import { runAction } from './run-action.js'

const region = 'us-east-1'
const describeWithMoto = motoAvailable ? describe : describe.skip
if (!motoAvailable) console.warn('Skipping the moto release tests: `python3 -c "import moto.server"` failed.')

describeWithMoto('releases and domains against moto', () => {
  let moto: Moto
  let client: APIGatewayClient
  let restApiId: string

  beforeAll(async () => {
    moto = await startMoto()
    client = new APIGatewayClient({
      region,
      endpoint: moto.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    restApiId = (await createSampleApi({ endpoint: moto.url, region, name: 'moto-releases' })).restApiId
  })
  afterAll(async () => {
    client?.destroy()
    await moto?.stop()
  })

  const run = (inputs: Record<string, string>) =>
    runAction({ 'aws-region': region, 'endpoint-url': moto.url, 'rest-api-id': restApiId, ...inputs })
  const served = async (stageName: string) =>
    (await client.send(new GetStageCommand({ restApiId, stageName }))).deploymentId

  it('promotes test to prod without a new deployment, and rolls prod back with to-deployment', async () => {
    const test = await run({ 'stage-name': 'test' })
    const prod = await run({ 'stage-name': 'prod' })
    expect([test.code, prod.code]).toEqual([0, 0])
    const promoted = await run({ 'stage-name': 'prod', 'from-stage': 'test' })
    expect(promoted.errors).toEqual([])
    expect(promoted.code).toBe(0)
    expect(await served('prod')).toBe(test.outputs['deployment-id'])
    const back = await run({ 'stage-name': 'prod', 'to-deployment': prod.outputs['deployment-id'] })
    expect(back.code).toBe(0)
    expect(await served('prod')).toBe(prod.outputs['deployment-id'])
    // Known moto difference: moto answers GetDeployment of a missing id with an HTML 500 page; AWS with 404
    // NotFoundException (API reference, GetDeployment), which the action turns into a list of the recent
    // deployments (releases.test.ts, against the emulator). Against moto the call fails after its retries,
    // and the stage is left as it was all the same.
    const unknown = await run({
      'stage-name': 'prod',
      'to-deployment': 'nosuch1',
      'retry-deadline-seconds': '2'
    })
    expect(unknown.code).toBe(1)
    expect(unknown.errors.join('\n')).toContain('GetDeployment failed')
    expect(await served('prod')).toBe(prod.outputs['deployment-id'])
  })

  it('maps a base path of a custom domain to the stage, and refuses a path another stage holds', async () => {
    const domainName = 'api.moto.example.com'
    await client.send(
      new CreateDomainNameCommand({
        domainName,
        endpointConfiguration: { types: ['REGIONAL'] },
        regionalCertificateArn: `arn:aws:acm:${region}:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`
      })
    )
    // Known moto difference: moto answers GetBasePathMappings of a domain without mappings with an HTML
    // 500 page; AWS with an empty list (API reference, GetBasePathMappings), which domains.test.ts covers
    // against the emulator. So the domain gets one mapping first: test's "legacy".
    await client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: 'legacy', restApiId, stage: 'test' })
    )
    const configure = (basePath: string) =>
      run({
        'stage-name': 'prod',
        command: 'configure-stage',
        'domain-name': domainName,
        'base-path': basePath
      })
    const mapped = await configure('orders')
    expect(mapped.errors).toEqual([])
    expect(mapped.code).toBe(0)
    expect(mapped.outputs['base-url']).toBe('https://api.moto.example.com/orders')
    const mappings = await client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(mappings.items).toContainEqual(
      expect.objectContaining({ basePath: 'orders', restApiId, stage: 'prod' })
    )
    const refused = await configure('legacy')
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain('stage "test"')
    const rerun = await configure('orders')
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toContain('already maps to stage "prod"')
  })
})
