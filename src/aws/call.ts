/**
 * Sends one AWS call with this action's retry policy (see `retry.ts`) until a deadline; anything not
 * retryable fails at once with a message that names the operation. The SDK's own retries are off so that
 * this is the one policy in force. A cancelled run stops waiting at once.
 */
import * as core from '@actions/core'
import { ActionError, errorMessage } from '../errors.js'
import { sleep } from '../sleep.js'
import { errorFacts } from './classify.js'
import { describeAwsError, type AwsErrorContext } from './errors.js'
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry.js'

export interface CallOptions {
  deadlineMs: number
  context: AwsErrorContext
  /** Cancels the wait between attempts (the run was cancelled). */
  signal?: AbortSignal
}

export async function callAws<T>(
  operation: string,
  send: () => Promise<T>,
  options: CallOptions
): Promise<T> {
  const started = Date.now()
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted()
    try {
      core.debug(`AWS ${operation} (attempt ${attempt})`)
      return await send()
    } catch (error) {
      const facts = errorFacts(error)
      const policy = { ...DEFAULT_RETRY_POLICY, deadlineMs: options.deadlineMs }
      const delay = retryDelayMs(facts, attempt, Date.now() - started, policy, Math.random)
      if (delay === undefined || options.signal?.aborted)
        throw describeAwsError(operation, error, options.context)
      core.info(
        `${operation}: ${facts.name ?? facts.code} (${facts.message ?? ''}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1})`
      )
      try {
        await sleep(delay, options.signal)
      } catch (reason) {
        throw new ActionError(
          `${operation} was not retried after ${facts.name ?? facts.code}: the run was cancelled (${errorMessage(reason)}).`,
          { operation, code: facts.name, cause: error }
        )
      }
    }
  }
}
