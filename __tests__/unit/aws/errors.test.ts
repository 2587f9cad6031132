import { describe, expect, it } from '@jest/globals'
import { describeAwsError } from '../../../src/aws/errors.js'

const context = { region: 'eu-west-1', restApiId: 'a1b2c3' }
const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

describe('describeAwsError', () => {
  it('names the operation, the code and the HTTP status, and keeps both as fields', () => {
    const error = describeAwsError(
      'UpdateStage',
      sdkError('BadRequestException', 'Invalid patch path', 400),
      context
    )
    expect(error.message.split('\n')[0]).toBe(
      'UpdateStage failed: BadRequestException (HTTP 400): Invalid patch path'
    )
    expect(error).toMatchObject({ operation: 'UpdateStage', code: 'BadRequestException' })
  })

  it('names the missing IAM action, with the region and API filled in', () => {
    const error = describeAwsError(
      'CreateDeployment',
      sdkError('AccessDeniedException', 'not authorized', 403),
      context
    )
    expect(error.message).toContain(
      'allow apigateway:POST on arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/deployments'
    )
  })

  it('advises on a used-up quota, not on retrying', () => {
    const error = describeAwsError(
      'CreateDeployment',
      sdkError('LimitExceededException', 'Maximum number of stages reached', 429),
      context
    )
    expect(error.message).toContain('quota is used up')
    expect(error.message).not.toContain('retry-deadline-seconds')
  })

  it('advises on the retry deadline for what the retry policy retries', () => {
    for (const [name, status] of [
      ['TooManyRequestsException', 429],
      ['ServiceUnavailableException', 503],
      ['InternalFailure', 500]
    ] as const)
      expect(describeAwsError('GetStage', sdkError(name, 'x', status), context).message).toContain(
        'raise "retry-deadline-seconds"'
      )
  })

  it('adds no advice it does not have', () => {
    const error = describeAwsError('GetStage', sdkError('SerializationException', 'boom', 400), context)
    expect(error.message).toBe('GetStage failed: SerializationException (HTTP 400): boom')
  })
})
