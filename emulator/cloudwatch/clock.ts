/**
 * The clock of the metrics: when invoke requests are recorded and what GetMetricData counts as "now". It runs
 * with the real clock, shifted by an offset that tests move, so minutes of traffic can be laid down at once
 * (advance between bursts) without waiting for them. Control-plane timestamps keep the real clock.
 *
 * It can also run faster than real time (`setRate(60)`: a real second is a metrics minute), for a client that
 * judges minutes of metrics in a few seconds of a test. Then GetMetricData reads the StartTime and EndTime a
 * client sends as real times (what the client's clock said) and maps them onto this clock: see `fromReal`.
 */
export class MetricsClock {
  /** The clock's reading at `anchorMs` (real time) is anchorMs + offsetMs; after it, it runs at `rate`. */
  private offsetMs = 0
  private anchorMs = 0
  private speed = 1

  /** Epoch milliseconds on the metrics clock. */
  now(): number {
    return this.fromReal(Date.now())
  }

  /** How many metrics milliseconds pass in a real one. */
  get rate(): number {
    return this.speed
  }

  /** The clock's reading at real time `realMs` (1:1 before the rate was last set, `rate`:1 after). */
  fromReal(realMs: number): number {
    if (realMs <= this.anchorMs) return realMs + this.offsetMs
    return this.anchorMs + this.offsetMs + (realMs - this.anchorMs) * this.speed
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
    this.offsetMs += ms - this.now()
    return this.now()
  }

  /** From now on the clock runs `rate` times as fast as real time (1: at real speed again). */
  setRate(rate: number): number {
    if (!(Number.isFinite(rate) && rate > 0))
      throw new TypeError(`setRate takes a number above 0, got ${rate}`)
    const reading = this.now()
    this.anchorMs = Date.now()
    this.offsetMs = reading - this.anchorMs
    this.speed = rate
    return reading
  }

  /** Back to the real clock, at real speed. */
  reset(): void {
    this.offsetMs = 0
    this.anchorMs = 0
    this.speed = 1
  }
}
