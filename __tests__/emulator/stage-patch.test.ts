import { CreateDeploymentCommand, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

// Execution logging and CloudWatch access logs need the account's CloudWatch role (account.test.ts).
const ctx = useEmulator({
  quotas: { createDeploymentIntervalMs: 0 },
  cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs'
})
const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:x'

const patch = (restApiId: string, patchOperations: PatchOperation[], stageName = 'prod') =>
  ctx.client.send(new UpdateStageCommand({ restApiId, stageName, patchOperations }))

describe('UpdateStage patch operations', () => {
  it('updates scalar fields, variables and access logs', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'prod', { keep: 'a', drop: 'b' })
    const stage = await patch(restApiId, [
      { op: 'replace', path: '/description', value: 'live' },
      { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
      { op: 'replace', path: '/cacheClusterSize', value: '1.6' },
      { op: 'replace', path: '/tracingEnabled', value: 'true' },
      { op: 'replace', path: '/clientCertificateId', value: 'cert1' },
      { op: 'replace', path: '/variables/added', value: 'c' },
      { op: 'remove', path: '/variables/drop' },
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: logGroup },
      { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' }
    ])
    expect(stage).toMatchObject({
      description: 'live',
      cacheClusterEnabled: true,
      cacheClusterSize: '1.6',
      cacheClusterStatus: 'AVAILABLE',
      tracingEnabled: true,
      clientCertificateId: 'cert1',
      variables: { keep: 'a', added: 'c' },
      accessLogSettings: { destinationArn: logGroup, format: '$context.requestId' }
    })
    const removed = await patch(restApiId, [{ op: 'remove', path: '/accessLogSettings' }])
    expect(removed.accessLogSettings).toBeUndefined()
  })

  it('sets and removes method settings, including /*/*', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const stage = await patch(restApiId, [
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
      { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '60' },
      { op: 'replace', path: '/~1ping/GET/throttling/burstLimit', value: '20' },
      { op: 'replace', path: '/~1ping/GET/logging/dataTrace', value: 'true' }
    ])
    expect(stage.methodSettings?.['*/*']).toMatchObject({
      loggingLevel: 'INFO',
      cacheTtlInSeconds: 60,
      metricsEnabled: false
    })
    expect(stage.methodSettings?.['ping/GET']).toMatchObject({
      throttlingBurstLimit: 20,
      dataTraceEnabled: true
    })
    const after = await patch(restApiId, [{ op: 'remove', path: '/~1ping/GET' }])
    expect(Object.keys(after.methodSettings ?? {})).toEqual(['*/*'])
  })

  it('replaces the deployment only with one that exists', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const next = await ctx.client.send(new CreateDeploymentCommand({ restApiId }))
    expect(
      (await patch(restApiId, [{ op: 'replace', path: '/deploymentId', value: next.id }])).deploymentId
    ).toBe(next.id)
    const err = await sdkError(() =>
      patch(restApiId, [{ op: 'replace', path: '/deploymentId', value: 'zzzzzz' }])
    )
    expect(err.name).toBe('BadRequestException')
  })

  it('rejects unknown paths naming them, and applies nothing from a failing request', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'prod', { v: '1' })
    const err = await sdkError(() =>
      patch(restApiId, [
        { op: 'replace', path: '/variables/v', value: '2' },
        { op: 'replace', path: '/notAField', value: 'x' }
      ])
    )
    expect(err.name).toBe('BadRequestException')
    expect(statusOf(err)).toBe(400)
    expect(err.message).toContain('/notAField')
    expect(ctx.emu.getStage(restApiId, 'prod')?.variables).toEqual({ v: '1' })

    for (const op of [
      { op: 'add', path: '/description', value: 'x' },
      { op: 'replace', path: '/*/*/metrics/bogus', value: 'true' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'yes' },
      { op: 'replace', path: '/cacheClusterSize', value: '2' },
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '150' }
    ] as PatchOperation[]) {
      expect((await sdkError(() => patch(restApiId, [op]))).name).toBe('BadRequestException')
    }
  })
})

describe('canary patch operations', () => {
  it('runs the documented canary promotion sequence', async () => {
    const { restApiId, deploymentId: base } = await deployedApi(ctx.client, 'prod', {
      sv1: 'val1',
      keep: 'k'
    })
    const canary = await ctx.client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: 'prod',
        canarySettings: { percentTraffic: 10, stageVariableOverrides: { sv1: 'val2' } }
      })
    )

    const tuned = await patch(restApiId, [
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '25.5' },
      { op: 'replace', path: '/canarySettings/useStageCache', value: 'true' },
      { op: 'replace', path: '/canarySettings/stageVariableOverrides/sv2', value: 'val3' }
    ])
    expect(tuned.canarySettings).toEqual({
      deploymentId: canary.id,
      percentTraffic: 25.5,
      useStageCache: true,
      stageVariableOverrides: { sv1: 'val2', sv2: 'val3' }
    })
    expect(tuned.deploymentId).toBe(base)

    // Promotion per the API Gateway developer guide: copy the canary deployment and overrides, 0% traffic.
    const promoted = await patch(restApiId, [
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
      { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' }
    ])
    expect(promoted.deploymentId).toBe(canary.id)
    expect(promoted.variables).toEqual({ sv1: 'val2', sv2: 'val3', keep: 'k' })
    expect(promoted.canarySettings?.percentTraffic).toBe(0)

    const disabled = await patch(restApiId, [{ op: 'remove', path: '/canarySettings' }])
    expect(disabled.canarySettings).toBeUndefined()
    expect(disabled.deploymentId).toBe(canary.id)
  })

  it('removes a single canary override', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    await ctx.client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: 'prod',
        canarySettings: { percentTraffic: 1, stageVariableOverrides: { a: '1', b: '2' } }
      })
    )
    const stage = await patch(restApiId, [{ op: 'remove', path: '/canarySettings/stageVariableOverrides/a' }])
    expect(stage.canarySettings?.stageVariableOverrides).toEqual({ b: '2' })
  })

  it('needs a canary for remove and copy, while replace creates one on the current deployment', async () => {
    const { restApiId, deploymentId } = await deployedApi(ctx.client)
    for (const op of [
      { op: 'remove', path: '/canarySettings' },
      { op: 'remove', path: '/canarySettings/stageVariableOverrides/x' },
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' }
    ] as PatchOperation[]) {
      const err = await sdkError(() => patch(restApiId, [op]))
      expect(err.name).toBe('BadRequestException')
    }
    // As in the developer guide's "create a canary by updating the stage" example.
    const stage = await patch(restApiId, [
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '10.5' }
    ])
    expect(stage.canarySettings).toEqual({ deploymentId, percentTraffic: 10.5, useStageCache: false })
    const got = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    expect(got.canarySettings?.percentTraffic).toBe(10.5)
  })
})
