/**
 * Stage configuration against moto, an implementation of API Gateway we did not write: settings, method
 * settings and usage plans. Where moto and AWS's documentation disagree, AWS decides, and the test says so.
 */
import { expect, it } from '@jest/globals'
import {
  CreateUsagePlanCommand,
  GetStageCommand,
  GetUsagePlanCommand,
  UpdateAccountCommand
} from '@aws-sdk/client-api-gateway'
import { describeWithMoto, useMoto } from './moto.js'

const region = 'us-east-1'
describeWithMoto('stage settings')('stage configuration against moto', () => {
  const moto = useMoto({ region, apiName: 'moto-settings' })
  const run = moto.run

  it('applies stage-wide settings, and a rerun changes nothing', async () => {
    expect((await run({ 'stage-name': 'settings' })).code).toBe(0)
    const inputs = {
      'stage-name': 'settings',
      command: 'configure-stage',
      'throttling-rate-limit': '25',
      'throttling-burst-limit': '50',
      'metrics-enabled': 'true',
      'tracing-enabled': 'true'
    }
    const first = await run(inputs)
    expect(first.errors).toEqual([])
    expect(first.code).toBe(0)
    const stage = await moto.client.send(
      new GetStageCommand({ restApiId: moto.restApiId, stageName: 'settings' })
    )
    expect(stage.tracingEnabled).toBe(true)
    expect(stage.methodSettings?.['*/*']).toMatchObject({
      throttlingRateLimit: 25,
      throttlingBurstLimit: 50,
      metricsEnabled: true
    })
    const second = await run(inputs)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Stage "settings" is configured as asked: nothing to change.')
    expect(JSON.parse(second.outputs.plan).changes).toEqual([])
  })

  it('applies per-method settings (moto keys them differently from AWS)', async () => {
    const inputs = {
      'stage-name': 'settings',
      command: 'configure-stage',
      'method-settings': '"/hello GET": { cache-ttl: 30 }'
    }
    expect((await run(inputs)).code).toBe(0)
    const stage = await moto.client.send(
      new GetStageCommand({ restApiId: moto.restApiId, stageName: 'settings' })
    )
    // Known moto difference: moto keys a method's settings by the escaped patch path ("~1hello/GET"); AWS
    // by "{resource path without its leading /}/{HTTP method}" ("hello/GET", API reference: Stage,
    // methodSettings). So against moto a rerun sends the setting again; against the emulator (AWS's keys)
    // it sends nothing (stage-settings.test.ts).
    expect(stage.methodSettings?.['~1hello/GET']).toMatchObject({ cacheTtlInSeconds: 30 })
    expect(stage.methodSettings?.['hello/GET']).toBeUndefined()
  })

  it('keeps the settings through a later deploy (the switch is an UpdateStage, not a recreated stage)', async () => {
    const deployed = await run({ 'stage-name': 'settings' })
    expect(deployed.code).toBe(0)
    const stage = await moto.client.send(
      new GetStageCommand({ restApiId: moto.restApiId, stageName: 'settings' })
    )
    expect(stage.deploymentId).toBe(deployed.outputs['deployment-id'])
    expect(stage.methodSettings?.['*/*']).toMatchObject({ throttlingRateLimit: 25 })
  })

  it('adds a new stage to the usage plans of another stage of the API (inherit)', async () => {
    const plan = await moto.client.send(
      new CreateUsagePlanCommand({
        name: 'moto-partners',
        apiStages: [{ apiId: moto.restApiId, stage: 'settings' }]
      })
    )
    const preview = await run({ 'stage-name': 'pr-1', 'usage-plans': 'inherit' })
    expect(preview.errors).toEqual([])
    expect(preview.code).toBe(0)
    const after = await moto.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id }))
    expect(after.apiStages?.map(s => s.stage).sort()).toEqual(['pr-1', 'settings'])
  })

  it('enables execution logging without the account CloudWatch role (moto does not refuse it)', async () => {
    await moto.client.send(
      new UpdateAccountCommand({
        patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: '' }]
      })
    )
    const run1 = await run({ 'stage-name': 'settings', command: 'configure-stage', 'logging-level': 'INFO' })
    // Known moto difference: moto enables execution logging without the account's CloudWatch Logs role;
    // AWS refuses it ("CloudWatch Logs role ARN must be set in account settings to enable logging", seen
    // in the wild, e.g. aws-solutions/virtual-waiting-room-on-aws#74). stage-settings.test.ts asserts
    // AWS's refusal, and the action's advice, against the emulator.
    expect(run1.code).toBe(0)
    const stage = await moto.client.send(
      new GetStageCommand({ restApiId: moto.restApiId, stageName: 'settings' })
    )
    expect(stage.methodSettings?.['*/*']?.loggingLevel).toBe('INFO')
  })
})
