import {
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetStageCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

describe('CreateDeployment onto an existing stage', () => {
  it('moves the stage to the new deployment and keeps its other settings', async () => {
    const { restApiId, deploymentId: first } = await deployedApi(ctx.client, 'prod', {
      color: 'blue',
      size: 'm'
    })
    await ctx.client.send(
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
    const before = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))

    // Variables passed on redeploy are set on top of the existing ones.
    const second = await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', variables: { color: 'green' } })
    )
    const after = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
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
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const err = await sdkError(() =>
      ctx.client.send(
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
    expect(ctx.emu.getStage(restApiId, 'missing')).toBeUndefined()
    expect(ctx.emu.getDeployments(restApiId)).toHaveLength(1)
  })

  it('points only the canary at the new deployment', async () => {
    const { restApiId, deploymentId: base } = await deployedApi(ctx.client, 'prod', {
      sv0: 'val0',
      sv1: 'val1'
    })
    const canary = await ctx.client.send(
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
    const stage = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
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
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', canarySettings: { percentTraffic: 5 } })
    )
    const err = await sdkError(() =>
      ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    )
    expect(err.name).toBe('BadRequestException')
    expect(err.message).toContain(
      'Non canary deployment not supported on stage prod because Canary is enabled'
    )

    await ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }]
      })
    )
    const ok = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    expect(ctx.emu.getStage(restApiId, 'prod')?.deploymentId).toBe(ok.id)
  })
})

describe('DeleteDeployment', () => {
  it('is refused while a stage or a stage canary uses the deployment', async () => {
    const { restApiId, deploymentId: base } = await deployedApi(ctx.client, 'prod')
    const inUse = await sdkError(() =>
      ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: base }))
    )
    expect(inUse.name).toBe('BadRequestException')
    expect(inUse.message).toBe('Active stages pointing to this deployment must be moved or deleted')

    const canary = await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', canarySettings: { percentTraffic: 50 } })
    )
    const canaryInUse = await sdkError(() =>
      ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    )
    expect(canaryInUse.name).toBe('BadRequestException')
    expect(canaryInUse.message).toBe(
      'Active stages with canary settings pointing to this deployment must be moved or deleted'
    )

    // Roll the canary back; its deployment is then free to go.
    await ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'remove', path: '/canarySettings' }]
      })
    )
    const deleted = await ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    expect(deleted.$metadata.httpStatusCode).toBe(202)
    expect(ctx.emu.getDeployments(restApiId).map(d => d.id)).toEqual([base])

    const gone = await sdkError(() =>
      ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: canary.id }))
    )
    expect(gone.name).toBe('NotFoundException')
  })
})
