import { CreateDeploymentCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery
} from '@aws-sdk/client-cloudwatch'
import { createSampleApi, startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js'
import { metricDataQueries, minutesFromResults, queryWindow } from '../../src/canary-analysis/queries.js'
import { judgeCanary } from '../../src/canary-analysis/verdict.js'
import { canaryApi, deployedApi, hitMany, sdkClient, sdkError, statusOf, useEmulator } from './helpers.js'

// CloudWatch GetMetricData over the emulator's invoke traffic, spoken by @aws-sdk/client-cloudwatch (AWS JSON
// 1.0, awsQueryCompatible) to the emulator's URL.
const ctx = useEmulator({ seed: 7, quotas: { createDeploymentIntervalMs: 0 } })
let cloudwatch: CloudWatchClient

const clientFor = (emu: Emulator): CloudWatchClient =>
  new CloudWatchClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })

beforeAll(() => {
  cloudwatch = clientFor(ctx.emu)
})
afterAll(() => cloudwatch.destroy())
afterEach(() => {
  ctx.emu.faults.clear()
  ctx.emu.metricsClock.reset()
})

const MINUTE = 60_000
/** A whole minute well in the past of the real clock, so tests lay traffic down on their own minutes. */
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE - 120 * MINUTE

function query(
  id: string,
  metricName: string,
  stat: string,
  dimensions: Record<string, string>,
  extra: Partial<MetricDataQuery> & { Period?: number; Unit?: string } = {}
): MetricDataQuery {
  const { Period = 60, Unit, ...rest } = extra
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/ApiGateway',
        MetricName: metricName,
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value }))
      },
      Period,
      Stat: stat,
      ...(Unit && { Unit: Unit as never })
    },
    ...rest
  }
}

const getData = (
  input: Partial<GetMetricDataCommandInput> & Pick<GetMetricDataCommandInput, 'MetricDataQueries'>
) =>
  cloudwatch.send(
    new GetMetricDataCommand({
      StartTime: new Date(T0 - 60 * MINUTE),
      EndTime: new Date(Date.now() + MINUTE),
      ...input
    })
  )

/** One result's values by id, oldest first, as [epoch ms, value]. */
async function series(
  queries: MetricDataQuery[],
  input: Partial<GetMetricDataCommandInput> = {}
): Promise<Record<string, [number, number][]>> {
  const answer = await getData({ MetricDataQueries: queries, ScanBy: 'TimestampAscending', ...input })
  return Object.fromEntries(
    (answer.MetricDataResults ?? []).map(r => [
      r.Id,
      (r.Timestamps ?? []).map((t, i) => [t.getTime(), (r.Values ?? [])[i]] as [number, number])
    ])
  )
}

const total = (points: [number, number][] | undefined) => (points ?? []).reduce((sum, [, v]) => sum + v, 0)

describe('invoke traffic in the metrics', () => {
  it('counts base and canary requests under Stage {stage} and {stage}/Canary, and all under ApiName', async () => {
    const { restApiId } = await canaryApi(ctx, 30)
    const hits = await hitMany(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`, 120)
    const canaryHits = hits.filter(h => h.canary).length
    expect(canaryHits).toBeGreaterThan(10)
    expect(canaryHits).toBeLessThan(110)

    const got = await series([
      query('base', 'Count', 'Sum', { ApiName: 'sample-api', Stage: 'prod' }),
      query('canary', 'Count', 'Sum', { Stage: 'prod/Canary', ApiName: 'sample-api' }),
      query('api', 'Count', 'SampleCount', { ApiName: 'sample-api' }),
      query('errors', '5XXError', 'Sum', { ApiName: 'sample-api', Stage: 'prod/Canary' })
    ])
    expect(total(got.base)).toBe(120 - canaryHits)
    expect(total(got.canary)).toBe(canaryHits)
    expect(total(got.api)).toBeGreaterThanOrEqual(120)
    expect(total(got.errors)).toBe(0)

    const recorded = ctx.emu.traffic.filter(r => r.restApiId === restApiId)
    expect(recorded).toHaveLength(120)
    expect(recorded.find(r => r.canary)).toMatchObject({
      stageName: 'prod',
      status: 200,
      method: 'GET',
      resourcePath: '/health',
      apiName: 'sample-api',
      count: 1,
      dimensions: [{ ApiName: 'sample-api' }, { ApiName: 'sample-api', Stage: 'prod/Canary' }]
    })
  })

  it("measures a deployment behaviour's errors and latency", async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      name: 'behaving'
    })
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const canary = await ctx.client.send(
      new CreateDeploymentCommand({ restApiId, stageName: 'prod', canarySettings: { percentTraffic: 50 } })
    )
    ctx.emu.setDeploymentBehaviour(restApiId, canary.id as string, { status: 503, latencyMs: 40 })
    const hits = await hitMany(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`, 60, 10)
    const canaryHits = hits.filter(h => h.canary).length
    expect(canaryHits).toBeGreaterThan(5)
    const got = await series([
      query('rate', '5XXError', 'Average', { ApiName: 'behaving', Stage: 'prod/Canary' }),
      query('errors', '5XXError', 'Sum', { ApiName: 'behaving', Stage: 'prod/Canary' }),
      // Timers may fire a millisecond early: 40 ms of delay shows as 39 or more.
      query('fastest', 'Latency', 'Minimum', { ApiName: 'behaving', Stage: 'prod/Canary' }),
      query('base', '5XXError', 'Maximum', { ApiName: 'behaving', Stage: 'prod' })
    ])
    expect(got.rate.every(([, v]) => v === 1)).toBe(true)
    expect(total(got.errors)).toBe(canaryHits)
    expect(Math.min(...got.fastest.map(([, v]) => v))).toBeGreaterThanOrEqual(39)
    expect(got.base.every(([, v]) => v === 0)).toBe(true)
  })

  it('does not count requests to a stage that does not exist', async () => {
    const { restApiId } = await deployedApi(ctx.client)
    const before = ctx.emu.traffic.length
    expect((await fetch(`${ctx.emu.invokeUrl(restApiId, 'nope')}/ping`)).status).toBe(403)
    expect(ctx.emu.traffic.length).toBe(before)
    // A path no method matches is still a request of the stage: a 4XX without IntegrationLatency.
    expect((await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/missing`)).status).toBe(403)
    expect(ctx.emu.traffic.at(-1)).toMatchObject({ restApiId, status: 403 })
    expect(ctx.emu.traffic.at(-1)?.integrationLatencyMs).toBeUndefined()
  })
})

describe('recorded traffic on the metrics clock', () => {
  let restApiId: string
  const dims = { ApiName: 'clocked', Stage: 'live' }
  beforeAll(async () => {
    ;({ restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      name: 'clocked'
    }))
    // Minute 0: 100 requests, latencies 10 ms ×50, 20 ×40, 100 ×9, 1000 ×1; two of them 5xx and one 4xx.
    const at = T0 + 5_000
    const base = { restApiId, stageName: 'live', at }
    ctx.emu.recordTraffic({ ...base, latencyMs: 10, count: 48 })
    ctx.emu.recordTraffic({ ...base, latencyMs: 10, count: 2, status: 502 })
    ctx.emu.recordTraffic({ ...base, latencyMs: 20, count: 39 })
    ctx.emu.recordTraffic({ ...base, latencyMs: 20, status: 404 })
    ctx.emu.recordTraffic({ ...base, latencyMs: 100, count: 9 })
    ctx.emu.recordTraffic({ ...base, latencyMs: 1000 })
    // Minutes 1 to 4: 10 requests each at 30 ms; minute 2 also 5 canary requests at 300 ms.
    for (let minute = 1; minute <= 4; minute++)
      ctx.emu.recordTraffic({
        restApiId,
        stageName: 'live',
        at: T0 + minute * MINUTE + 30_000,
        latencyMs: 30,
        count: 10
      })
    ctx.emu.recordTraffic({
      restApiId,
      stageName: 'live',
      canary: true,
      at: new Date(T0 + 2 * MINUTE),
      latencyMs: 300,
      count: 5
    })
  })

  it('answers each statistic per minute', async () => {
    const got = await series([
      query('count', 'Count', 'Sum', dims),
      query('samples', 'Count', 'SampleCount', dims),
      query('s5', '5XXError', 'Sum', dims),
      query('rate4', '4XXError', 'Average', dims),
      query('avg', 'Latency', 'Average', dims),
      query('p50', 'Latency', 'p50', dims),
      query('p90', 'Latency', 'p90', dims),
      query('p99', 'Latency', 'p99', dims),
      query('p99_9', 'Latency', 'p99.9', dims),
      query('max', 'Latency', 'Maximum', dims),
      query('min', 'Latency', 'Minimum', dims)
    ])
    const minute = (m: number) => T0 + m * MINUTE
    expect(got.count).toEqual([0, 1, 2, 3, 4].map(m => [minute(m), m === 0 ? 100 : 10]))
    expect(got.samples[0]).toEqual([minute(0), 100])
    expect(got.s5[0]).toEqual([minute(0), 2])
    expect(got.rate4[0]).toEqual([minute(0), 0.01])
    // (48+2)·10 + (39+1)·20 + 9·100 + 1000 = 3200 ms over 100 requests.
    expect(got.avg[0]).toEqual([minute(0), 32])
    // Nearest rank: p50 is the 50th value (10), p90 the 90th (20), p99 the 99th (100), p99.9 the 100th.
    expect([got.p50[0][1], got.p90[0][1], got.p99[0][1], got.p99_9[0][1]]).toEqual([10, 20, 100, 1000])
    expect([got.max[0][1], got.min[0][1]]).toEqual([1000, 10])
    expect(got.p50.slice(1).map(([, v]) => v)).toEqual([30, 30, 30, 30])
  })

  it('keeps the canary in its own series', async () => {
    const got = await series([
      query('canary', 'Count', 'Sum', { ApiName: 'clocked', Stage: 'live/Canary' }),
      query('latency', 'Latency', 'p50', { ApiName: 'clocked', Stage: 'live/Canary' }),
      query('api', 'Count', 'Sum', { ApiName: 'clocked' })
    ])
    expect(got.canary).toEqual([[T0 + 2 * MINUTE, 5]])
    expect(got.latency).toEqual([[T0 + 2 * MINUTE, 300]])
    expect(total(got.api)).toBe(145)
  })

  it('returns the newest first by default, and periods aligned on the rounded StartTime', async () => {
    const answer = await getData({
      MetricDataQueries: [query('count', 'Count', 'Sum', dims)],
      StartTime: new Date(T0 + MINUTE + 42_000),
      EndTime: new Date(T0 + 4 * MINUTE)
    })
    const [result] = answer.MetricDataResults ?? []
    // StartTime rounds down to minute 1; EndTime is exclusive, so minute 4 is out.
    expect(result.Timestamps?.map(t => t.getTime())).toEqual([T0 + 3 * MINUTE, T0 + 2 * MINUTE, T0 + MINUTE])
    expect(result).toMatchObject({
      Id: 'count',
      Label: 'Count',
      StatusCode: 'Complete',
      Values: [10, 10, 10]
    })

    const fiveMinutes = await series([query('count', 'Count', 'Sum', dims, { Period: 300 })], {
      StartTime: new Date(T0),
      EndTime: new Date(T0 + 10 * MINUTE)
    })
    expect(fiveMinutes.count).toEqual([[T0, 140]])
  })

  it('answers empty series for what was never published, and leaves out ReturnData false', async () => {
    const answer = await getData({
      MetricDataQueries: [
        query('partial', 'Count', 'Sum', { Stage: 'live' }),
        query('unit', 'Latency', 'Average', dims, { Unit: 'Seconds' }),
        query('unitok', 'Latency', 'Maximum', dims, { Unit: 'Milliseconds', Label: 'slowest' }),
        query('cache', 'CacheHitCount', 'Sum', dims),
        query('hidden', 'Count', 'Sum', dims, { ReturnData: false }),
        {
          Id: 'elsewhere',
          MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Count' }, Period: 60, Stat: 'Sum' }
        }
      ]
    })
    const results = answer.MetricDataResults ?? []
    expect(results.map(r => [r.Id, r.Values?.length ?? 0])).toEqual([
      ['partial', 0],
      ['unit', 0],
      ['unitok', 5],
      ['cache', 0],
      ['elsewhere', 0]
    ])
    expect(results[2].Label).toBe('slowest')
  })

  it('pages the data points with MaxDatapoints and NextToken', async () => {
    const queries = [query('count', 'Count', 'Sum', dims), query('p50', 'Latency', 'p50', dims)]
    const first = await getData({
      MetricDataQueries: queries,
      MaxDatapoints: 3,
      ScanBy: 'TimestampAscending'
    })
    expect(first.MetricDataResults?.map(r => [r.Values, r.StatusCode])).toEqual([
      [[100, 10, 10], 'PartialData'],
      [[], 'PartialData']
    ])
    const second = await getData({
      MetricDataQueries: queries,
      MaxDatapoints: 3,
      NextToken: first.NextToken,
      ScanBy: 'TimestampAscending'
    })
    expect(second.MetricDataResults?.map(r => r.Values)).toEqual([[10, 10], [10]])
    const third = await getData({
      MetricDataQueries: queries,
      MaxDatapoints: 10,
      NextToken: second.NextToken,
      ScanBy: 'TimestampAscending'
    })
    expect(third.NextToken).toBeUndefined()
    expect(third.MetricDataResults?.map(r => [r.Values, r.StatusCode])).toEqual([
      [[], 'Complete'],
      [[30, 30, 30, 30], 'Complete']
    ])
  })

  it('stamps served requests with the metrics clock, and shows nothing that has not happened yet', async () => {
    const { restApiId: api } = await deployedApi(ctx.client, 'prod')
    const at = T0 - 30 * MINUTE
    ctx.emu.metricsClock.set(at + 10_000)
    await hitMany(`${ctx.emu.invokeUrl(api, 'prod')}/ping`, 3)
    ctx.emu.recordTraffic({ restApiId: api, stageName: 'prod', at: at + 3 * MINUTE, count: 7 })
    const dimsOf = { ApiName: 'test-api', Stage: 'prod' }
    const window = { StartTime: new Date(at), EndTime: new Date(at + 10 * MINUTE) }
    expect((await series([query('c', 'Count', 'Sum', dimsOf)], window)).c).toEqual([[at, 3]])
    expect(ctx.emu.metricsClock.advance(3 * MINUTE)).toBeGreaterThanOrEqual(at + 3 * MINUTE)
    expect((await series([query('c', 'Count', 'Sum', dimsOf)], window)).c).toEqual([
      [at, 3],
      [at + 3 * MINUTE, 7]
    ])
  })
})

describe('a sped-up metrics clock', () => {
  it("runs minutes in seconds, and maps a client's real StartTime and EndTime onto it", async () => {
    const { restApiId: api } = await deployedApi(ctx.client, 'fast')
    const realStart = Date.now()
    const clockStart = ctx.emu.metricsClock.setRate(60)
    expect(ctx.emu.metricsClock.rate).toBe(60)
    // 1.2 real seconds are more than a minute of the clock.
    await new Promise(resolve => setTimeout(resolve, 1200))
    expect(ctx.emu.metricsClock.now() - clockStart).toBeGreaterThanOrEqual(60_000)
    ctx.emu.recordTraffic({ restApiId: api, stageName: 'fast', at: clockStart, count: 2 })
    ctx.emu.recordTraffic({ restApiId: api, stageName: 'fast', count: 5 })
    const dims = { ApiName: 'test-api', Stage: 'fast' }
    // The window a client with a real clock asks for: from before the speed-up to now.
    const got = await series([query('c', 'Count', 'Sum', dims)], {
      StartTime: new Date(realStart - 1000),
      EndTime: new Date(Date.now() + 10)
    })
    expect(got.c.map(([, value]) => value)).toEqual([2, 5])
    // Two different minutes of the clock, one real second apart.
    expect(got.c[1][0] - got.c[0][0]).toBeGreaterThanOrEqual(MINUTE)
    ctx.emu.metricsClock.reset()
    expect(ctx.emu.metricsClock.rate).toBe(1)
    expect(Math.abs(ctx.emu.metricsClock.now() - Date.now())).toBeLessThan(50)
    expect(() => ctx.emu.metricsClock.setRate(0)).toThrow(TypeError)
  })
})

describe('what API Gateway publishes, by stage settings and options', () => {
  it('publishes the per-method series only with detailed metrics', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'detail')
    const url = `${ctx.emu.invokeUrl(restApiId, 'detail')}/ping`
    const method = { ApiName: 'test-api', Method: 'GET', Resource: '/ping', Stage: 'detail' }
    ctx.emu.metricsClock.set(T0 - 50 * MINUTE)
    await hitMany(url, 2)
    const window = { StartTime: new Date(T0 - 51 * MINUTE), EndTime: new Date(T0 - 40 * MINUTE) }
    expect((await series([query('m', 'Count', 'Sum', method)], window)).m).toEqual([])
    await ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'detail',
        patchOperations: [{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }]
      })
    )
    await hitMany(url, 3)
    expect(total((await series([query('m', 'Count', 'Sum', method)], window)).m)).toBe(3)
    expect(
      total((await series([query('s', 'Count', 'Sum', { ApiName: 'test-api', Stage: 'detail' })], window)).s)
    ).toBe(5)
  })

  describe.each<[EmulatorOptions['metrics'], string, string | undefined]>([
    [{ canaryInStageMetrics: true }, 'stage totals count the canary too', undefined],
    [
      { canaryMetrics: 'execution-logging' },
      'canary series only with execution logging',
      '/*/*/logging/loglevel'
    ],
    [
      { canaryMetrics: 'detailed-metrics' },
      'canary series only with detailed metrics',
      '/*/*/metrics/enabled'
    ]
  ])('option %j: %s', (metrics, _what, setting) => {
    let emu: Emulator
    let client: CloudWatchClient
    let restApiId: string
    beforeAll(async () => {
      emu = await startEmulator({
        quotas: { createDeploymentIntervalMs: 0 },
        cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs',
        metrics
      })
      client = clientFor(emu)
      ;({ restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region, name: 'opts' }))
      const gateway = sdkClient(emu)
      await gateway.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
      gateway.destroy()
    })
    afterAll(async () => {
      client.destroy()
      await emu.stop()
    })

    /** One canary and one base request at `at`, then the canary's and the stage's Count for that minute. */
    async function counts(at: number): Promise<number[]> {
      emu.recordTraffic({ restApiId, stageName: 'prod', canary: true, at })
      emu.recordTraffic({ restApiId, stageName: 'prod', at })
      const answer = await client.send(
        new GetMetricDataCommand({
          StartTime: new Date(at),
          EndTime: new Date(at + MINUTE),
          MetricDataQueries: [
            query('canary', 'Count', 'Sum', { ApiName: 'opts', Stage: 'prod/Canary' }),
            query('stage', 'Count', 'Sum', { ApiName: 'opts', Stage: 'prod' })
          ]
        })
      )
      return (answer.MetricDataResults ?? []).map(r => r.Values?.[0] ?? 0)
    }

    it(
      setting ? 'publishes the canary once the stage has the setting' : 'adds the canary to the stage',
      async () => {
        if (!setting) return expect(await counts(T0)).toEqual([1, 2])
        expect(await counts(T0)).toEqual([0, 1])
        const gateway = sdkClient(emu)
        await gateway.send(
          new UpdateStageCommand({
            restApiId,
            stageName: 'prod',
            patchOperations: [
              { op: 'replace', path: setting, value: setting.includes('logging') ? 'INFO' : 'true' }
            ]
          })
        )
        gateway.destroy()
        expect(await counts(T0 + MINUTE)).toEqual([1, 1])
      }
    )
  })
})

describe('publishDelayMs', () => {
  it('holds a request back from GetMetricData until the delay has passed on the metrics clock', async () => {
    const emu = await startEmulator({ metrics: { publishDelayMs: 90_000 } })
    const client = clientFor(emu)
    try {
      const { restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region, name: 'delayed' })
      const at = emu.metricsClock.set(T0)
      emu.recordTraffic({ restApiId, stageName: 'prod', at, count: 4 })
      const count = async () => {
        const answer = await client.send(
          new GetMetricDataCommand({
            StartTime: new Date(T0),
            EndTime: new Date(T0 + 5 * MINUTE),
            MetricDataQueries: [query('c', 'Count', 'Sum', { ApiName: 'delayed', Stage: 'prod' })]
          })
        )
        return answer.MetricDataResults?.[0].Values
      }
      expect(await count()).toEqual([])
      emu.metricsClock.advance(90_000)
      expect(await count()).toEqual([4])
    } finally {
      client.destroy()
      await emu.stop()
    }
  })

  it('refuses options that make no sense', async () => {
    await expect(startEmulator({ metrics: { publishDelayMs: -1 } })).rejects.toThrow(/publishDelayMs/)
    await expect(startEmulator({ metrics: { canaryMetrics: 'never' as never } })).rejects.toThrow(
      /canaryMetrics/
    )
  })
})

describe("the canary analysis' queries, answered by the emulator", () => {
  /** Ten minutes of a group: `perMinute` requests, `errorShare` of them 5xx, latencies 40/90/`tailMs` ms. */
  function bake(restApiId: string, canary: boolean, perMinute: number, errorShare: number, tailMs: number) {
    for (let minute = 0; minute < 10; minute++) {
      const at = T0 + 20 * MINUTE + minute * MINUTE + 1_000
      const record = (count: number, latencyMs: number, status = 200) =>
        count > 0 &&
        ctx.emu.recordTraffic({
          restApiId,
          stageName: 'prod',
          canary,
          at,
          count,
          latencyMs: latencyMs + minute,
          status
        })
      const errors = Math.round(perMinute * errorShare)
      record(errors, 40, 503)
      record(Math.round(perMinute * 0.5) - errors, 40)
      record(Math.round(perMinute * 0.4), 90)
      record(Math.round(perMinute * 0.1), tailMs)
    }
  }

  async function judge(apiName: string) {
    const answer = await cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: metricDataQueries({ apiName, stageName: 'prod' }),
        ...queryWindow(T0 + 20 * MINUTE + 30_000, T0 + 30 * MINUTE)
      })
    )
    const { canary, base, incomplete } = minutesFromResults(answer.MetricDataResults ?? [])
    expect(incomplete).toEqual([])
    expect([canary.length, base.length]).toEqual([10, 10])
    return judgeCanary(canary, base, {
      maxErrorRateIncrease: 0.01,
      maxLatencyIncreasePct: 10,
      minCanaryRequests: 100
    })
  }

  it('passes a canary like its base', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      name: 'judged-ok'
    })
    bake(restApiId, false, 450, 0.01, 200)
    bake(restApiId, true, 50, 0.02, 200)
    const judgement = await judge('judged-ok')
    expect(judgement.verdict).toBe('pass')
    expect(judgement.figures.canary).toMatchObject({ requests: 500, errors: 10, minutes: 10 })
    expect(judgement.figures.base).toMatchObject({ requests: 4500, errors: 50 })
  })

  it('fails a canary with more errors and a slow tail', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      name: 'judged-bad'
    })
    bake(restApiId, false, 450, 0.01, 200)
    bake(restApiId, true, 50, 0.12, 900)
    const judgement = await judge('judged-bad')
    expect(judgement.verdict).toBe('fail')
    expect(judgement.findings.filter(f => f.verdict === 'fail').map(f => f.check)).toEqual([
      'error-rate',
      'latency-p99'
    ])
  })
})

describe('the wire: requests, errors, calls', () => {
  it('refuses a missing StartTime, naming it, with the query-compatible code', async () => {
    const error = await sdkError(() =>
      cloudwatch.send(
        new GetMetricDataCommand({
          EndTime: new Date(),
          MetricDataQueries: [query('a', 'Count', 'Sum', {})]
        } as unknown as GetMetricDataCommandInput)
      )
    )
    expect(error.name).toBe('MissingRequiredParameterException')
    expect(error.Code).toBe('MissingParameter')
    expect(error.message).toBe('The parameter StartTime is required.')
    expect(statusOf(error)).toBe(400)
    expect(error.$fault).toBe('client')
  })

  it.each<[string, Partial<GetMetricDataCommandInput>, string, RegExp]>([
    [
      'StartTime after EndTime',
      { StartTime: new Date(T0 + MINUTE), EndTime: new Date(T0) },
      'InvalidParameterValueException',
      /StartTime must be less than/
    ],
    ['no queries', { MetricDataQueries: [] }, 'InvalidParameterValueException', /1 to 500 queries/],
    [
      'a sub-minute Period',
      { MetricDataQueries: [query('a', 'Count', 'Sum', {}, { Period: 30 })] },
      'InvalidParameterValueException',
      /MetricStat\.Period is not a multiple of 60/
    ],
    [
      'an unknown Stat',
      { MetricDataQueries: [query('a', 'Count', 'tm90', {})] },
      'InvalidParameterValueException',
      /Stat is not one/
    ],
    [
      'an Id in capitals',
      { MetricDataQueries: [query('Abc', 'Count', 'Sum', {})] },
      'InvalidParameterValueException',
      /member\.1\.Id is invalid/
    ],
    [
      'the same Id twice',
      { MetricDataQueries: [query('a', 'Count', 'Sum', {}), query('a', 'Count', 'Sum', {})] },
      'InvalidParameterValueException',
      /member\.2\.Id is used by another/
    ],
    [
      'metric math',
      { MetricDataQueries: [{ Id: 'e', Expression: 'SUM(METRICS())' }] },
      'InvalidParameterValueException',
      /does not evaluate metric math/
    ],
    [
      'MetricStat and Expression',
      { MetricDataQueries: [{ ...query('a', 'Count', 'Sum', {}), Expression: 'a' }] },
      'InvalidParameterCombinationException',
      /exactly one of MetricStat and Expression/
    ],
    [
      'a NextToken it never gave',
      { MetricDataQueries: [query('a', 'Count', 'Sum', {})], NextToken: 'bogus' },
      'InvalidNextToken',
      /NextToken/
    ]
  ])('refuses %s', async (_what, input, name, message) => {
    const error = await sdkError(() =>
      getData({ MetricDataQueries: [query('a', 'Count', 'Sum', {})], ...input })
    )
    expect(error.name).toBe(name)
    expect(error.message).toMatch(message)
    expect(statusOf(error)).toBe(400)
  })

  it('serves only GetMetricData: DescribeAlarms is an unknown operation here (alarms are tested on moto)', async () => {
    const error = await sdkError(() => cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['x'] })))
    expect(error.name).toBe('UnknownOperationException')
    expect(statusOf(error)).toBe(400)
  })

  it('records its calls and takes injected faults by operation name', async () => {
    ctx.emu.resetCalls()
    await getData({ MetricDataQueries: [query('a', 'Count', 'Sum', {})] })
    ctx.emu.faults.throttle('GetMetricData', 1, 2)
    const throttled = await sdkError(() => getData({ MetricDataQueries: [query('a', 'Count', 'Sum', {})] }))
    expect(throttled.name).toBe('TooManyRequestsException')
    expect(statusOf(throttled)).toBe(429)
    expect(ctx.emu.calls.map(c => [c.operation, c.method, c.path, c.status])).toEqual([
      ['GetMetricData', 'POST', '/', 200],
      ['GetMetricData', 'POST', '/', 429]
    ])
  })

  it('needs a signature', async () => {
    const res = await fetch(ctx.emu.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData',
        'content-type': 'application/x-amz-json-1.0'
      },
      body: '{}'
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationTokenException;Sender')
  })
})

describe('HTTP control endpoints', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${ctx.emu.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body)
    })

  it('records traffic, moves the clock, lists and resets', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      name: 'over-http'
    })
    const recorded = await post('/_emulator/traffic', [
      { restApiId, stageName: 'prod', status: 500, latencyMs: 12, at: T0 },
      { restApiId, stageName: 'prod', canary: true, count: 3, at: new Date(T0).toISOString() }
    ])
    expect(recorded.status).toBe(200)
    expect(((await recorded.json()) as { count: number; at: number }[]).map(r => [r.count, r.at])).toEqual([
      [1, T0],
      [3, T0]
    ])
    expect((await post('/_emulator/traffic', { restApiId: 'nope', stageName: 'prod' })).status).toBe(400)

    const set = (await (await post('/_emulator/metrics-clock', { now: T0 })).json()) as { now: number }
    expect(set.now).toBeGreaterThanOrEqual(T0)
    const moved = (await (await post('/_emulator/metrics-clock', { advanceMs: MINUTE })).json()) as {
      now: number
    }
    expect(moved.now - set.now).toBeGreaterThanOrEqual(MINUTE)
    expect((await post('/_emulator/metrics-clock', {})).status).toBe(400)

    const listed = (await (await fetch(`${ctx.emu.url}/_emulator/traffic`)).json()) as unknown[]
    expect(listed.length).toBe(ctx.emu.traffic.length)
    expect((await post('/_emulator/reset-traffic', {})).status).toBe(200)
    expect(ctx.emu.traffic).toHaveLength(0)
  })

  it('refuses bad recordTraffic input in process', async () => {
    const { restApiId } = await createSampleApi({ endpoint: ctx.emu.url, region: ctx.emu.region })
    expect(() => ctx.emu.recordTraffic({ restApiId: 'missing', stageName: 'prod' })).toThrow(/no REST API/)
    expect(() => ctx.emu.recordTraffic({ restApiId, stageName: 'prod', status: 42 })).toThrow(/HTTP status/)
    expect(() => ctx.emu.recordTraffic({ restApiId, stageName: 'prod', count: 0 })).toThrow(/count/)
    expect(() => ctx.emu.recordTraffic({ restApiId, stageName: 'prod', latencyMs: -1 })).toThrow(/latencyMs/)
    expect(() => ctx.emu.recordTraffic({ restApiId, stageName: 'prod', method: 'GET' })).toThrow(
      /go together/
    )
    expect(() => ctx.emu.recordTraffic({ restApiId, stageName: 'prod', at: Number.NaN })).toThrow(/epoch ms/)
  })
})
