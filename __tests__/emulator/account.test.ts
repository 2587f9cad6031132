import { GetAccountCommand, UpdateAccountCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import { startEmulator } from '../../emulator/index.js'
import { deployedApi, sdkClient, sdkError, statusOf, useEmulator } from './helpers.js'

// GetAccount / UpdateAccount, and the CloudWatch role that execution and access logging need.
const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })
const role = 'arn:aws:iam::123456789012:role/apigw-push-to-cloudwatch'
const ROLE_MISSING = 'CloudWatch Logs role ARN must be set in account settings to enable logging'

const setRole = (value: string) =>
  ctx.client.send(
    new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value }] })
  )

afterEach(() => setRole(''))

describe('GetAccount and UpdateAccount', () => {
  it('starts without a CloudWatch role and keeps the one UpdateAccount sets', async () => {
    const fresh = await ctx.client.send(new GetAccountCommand({}))
    expect(fresh.cloudwatchRoleArn).toBeUndefined()
    expect(fresh.throttleSettings).toEqual({ burstLimit: 5000, rateLimit: 10000 })
    expect(fresh.features).toEqual(['UsagePlans'])

    expect((await setRole(role)).cloudwatchRoleArn).toBe(role)
    expect((await ctx.client.send(new GetAccountCommand({}))).cloudwatchRoleArn).toBe(role)
    expect(ctx.emu.calls.at(-1)?.operation).toBe('GetAccount')
  })

  it('refuses other paths and malformed role ARNs', async () => {
    const badPath = await sdkError(() =>
      ctx.client.send(
        new UpdateAccountCommand({
          patchOperations: [{ op: 'replace', path: '/throttleSettings', value: '1' }]
        })
      )
    )
    expect(badPath.name).toBe('BadRequestException')
    expect(badPath.message).toContain("'/throttleSettings'")
    const badArn = await sdkError(() => setRole('arn:aws:iam::123:user/me'))
    expect(badArn.name).toBe('BadRequestException')
    expect(badArn.message).toBe('The role ARN does not have required permissions set to API Gateway')
  })

  it('can be set at start', async () => {
    const emu = await startEmulator({ cloudwatchRoleArn: role })
    const client = sdkClient(emu)
    try {
      expect((await client.send(new GetAccountCommand({}))).cloudwatchRoleArn).toBe(role)
    } finally {
      client.destroy()
      await emu.stop()
    }
  })
})

describe('logging needs the account role', () => {
  const patch = (restApiId: string, ...patchOperations: PatchOperation[]) =>
    ctx.client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations }))

  it.each([
    { op: 'replace', path: '/*/*/logging/loglevel', value: 'ERROR' },
    { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
    { op: 'replace', path: '/~1ping/GET/logging/dataTrace', value: 'true' },
    {
      op: 'replace',
      path: '/accessLogSettings/destinationArn',
      value: 'arn:aws:logs:us-east-1:123456789012:log-group:access'
    }
  ] as PatchOperation[])('refuses $path = $value without it, changing nothing', async op => {
    const { restApiId } = await deployedApi(ctx.client)
    const err = await sdkError(() =>
      patch(restApiId, { op: 'replace', path: '/description', value: 'x' }, op)
    )
    expect(err.name).toBe('BadRequestException')
    expect(statusOf(err)).toBe(400)
    expect(err.message).toBe(ROLE_MISSING)
    expect(ctx.emu.getStage(restApiId, 'prod')?.description).toBeUndefined()

    await setRole(role)
    await patch(restApiId, op)
  })

  it('lets logging stay off, and Firehose access logs, without it', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const stage = await patch(
      restApiId,
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'OFF' },
      { op: 'replace', path: '/*/*/logging/dataTrace', value: 'false' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' },
      {
        op: 'replace',
        path: '/accessLogSettings/destinationArn',
        value: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/amazon-apigateway-logs'
      }
    )
    expect(stage.methodSettings?.['*/*']).toMatchObject({ loggingLevel: 'OFF', metricsEnabled: true })
  })
})
