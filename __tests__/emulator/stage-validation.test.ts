import { UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

// UpdateStage's validation, with AWS's messages where they are on record (see stage-patch-errors.ts).
const ctx = useEmulator({
  quotas: { createDeploymentIntervalMs: 0 },
  cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs'
})
let restApiId: string

beforeAll(async () => {
  ;({ restApiId } = await deployedApi(ctx.client))
})

const patch = (...patchOperations: PatchOperation[]) =>
  ctx.client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations }))

async function refused(...ops: PatchOperation[]): Promise<string> {
  const err = await sdkError(() => patch(...ops))
  expect(err.name).toBe('BadRequestException')
  expect(statusOf(err)).toBe(400)
  return err.message
}

describe('unknown paths', () => {
  it.each([
    '/webAclArn',
    '/tags/team',
    '/documentationVersion',
    '/*/*/metrics/bogus',
    '/~1ping/FETCH/metrics/enabled'
  ])('answers AWS\'s "Invalid method setting path" for %s', async path => {
    const message = await refused({ op: 'replace', path, value: 'x' })
    expect(message).toMatch(
      new RegExp(
        `^Invalid method setting path: ${path.replace(/[*~]/g, '\\$&')}\\. Must be one of: \\[/deploymentId, /description,`
      )
    )
    expect(message).toContain('/variables/{variable_name}, /tracingEnabled]')
    expect(message).not.toContain('webAclArn]')
  })

  it('names unknown ops as AWS validation does', async () => {
    const message = await refused({ op: 'bogus' as 'add', path: '/description', value: 'x' })
    expect(message).toBe(
      "1 validation error detected: Value 'bogus' at 'updateStageInput.patchOperations.1.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
    )
  })

  it('refuses removing a method setting that is not there, in AWS words', async () => {
    expect(await refused({ op: 'remove', path: '/*/*' })).toBe(
      'Cannot remove method setting */* because there is no method setting for this method '
    )
  })
})

describe('method setting values', () => {
  it.each([
    ['/*/*/throttling/rateLimit', '-5'],
    ['/*/*/throttling/burstLimit', '-2'],
    ['/*/*/throttling/burstLimit', '1.5'],
    ['/*/*/throttling/rateLimit', 'fast'],
    ['/*/*/caching/ttlInSeconds', '3601'],
    ['/*/*/caching/ttlInSeconds', '-1'],
    ['/*/*/logging/loglevel', 'DEBUG'],
    ['/*/*/metrics/enabled', 'yes'],
    ['/cacheClusterSize', '2']
  ])('refuses %s = %s', async (path, value) => {
    await refused({ op: 'replace', path, value })
  })

  it('takes -1 for throttling (what Terraform sends for "not set") and the documented bounds', async () => {
    const stage = await patch(
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '-1' },
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '-1' },
      { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '3600' },
      { op: 'replace', path: '/~1ping/GET/caching/ttlInSeconds', value: '0' },
      { op: 'replace', path: '/~1ping/GET/throttling/rateLimit', value: '12.5' }
    )
    expect(stage.methodSettings?.['*/*']).toMatchObject({
      throttlingRateLimit: -1,
      throttlingBurstLimit: -1,
      cacheTtlInSeconds: 3600
    })
    expect(stage.methodSettings?.['ping/GET']).toMatchObject({
      cacheTtlInSeconds: 0,
      throttlingRateLimit: 12.5
    })
  })

  it('seeds a new method from */* and keys a bare resource segment as AWS does', async () => {
    await patch({ op: 'replace', path: '/*/*/caching/enabled', value: 'true' })
    // "/hello/GET/..." is accepted by AWS as key "hello/GET" (no ~1 needed for one segment).
    const stage = await patch({ op: 'replace', path: '/hello/GET/throttling/burstLimit', value: '124' })
    expect(stage.methodSettings?.['hello/GET']).toMatchObject({
      cachingEnabled: true,
      throttlingBurstLimit: 124
    })
    // Later */* changes do not reach methods that have their own entry.
    const later = await patch({ op: 'replace', path: '/*/*/caching/enabled', value: 'false' })
    expect(later.methodSettings?.['hello/GET']?.cachingEnabled).toBe(true)
  })
})

describe('access log settings', () => {
  const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/apigw/access'
  const firehose = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-access'

  it('takes add as well as replace, a destination alone, and Firehose streams named amazon-apigateway-*', async () => {
    const added = await patch({ op: 'add', path: '/accessLogSettings/destinationArn', value: logGroup })
    expect(added.accessLogSettings).toEqual({ destinationArn: logGroup })
    const firehosed = await patch(
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: firehose },
      {
        op: 'replace',
        path: '/accessLogSettings/format',
        value: '$context.extendedRequestId $context.status'
      }
    )
    expect(firehosed.accessLogSettings).toEqual({
      destinationArn: firehose,
      format: '$context.extendedRequestId $context.status'
    })
    const removed = await patch({ op: 'remove', path: '/accessLogSettings' })
    expect(removed.accessLogSettings).toBeUndefined()
  })

  it.each([
    [logGroup + ':*', 'Invalid ARN specified in the request'],
    ['arn:aws:firehose:us-east-1:123456789012:deliverystream/my-stream', 'amazon-apigateway-'],
    ['arn:aws:s3:::bucket', 'Invalid ARN specified in the request'],
    ['not-an-arn', 'Invalid ARN specified in the request']
  ])('refuses destination %s', async (value, text) => {
    expect(await refused({ op: 'replace', path: '/accessLogSettings/destinationArn', value })).toContain(text)
  })

  it('refuses a format without $context.requestId or $context.extendedRequestId', async () => {
    expect(
      await refused({
        op: 'replace',
        path: '/accessLogSettings/format',
        value: '$context.status $context.requestIdx'
      })
    ).toContain('$context.requestId')
  })

  it("answers AWS's messages for bad access log paths and empty values", async () => {
    const invalid =
      'Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]'
    expect(await refused({ op: 'replace', path: '/accessLogSettings/randomValue', value: 'x' })).toBe(invalid)
    expect(await refused({ op: 'add', path: '/accessLogSettings', value: 'x' })).toBe(invalid)
    expect(await refused({ op: 'remove', path: '/accessLogSettings/destinationArn' })).toBe(
      'Cannot remove method setting accessLogSettings/destinationArn because there is no method setting for this method '
    )
    expect(await refused({ op: 'replace', path: '/accessLogSettings/format', value: '' })).toBe(
      'Access Log value must not be empty'
    )
  })
})
