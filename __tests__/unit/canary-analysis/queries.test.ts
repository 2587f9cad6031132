import { describe, expect, it } from '@jest/globals'
import {
  apiNameDimension,
  canaryStageName,
  canaryWindowStart,
  stepMinuteSeen,
  metricDataQueries,
  minutesFromResults,
  queryWindow,
  type MetricDataResult
} from '../../../src/canary-analysis/queries.js'

describe('metricDataQueries', () => {
  it('asks for six series per group, Period 60, in one call', () => {
    const queries = metricDataQueries({ apiName: 'orders', stageName: 'prod' })
    expect(queries.map(q => q.Id)).toEqual([
      'canary_count',
      'canary_errors5xx',
      'canary_errors4xx',
      'canary_p50',
      'canary_p90',
      'canary_p99',
      'base_count',
      'base_errors5xx',
      'base_errors4xx',
      'base_p50',
      'base_p90',
      'base_p99'
    ])
    expect(queries[0]).toEqual({
      Id: 'canary_count',
      Label: 'canary Count Sum',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/ApiGateway',
          MetricName: 'Count',
          Dimensions: [
            { Name: 'ApiName', Value: 'orders' },
            { Name: 'Stage', Value: 'prod/Canary' }
          ]
        },
        Period: 60,
        Stat: 'Sum'
      },
      ReturnData: true
    })
    expect(queries[11].MetricStat).toMatchObject({ Stat: 'p99', Metric: { MetricName: 'Latency' } })
    expect(queries[11].MetricStat.Metric.Dimensions[1]).toEqual({ Name: 'Stage', Value: 'prod' })
    // Ids must start with a lower-case letter and hold only letters, digits and underscores.
    for (const { Id } of queries) expect(Id).toMatch(/^[a-z][a-zA-Z0-9_]*$/)
  })

  it('asks only for the series the judgement uses, Count always', () => {
    const ids = (uses: Parameters<typeof metricDataQueries>[0]['uses']) =>
      metricDataQueries({ apiName: 'a', stageName: 'prod', uses }).map(q => q.Id)
    expect(ids({ serverErrors: true, clientErrors: false, latency: false })).toEqual([
      'canary_count',
      'canary_errors5xx',
      'base_count',
      'base_errors5xx'
    ])
    expect(ids({ serverErrors: false, clientErrors: false, latency: true })).toEqual([
      'canary_count',
      'canary_p50',
      'canary_p90',
      'canary_p99',
      'base_count',
      'base_p50',
      'base_p90',
      'base_p99'
    ])
  })

  it('takes another Stage value for the canary', () => {
    const [first] = metricDataQueries({ apiName: 'a', stageName: 'prod', canaryStage: 'prod-canary' })
    expect(first.MetricStat.Metric.Dimensions[1].Value).toBe('prod-canary')
    expect(canaryStageName('v1')).toBe('v1/Canary')
  })
})

describe('apiNameDimension', () => {
  it('drops non-ASCII characters, and falls back to the API id when nothing is left', () => {
    expect(apiNameDimension('Bestellungen-Grüße', 'a1b2c3')).toBe('Bestellungen-Gre')
    expect(apiNameDimension('注文', 'a1b2c3')).toBe('a1b2c3')
    expect(apiNameDimension('plain', 'a1b2c3')).toBe('plain')
  })
})

describe('queryWindow', () => {
  it('rounds the start down to its minute and keeps the end', () => {
    const since = Date.UTC(2024, 0, 1, 12, 3, 41)
    const now = Date.UTC(2024, 0, 1, 12, 9, 7)
    expect(queryWindow(since, now)).toEqual({
      StartTime: new Date(Date.UTC(2024, 0, 1, 12, 3)),
      EndTime: new Date(now)
    })
  })
})

describe('canaryWindowStart', () => {
  const at = (minute: number, second = 0) => Date.UTC(2024, 0, 1, 12, minute, second)

  it('starts at the canary when no earlier canary may share its minute', () => {
    expect(canaryWindowStart(at(3, 41), { onStage: false })).toEqual({ since: at(3, 41) })
    // An earlier canary two minutes back is whole minutes away, even if CloudWatch is a minute late.
    expect(canaryWindowStart(at(3, 41), { onStage: false, lastEarlierMinute: at(1) })).toEqual({
      since: at(3, 41)
    })
  })

  it('starts at the next whole minute after a canary replaced on the stage', () => {
    expect(canaryWindowStart(at(3, 41), { onStage: true })).toEqual({
      since: at(4),
      reason: "the stage's earlier canary served part of this minute"
    })
  })

  it('skips the minutes an earlier canary was seen in, and the one CloudWatch may not show yet', () => {
    const reason = 'an earlier canary of this stage served requests in this minute'
    expect(canaryWindowStart(at(3, 41), { onStage: false, lastEarlierMinute: at(3) })).toEqual({
      since: at(4),
      reason
    })
    expect(canaryWindowStart(at(3, 41), { onStage: false, lastEarlierMinute: at(2) })).toEqual({
      since: at(4),
      reason
    })
  })
})

describe('stepMinuteSeen', () => {
  const at = (minute: number, second = 0) => Date.UTC(2024, 0, 1, 12, minute, second)
  const minute = (m: number, requests: number) => ({
    start: at(m),
    requests,
    serverErrors: 0,
    clientErrors: 0,
    latency: {}
  })

  it('needs canary requests from a minute that began at or after the step', () => {
    const earlier = [minute(1, 50), minute(2, 50), minute(3, 50)]
    // The step began at 12:03:20: minute 3 is mostly the step before; minute 4 is the first wholly its own.
    expect(stepMinuteSeen(earlier, at(3, 20))).toBe(false)
    expect(stepMinuteSeen([...earlier, minute(4, 0)], at(3, 20))).toBe(false)
    expect(stepMinuteSeen([...earlier, minute(4, 12)], at(3, 20))).toBe(true)
    // A step that began on the minute owns that minute.
    expect(stepMinuteSeen(earlier, at(3))).toBe(true)
  })
})

describe('minutesFromResults', () => {
  const t = (minute: number) => new Date(Date.UTC(2024, 0, 1, 12, minute))
  const results: MetricDataResult[] = [
    // Newest first, as GetMetricData's default TimestampDescending answers.
    { Id: 'canary_count', Timestamps: [t(1), t(0)], Values: [12, 10], StatusCode: 'Complete' },
    { Id: 'canary_errors5xx', Timestamps: [t(1), t(0)], Values: [1, 0], StatusCode: 'Complete' },
    { Id: 'canary_errors4xx', Timestamps: [t(1), t(0)], Values: [0, 2], StatusCode: 'Complete' },
    { Id: 'canary_p99', Timestamps: [t(0), t(1)], Values: [250, 260], StatusCode: 'Complete' },
    { Id: 'base_count', Timestamps: [t(0), t(1)], Values: [100, 110], StatusCode: 'PartialData' },
    { Id: 'base_errors5xx', Timestamps: [t(0), t(1)], Values: [3, 4], StatusCode: 'Complete' },
    { Id: 'base_p50', Timestamps: [t(0)], Values: [40], StatusCode: 'Complete' },
    { Id: 'other', Timestamps: [t(0)], Values: [1] }
  ]

  it('gathers the series into minutes per group, oldest first', () => {
    const { canary, base, incomplete } = minutesFromResults(results)
    expect(canary).toEqual([
      { start: t(0).getTime(), requests: 10, serverErrors: 0, clientErrors: 2, latency: { p99: 250 } },
      { start: t(1).getTime(), requests: 12, serverErrors: 1, clientErrors: 0, latency: { p99: 260 } }
    ])
    expect(base.map(m => [m.requests, m.serverErrors, m.latency])).toEqual([
      [100, 3, { p50: 40 }],
      [110, 4, {}]
    ])
    expect(incomplete).toEqual(['base_count: PartialData'])
  })

  it("takes the canary's counts out of a stage series that includes them", () => {
    const { base } = minutesFromResults(results, { stageIncludesCanary: true })
    expect(base.map(m => [m.requests, m.serverErrors, m.clientErrors])).toEqual([
      [90, 3, 0],
      [98, 3, 0]
    ])
  })
})

describe('minutesFromResults on a minute still filling', () => {
  it('never counts more errors than requests (the series are aggregated apart)', () => {
    const t = new Date(Date.UTC(2024, 0, 1, 12, 5))
    const { canary } = minutesFromResults([
      { Id: 'canary_count', Timestamps: [t], Values: [3], StatusCode: 'Complete' },
      { Id: 'canary_errors5xx', Timestamps: [t], Values: [5], StatusCode: 'Complete' },
      { Id: 'canary_errors4xx', Timestamps: [t], Values: [4], StatusCode: 'Complete' }
    ])
    expect(canary).toEqual([
      { start: t.getTime(), requests: 3, serverErrors: 3, clientErrors: 3, latency: {} }
    ])
  })
})
