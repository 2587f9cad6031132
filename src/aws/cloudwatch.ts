/**
 * Reads CloudWatch alarm states. The CloudWatch client is loaded only when alarms are set.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { ActionError } from '../errors.js'
import { callAws } from './call.js'
import { clientOptions } from './proxy.js'

export interface CloudWatchOptions {
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  signal?: AbortSignal
}

// DescribeAlarms takes at most 100 names a call.
const NAMES_PER_CALL = 100

export class AlarmReader {
  private client?: CloudWatchClient
  private sdk?: typeof import('@aws-sdk/client-cloudwatch')

  constructor(
    readonly names: string[],
    private readonly options: CloudWatchOptions
  ) {}

  /** The state of each named alarm; fails with a clear error when one does not exist. */
  async states(): Promise<Map<string, string>> {
    const sdk = (this.sdk ??= await import('@aws-sdk/client-cloudwatch'))
    const client = (this.client ??= new sdk.CloudWatchClient(clientOptions('monitoring', this.options)))
    const states = new Map<string, string>()
    for (let i = 0; i < this.names.length; i += NAMES_PER_CALL) {
      const AlarmNames = this.names.slice(i, i + NAMES_PER_CALL)
      const page = await callAws(
        'DescribeAlarms',
        abortSignal =>
          client.send(
            new sdk.DescribeAlarmsCommand({
              AlarmNames,
              AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
              MaxRecords: NAMES_PER_CALL
            }),
            { abortSignal }
          ),
        {
          deadlineMs: this.options.retryDeadlineSeconds * 1000,
          context: { region: this.options.region },
          signal: this.options.signal
        }
      )
      for (const alarm of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])])
        if (alarm.AlarmName) states.set(alarm.AlarmName, alarm.StateValue ?? 'INSUFFICIENT_DATA')
    }
    const missing = this.names.filter(name => !states.has(name))
    if (missing.length > 0)
      throw new ActionError(
        `Input "alarm-names": no CloudWatch alarm named ${missing.map(n => `"${n}"`).join(', ')} in ${this.options.region}. Check the names (they are case-sensitive) and the region.`
      )
    return states
  }

  /** Names of the alarms now in ALARM. */
  async firing(): Promise<string[]> {
    const states = await this.states()
    return this.names.filter(name => states.get(name) === 'ALARM')
  }

  destroy(): void {
    this.client?.destroy()
  }
}
