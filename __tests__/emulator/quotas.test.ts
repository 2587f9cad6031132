import { CreateDeploymentCommand, CreateStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import type { Emulator } from '../../emulator/index.js'
import { deployedApi, sdkClient, sdkError, statusOf } from './helpers.js'

const started: Emulator[] = []
async function emulator(quotas: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> {
  const emu = await startEmulator(quotas)
  started.push(emu)
  return emu
}

afterAll(async () => {
  await Promise.all(started.map(e => e.stop()))
})

describe('stages per API', () => {
  it('refuses stages beyond the quota with LimitExceededException', async () => {
    const emu = await emulator({ quotas: { stagesPerApi: 2, createDeploymentIntervalMs: 0 } })
    const client = sdkClient(emu)
    try {
      const { restApiId, deploymentId } = await deployedApi(client, 'one')
      await client.send(new CreateStageCommand({ restApiId, stageName: 'two', deploymentId }))
      const err = await sdkError(() =>
        client.send(new CreateStageCommand({ restApiId, stageName: 'three', deploymentId }))
      )
      expect(err.name).toBe('LimitExceededException')
      expect(statusOf(err)).toBe(429)
      expect(err.message).toContain('Maximum number of Stages')

      // Same quota when CreateDeployment would create the stage; no deployment is left behind.
      const viaDeploy = await sdkError(() =>
        client.send(new CreateDeploymentCommand({ restApiId, stageName: 'three' }))
      )
      expect(viaDeploy.name).toBe('LimitExceededException')
      expect(emu.getDeployments(restApiId)).toHaveLength(1)
    } finally {
      client.destroy()
    }
  })
})

describe('CreateDeployment rate', () => {
  it('answers 429 TooManyRequestsException with Retry-After inside the interval', async () => {
    const emu = await emulator({ quotas: { createDeploymentIntervalMs: 1500 } })
    const client = sdkClient(emu)
    try {
      const { restApiId } = await deployedApi(client, 'prod')
      const err = await sdkError(() =>
        client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
      )
      expect(err.name).toBe('TooManyRequestsException')
      expect(statusOf(err)).toBe(429)
      // Retry-After is whole seconds, rounded up; the SDK models it as a string.
      expect(Number(err.retryAfterSeconds)).toBeGreaterThanOrEqual(1)
      expect(Number(err.retryAfterSeconds)).toBeLessThanOrEqual(2)
      expect(emu.calls.at(-1)).toMatchObject({
        operation: 'CreateDeployment',
        status: 429,
        errorCode: 'TooManyRequestsException'
      })
    } finally {
      client.destroy()
    }
  })

  it('lets the SDK retry through the throttle after Retry-After', async () => {
    const emu = await emulator({ quotas: { createDeploymentIntervalMs: 200 } })
    const client = sdkClient(emu, 3)
    try {
      const { restApiId } = await deployedApi(client, 'prod')
      emu.resetCalls()
      const second = await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
      expect(second.$metadata.attempts).toBe(2)
      expect(emu.calls.map(c => c.status)).toEqual([429, 201])
    } finally {
      client.destroy()
    }
  })

  it('is off when the interval is 0', async () => {
    const emu = await emulator({ quotas: { createDeploymentIntervalMs: 0 } })
    const client = sdkClient(emu)
    try {
      const { restApiId } = await deployedApi(client, 'prod')
      for (let i = 0; i < 3; i++)
        await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
      expect(emu.getDeployments(restApiId)).toHaveLength(4)
    } finally {
      client.destroy()
    }
  })
})

describe('patch operations per UpdateStage', () => {
  const variables = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      op: 'replace' as const,
      path: `/variables/v${i}`,
      value: 'x'
    }))

  it('takes 80 by default and refuses more, changing nothing', async () => {
    const emu = await emulator({ quotas: { createDeploymentIntervalMs: 0 } })
    const client = sdkClient(emu)
    try {
      const { restApiId } = await deployedApi(client, 'prod')
      const update = (count: number) =>
        client.send(
          new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: variables(count) })
        )
      const err = await sdkError(() => update(81))
      expect(err.name).toBe('BadRequestException')
      expect(statusOf(err)).toBe(400)
      expect(err.message).toBe('Update size too large. Try updating stage in multiple UpdateStage operations')
      expect(emu.getStage(restApiId, 'prod')?.variables).toBeUndefined()
      expect(Object.keys((await update(80)).variables ?? {})).toHaveLength(80)
    } finally {
      client.destroy()
    }
  })

  it('follows the patchOperationsPerUpdate quota', async () => {
    const emu = await emulator({ quotas: { createDeploymentIntervalMs: 0, patchOperationsPerUpdate: 2 } })
    const client = sdkClient(emu)
    try {
      const { restApiId } = await deployedApi(client, 'prod')
      const err = await sdkError(() =>
        client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: variables(3) }))
      )
      expect(err.message).toContain('Update size too large')
    } finally {
      client.destroy()
    }
  })
})
