import {
  CreateRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import type { CallRecord } from '../../emulator/index.js'
import { deployedApi, sdkClient, sdkError, statusOf, useEmulator } from './helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let restApiId: string

beforeAll(async () => {
  ;({ restApiId } = await deployedApi(ctx.client, 'prod'))
})

afterEach(() => ctx.emu.faults.clear())

const getStage = () => ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))

describe('emu.faults', () => {
  it('throttles the next N calls of one operation with Retry-After', async () => {
    ctx.emu.faults.throttle('GetStage', 2, 3)
    for (let i = 0; i < 2; i++) {
      const err = await sdkError(getStage)
      expect(err.name).toBe('TooManyRequestsException')
      expect(statusOf(err)).toBe(429)
      expect(err.retryAfterSeconds).toBe('3')
    }
    await expect(ctx.client.send(new GetRestApisCommand({}))).resolves.toBeDefined()
    await expect(getStage()).resolves.toMatchObject({ stageName: 'prod' })
  })

  it('fails calls with any status and code', async () => {
    ctx.emu.faults.fail('UpdateStage', { status: 403, code: 'AccessDeniedException', message: 'not allowed' })
    ctx.emu.faults.fail('UpdateStage', {
      status: 409,
      code: 'ConflictException',
      message: 'Unable to complete operation due to concurrent modification. Please try again later.'
    })
    ctx.emu.faults.fail('UpdateStage', {
      status: 503,
      code: 'ServiceUnavailableException',
      message: 'down',
      retryAfterSeconds: 2
    })
    ctx.emu.faults.fail('UpdateStage', { status: 500, code: 'InternalFailure', message: 'boom' })
    const update = () =>
      ctx.client.send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/description', value: 'x' }]
        })
      )

    const denied = await sdkError(update)
    expect([denied.name, statusOf(denied), denied.message]).toEqual([
      'AccessDeniedException',
      403,
      'not allowed'
    ])
    const busy = await sdkError(update)
    expect([busy.name, statusOf(busy)]).toEqual(['ConflictException', 409])
    expect(busy.message).toContain('concurrent modification')
    const down = await sdkError(update)
    expect([down.name, statusOf(down), down.retryAfterSeconds]).toEqual([
      'ServiceUnavailableException',
      503,
      '2'
    ])
    const crash = await sdkError(update)
    expect([crash.name, statusOf(crash)]).toEqual(['InternalFailure', 500])

    // Faults fire before the handler, so none of these changed the stage.
    expect(ctx.emu.getStage(restApiId, 'prod')?.description).toBeUndefined()
    await update()
    expect(ctx.emu.getStage(restApiId, 'prod')?.description).toBe('x')
  })

  it("matches every operation with '*'", async () => {
    ctx.emu.faults.fail('*', { status: 503, code: 'ServiceUnavailableException', message: 'down' }, 2)
    expect((await sdkError(getStage)).name).toBe('ServiceUnavailableException')
    expect((await sdkError(() => ctx.client.send(new GetRestApisCommand({})))).name).toBe(
      'ServiceUnavailableException'
    )
    await expect(getStage()).resolves.toBeDefined()
  })

  it('delays calls', async () => {
    ctx.emu.faults.latency('GetStage', 150, 1)
    const start = Date.now()
    await getStage()
    expect(Date.now() - start).toBeGreaterThanOrEqual(140)
    const fast = Date.now()
    await getStage()
    expect(Date.now() - fast).toBeLessThan(140)
  })

  it('is absorbed by SDK retries, and every attempt is recorded', async () => {
    const retrying = sdkClient(ctx.emu, 3)
    try {
      ctx.emu.faults.throttle('CreateRestApi', 1, 0)
      ctx.emu.resetCalls()
      const api = await retrying.send(new CreateRestApiCommand({ name: 'retried' }))
      expect(api.$metadata.attempts).toBe(2)
      expect(ctx.emu.calls.map(c => [c.operation, c.status])).toEqual([
        ['CreateRestApi', 429],
        ['CreateRestApi', 201]
      ])
    } finally {
      retrying.destroy()
    }
  })

  it('clears pending faults', async () => {
    ctx.emu.faults.throttle('GetStage', 5)
    ctx.emu.faults.clear()
    await expect(getStage()).resolves.toBeDefined()
  })
})

describe('HTTP control endpoints', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${ctx.emu.url}/_emulator/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })

  it('injects faults and reads calls out of process', async () => {
    expect((await post('reset-calls', {})).status).toBe(200)
    expect(
      (await post('faults', { fault: 'throttle', operation: 'GetStage', count: 1, retryAfterSeconds: 1 }))
        .status
    ).toBe(200)
    expect((await sdkError(getStage)).name).toBe('TooManyRequestsException')

    await post('faults', {
      fault: 'fail',
      operation: 'GetStage',
      error: { status: 403, code: 'AccessDeniedException', message: 'no' }
    })
    expect((await sdkError(getStage)).name).toBe('AccessDeniedException')

    await post('faults', [{ fault: 'latency', operation: 'GetStage', ms: 10 }, { fault: 'clear' }])
    await getStage()

    const calls = (await (await fetch(`${ctx.emu.url}/_emulator/calls`)).json()) as CallRecord[]
    expect(calls.map(c => c.status)).toEqual([429, 403, 200])

    expect((await post('faults', { fault: 'bogus' })).status).toBe(400)
    expect((await fetch(`${ctx.emu.url}/_emulator/nope`)).status).toBe(404)
  })
})
