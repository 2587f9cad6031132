/**
 * Sends one AWS call with this action's retry policy (see `retry.ts`) until a deadline; anything not
 * retryable fails at once with a message that names the operation. The SDK's own retries are off so that
 * this is the one policy in force.
 *
 * - Every attempt has a timeout bounded by what is left of the deadline, so a silent endpoint cannot hold
 *   the step longer than `retry-deadline-seconds` (the SDK's own request timeout only logs a warning).
 * - After an ambiguous failure (the request may have been applied: a lost connection, a timeout, a 5xx)
 *   the caller's `reconcile` finds out before anything is sent again, so a non-idempotent call is never
 *   applied twice, and an applied change is reported as applied.
 * - A cancelled run stops waiting at once.
 */
import * as core from '@actions/core'
import { ActionError, errorMessage } from '../errors.js'
import { sleep } from '../sleep.js'
import { errorFacts, isAmbiguous } from './classify.js'
import { describeAwsError, type AwsErrorContext } from './errors.js'
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry.js'

/** No single attempt waits longer than this, so a hung connection still leaves time for a retry. */
const MAX_ATTEMPT_MS = 30_000

export interface CallOptions<T> {
  deadlineMs: number
  context: AwsErrorContext
  /** Cancels the wait between attempts (the run was cancelled). */
  signal?: AbortSignal
  /**
   * After an ambiguous failure: whether the call took effect after all. Returns its result, or undefined
   * to send it again. Gets what is left of the deadline for its own reads.
   */
  reconcile?: (deadlineMs: number) => Promise<T | undefined>
}

export async function callAws<T>(
  operation: string,
  send: (abortSignal: AbortSignal) => Promise<T>,
  options: CallOptions<T>
): Promise<T> {
  const started = Date.now()
  const left = (): number => options.deadlineMs - (Date.now() - started)
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted)
      throw new ActionError(
        `${operation} was not sent: the run was cancelled (${errorMessage(options.signal.reason)}).`,
        {
          operation
        }
      )
    const attemptMs = Math.max(1, Math.min(left(), MAX_ATTEMPT_MS))
    const timeout = AbortSignal.timeout(attemptMs)
    let error: unknown
    try {
      core.debug(`AWS ${operation} (attempt ${attempt})`)
      return await send(timeout)
    } catch (caught) {
      error = timeout.aborted ? timedOut(attemptMs, caught) : caught
    }
    const facts = errorFacts(error)
    if (options.reconcile && isAmbiguous(facts)) {
      const found = await reconcileQuietly(operation, options.reconcile, left())
      if (found !== undefined) {
        core.info(
          `${operation}: the answer was lost (${facts.name ?? facts.code}), but the call had taken effect.`
        )
        return found
      }
    }
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

/** A timed-out attempt, as an error the classification knows (transient, ambiguous). */
function timedOut(ms: number, cause: unknown): Error {
  return Object.assign(new Error(`no answer within ${(ms / 1000).toFixed(1)} s`, { cause }), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT'
  })
}

/** A failed look-up proves nothing: it counts as "not applied", and the call is sent again. */
async function reconcileQuietly<T>(
  operation: string,
  reconcile: (deadlineMs: number) => Promise<T | undefined>,
  deadlineMs: number
): Promise<T | undefined> {
  if (deadlineMs <= 0) return undefined
  try {
    return await reconcile(deadlineMs)
  } catch (error) {
    core.debug(`${operation}: could not tell whether the call took effect: ${errorMessage(error)}`)
    return undefined
  }
}
