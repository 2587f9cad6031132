/**
 * Alarms during a canary: API Gateway from the emulator, CloudWatch from moto (which implements alarms).
 */
import { beforeAll, expect, it } from '@jest/globals'
import { PutMetricAlarmCommand, SetAlarmStateCommand, type StateValue } from '@aws-sdk/client-cloudwatch'
import { useActionFixture } from './fixture.js'
import { describeWithMoto, useMotoCloudWatch } from './moto.js'

const region = 'us-east-1'
const fixture = useActionFixture({ region, apiName: 'alarmed' })

describeWithMoto('the alarm checks')('canary with CloudWatch alarms', () => {
  const moto = useMotoCloudWatch(region)

  beforeAll(async () => {
    for (const name of ['api-5xx', 'api-latency']) {
      await moto.cloudwatch.send(
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

  const setState = (AlarmName: string, StateValue: StateValue) =>
    moto.cloudwatch.send(new SetAlarmStateCommand({ AlarmName, StateValue, StateReason: 'test' }))

  const canaryRun = (stageName: string, alarms: string) =>
    fixture.run({
      'stage-name': stageName,
      'cloudwatch-endpoint-url': moto.url,
      'canary-percent': '10',
      'alarm-names': alarms
    })

  it('promotes while the alarms are OK', async () => {
    await Promise.all([setState('api-5xx', 'OK'), setState('api-latency', 'OK')])
    const { stageName } = await fixture.baseStage()
    const run = await canaryRun(stageName, 'api-5xx, api-latency')
    expect(run.code).toBe(0)
    expect(run.outputs['canary-result']).toBe('promoted')
    expect(run.stdout).toContain('Alarms OK (2 watched)')
  })

  it('rolls back when an alarm is in ALARM', async () => {
    await setState('api-5xx', 'ALARM')
    const { stageName, base } = await fixture.baseStage()
    const run = await canaryRun(stageName, 'api-5xx\napi-latency')
    expect(run.code).toBe(1)
    expect(run.outputs['canary-result']).toBe('rolled-back')
    expect(run.errors.join('\n')).toContain('alarm api-5xx in ALARM')
    expect(JSON.parse(run.outputs['health-report']).steps[0].alarms).toEqual(['api-5xx'])
    const stage = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(stage?.deploymentId).toBe(base)
    expect(stage?.canarySettings).toBeUndefined()
    expect(run.summary).toContain('api-5xx')
  })

  it('names a missing alarm before changing anything', async () => {
    const { stageName, base } = await fixture.baseStage()
    const run = await canaryRun(stageName, 'api-5xx, api-5xxx')
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('Input "alarm-names": no CloudWatch alarm named "api-5xxx"')
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage'])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(base)
  })
})
