/**
 * Sends one AWS call with this action's retry policy: throttling, 503s and concurrent-modification
 * conflicts are retried with capped, jittered backoff (honouring Retry-After) until a deadline; anything
 * else fails at once with a message that names the operation. The SDK's own retries are off so that this
 * is the one policy in force.
 */
import * as core from '@actions/core'
import { describeAwsError, type AwsErrorContext } from './aws-errors.js'
import { DEFAULT_RETRY_POLICY, retryDelayMs, type ErrorFacts } from './retry.js'
import { sleep } from './sleep.js'

export interface CallOptions {
  deadlineMs: number
  context: AwsErrorContext
  signal?: AbortSignal
}

export async function callAws<T>(
  operation: string,
  send: () => Promise<T>,
  options: CallOptions
): Promise<T> {
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    try {
      core.debug(`AWS ${operation} (attempt ${attempt})`)
      return await send()
    } catch (error) {
      const facts = errorFacts(error)
      const delay = retryDelayMs(
        facts,
        attempt,
        Date.now() - started,
        { ...DEFAULT_RETRY_POLICY, deadlineMs: options.deadlineMs },
        Math.random
      )
      if (delay === undefined || options.signal?.aborted)
        throw describeAwsError(operation, error, options.context)
      core.info(
        `${operation}: ${facts.name ?? facts.code} (${facts.message ?? ''}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1})`
      )
      await sleep(delay, options.signal)
    }
  }
}

function errorFacts(error: unknown): ErrorFacts {
  const e = (error ?? {}) as {
    name?: string
    message?: string
    code?: string
    retryAfterSeconds?: string
  }
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    retryAfterSeconds: e.retryAfterSeconds
  }
}
