/**
 * How long to wait before calling AWS again, or whether to give up. Pure: the clock and the random source
 * come in as arguments so the decisions are unit-tested with plain numbers. What is worth retrying is
 * `classify`'s decision.
 */
import { isRetryable, type ErrorFacts } from './classify.js'

export interface RetryPolicy {
  /** Give up once waiting again would end after this many ms since the first attempt. */
  deadlineMs: number
  baseDelayMs: number
  maxDelayMs: number
  /**
   * Jitter added to a Retry-After wait. Small: the server has said when to come back, and API Gateway's
   * Retry-After is in whole seconds already rounded up, so more jitter only leaves the quota's slots idle
   * (docs/benchmarks.md, contention). Enough that concurrent runs do not return in lockstep.
   */
  retryAfterJitterMs: number
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'deadlineMs'> = {
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  retryAfterJitterMs: 200
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined to give up. Without a
 * Retry-After it is "full jitter" exponential backoff; with one, at least what the server asked for.
 */
export function retryDelayMs(
  error: ErrorFacts,
  attempt: number,
  elapsedMs: number,
  policy: RetryPolicy,
  random: () => number
): number | undefined {
  if (!isRetryable(error)) return undefined
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  let delay = Math.round(random() * ceiling)
  const retryAfter = Number(error.retryAfterSeconds)
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    // Honour the server, plus a little jitter so concurrent runs do not come back in lockstep.
    delay = Math.round(retryAfter * 1000 + random() * policy.retryAfterJitterMs)
  }
  if (elapsedMs + delay > policy.deadlineMs) return undefined
  return delay
}
