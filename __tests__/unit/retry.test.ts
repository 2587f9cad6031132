import { describe, expect, it } from '@jest/globals'
import { isRetryable, retryDelayMs } from '../../src/retry.js'

const policy = { deadlineMs: 60_000, baseDelayMs: 500, maxDelayMs: 20_000 }
const always = (value: number) => () => value

describe('isRetryable', () => {
  it.each([
    'TooManyRequestsException',
    'LimitExceededException',
    'ServiceUnavailableException',
    'Throttling'
  ])('retries %s', name => expect(isRetryable({ name })).toBe(true))

  it('retries only the concurrent-modification conflict', () => {
    expect(
      isRetryable({
        name: 'ConflictException',
        message: 'Unable to complete operation due to concurrent modification. Please try again later.'
      })
    ).toBe(true)
    expect(isRetryable({ name: 'ConflictException', message: 'Stage already exists' })).toBe(false)
  })

  it.each(['NotFoundException', 'BadRequestException', 'AccessDeniedException', 'UnauthorizedException'])(
    'does not retry %s',
    name => expect(isRetryable({ name })).toBe(false)
  )

  it('does not retry a used-up quota, which API Gateway also reports as LimitExceededException', () => {
    expect(
      isRetryable({
        name: 'LimitExceededException',
        message: 'Maximum number of stages for this API has been reached'
      })
    ).toBe(false)
    expect(isRetryable({ name: 'LimitExceededException', message: 'Rate exceeded' })).toBe(true)
  })

  it('retries a reset connection but not a refused one (a wrong endpoint should fail fast)', () => {
    expect(isRetryable({ code: 'ECONNRESET' })).toBe(true)
    expect(isRetryable({ code: 'ECONNREFUSED' })).toBe(false)
  })
})

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
    expect(retryDelayMs({ ...throttled, retryAfterSeconds: '5' }, 1, 0, policy, always(1))).toBe(5500)
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
