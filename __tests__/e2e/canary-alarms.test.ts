/**
 * Alarms during a canary: API Gateway from the emulator, CloudWatch from moto (which implements alarms).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type StateValue
} from '@aws-sdk/client-cloudwatch'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createSampleApi } from '../../emulator/sample-api.js'
import { motoAvailable, startMoto, type Moto } from './moto.js'
import { runAction } from './run-action.js'

const region = 'us-east-1'
const describeWithMoto = motoAvailable ? describe : describe.skip
if (!motoAvailable)
  console.warn('Skipping the alarm tests: they need moto (`python3 -c "import moto.server"` failed).')

describeWithMoto('canary with CloudWatch alarms', () => {
  let emu: Emulator
  let moto: Moto
  let cloudwatch: CloudWatchClient
  let restApiId: string

  beforeAll(async () => {
    ;[emu, moto] = await Promise.all([
      startEmulator({ region, quotas: { createDeploymentIntervalMs: 0 } }),
      startMoto()
    ])
    cloudwatch = new CloudWatchClient({
      region,
      endpoint: moto.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    restApiId = (await createSampleApi({ endpoint: emu.url, region, name: 'alarmed' })).restApiId
    for (const name of ['api-5xx', 'api-latency']) {
      await cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          Namespace: 'AWS/ApiGateway',
          MetricName: name === 'api-5xx' ? '5XXError' : 'Latency',
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold'
        })
      )
    }
  })
  afterAll(async () => {
    cloudwatch?.destroy()
    await Promise.all([emu?.stop(), moto?.stop()])
  })

  const setState = (AlarmName: string, StateValue: StateValue) =>
    cloudwatch.send(new SetAlarmStateCommand({ AlarmName, StateValue, StateReason: 'test' }))

  async function baseStage(stageName: string): Promise<string> {
    const run = await runAction({
      'rest-api-id': restApiId,
      'stage-name': stageName,
      'aws-region': region,
      'endpoint-url': emu.url
    })
    expect(run.code).toBe(0)
    return run.outputs['deployment-id']
  }

  const canaryRun = (stageName: string, alarms: string) =>
    runAction({
      'rest-api-id': restApiId,
      'stage-name': stageName,
      'aws-region': region,
      'endpoint-url': emu.url,
      'cloudwatch-endpoint-url': moto.url,
      'canary-percent': '10',
      'alarm-names': alarms
    })

  it('promotes while the alarms are OK', async () => {
    await Promise.all([setState('api-5xx', 'OK'), setState('api-latency', 'OK')])
    await baseStage('calm')
    const run = await canaryRun('calm', 'api-5xx, api-latency')
    expect(run.code).toBe(0)
    expect(run.outputs['canary-result']).toBe('promoted')
    expect(run.stdout).toContain('Alarms OK (2 watched)')
  })

  it('rolls back when an alarm is in ALARM', async () => {
    await setState('api-5xx', 'ALARM')
    const base = await baseStage('stormy')
    const run = await canaryRun('stormy', 'api-5xx\napi-latency')
    expect(run.code).toBe(1)
    expect(run.outputs['canary-result']).toBe('rolled-back')
    expect(run.errors.join('\n')).toContain('alarm api-5xx in ALARM')
    expect(JSON.parse(run.outputs['health-report']).steps[0].alarms).toEqual(['api-5xx'])
    const stage = emu.getStage(restApiId, 'stormy')
    expect(stage?.deploymentId).toBe(base)
    expect(stage?.canarySettings).toBeUndefined()
    expect(run.summary).toContain('api-5xx')
  })

  it('names a missing alarm before changing anything', async () => {
    const base = await baseStage('typo')
    emu.resetCalls()
    const run = await canaryRun('typo', 'api-5xx, api-5xxx')
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('Input "alarm-names": no CloudWatch alarm named "api-5xxx"')
    expect(emu.calls.map(c => c.operation)).toEqual(['GetStage'])
    expect(emu.getStage(restApiId, 'typo')?.deploymentId).toBe(base)
  })
})
