import { describe, expect, it } from '@jest/globals'
import { classify, isAmbiguous, isRetryable } from '../../../src/aws/classify.js'

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

describe('classify', () => {
  it('tells the kinds the hints and the retry policy share', () => {
    expect(classify({ name: 'CredentialsProviderError' })).toBe('credentials')
    expect(classify({ name: 'AccessDeniedException' })).toBe('access-denied')
    expect(classify({ name: 'SomethingElse', status: 403 })).toBe('access-denied')
    expect(classify({ name: 'NotFoundException' })).toBe('not-found')
    expect(classify({ name: 'BadRequestException' })).toBe('bad-request')
    expect(classify({ name: 'LimitExceededException', message: 'Maximum number of stages reached' })).toBe(
      'quota-exhausted'
    )
    expect(classify({ name: 'TooManyRequestsException' })).toBe('throttled')
    expect(classify({ name: 'ServiceUnavailableException' })).toBe('unavailable')
    expect(classify({ code: 'ECONNRESET' })).toBe('network')
    expect(classify({ name: 'InternalFailure' })).toBe('other')
  })

  it('treats 500, 502, 503 and 504 as transient, as the SDK does, but not 501', () => {
    for (const status of [500, 502, 503, 504])
      expect(isRetryable({ name: 'InternalFailure', status })).toBe(true)
    expect(isRetryable({ name: 'NotImplemented', status: 501 })).toBe(false)
    expect(classify({ name: 'TimeoutError' })).toBe('network')
  })

  it('calls a failure ambiguous when the request may have been applied', () => {
    expect(isAmbiguous({ code: 'ECONNRESET' })).toBe(true)
    expect(isAmbiguous({ name: 'TimeoutError', code: 'ETIMEDOUT' })).toBe(true)
    expect(isAmbiguous({ name: 'InternalFailure', status: 502 })).toBe(true)
    // Refused before it was applied: throttled, conflicting, or invalid.
    expect(isAmbiguous({ name: 'TooManyRequestsException', status: 429 })).toBe(false)
    expect(isAmbiguous({ name: 'ConflictException', message: 'concurrent modification', status: 409 })).toBe(
      false
    )
    expect(isAmbiguous({ name: 'BadRequestException', status: 400 })).toBe(false)
  })
})
