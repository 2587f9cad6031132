import {
  CreateDeploymentCommand,
  CreateStageCommand,
  GetStageCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import type { APIGatewayClient, PatchOperation } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import { deployedApi, sdkClient, sleep, until, useEmulator } from './helpers.js'

// cacheClusterStatus through a cluster's life: in progress, then settled after cacheClusterDelayMs.
const patch = (client: APIGatewayClient, restApiId: string, ...patchOperations: PatchOperation[]) =>
  client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations }))

describe('with the default delay (0)', () => {
  const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

  it('answers with the settled status at once', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const enabled = await patch(ctx.client, restApiId, {
      op: 'replace',
      path: '/cacheClusterEnabled',
      value: 'true'
    })
    expect(enabled).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      cacheClusterStatus: 'AVAILABLE'
    })
    const disabled = await patch(ctx.client, restApiId, {
      op: 'replace',
      path: '/cacheClusterEnabled',
      value: 'false'
    })
    expect(disabled).toMatchObject({ cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE' })
  })
})

describe('with cacheClusterDelayMs', () => {
  const DELAY = 150
  const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 }, cacheClusterDelayMs: DELAY })
  const status = (restApiId: string) => ctx.emu.getStage(restApiId, 'prod')?.cacheClusterStatus

  it('creates, resizes and deletes through the in-progress statuses', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const creating = await patch(
      ctx.client,
      restApiId,
      { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
      { op: 'replace', path: '/cacheClusterSize', value: '1.6' }
    )
    expect(creating).toMatchObject({ cacheClusterSize: '1.6', cacheClusterStatus: 'CREATE_IN_PROGRESS' })
    expect(
      (await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).cacheClusterStatus
    ).toBe('CREATE_IN_PROGRESS')
    await until(() => status(restApiId) === 'AVAILABLE', 2000)

    // A resize recreates the instance; an update that leaves the cluster alone does not restart anything.
    const resizing = await patch(ctx.client, restApiId, {
      op: 'replace',
      path: '/cacheClusterSize',
      value: '6.1'
    })
    expect(resizing.cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    await patch(ctx.client, restApiId, { op: 'replace', path: '/description', value: 'still resizing' })
    expect(status(restApiId)).toBe('CREATE_IN_PROGRESS')
    await until(() => status(restApiId) === 'AVAILABLE', 2000)
    const same = await patch(ctx.client, restApiId, {
      op: 'replace',
      path: '/cacheClusterSize',
      value: '6.1'
    })
    expect(same.cacheClusterStatus).toBe('AVAILABLE')

    const deleting = await patch(ctx.client, restApiId, {
      op: 'replace',
      path: '/cacheClusterEnabled',
      value: 'false'
    })
    expect(deleting).toMatchObject({ cacheClusterEnabled: false, cacheClusterStatus: 'DELETE_IN_PROGRESS' })
    await until(() => status(restApiId) === 'NOT_AVAILABLE', 2000)
  })

  it('lets a later change win over a pending one', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    await patch(ctx.client, restApiId, { op: 'replace', path: '/cacheClusterEnabled', value: 'true' })
    await patch(ctx.client, restApiId, { op: 'replace', path: '/cacheClusterEnabled', value: 'false' })
    expect(status(restApiId)).toBe('DELETE_IN_PROGRESS')
    await sleep(DELAY + 100)
    expect(status(restApiId)).toBe('NOT_AVAILABLE')
  })

  it('starts clusters created with CreateStage or CreateDeployment in CREATE_IN_PROGRESS', async () => {
    const { restApiId, deploymentId } = await deployedApi(ctx.client)
    const stage = await ctx.client.send(
      new CreateStageCommand({ restApiId, stageName: 'cached', deploymentId, cacheClusterEnabled: true })
    )
    expect(stage.cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'viadeploy', cacheClusterEnabled: true })
    )
    expect(ctx.emu.getStage(restApiId, 'viadeploy')?.cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    await until(() => ctx.emu.getStage(restApiId, 'cached')?.cacheClusterStatus === 'AVAILABLE', 2000)
    await until(() => ctx.emu.getStage(restApiId, 'viadeploy')?.cacheClusterStatus === 'AVAILABLE', 2000)
  })

  it('stops pending changes with the emulator', async () => {
    const emu = await startEmulator({
      quotas: { createDeploymentIntervalMs: 0 },
      cacheClusterDelayMs: 60_000
    })
    const client = sdkClient(emu)
    try {
      const { restApiId } = await deployedApi(client)
      await patch(client, restApiId, { op: 'replace', path: '/cacheClusterEnabled', value: 'true' })
      expect(emu.getStage(restApiId, 'prod')?.cacheClusterStatus).toBe('CREATE_IN_PROGRESS')
    } finally {
      client.destroy()
      // Returns promptly: the 60 s timer neither holds stop() nor the test process.
      await emu.stop()
    }
  })
})
