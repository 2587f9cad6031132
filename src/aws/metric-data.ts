/**
 * Reads CloudWatch metric data (GetMetricData) for the canary analysis: one call a round for every series,
 * more only when CloudWatch pages the answer (NextToken). The CloudWatch client is loaded on first use.
 */
import type { CloudWatchClient, MetricDataResult } from '@aws-sdk/client-cloudwatch'
import type { MetricDataQuery } from '../canary-analysis/queries.js'
import { callAws } from './call.js'
import type { CloudWatchOptions } from './cloudwatch.js'
import { clientOptions } from './proxy.js'

// A hard stop for a paging loop that never ends; CloudWatch pages at 100,800 data points (MaxDatapoints),
// far more than twelve series of a few hours of minutes.
const MAX_PAGES = 20

export class MetricDataReader {
  private client?: CloudWatchClient
  private sdk?: typeof import('@aws-sdk/client-cloudwatch')

  constructor(private readonly options: CloudWatchOptions) {}

  /** Every result of the queries over the window, the pages of one series joined in one result. */
  async read(
    queries: MetricDataQuery[],
    window: { StartTime: Date; EndTime: Date }
  ): Promise<MetricDataResult[]> {
    const sdk = (this.sdk ??= await import('@aws-sdk/client-cloudwatch'))
    const client = (this.client ??= new sdk.CloudWatchClient(clientOptions('monitoring', this.options)))
    const joined = new Map<string, MetricDataResult>()
    let NextToken: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await callAws(
        'GetMetricData',
        abortSignal =>
          client.send(
            new sdk.GetMetricDataCommand({
              MetricDataQueries: queries,
              ...window,
              ScanBy: 'TimestampAscending',
              NextToken
            }),
            { abortSignal }
          ),
        {
          deadlineMs: this.options.retryDeadlineSeconds * 1000,
          context: { region: this.options.region },
          signal: this.options.signal
        }
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

  destroy(): void {
    this.client?.destroy()
  }
}
