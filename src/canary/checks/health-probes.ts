/** The health-probe check: every round sends a batch of probes to the stage and judges the answers. */
import * as core from '@actions/core'
import type { HealthCheckInputs } from '../../inputs/index.js'
import { chanceUnnoticed, DETECTED_FAILURE_RATE, probesPerRound } from '../plan.js'
import type { StepCheck, StepTally } from './check.js'
import { healthCheckUrl, runProbes, summarize, type ProbeOutcome } from './probes.js'

export function healthProbes(check: HealthCheckInputs, invokeUrl: string): StepCheck {
  const url = healthCheckUrl(check, invokeUrl)
  return {
    startStep(percent: number): StepTally {
      const count = probesPerRound(percent, check.probes)
      if (count > check.probes)
        core.info(`Raised health-check-probes from ${check.probes} to ${count} for ${percent}%.`)
      const none = formatChance(chanceUnnoticed(percent, count, 1))
      const unnoticed = formatChance(chanceUnnoticed(percent, count))
      core.info(
        `Sending ${count} probes a round (${check.concurrency} at a time) to ${url}; the canary gets ${percent}% of them at random (chance it gets none: ${none}; chance a canary failing ${DETECTED_FAILURE_RATE * 100}% of its requests passes a round unnoticed: ${unnoticed}).`
      )
      const all: ProbeOutcome[] = []
      return {
        async round(signal) {
          const outcomes = await runProbes(check, url, count, signal)
          all.push(...outcomes)
          const batch = summarize(outcomes)
          core.info(
            `${batch.failures}/${batch.probes} probes failed${batch.latencyMs ? `; latency p50 ${batch.latencyMs.p50} ms, p95 ${batch.latencyMs.p95} ms` : ''}.`
          )
          if (batch.failures / batch.probes <= check.maxFailureRatio) return undefined
          return `${batch.failures} of ${batch.probes} health probes failed (${batch.samples.join('; ')}), above health-check-max-failure-ratio ${check.maxFailureRatio}`
        },
        report() {
          const { probes, failures, latencyMs } = summarize(all)
          return { probes, failures, latencyMs }
        }
      }
    }
  }
}

/** A probability as a percentage people read at a glance: "1.0%", "0.12%", "<0.01%". */
function formatChance(p: number): string {
  return p < 0.0001 ? '<0.01%' : `${(p * 100).toPrecision(2)}%`
}
