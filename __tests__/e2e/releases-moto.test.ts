/**
 * Releases without rebuilding and custom domain mappings against moto, an implementation of API Gateway we
 * did not write. Where moto and AWS's documentation disagree, AWS decides, and the test says so.
 */
import { expect, it } from '@jest/globals'
import {
  CreateBasePathMappingCommand,
  CreateDomainNameCommand,
  GetBasePathMappingsCommand,
  GetStageCommand
} from '@aws-sdk/client-api-gateway'
import { describeWithMoto, useMoto } from './moto.js'

const region = 'us-east-1'
describeWithMoto('releases')('releases and domains against moto', () => {
  const moto = useMoto({ region, apiName: 'moto-releases' })
  const run = moto.run
  const served = async (stageName: string) =>
    (await moto.client.send(new GetStageCommand({ restApiId: moto.restApiId, stageName }))).deploymentId

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
    await moto.client.send(
      new CreateDomainNameCommand({
        domainName,
        endpointConfiguration: { types: ['REGIONAL'] },
        regionalCertificateArn: `arn:aws:acm:${region}:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`
      })
    )
    // Known moto difference: moto answers GetBasePathMappings of a domain without mappings with an HTML
    // 500 page; AWS with an empty list (API reference, GetBasePathMappings), which domains.test.ts covers
    // against the emulator. So the domain gets one mapping first: test's "legacy".
    await moto.client.send(
      new CreateBasePathMappingCommand({
        domainName,
        basePath: 'legacy',
        restApiId: moto.restApiId,
        stage: 'test'
      })
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
    const mappings = await moto.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(mappings.items).toContainEqual(
      expect.objectContaining({ basePath: 'orders', restApiId: moto.restApiId, stage: 'prod' })
    )
    const refused = await configure('legacy')
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain('stage "test"')
    const rerun = await configure('orders')
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toContain('already maps to stage "prod"')
  })
})
