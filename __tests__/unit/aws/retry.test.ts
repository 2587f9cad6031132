import { describe, expect, it } from '@jest/globals'
import { retryDelayMs } from '../../../src/aws/retry.js'

const policy = { deadlineMs: 60_000, baseDelayMs: 500, maxDelayMs: 20_000, retryAfterJitterMs: 200 }
const always = (value: number) => () => value

describe('retryDelayMs', () => {
  const throttled = { name: 'TooManyRequestsException' }

  it('backs off exponentially with full jitter, capped', () => {
    expect(retryDelayMs(throttled, 1, 0, policy, always(1))).toBe(500)
    expect(retryDelayMs(throttled, 3, 0, policy, always(1))).toBe(2000)
    expect(retryDelayMs(throttled, 3, 0, policy, always(0.5))).toBe(1000)
    expect(retryDelayMs(throttled, 20, 0, policy, always(1))).toBe(20_000)
  })

  it('waits at least what Retry-After asks', () => {
    expect(retryDelayMs({ ...throttled, retryAfterSeconds: '5' }, 1, 0, policy, always(0))).toBe(5000)
    expect(retryDelayMs({ ...throttled, retryAfterSeconds: '5' }, 1, 0, policy, always(1))).toBe(5200)
  })

  it('gives up when the wait would pass the deadline', () => {
    expect(retryDelayMs(throttled, 2, 59_500, policy, always(1))).toBeUndefined()
    expect(
      retryDelayMs({ ...throttled, retryAfterSeconds: '30' }, 1, 40_000, policy, always(0))
    ).toBeUndefined()
  })

  it('never retries a non-retryable error', () => {
    expect(retryDelayMs({ name: 'BadRequestException' }, 1, 0, policy, always(0))).toBeUndefined()
  })
})
