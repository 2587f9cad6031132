import { ApiError, defaultErrorFor } from '../http/errors.js'

/** How an injected fault is named in CallRecord.faults and in POST /_emulator/faults. */
export type FaultName = 'throttle' | 'fail' | 'latency' | 'hang' | 'drop-response'

export interface FailSpec {
  status: number
  /** x-amzn-ErrorType; defaults to API Gateway's code for the status (e.g. 502 BadGatewayException). */
  code?: string
  message?: string
  /** Sent as Retry-After; the SDK exposes it as `retryAfterSeconds` on 429/503 exceptions. */
  retryAfterSeconds?: number
}

interface LatencyOptions {
  /** Delay the answer after the operation is applied instead of the request before it runs (default). */
  after?: boolean
}

/** Public fault-injection API: each fault applies to the next `count` calls of the operation ('*' = any). */
export interface FaultInjector {
  throttle(operation: string, count: number, retryAfterSeconds?: number): void
  fail(operation: string, error: FailSpec, count?: number): void
  latency(operation: string, ms: number, count?: number, options?: LatencyOptions): void
  /**
   * Never answers (and does not apply) the call; the connection stays open until the client gives up.
   * `skip` lets that many matching calls through first (to hang, say, the second UpdateStage of a run).
   */
  hang(operation: string, count?: number, options?: { skip?: number }): void
  /** Applies the call, then resets the connection without a response: a reply lost after AWS acted. */
  dropResponse(operation: string, count?: number): void
  clear(): void
}

/**
 * When in a call a fault fires, in this order: a delay, a hang or an error stop the call before the
 * operation runs; a late delay and a dropped response come after it ran.
 */
export type FaultPhase = 'delay' | 'hang' | 'error' | 'late-delay' | 'drop'

interface Fault {
  name: FaultName
  phase: FaultPhase
  operation: string
  remaining: number
  /** Matching calls to let through before the fault applies. */
  skip?: number
  error?: ApiError
  ms?: number
}

function checkCount(count: number): void {
  if (!(count === Infinity || (Number.isInteger(count) && count > 0))) {
    throw new TypeError(`fault count must be a positive integer or Infinity, got ${count}`)
  }
}

export class Faults implements FaultInjector {
  private pending: Fault[] = []

  throttle(operation: string, count: number, retryAfterSeconds = 1): void {
    // The shape API Gateway uses when it throttles a control-plane call.
    this.add('throttle', 'error', operation, count, {
      error: new ApiError(429, 'TooManyRequestsException', 'Too Many Requests', retryAfterSeconds)
    })
  }

  fail(operation: string, error: FailSpec, count = 1): void {
    const known = defaultErrorFor(error.status)
    const code = error.code ?? known?.code
    if (!Number.isInteger(error.status) || error.status < 400 || error.status > 599 || !code) {
      throw new TypeError(
        `fail needs a 4xx/5xx status (and a code unless it is a known one): ${JSON.stringify(error)}`
      )
    }
    const message = error.message ?? known?.message ?? code
    this.add('fail', 'error', operation, count, {
      error: new ApiError(error.status, code, message, error.retryAfterSeconds)
    })
  }

  latency(operation: string, ms: number, count = Infinity, options: LatencyOptions = {}): void {
    if (!(ms >= 0)) throw new TypeError(`latency must be >= 0 ms, got ${ms}`)
    this.add('latency', options.after ? 'late-delay' : 'delay', operation, count, { ms })
  }

  hang(operation: string, count = 1, options: { skip?: number } = {}): void {
    this.add('hang', 'hang', operation, count, { skip: options.skip })
  }

  dropResponse(operation: string, count = 1): void {
    this.add('drop-response', 'drop', operation, count)
  }

  clear(): void {
    this.pending = []
  }

  /** The first fault of this phase that matches the call, if any; consumes one of its uses. */
  take(phase: FaultPhase, operation: string): Fault | undefined {
    const index = this.pending.findIndex(
      f => f.phase === phase && (f.operation === '*' || f.operation === operation)
    )
    if (index < 0) return undefined
    const fault = this.pending[index]
    if (fault.skip) {
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
    operation: string,
    count: number,
    extra: Pick<Fault, 'error' | 'ms' | 'skip'> = {}
  ): void {
    // Checked here because the HTTP admin endpoint passes untyped JSON straight through.
    if (typeof operation !== 'string' || operation === '') {
      throw new TypeError(
        `fault operation must be an operation name or '*', got ${JSON.stringify(operation)}`
      )
    }
    checkCount(count)
    this.pending.push({ name, phase, operation, remaining: count, ...extra })
  }
}
