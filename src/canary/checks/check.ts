/**
 * One kind of evidence about a canary step (health probes, alarms; metric analysis can join). A step's
 * verdict combines every check: the step fails as soon as one of them finds a failure.
 */
import type { StepReport } from '../../report/result.js'

export interface StepCheck {
  /** Runs once before the canary exists, so configuration that cannot work fails before any change. */
  prepare?(): Promise<void>
  /** A fresh tally for one step at `percent` % of traffic. */
  startStep(percent: number): StepTally
}

export interface StepTally {
  /** One round of checking (every health-check-interval during the bake): why the step fails, or undefined. */
  round(signal: AbortSignal): Promise<string | undefined>
  /** What this check adds to the step's report, over every round so far. */
  report(): Partial<Pick<StepReport, 'probes' | 'failures' | 'latencyMs' | 'alarms'>>
}
