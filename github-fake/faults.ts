/**
 * Faults a test injects into the next calls of a route (named as Octokit names the method, e.g.
 * 'issues.createComment', or '*' for any route). Each applies to `count` matching calls (default 1), after
 * letting `skip` of them through.
 */
import { defaultMessageFor, GitHubError } from './errors.js'
import { isRouteName, type RouteName } from './route-names.js'

export type FaultName = 'barrier' | 'fail' | 'rate-limit' | 'latency' | 'drop-response'

/** Where in a call a fault acts: before the handler (barrier, delay, error) or after it changed the state. */
export type FaultPhase = 'barrier' | 'delay' | 'error' | 'late-delay' | 'drop'

interface CountOptions {
  /** How many matching calls the fault applies to (a positive integer or Infinity); default 1. */
  count?: number
  /** Matching calls to let through before the fault applies; default 0. */
  skip?: number
}

export interface FailOptions extends CountOptions {
  /** The body's message; by default the one GitHub's front end uses for the status ("Server Error", ...). */
  message?: string
  headers?: Record<string, string>
}

export interface RateLimitOptions extends CountOptions {
  /** GitHub answers either: "you will receive a 403 or 429 response". Default 403. */
  status?: 403 | 429
  /**
   * 'primary' (default): the hourly quota is spent; x-ratelimit-remaining is 0 and x-ratelimit-reset says when
   * it refills. 'secondary': too many requests too fast; a retry-after header says how long to wait.
   * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
   */
  kind?: 'primary' | 'secondary'
  /** Sent as retry-after; default 60 for a secondary limit, none for a primary one unless set. */
  retryAfterSeconds?: number
  /** x-ratelimit-reset, in seconds from now; default 3600 (GitHub's window is an hour). */
  resetInSeconds?: number
}

export interface LatencyOptions extends CountOptions {
  /** Delay the answer after the handler ran (the change is visible while the client waits). Default false. */
  after?: boolean
}

export interface FaultInjector {
  /**
   * The next `parties` matching calls wait for each other: none proceeds until all have arrived, then all do.
   * Makes a race certain, e.g. two runs that both list the comments before either creates one.
   */
  barrier(route: RouteName | '*', parties: number, options?: Pick<CountOptions, 'skip'>): void
  /** The next matching calls fail with `status` (4xx/5xx) and GitHub's error body. Nothing changes. */
  fail(route: RouteName | '*', status: number, options?: FailOptions): void
  /** The next matching calls are refused as rate limited. Nothing changes. */
  rateLimit(route: RouteName | '*', options?: RateLimitOptions): void
  /** The next matching calls wait `ms` first (or, with `after`, once applied); default count Infinity. */
  latency(route: RouteName | '*', ms: number, options?: LatencyOptions): void
  /** The next matching calls are applied, then the connection is reset: an answer lost after GitHub acted. */
  dropResponse(route: RouteName | '*', options?: CountOptions): void
  clear(): void
}

export interface Fault {
  name: FaultName
  phase: FaultPhase
  route: string
  remaining: number
  skip: number
  /** Builds the error when the fault fires (rate-limit headers carry the time it fired). */
  error?: () => GitHubError
  ms?: number
  /** For a barrier: how many calls it waits for, and the release functions of those waiting. */
  parties?: number
  waiters?: Array<() => void>
}

function checkCount(count: number, skip: number): void {
  if (!(count === Infinity || (Number.isInteger(count) && count > 0))) {
    throw new TypeError(`fault count must be a positive integer or Infinity, got ${count}`)
  }
  if (!(Number.isInteger(skip) && skip >= 0)) throw new TypeError(`fault skip must be >= 0, got ${skip}`)
}

const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'

/** The headers and body GitHub sends when a token's primary (hourly) quota is spent. */
export function primaryRateLimitError(
  status: 403 | 429,
  limit: number,
  resetEpochSeconds: number,
  retryAfterSeconds?: number
): GitHubError {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-used': String(limit),
    'x-ratelimit-reset': String(resetEpochSeconds),
    'x-ratelimit-resource': 'core'
  }
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds)
  // A GITHUB_TOKEN is an installation token; GitHub names the installation in the message.
  return new GitHubError(
    status,
    'API rate limit exceeded for installation ID 1.',
    `${RATE_LIMIT_DOCS}#primary-rate-limit`,
    undefined,
    headers
  )
}

export class Faults implements FaultInjector {
  private pending: Fault[] = []

  /** `limit`: the fake's hourly quota, reported in x-ratelimit-limit by an injected primary limit. */
  constructor(private readonly limit: number) {}

  barrier(route: RouteName | '*', parties: number, options: Pick<CountOptions, 'skip'> = {}): void {
    if (!(Number.isInteger(parties) && parties >= 2))
      throw new TypeError(`a barrier needs >= 2 parties, got ${parties}`)
    this.add('barrier', 'barrier', route, { count: parties, skip: options.skip }, { parties, waiters: [] })
  }

  /** Waits at a barrier until all its parties have arrived, or the fake stops. */
  static arrive(fault: Fault, signal: AbortSignal): Promise<void> {
    const waiters = fault.waiters ?? []
    return new Promise(resolve => {
      if (signal.aborted) return resolve()
      const done = (): void => {
        signal.removeEventListener('abort', done)
        resolve()
      }
      signal.addEventListener('abort', done)
      waiters.push(done)
      if (waiters.length >= (fault.parties ?? 0)) for (const release of waiters) release()
    })
  }

  fail(route: RouteName | '*', status: number, options: FailOptions = {}): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError(`fail needs a 4xx or 5xx status, got ${status}`)
    }
    const message = options.message ?? defaultMessageFor(status)
    this.add('fail', 'error', route, options, {
      error: () =>
        new GitHubError(status, message, 'https://docs.github.com/rest', undefined, options.headers)
    })
  }

  rateLimit(route: RouteName | '*', options: RateLimitOptions = {}): void {
    const status = options.status ?? 403
    if (status !== 403 && status !== 429) throw new TypeError(`rate limits are 403 or 429, got ${status}`)
    const resetIn = options.resetInSeconds ?? 3600
    const reset = (): number => Math.floor(Date.now() / 1000) + resetIn
    const error =
      options.kind === 'secondary'
        ? () =>
            new GitHubError(
              status,
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
              `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
              undefined,
              { 'retry-after': String(options.retryAfterSeconds ?? 60) }
            )
        : () => primaryRateLimitError(status, this.limit, reset(), options.retryAfterSeconds)
    this.add('rate-limit', 'error', route, options, { error })
  }

  latency(route: RouteName | '*', ms: number, options: LatencyOptions = {}): void {
    if (!(ms >= 0)) throw new TypeError(`latency must be >= 0 ms, got ${ms}`)
    this.add(
      'latency',
      options.after ? 'late-delay' : 'delay',
      route,
      { count: Infinity, ...options },
      { ms }
    )
  }

  dropResponse(route: RouteName | '*', options: CountOptions = {}): void {
    this.add('drop-response', 'drop', route, options)
  }

  clear(): void {
    this.pending = []
  }

  /** The first fault of this phase matching the route, if any; consumes one of its uses. */
  take(phase: FaultPhase, route: string): Fault | undefined {
    const index = this.pending.findIndex(f => f.phase === phase && (f.route === '*' || f.route === route))
    if (index < 0) return undefined
    const fault = this.pending[index]
    if (fault.skip > 0) {
      fault.skip -= 1
      return undefined
    }
    fault.remaining -= 1
    if (fault.remaining <= 0) this.pending.splice(index, 1)
    return fault
  }

  private add(
    name: FaultName,
    phase: FaultPhase,
    route: string,
    options: CountOptions,
    extra: Pick<Fault, 'error' | 'ms' | 'parties' | 'waiters'> = {}
  ): void {
    // Checked because a typo would otherwise make a fault that silently never fires.
    if (route !== '*' && !isRouteName(route)) throw new TypeError(`unknown route ${JSON.stringify(route)}`)
    const count = options.count ?? 1
    const skip = options.skip ?? 0
    checkCount(count, skip)
    this.pending.push({ name, phase, route, remaining: count, skip, ...extra })
  }
}
