import {
  CreateDeploymentCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import type { CallRecord } from '../../emulator/index.js'
import { deployedApi, impatientClient, networkErrorOf, sdkError, until, useEmulator } from './helpers.js'

// The /_emulator/* endpoints: what out-of-process users (scripts, the CLI's users) drive the emulator with.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
let restApiId: string

beforeAll(async () => {
  ;({ restApiId } = await deployedApi(ctx.client, 'prod'))
})

afterEach(() => ctx.emu.faults.clear())

const getStage = () => ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))

const post = (path: string, body: unknown) =>
  fetch(`${ctx.emu.url}/_emulator/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })

const readCalls = async (): Promise<CallRecord[]> =>
  (await (await fetch(`${ctx.emu.url}/_emulator/calls`)).json()) as CallRecord[]

describe('HTTP control endpoints', () => {
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

    expect((await readCalls()).map(c => c.status)).toEqual([429, 403, 200])

    expect((await post('faults', { fault: 'bogus' })).status).toBe(400)
    expect((await fetch(`${ctx.emu.url}/_emulator/nope`)).status).toBe(404)
  })

  it('injects hangs, dropped responses, late answers and bare-status failures', async () => {
    await post('reset-calls', {})
    const ok = await post('faults', [
      { fault: 'hang', operation: 'GetStage' },
      { fault: 'drop-response', operation: 'CreateDeployment' },
      { fault: 'latency', operation: 'UpdateStage', ms: 300, count: 1, after: true },
      { fault: 'fail', operation: 'GetStages', error: { status: 502 } }
    ])
    expect(ok.status).toBe(200)

    const impatient = impatientClient(ctx.emu, 200)
    try {
      expect(
        (await sdkError(() => impatient.send(new GetStageCommand({ restApiId, stageName: 'prod' })))).name
      ).toBe('TimeoutError')
    } finally {
      impatient.destroy()
    }
    const dropped = await sdkError(() =>
      ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    )
    expect(networkErrorOf(dropped)).toContain('ECONNRESET')
    expect(ctx.emu.getDeployments(restApiId)).toHaveLength(2)

    const update = ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/description', value: 'late' }]
      })
    )
    await until(() => ctx.emu.getStage(restApiId, 'prod')?.description === 'late')
    await update

    const badGateway = await sdkError(() => ctx.client.send(new GetStagesCommand({ restApiId })))
    expect([badGateway.name, badGateway.$fault]).toEqual(['BadGatewayException', 'server'])

    expect((await readCalls()).map(c => [c.operation, c.status, c.faults])).toEqual([
      ['GetStage', 0, ['hang']],
      ['CreateDeployment', 201, ['drop-response']],
      ['UpdateStage', 200, ['latency']],
      ['GetStages', 502, ['fail']]
    ])
  })

  it('refuses malformed faults with 400', async () => {
    for (const bad of [
      { fault: 'hang' },
      { fault: 'drop-response', operation: 'GetStage', count: 0 },
      { fault: 'fail', operation: 'GetStage', error: { status: 418 } },
      { fault: 'fail', operation: 'GetStage' },
      { fault: 'latency', operation: 'GetStage', ms: -1 }
    ]) {
      const res = await post('faults', bad)
      expect([JSON.stringify(bad), res.status]).toEqual([JSON.stringify(bad), 400])
    }
    await expect(getStage()).resolves.toBeDefined()
  })
})
