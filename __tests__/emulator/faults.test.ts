import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetDeploymentsCommand,
  GetRestApisCommand,
  GetStageCommand,
  ServiceUnavailableException,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import {
  deployedApi,
  impatientClient,
  networkErrorOf,
  sdkClient,
  sdkError,
  sleep,
  statusOf,
  until,
  useEmulator
} from './helpers.js'

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

const describeStage = (id: string, stageName: string, description: string) =>
  new UpdateStageCommand({
    restApiId: id,
    stageName,
    patchOperations: [{ op: 'replace', path: '/description', value: description }]
  })

describe('emu.faults: 5xx statuses', () => {
  it.each([
    [500, 'InternalFailure', 'Internal server error'],
    [502, 'BadGatewayException', 'Bad Gateway'],
    [503, 'ServiceUnavailableException', 'Service Unavailable'],
    [504, 'EndpointRequestTimedOutException', 'Endpoint request timed out']
  ])(
    'answers %i as API Gateway does, which the SDK parses as a server fault',
    async (status, code, message) => {
      ctx.emu.faults.fail('GetStage', { status })
      const err = await sdkError(getStage)
      expect([err.name, statusOf(err), err.$fault, err.message]).toEqual([code, status, 'server', message])
      if (status === 503) expect(err).toBeInstanceOf(ServiceUnavailableException)
      expect(ctx.emu.calls.at(-1)).toMatchObject({ status, errorCode: code, faults: ['fail'] })
    }
  )

  it('are retried by the SDK', async () => {
    const retrying = sdkClient(ctx.emu, 2)
    try {
      for (const status of [500, 502, 503, 504]) {
        ctx.emu.faults.fail('GetStage', { status })
        const stage = await retrying.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
        expect(stage.$metadata.attempts).toBe(2)
      }
    } finally {
      retrying.destroy()
    }
  })

  it('need a code for statuses API Gateway does not document', () => {
    expect(() => ctx.emu.faults.fail('GetStage', { status: 418 })).toThrow(TypeError)
    expect(() => ctx.emu.faults.fail('GetStage', { status: 200, code: 'X' })).toThrow(TypeError)
  })
})

describe('emu.faults.dropResponse', () => {
  it('applies the call, then resets the connection without an answer', async () => {
    const { restApiId: id } = await deployedApi(ctx.client, 'drop')
    ctx.emu.faults.dropResponse('CreateDeployment')
    ctx.emu.resetCalls()

    const err = await sdkError(() =>
      ctx.client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'drop' }))
    )
    expect(networkErrorOf(err)).toContain('ECONNRESET')
    expect(statusOf(err)).toBeUndefined()
    // The lost answer was a 201: the deployment exists and the stage serves it.
    const { items } = await ctx.client.send(new GetDeploymentsCommand({ restApiId: id }))
    expect(items).toHaveLength(2)
    expect(ctx.emu.getStage(id, 'drop')?.deploymentId).toBe(items?.at(-1)?.id)
    expect(ctx.emu.calls[0]).toMatchObject({
      operation: 'CreateDeployment',
      status: 201,
      faults: ['drop-response']
    })

    // count 1: the next call is answered.
    await expect(
      ctx.client.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'drop' }))
    ).resolves.toMatchObject({
      $metadata: { httpStatusCode: 201 }
    })
  })

  it('makes a retrying SDK apply a non-idempotent call twice', async () => {
    const { restApiId: id } = await deployedApi(ctx.client, 'twice')
    const retrying = sdkClient(ctx.emu, 3)
    try {
      ctx.emu.faults.dropResponse('CreateDeployment')
      const created = await retrying.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'twice' }))
      expect(created.$metadata.attempts).toBe(2)
      // The first attempt's deployment exists too, though its id never reached the caller.
      expect(ctx.emu.getDeployments(id)).toHaveLength(3)
    } finally {
      retrying.destroy()
    }
  })
})

describe('emu.faults.hang', () => {
  it('never answers nor applies the call, until the client gives up', async () => {
    const { restApiId: id } = await deployedApi(ctx.client, 'hang')
    const impatient = impatientClient(ctx.emu, 300)
    try {
      ctx.emu.faults.hang('UpdateStage')
      ctx.emu.resetCalls()
      const start = Date.now()
      const err = await sdkError(() => impatient.send(describeStage(id, 'hang', 'never')))
      expect([err.name, err.code]).toEqual(['TimeoutError', 'ETIMEDOUT'])
      expect(Date.now() - start).toBeGreaterThanOrEqual(250)
      expect(ctx.emu.getStage(id, 'hang')?.description).toBeUndefined()
      expect(ctx.emu.calls).toMatchObject([{ operation: 'UpdateStage', status: 0, faults: ['hang'] }])

      await impatient.send(describeStage(id, 'hang', 'now'))
      expect(ctx.emu.getStage(id, 'hang')?.description).toBe('now')
    } finally {
      impatient.destroy()
    }
  })

  it('does not hold stop(), which cuts the hung connection', async () => {
    const emu = await startEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
    // requestTimeout without throwOnRequestTimeout only warns: this client would wait forever.
    const patient = new APIGatewayClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      requestHandler: { requestTimeout: 100, logger: { ...console, warn: () => {} } }
    })
    try {
      emu.faults.hang('GetRestApis')
      let settled = false
      const pending = sdkError(() => patient.send(new GetRestApisCommand({}))).finally(() => (settled = true))
      await until(() => emu.calls.length === 1)
      await sleep(300)
      expect(settled).toBe(false)

      const start = Date.now()
      await emu.stop()
      expect(Date.now() - start).toBeLessThan(1000)
      expect(networkErrorOf(await pending)).toMatch(/ECONNRESET|socket hang up/)
    } finally {
      patient.destroy()
      await emu.stop()
    }
  })
})

describe('emu.faults.latency', () => {
  it('delays the request before the operation by default, and the answer after it with { after: true }', async () => {
    const { restApiId: id } = await deployedApi(ctx.client, 'late')
    let settled = false
    const track = <T>(p: Promise<T>) => p.finally(() => (settled = true))

    ctx.emu.faults.latency('UpdateStage', 300, 1)
    const early = track(ctx.client.send(describeStage(id, 'late', 'before')))
    await sleep(150)
    expect([settled, ctx.emu.getStage(id, 'late')?.description]).toEqual([false, undefined])
    await early

    settled = false
    ctx.emu.resetCalls()
    ctx.emu.faults.latency('UpdateStage', 300, 1, { after: true })
    const start = Date.now()
    const late = track(ctx.client.send(describeStage(id, 'late', 'after')))
    // The change is visible (and the call recorded) while the answer is still held back.
    await until(() => ctx.emu.getStage(id, 'late')?.description === 'after')
    expect(settled).toBe(false)
    expect(ctx.emu.calls).toMatchObject([{ operation: 'UpdateStage', status: 200, faults: ['latency'] }])
    await late
    expect(Date.now() - start).toBeGreaterThanOrEqual(280)
  })
})

describe('CallRecord.faults', () => {
  it('names every fault that applied to a call, so tests can count them', async () => {
    ctx.emu.resetCalls()
    ctx.emu.faults.latency('GetStage', 1, 1)
    ctx.emu.faults.fail('GetStage', { status: 502 })
    ctx.emu.faults.throttle('GetStage', 1, 0)
    await sdkError(getStage)
    await sdkError(getStage)
    await getStage()
    expect(ctx.emu.calls.map(c => c.faults)).toEqual([['latency', 'fail'], ['throttle'], undefined])
    expect(ctx.emu.calls.filter(c => c.faults?.includes('fail'))).toHaveLength(1)
  })
})
