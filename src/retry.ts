/**
 * When to retry an AWS call, and how long to wait. Pure: the clock and the random source come in as
 * arguments so the decisions are unit-tested with plain numbers.
 *
 * API Gateway throttles account-wide (CreateDeployment: 1 request every 5 s) and refuses concurrent changes
 * to one API with a ConflictException ("concurrent modification"); both pass if the call is made again later.
 */
export interface RetryPolicy {
  /** Give up once waiting again would end after this many ms since the first attempt. */
  deadlineMs: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'deadlineMs'> = { baseDelayMs: 500, maxDelayMs: 20_000 }

const RETRYABLE_CODES = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ServiceUnavailableException',
  // CloudWatch's throttling code
  'Throttling',
  'ThrottlingException'
])
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'])

export interface ErrorFacts {
  name?: string
  message?: string
  /** Node's system error code, for network failures. */
  code?: string
  /** The Retry-After header as the SDK exposes it (API Gateway models it on 429 and 503 errors). */
  retryAfterSeconds?: string | number
}

/**
 * API Gateway also answers 429 LimitExceededException when a quota is used up ("Maximum number of stages
 * ... has been reached"): waiting does not help there.
 */
export function isQuotaExhausted(error: ErrorFacts): boolean {
  return error.name === 'LimitExceededException' && /maximum number|quota/i.test(error.message ?? '')
}

export function isRetryable(error: ErrorFacts): boolean {
  if (isQuotaExhausted(error)) return false
  if (error.name && RETRYABLE_CODES.has(error.name)) return true
  if (error.name === 'ConflictException' && /concurrent modification/i.test(error.message ?? '')) return true
  return error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code)
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
    delay = Math.round(retryAfter * 1000 + random() * policy.baseDelayMs)
  }
  if (elapsedMs + delay > policy.deadlineMs) return undefined
  return delay
}
