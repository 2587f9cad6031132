import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { StepCheck } from '../../../src/canary/checks/check.js'
import { runStep } from '../../../src/canary/step.js'

/** A check whose nth round (from 0) answers `verdicts[n]`, counting rounds as probes. */
function scripted(verdicts: (string | undefined)[]): StepCheck & { rounds: number[] } {
  const rounds: number[] = []
  return {
    rounds,
    startStep() {
      let n = 0
      return {
        async round() {
          rounds.push(Date.now())
          return verdicts[n++]
        },
        report: () => ({ probes: n, failures: verdicts.slice(0, n).filter(Boolean).length })
      }
    }
  }
}

const live = () => new AbortController().signal

// runStep logs its progress with core.info (stdout); keep the test output to jest's own.
beforeAll(() => void jest.spyOn(process.stdout, 'write').mockImplementation(() => true))
afterAll(() => {
  jest.restoreAllMocks()
})

describe('runStep', () => {
  it('runs one round when there is no bake', async () => {
    const check = scripted([])
    const { report, error } = await runStep(
      [check],
      { percent: 10, bakeSeconds: 0, intervalMs: 1000 },
      live()
    )
    expect(error).toBeUndefined()
    expect(check.rounds).toHaveLength(1)
    expect(report).toMatchObject({ percent: 10, probes: 1, verdict: 'passed' })
  })

  it('keeps checking through the bake, every interval and once at its end', async () => {
    const check = scripted([])
    const { report } = await runStep([check], { percent: 10, bakeSeconds: 0.25, intervalMs: 100 }, live())
    // Rounds at 0, 100, 200 and 250 ms.
    expect(check.rounds).toHaveLength(4)
    expect(report.verdict).toBe('passed')
    expect(report.bakeSeconds).toBeGreaterThanOrEqual(0.2)
  })

  it('fails the step at the first round any check fails, with that check’s reason', async () => {
    const healthy = scripted([])
    const degrading = scripted([undefined, undefined, 'alarm api-5xx in ALARM'])
    const { report } = await runStep(
      [healthy, degrading],
      { percent: 50, bakeSeconds: 5, intervalMs: 20 },
      live()
    )
    expect(degrading.rounds).toHaveLength(3)
    expect(report).toMatchObject({ verdict: 'failed', note: 'alarm api-5xx in ALARM', failures: 1 })
    expect(report.bakeSeconds).toBeLessThan(1)
  })

  it('returns what ran when cancelled mid-bake, with the cancellation as its error', async () => {
    const check = scripted([])
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('received SIGTERM')), 50)
    const { report, error } = await runStep(
      [check],
      { percent: 5, bakeSeconds: 60, intervalMs: 20 },
      controller.signal
    )
    expect(error).toEqual(new Error('received SIGTERM'))
    expect(report).toMatchObject({ percent: 5, verdict: 'failed', note: 'cancelled' })
    expect(report.probes).toBeGreaterThanOrEqual(2)
  })
})
