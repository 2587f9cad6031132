import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { callAws } from '../../../src/aws/call.js'

// callAws logs its retries with core.info (stdout); keep the test output to jest's own.
beforeAll(() => void jest.spyOn(process.stdout, 'write').mockImplementation(() => true))
afterAll(() => {
  jest.restoreAllMocks()
})

const context = { region: 'us-east-1', restApiId: 'a1' }
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
const throttled = () =>
  Object.assign(new Error('Too Many Requests'), {
    name: 'TooManyRequestsException',
    retryAfterSeconds: '0.01',
    $metadata: { httpStatusCode: 429 }
  })

describe('callAws', () => {
  it('after a lost answer, returns what reconcile finds instead of sending again', async () => {
    let sent = 0
    const result = await callAws(
      'CreateDeployment',
      async () => {
        sent++
        throw reset()
      },
      { deadlineMs: 5000, context, reconcile: async () => ({ id: 'found' }) }
    )
    expect(result).toEqual({ id: 'found' })
    expect(sent).toBe(1)
  })

  it('sends again when reconcile finds nothing, or cannot tell', async () => {
    for (const reconcile of [
      async () => undefined,
      async () => Promise.reject(new Error('GetDeployments failed'))
    ]) {
      let sent = 0
      const result = await callAws(
        'CreateDeployment',
        async () => {
          if (++sent === 1) throw reset()
          return { id: 'second' }
        },
        { deadlineMs: 5000, context, reconcile }
      )
      expect(result).toEqual({ id: 'second' })
      expect(sent).toBe(2)
    }
  })

  it('does not reconcile a refusal (429): nothing was applied', async () => {
    let reconciled = 0
    let sent = 0
    await callAws(
      'UpdateStage',
      async () => {
        if (++sent === 1) throw throttled()
        return 'ok'
      },
      {
        deadlineMs: 5000,
        context,
        reconcile: async () => {
          reconciled++
          return undefined
        }
      }
    )
    expect(reconciled).toBe(0)
  })

  it('bounds every attempt by what is left of the deadline: a silent endpoint fails in time', async () => {
    const started = Date.now()
    const silent = (signal: AbortSignal) =>
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))
    await expect(callAws('GetStage', silent, { deadlineMs: 300, context })).rejects.toThrow(
      /GetStage failed: TimeoutError: no answer within 0\.3 s/
    )
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('stops at once when the run is cancelled, during a backoff or before sending', async () => {
    const controller = new AbortController()
    const slow = Object.assign(throttled(), { retryAfterSeconds: '30' })
    setTimeout(() => controller.abort(new Error('received SIGTERM')), 50)
    const started = Date.now()
    await expect(
      callAws(
        'CreateDeployment',
        async () => {
          throw slow
        },
        { deadlineMs: 120_000, context, signal: controller.signal }
      )
    ).rejects.toThrow(
      'CreateDeployment was not retried after TooManyRequestsException: the run was cancelled (received SIGTERM).'
    )
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(
      callAws('GetStage', async () => 'never', { deadlineMs: 1000, context, signal: controller.signal })
    ).rejects.toThrow('GetStage was not sent: the run was cancelled (received SIGTERM).')
  })
})
