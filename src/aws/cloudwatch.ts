/**
 * CloudWatch for the run: one client, loaded on first use (only alarm-names and canary-analysis need it), with
 * the action's retry policy around every call; and the alarm states read through it.
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

type CloudWatchSdk = typeof import('@aws-sdk/client-cloudwatch')

export class CloudWatch {
  private client?: CloudWatchClient
  private sdk?: CloudWatchSdk

  constructor(private readonly options: CloudWatchOptions) {}

  get region(): string {
    return this.options.region
  }

  /** One call, retried as every AWS call is; `send` gets the SDK module, the client and the abort signal. */
  async call<T>(
    operation: string,
    send: (sdk: CloudWatchSdk, client: CloudWatchClient, abortSignal: AbortSignal) => Promise<T>
  ): Promise<T> {
    const sdk = (this.sdk ??= await import('@aws-sdk/client-cloudwatch'))
    const client = (this.client ??= new sdk.CloudWatchClient(clientOptions('monitoring', this.options)))
    return callAws(operation, abortSignal => send(sdk, client, abortSignal), {
      deadlineMs: this.options.retryDeadlineSeconds * 1000,
      context: { region: this.options.region },
      signal: this.options.signal
    })
  }

  destroy(): void {
    this.client?.destroy()
  }
}

// DescribeAlarms takes at most 100 names a call.
const NAMES_PER_CALL = 100

export class AlarmReader {
  constructor(
    readonly names: string[],
    private readonly cloudwatch: CloudWatch
  ) {}

  /** The state of each named alarm; fails with a clear error when one does not exist. */
  async states(): Promise<Map<string, string>> {
    const states = new Map<string, string>()
    for (let i = 0; i < this.names.length; i += NAMES_PER_CALL) {
      const AlarmNames = this.names.slice(i, i + NAMES_PER_CALL)
      const page = await this.cloudwatch.call('DescribeAlarms', (sdk, client, abortSignal) =>
        client.send(
          new sdk.DescribeAlarmsCommand({
            AlarmNames,
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            MaxRecords: NAMES_PER_CALL
          }),
          { abortSignal }
        )
      )
      for (const alarm of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])])
        if (alarm.AlarmName) states.set(alarm.AlarmName, alarm.StateValue ?? 'INSUFFICIENT_DATA')
    }
    const missing = this.names.filter(name => !states.has(name))
    if (missing.length > 0)
      throw new ActionError(
        `Input "alarm-names": no CloudWatch alarm named ${missing.map(n => `"${n}"`).join(', ')} in ${this.cloudwatch.region}. Check the names (they are case-sensitive) and the region.`
      )
    return states
  }

  /** Names of the alarms now in ALARM. */
  async firing(): Promise<string[]> {
    const states = await this.states()
    return this.names.filter(name => states.get(name) === 'ALARM')
  }
}
