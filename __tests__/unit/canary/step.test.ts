import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Conclusion, StepCheck } from '../../../src/canary/checks/check.js'
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

/** A check that concludes the step with `answers` in turn (the last one repeats), and records `final`. */
function concluding(answers: Conclusion[], maxWaitMs: number): StepCheck & { asked: boolean[] } {
  const asked: boolean[] = []
  return {
    asked,
    maxWaitMs,
    startStep: () => ({
      round: async () => undefined,
      async conclude(_signal, final) {
        asked.push(final)
        return answers[Math.min(asked.length - 1, answers.length - 1)]
      },
      report: () => ({})
    })
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

  it('asks a concluding check once, when the bake is over, and passes on its pass', async () => {
    const rounds = scripted([])
    const judge = concluding([{ kind: 'passed' }], 1000)
    const { report } = await runStep(
      [rounds, judge],
      { percent: 10, bakeSeconds: 0.1, intervalMs: 40 },
      live()
    )
    expect(judge.asked).toEqual([false])
    expect(rounds.rounds).toHaveLength(4)
    expect(report.verdict).toBe('passed')
  })

  it('fails the step on a concluding check’s failure, with its reason', async () => {
    const judge = concluding(
      [{ kind: 'failed', reason: 'canary analysis failed: 5XX error rate 9.0%' }],
      1000
    )
    const { report } = await runStep([judge], { percent: 10, bakeSeconds: 0.05, intervalMs: 40 }, live())
    expect(report).toMatchObject({ verdict: 'failed', note: 'canary analysis failed: 5XX error rate 9.0%' })
  })

  it('runs on past the bake while undecided, every check’s rounds too, until the check decides', async () => {
    const rounds = scripted([])
    const judge = concluding(
      [
        { kind: 'undecided', reason: 'only 3 canary requests' },
        { kind: 'undecided', reason: 'only 9' },
        { kind: 'passed' }
      ],
      5000
    )
    const started = Date.now()
    const { report } = await runStep(
      [rounds, judge],
      { percent: 10, bakeSeconds: 0.1, intervalMs: 50 },
      live()
    )
    expect(judge.asked).toEqual([false, false, false])
    // Rounds at 0, 50, 100 (the bake) and two more while waiting.
    expect(rounds.rounds).toHaveLength(5)
    expect(report.verdict).toBe('passed')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('fails when still undecided once the wait is over, asking the last time as final', async () => {
    const judge = concluding([{ kind: 'undecided', reason: 'only 3 canary requests' }], 200)
    const started = Date.now()
    const { report } = await runStep([judge], { percent: 10, bakeSeconds: 0.1, intervalMs: 60 }, live())
    const waited = Date.now() - started
    expect(waited).toBeGreaterThanOrEqual(290)
    expect(waited).toBeLessThan(1500)
    expect(judge.asked.at(-1)).toBe(true)
    expect(judge.asked.slice(0, -1).every(final => !final)).toBe(true)
    expect(report).toMatchObject({ verdict: 'failed', note: 'only 3 canary requests' })
  })

  it('does not wait without a wait: undecided with maxWaitMs 0 is final at once', async () => {
    const judge = concluding([{ kind: 'undecided', reason: 'too few' }], 0)
    const { report } = await runStep([judge], { percent: 10, bakeSeconds: 0.05, intervalMs: 40 }, live())
    expect(judge.asked).toEqual([true])
    expect(report.verdict).toBe('failed')
  })
})
