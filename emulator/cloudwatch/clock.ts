/**
 * The clock of the metrics: when invoke requests are recorded and what GetMetricData counts as "now". It runs
 * with the real clock, shifted by an offset that tests move, so minutes of traffic can be laid down at once
 * (advance between bursts) without waiting for them. Control-plane timestamps keep the real clock.
 */
export class MetricsClock {
  private offsetMs = 0

  /** Epoch milliseconds on the metrics clock. */
  now(): number {
    return Date.now() + this.offsetMs
  }

  /** Moves the clock forward (or back, with a negative `ms`); returns the new now. */
  advance(ms: number): number {
    if (!Number.isFinite(ms)) throw new TypeError(`advance takes a number of milliseconds, got ${ms}`)
    this.offsetMs += ms
    return this.now()
  }

  /** Sets now to `time` (epoch ms or a Date); the clock keeps running from there. */
  set(time: number | Date): number {
    const ms = time instanceof Date ? time.getTime() : time
    if (!Number.isFinite(ms))
      throw new TypeError(`set takes epoch milliseconds or a Date, got ${String(time)}`)
    this.offsetMs = ms - Date.now()
    return this.now()
  }

  /** Back to the real clock. */
  reset(): void {
    this.offsetMs = 0
  }
}
