/**
 * What kind of failure an AWS error is: the one place that decides, so that the retry policy and the
 * hints in error messages can never disagree.
 *
 * API Gateway throttles account-wide (CreateDeployment: 1 request every 5 s) and refuses concurrent changes
 * to one API with a ConflictException ("concurrent modification"); both pass if the call is made again later.
 */

/** The parts of an SDK or network error the decisions read. */
export interface ErrorFacts {
  name?: string
  message?: string
  /** Node's system error code, for network failures. */
  code?: string
  /** The Retry-After header as the SDK exposes it (API Gateway models it on 429 and 503 errors). */
  retryAfterSeconds?: string | number
  status?: number
}

export type ErrorKind =
  | 'quota-exhausted'
  | 'throttled'
  | 'conflict'
  | 'unavailable'
  | 'network'
  | 'credentials'
  | 'access-denied'
  | 'not-found'
  | 'bad-request'
  | 'other'

const THROTTLING_CODES = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  // CloudWatch's throttling codes
  'Throttling',
  'ThrottlingException'
])
// WAFUnavailableEntityException: "AWS WAF couldn't retrieve a resource that you specified for this
// operation... retry your request" (https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html).
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailableException',
  'ServiceUnavailable',
  'WAFUnavailableEntityException'
])
// 500, 502 and 504 are transient for AWS, as 503 is: the SDK's standard retry strategy retries them
// (@smithy/core, retry/service-error-classification/constants.js: TRANSIENT_ERROR_STATUS_CODES). 501 means "not implemented".
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504])
// A reset or timed-out connection may pass on the next attempt; a refused one means a wrong endpoint.
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED'])
const RETRYABLE_KINDS = new Set<ErrorKind>(['throttled', 'conflict', 'unavailable', 'network'])
// The request may have reached AWS and been applied even though no answer came back.
const AMBIGUOUS_KINDS = new Set<ErrorKind>(['unavailable', 'network'])

export function errorFacts(error: unknown): ErrorFacts {
  const e = (error ?? {}) as {
    name?: string
    message?: string
    code?: string
    retryAfterSeconds?: string
    $metadata?: { httpStatusCode?: number }
  }
  return {
    name: e.name,
    message: e.message,
    code: e.code,
    retryAfterSeconds: e.retryAfterSeconds,
    status: e.$metadata?.httpStatusCode
  }
}

export function classify(error: ErrorFacts): ErrorKind {
  const name = error.name ?? ''
  const message = error.message ?? ''
  // API Gateway also answers 429 LimitExceededException when a quota is used up ("Maximum number of
  // stages ... has been reached"): waiting does not help there.
  if (name === 'LimitExceededException' && /maximum number|quota/i.test(message)) return 'quota-exhausted'
  if (THROTTLING_CODES.has(name)) return 'throttled'
  if (UNAVAILABLE_CODES.has(name) || (error.status !== undefined && TRANSIENT_STATUSES.has(error.status)))
    return 'unavailable'
  if (name === 'ConflictException' && /concurrent modification/i.test(message)) return 'conflict'
  if ((error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code)) || name === 'TimeoutError')
    return 'network'
  if (name === 'CredentialsProviderError' || /credential/i.test(name)) return 'credentials'
  if (
    ['AccessDeniedException', 'UnauthorizedException', 'AccessDenied'].includes(name) ||
    error.status === 403
  )
    return 'access-denied'
  if (name === 'NotFoundException' || name === 'WAFNonexistentItemException') return 'not-found'
  if (name === 'BadRequestException' || name === 'WAFInvalidParameterException') return 'bad-request'
  return 'other'
}

export function isRetryable(error: ErrorFacts): boolean {
  return RETRYABLE_KINDS.has(classify(error))
}

/**
 * Whether the call may have been applied although it failed: a lost connection, a timeout or a 5xx. A
 * non-idempotent call (CreateDeployment) is then looked up before it is sent again.
 */
export function isAmbiguous(error: ErrorFacts): boolean {
  return AMBIGUOUS_KINDS.has(classify(error))
}
