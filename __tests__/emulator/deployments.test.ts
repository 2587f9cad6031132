import {
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetStageCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import type { Emulator } from '../../emulator/index.js'
import { deployedApi, sdkClient, sdkError, statusOf } from './helpers.js'

let emu: Emulator
let client: APIGatewayClient

beforeAll(async () => {
  emu = await startEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
  client = sdkClient(emu)
})

afterAll(async () => {
  client.destroy()
  await emu.stop()
})

describe('CreateDeployment onto an existing stage', () => {
  it('moves the stage to the new deployment and keeps its other settings', async () => {
    const { restApiId, deploymentId: first } = await deployedApi(client, 'prod', { color: 'blue', size: 'm' })
    await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [
          { op: 'replace', path: '/description', value: 'Production' },
          { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
          { op: 'replace', path: '/*/*/throttling/rateLimit', value: '50' }
        ]
      })
    )
    const before = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))

    // Variables passed on redeploy are set on top of the existing ones.
    const second = await client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { color: 'green' } })
    )
    const after = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    expect(second.id).not.toBe(first)
    expect(after.deploymentId).toBe(second.id)
    expect(after.variables).toEqual({ color: 'green', size: 'm' })
    expect(after.description).toBe('Production')
    expect(after.methodSettings).toEqual(before.methodSettings)
    expect(after.methodSettings?.['*/*']).toMatchObject({ metricsEnabled: true, throttlingRateLimit: 50 })
    expect(after.createdDate).toEqual(before.createdDate)
  })
})

describe('canary deployments', () => {
  it('refuses canarySettings for a stage that does not exist', async () => {
    const { restApiId } = await deployedApi(client, 'prod')
    const err = await sdkError(() =>
      client.send(
        new CreateDeploymentCommand({
          restApiId,
          stageName: 'missing',
          canarySettings: { percentTraffic: 10 }
        })
      )
    )
    expect(err.name).toBe('BadRequestException')
    expect(statusOf(err)).toBe(400)
    expect(err.message).toContain(
      'Stage missing must already be created before making a canary release deployment'
    )
    expect(emu.getStage(restApiId, 'missing')).toBeUndefined()
    expect(emu.getDeployments(restApiId)).toHaveLength(1)
  })

  it('points only the canary at the new deployment', async () => {
    const { restApiId, deploymentId: base } = await deployedApi(client, 'prod', { sv0: 'val0', sv1: 'val1' })
    const canary = await client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: 'prod',
        canarySettings: {
          percentTraffic: 10.5,
          useStageCache: false,
          stageVariableOverrides: { sv1: 'val2', sv2: 'val3' }
        }
      })
    )
    const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    expect(stage.deploymentId).toBe(base)
    expect(stage.variables).toEqual({ sv0: 'val0', sv1: 'val1' })
    expect(stage.canarySettings).toEqual({
      deploymentId: canary.id,
      percentTraffic: 10.5,
      useStageCache: false,
      stageVariableOverrides: { sv1: 'val2', sv2: 'val3' }
    })
  })

  it('refuses a plain deployment while the stage has a canary', async () => {
    const { restApiId } = await deployedApi(client, 'prod')
    await client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', canarySettings: { percentTraffic: 5 } })
    )
    const err = await sdkError(() =>
      client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    )
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toContain(
      'Non canary deployment not supported on stage prod because Canary is enabled'
    )

    await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }]
      })
    )
    const ok = await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    expect(emu.getStage(restApiId, 'prod')?.deploymentId).toBe(ok.id)
  })
})

describe('DeleteDeployment', () => {
  it('is refused while a stage or a stage canary uses the deployment', async () => {
    const { restApiId, deploymentId: base } = await deployedApi(client, 'prod')
    const inUse = await sdkError(() =>
      client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: base }))
    )
    expect(inUse.name).toBe('BadRequestException')
    expect(inUse.message).toBe('Active stages pointing to this deployment must be moved or deleted')

    const canary = await client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', canarySettings: { percentTraffic: 50 } })
    )
    const canaryInUse = await sdkError(() =>
      client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    )
    expect(canaryInUse.name).toBe('BadRequestException')
    expect(canaryInUse.message).toBe(
      'Active stages with canary settings pointing to this deployment must be moved or deleted'
    )

    // Roll the canary back; its deployment is then free to go.
    await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }]
      })
    )
    const deleted = await client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    expect(deleted.$metadata.httpStatusCode).toBe(202)
    expect(emu.getDeployments(restApiId).map(d => d.id)).toEqual([base])

    const gone = await sdkError(() =>
      client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    )
    expect(gone.name).toBe('NotFoundException')
  })
})
