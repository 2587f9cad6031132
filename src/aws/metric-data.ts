/**
 * Reads CloudWatch metric data (GetMetricData) for the canary analysis: one call a round for every series,
 * more only when CloudWatch pages the answer (NextToken).
 */
import type { MetricDataResult } from '@aws-sdk/client-cloudwatch'
import type { MetricDataQuery } from '../canary-analysis/queries.js'
import type { CloudWatch } from './cloudwatch.js'

// A hard stop for a paging loop that never ends; CloudWatch pages at 100,800 data points (MaxDatapoints),
// far more than twelve series of a few hours of minutes.
const MAX_PAGES = 20

export class MetricDataReader {
  constructor(private readonly cloudwatch: CloudWatch) {}

  /** Every result of the queries over the window, the pages of one series joined in one result. */
  async read(
    queries: MetricDataQuery[],
    window: { StartTime: Date; EndTime: Date }
  ): Promise<MetricDataResult[]> {
    const joined = new Map<string, MetricDataResult>()
    let NextToken: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await this.cloudwatch.call('GetMetricData', (sdk, client, abortSignal) =>
        client.send(
          new sdk.GetMetricDataCommand({
            MetricDataQueries: queries,
            ...window,
            ScanBy: 'TimestampAscending',
            NextToken
          }),
          { abortSignal }
        )
      )
      for (const result of answer.MetricDataResults ?? []) {
        const id = result.Id ?? ''
        const seen = joined.get(id)
        if (!seen)
          joined.set(id, {
            ...result,
            Timestamps: [...(result.Timestamps ?? [])],
            Values: [...(result.Values ?? [])]
          })
        else {
          seen.Timestamps?.push(...(result.Timestamps ?? []))
          seen.Values?.push(...(result.Values ?? []))
          seen.StatusCode = result.StatusCode
        }
      }
      NextToken = answer.NextToken
      if (!NextToken) break
    }
    return [...joined.values()]
  }
}
