import { ApiError } from './errors.js'

export interface FailSpec {
  status: number
  code: string
  message: string
  /** Sent as Retry-After; the SDK exposes it as `retryAfterSeconds` on 429/503 exceptions. */
  retryAfterSeconds?: number
}

/** Public fault-injection API: each fault applies to the next `count` calls of the operation ('*' = any). */
export interface FaultInjector {
  throttle(operation: string, count: number, retryAfterSeconds?: number): void
  fail(operation: string, error: FailSpec, count?: number): void
  latency(operation: string, ms: number, count?: number): void
  clear(): void
}

interface Fault {
  operation: string
  remaining: number
  error?: ApiError
  latencyMs?: number
}

function checkCount(count: number): void {
  if (!(count === Infinity || (Number.isInteger(count) && count > 0))) {
    throw new TypeError(`fault count must be a positive integer or Infinity, got ${count}`)
  }
}

export class Faults implements FaultInjector {
  private errors: Fault[] = []
  private latencies: Fault[] = []

  throttle(operation: string, count: number, retryAfterSeconds = 1): void {
    // The shape API Gateway uses when it throttles a control-plane call.
    this.fail(
      operation,
      { status: 429, code: 'TooManyRequestsException', message: 'Too Many Requests', retryAfterSeconds },
      count
    )
  }

  fail(operation: string, error: FailSpec, count = 1): void {
    checkCount(count)
    const apiError = new ApiError(error.status, error.code, error.message, error.retryAfterSeconds)
    this.errors.push({ operation, remaining: count, error: apiError })
  }

  latency(operation: string, ms: number, count = Infinity): void {
    checkCount(count)
    if (!(ms >= 0)) throw new TypeError(`latency must be >= 0 ms, got ${ms}`)
    this.latencies.push({ operation, remaining: count, latencyMs: ms })
  }

  clear(): void {
    this.errors = []
    this.latencies = []
  }

  /** Milliseconds to delay this call by (consumes one use of the first matching latency fault). */
  takeLatency(operation: string): number {
    return take(this.latencies, operation)?.latencyMs ?? 0
  }

  /** The injected error for this call, if any (consumes one use of the first matching fault). */
  takeError(operation: string): ApiError | undefined {
    return take(this.errors, operation)?.error
  }
}

function take(faults: Fault[], operation: string): Fault | undefined {
  const index = faults.findIndex(f => f.operation === '*' || f.operation === operation)
  if (index < 0) return undefined
  const fault = faults[index]
  fault.remaining -= 1
  if (fault.remaining <= 0) faults.splice(index, 1)
  return fault
}
