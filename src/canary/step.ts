/**
 * One canary step: every check runs a round when the step starts and again every `intervalMs` through the
 * bake (and once more when it ends), so a canary that degrades part-way through is caught in that step.
 * When the bake is over, the checks that judge the step as a whole conclude it; an undecided one keeps the
 * step (and every check's rounds) going, up to its maxWaitMs, and is asked again after each round.
 */
import * as core from '@actions/core'
import type { StepReport } from '../report/result.js'
import { sleep } from '../sleep.js'
import type { Conclusion, StepCheck, StepTally } from './checks/check.js'

export interface StepPlan {
  percent: number
  bakeSeconds: number
  intervalMs: number
}

export interface StepOutcome {
  /** What ran, even when the step was cut short. */
  report: StepReport
  /** Set when the step was stopped by an error or a cancellation rather than by a verdict. */
  error?: unknown
}

export async function runStep(
  checks: StepCheck[],
  plan: StepPlan,
  signal: AbortSignal
): Promise<StepOutcome> {
  const tallies = checks.map(check => check.startStep(plan.percent))
  const started = Date.now()
  let deadline = started + plan.bakeSeconds * 1000
  const maxWaitMs = Math.max(0, ...checks.map(check => check.maxWaitMs ?? 0))
  // Past the bake, waiting for an undecided check (the metric analysis with too little traffic yet).
  let waiting = false
  let failure: string | undefined
  let error: unknown
  if (plan.bakeSeconds > 0)
    core.info(`Baking for ${plan.bakeSeconds} s, checking every ${plan.intervalMs / 1000} s.`)
  try {
    // The round after the wait that reaches the deadline is the last: timers may wake a millisecond early,
    // and a clock comparison would then add a stray round.
    let last = plan.bakeSeconds <= 0
    for (;;) {
      const roundStarted = Date.now()
      const verdicts = await Promise.all(tallies.map(tally => tally.round(signal)))
      failure = verdicts.find(verdict => verdict !== undefined)
      if (failure !== undefined) break
      const over = last || Date.now() >= deadline
      if (over || waiting) {
        const final = over && (waiting || maxWaitMs === 0)
        const conclusion = await conclude(tallies, signal, final)
        // Undecided with no time left is a failure: a step never passes on evidence it did not get.
        if (conclusion.kind === 'failed' || (conclusion.kind === 'undecided' && final))
          failure = conclusion.reason
        if (conclusion.kind !== 'undecided' || final) break
        if (!waiting) {
          waiting = true
          deadline = Date.now() + maxWaitMs
          core.info(`Not conclusive yet (${conclusion.reason}): waiting up to ${maxWaitMs / 1000} s more.`)
        }
      }
      const wake = Math.min(roundStarted + plan.intervalMs, deadline)
      last = wake >= deadline
      await sleep(Math.max(0, wake - Date.now()), signal)
    }
  } catch (caught) {
    error = caught
  }
  const report: StepReport = {
    percent: plan.percent,
    bakeSeconds: Math.round((Date.now() - started) / 100) / 10,
    probes: 0,
    failures: 0,
    alarms: [],
    ...Object.assign({}, ...tallies.map(tally => tally.report())),
    verdict: failure === undefined && error === undefined ? 'passed' : 'failed'
  }
  if (failure !== undefined) report.note = failure
  else if (error !== undefined) report.note = signal.aborted ? 'cancelled' : 'stopped by an error'
  return { report, error }
}

/** Every concluding check's verdict on the step: failed if one fails, undecided if one is, else passed. */
async function conclude(tallies: StepTally[], signal: AbortSignal, final: boolean): Promise<Conclusion> {
  const conclusions = await Promise.all(
    tallies.flatMap(tally => (tally.conclude ? [tally.conclude(signal, final)] : []))
  )
  return (
    conclusions.find(c => c.kind === 'failed') ??
    conclusions.find(c => c.kind === 'undecided') ?? { kind: 'passed' }
  )
}
