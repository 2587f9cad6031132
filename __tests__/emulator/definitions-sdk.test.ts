import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { CreateDeploymentCommand, GetSdkCommand, ImportRestApiCommand } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import { sdkClient, sdkError, statusOf, useEmulator } from './helpers.js'
import { fixture, readZip } from './definitions-helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 }, unsupportedSdkTypes: ['swift'] })

async function deployedPets(client: APIGatewayClient): Promise<string> {
  const imported = await client.send(new ImportRestApiCommand({ body: fixture('pets.oas30.yaml') }))
  await client.send(new CreateDeploymentCommand({ restApiId: imported.id, stageName: 'prod' }))
  return imported.id as string
}

const REQUIRED: Record<string, Record<string, string>> = {
  javascript: {},
  android: {
    groupId: 'com.example',
    invokerPackage: 'com.example.pets',
    artifactId: 'pets-sdk',
    artifactVersion: '1.0.0'
  },
  java: { 'service.name': 'PetsSdk', 'java.package-name': 'com.example.pets' },
  objectivec: { classPrefix: 'PET' },
  ruby: { 'service.name': 'PetsSdk' }
}

describe('GetSdk', () => {
  it.each(Object.entries(REQUIRED))(
    'answers a zip for %s with its required parameters',
    async (sdkType, parameters) => {
      const restApiId = await deployedPets(ctx.client)
      const out = await ctx.client.send(
        new GetSdkCommand({
          restApiId,
          stageName: 'prod',
          sdkType,
          parameters: { ...parameters, extra: 'kept' }
        })
      )
      expect(out.contentType).toBe('application/octet-stream')
      expect(out.contentDisposition).toMatch(
        new RegExp(`^attachment; filename="${sdkType}_\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\dZ\\.zip"$`)
      )
      const files = readZip(Buffer.from(out.body as Uint8Array))
      const names = [...files.keys()]
      expect(names).toHaveLength(2)
      expect(names.some(n => n.endsWith('/README.md'))).toBe(true)
      const manifest = JSON.parse(
        files.get(names.find(n => n.endsWith('/manifest.json')) as string)?.toString() ?? ''
      )
      expect(manifest).toMatchObject({
        sdkType,
        restApiId,
        stage: 'prod',
        parameters: { ...parameters, extra: 'kept' },
        invokeUrl: `https://${restApiId}.execute-api.${ctx.emu.region}.amazonaws.com/prod`
      })
      expect(ctx.emu.calls.at(-1)).toMatchObject({ operation: 'GetSdk', status: 200 })
    }
  )

  it('unpacks the JavaScript SDK to apiGateway-js-sdk/, as AWS names it', async () => {
    const restApiId = await deployedPets(ctx.client)
    const out = await ctx.client.send(
      new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'javascript' })
    )
    expect([...readZip(Buffer.from(out.body as Uint8Array)).keys()].sort()).toEqual([
      'apiGateway-js-sdk/README.md',
      'apiGateway-js-sdk/manifest.json'
    ])
  })

  it.each([
    ['android', { groupId: 'g' }, 'invokerPackage, artifactId, artifactVersion'],
    ['objectivec', {}, 'classPrefix'],
    // The API reference's names for java are not the ones AWS reads (see emulator/README.md).
    ['java', { serviceName: 'PetsSdk', javaPackageName: 'com.example' }, 'service.name, java.package-name'],
    ['ruby', { 'ruby.gem-name': 'pets' }, 'service.name']
  ])('refuses %s without its required parameters', async (sdkType, parameters, missing) => {
    const restApiId = await deployedPets(ctx.client)
    const err = await sdkError(() =>
      ctx.client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType, parameters }))
    )
    expect([err.name, statusOf(err), err.message]).toEqual([
      'BadRequestException',
      400,
      `Missing required SDK configuration properties for ${sdkType}: ${missing}`
    ])
  })

  it('answers 404 for an unknown SDK type or stage', async () => {
    const restApiId = await deployedPets(ctx.client)
    const type = await sdkError(() =>
      ctx.client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'cobol' }))
    )
    expect([type.name, statusOf(type)]).toEqual(['NotFoundException', 404])
    const stage = await sdkError(() =>
      ctx.client.send(new GetSdkCommand({ restApiId, stageName: 'nope', sdkType: 'javascript' }))
    )
    expect([stage.name, stage.message]).toEqual(['NotFoundException', 'Invalid Stage identifier specified'])
  })

  it('refuses the types the emulator is told its region does not offer', async () => {
    const restApiId = await deployedPets(ctx.client)
    const err = await sdkError(() =>
      ctx.client.send(
        new GetSdkCommand({
          restApiId,
          stageName: 'prod',
          sdkType: 'swift',
          parameters: { classPrefix: 'P' }
        })
      )
    )
    expect([err.name, statusOf(err), err.message]).toEqual([
      'BadRequestException',
      400,
      'SDK type swift is not supported in this region: us-east-1'
    ])
  })

  it('refuses java and ruby by default in a China region, as AWS does there', async () => {
    const emu = await startEmulator({ region: 'cn-north-1', quotas: { createDeploymentIntervalMs: 0 } })
    const client = sdkClient(emu)
    try {
      const restApiId = await deployedPets(client)
      for (const sdkType of ['java', 'ruby']) {
        const err = await sdkError(() =>
          client.send(
            new GetSdkCommand({ restApiId, stageName: 'prod', sdkType, parameters: REQUIRED[sdkType] })
          )
        )
        expect(err.message).toBe(`SDK type ${sdkType} is not supported in this region: cn-north-1`)
      }
      const js = await client.send(new GetSdkCommand({ restApiId, stageName: 'prod', sdkType: 'javascript' }))
      expect(js.$metadata.httpStatusCode).toBe(200)
    } finally {
      client.destroy()
      await emu.stop()
    }
  })
})
