/**
 * One kind of evidence about a canary step (health probes, alarms, metric analysis). A step's verdict combines
 * every check: the step fails as soon as one of them finds a failure. A check that judges the step as a whole
 * (the metric analysis) also concludes it when the bake is over, and may ask for more time.
 */
import type { StepReport } from '../../report/result.js'

export interface StepCheck {
  /** Runs once before the canary exists, so configuration that cannot work fails before any change. */
  prepare?(): Promise<void>
  /** A fresh tally for one step at `percent` % of traffic. */
  startStep(percent: number): StepTally
  /** How long a step may run past its bake while this check's conclusion is undecided. */
  maxWaitMs?: number
}

/** A check's conclusion on a step whose bake is over. */
export type Conclusion =
  | { kind: 'passed' }
  | { kind: 'failed'; reason: string }
  /** Not enough evidence yet: the step runs on (up to maxWaitMs past its bake) and asks again. */
  | { kind: 'undecided'; reason: string }

export interface StepTally {
  /** One round of checking (every health-check-interval during the bake): why the step fails, or undefined. */
  round(signal: AbortSignal): Promise<string | undefined>
  /**
   * After a round at or past the end of the bake: the check's verdict on the whole step. `final`: no more
   * time is left, so it must not answer undecided.
   */
  conclude?(signal: AbortSignal, final: boolean): Promise<Conclusion>
  /** What this check adds to the step's report, over every round so far. */
  report(): Partial<Pick<StepReport, 'probes' | 'failures' | 'latencyMs' | 'alarms' | 'analysis'>>
}
