/**
 * canary-analysis against an independent CloudWatch: API Gateway from the emulator, CloudWatch from moto,
 * which stores what PutMetricData sends and answers GetMetricData over it. The test publishes the series API
 * Gateway would (Count and 5XXError, per stage and for "{stage}/Canary") while the action runs, so the
 * action's queries, paging and reading of the answer meet a CloudWatch it was not written against.
 */
import { expect, it } from '@jest/globals'
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { useActionFixture } from './fixture.js'
import { describeWithMoto, useMotoCloudWatch } from './moto.js'

const region = 'us-east-1'
const apiName = 'metered'
const fixture = useActionFixture({ region, apiName })

describeWithMoto('canary analysis')('canary analysis on moto CloudWatch', () => {
  const moto = useMotoCloudWatch(region)

  /** Publishes every 200 ms: the base's requests and errors always, the canary's once the stage has one. */
  function publish(stageName: string, perTick: { base: [number, number]; canary: [number, number] }) {
    const put = (stage: string, [count, errors]: [number, number]) =>
      moto.cloudwatch.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/ApiGateway',
          MetricData: (
            [
              ['Count', count],
              ['5XXError', errors]
            ] as const
          ).map(([MetricName, Value]) => ({
            MetricName,
            Value,
            Unit: 'Count',
            Timestamp: new Date(),
            Dimensions: [
              { Name: 'ApiName', Value: apiName },
              { Name: 'Stage', Value: stage }
            ]
          }))
        })
      )
    const pending: Promise<unknown>[] = []
    const timer = setInterval(() => {
      pending.push(put(stageName, perTick.base))
      if (fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings)
        pending.push(put(`${stageName}/Canary`, perTick.canary))
    }, 200)
    return async () => {
      clearInterval(timer)
      await Promise.all(pending)
    }
  }

  const analysedRun = async (perTick: { base: [number, number]; canary: [number, number] }) => {
    const { stageName, base } = await fixture.baseStage()
    const stop = publish(stageName, perTick)
    try {
      const run = await fixture.run({
        'stage-name': stageName,
        'cloudwatch-endpoint-url': moto.url,
        'canary-percent': '10',
        'bake-time': '3',
        'health-check-interval': '1',
        'canary-analysis': 'true',
        'analysis-metrics': '5XXError',
        'min-canary-requests': '50',
        'metrics-enabled': 'true'
      })
      return { run, stageName, base }
    } finally {
      await stop()
    }
  }

  it('rolls back a canary whose 5XX rate moto reports above the base', async () => {
    const { run, stageName, base } = await analysedRun({ base: [90, 1], canary: [10, 2] })
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, base, run)
    expect(run.errors.join('\n')).toMatch(
      /canary analysis failed: 5XX error rate 20\.0% \(\d+\/\d+\) vs base 1\.1% \(\d+\/\d+\): above the base \+ 1\.0%/
    )
    const [step] = JSON.parse(run.outputs['health-report']).steps
    expect(step.analysis.canary.requests).toBeGreaterThanOrEqual(50)
  })

  it('promotes a canary whose 5XX rate moto reports like the base', async () => {
    const { run } = await analysedRun({ base: [90, 1], canary: [10, 0] })
    expect(run.errors).toEqual([])
    expect(run.outputs['canary-result']).toBe('promoted')
    const [step] = JSON.parse(run.outputs['health-report']).steps
    expect(step.analysis).toMatchObject({
      verdict: 'pass',
      tests: ['two-proportion z-test (farrington-manning)']
    })
  })
})
