/**
 * canary-analysis end to end: dist/index.js against the emulator, which publishes the traffic it records as
 * API Gateway's CloudWatch metrics (per stage, and for the canary under "{stage}/Canary"). The metrics clock
 * runs 60 times real speed, so a bake of a few seconds gathers minutes of metrics; the action itself runs at
 * real speed and reads them with GetMetricData as it would from CloudWatch.
 *
 * A feeder lays down traffic every 100 ms (6 s of the metrics clock): the base's always, the canary's once
 * the stage has a canary, each with the error rate and latencies the test gives.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { useActionFixture } from './fixture.js'
import type { ActionRun } from './run-action.js'

const region = 'eu-central-1'
const fixture = useActionFixture({ region, apiName: 'shop', seed: 11 })

beforeEach(() => void fixture.emu.metricsClock.setRate(60))
afterEach(() => {
  fixture.emu.metricsClock.reset()
  fixture.emu.resetTraffic()
})

interface Group {
  /** Requests a tick (100 ms real, 6 s of the metrics clock). */
  perTick: number
  /** Of every 100 requests, how many answer 500 (a divisor of 100). */
  errorsPer100?: number
  /** Latency of the requests, spread evenly from `latencyMs` to 1.2 times it. */
  latencyMs?: number
}

/** Feeds the stage's metrics until stopped; the canary's only while the stage has one. */
function feed(stageName: string, traffic: { base: Group; canary: Group }): { stop(): void } {
  const { emu, restApiId } = fixture
  const sent = { base: 0, canary: 0 }
  const lay = (group: 'base' | 'canary') => {
    const { perTick, errorsPer100 = 0, latencyMs = 40 } = traffic[group]
    for (let i = 0; i < perTick; i++) {
      const n = sent[group]++
      emu.recordTraffic({
        restApiId,
        stageName,
        canary: group === 'canary',
        // Spread evenly (every 10th for 10 in 100), so that any number of ticks keeps the rate.
        status: errorsPer100 > 0 && n % (100 / errorsPer100) === 0 ? 500 : 200,
        latencyMs: latencyMs * (1 + (n % 10) / 50)
      })
    }
  }
  const timer = setInterval(() => {
    lay('base')
    if (emu.getStage(restApiId, stageName)?.canarySettings) lay('canary')
  }, 100)
  return { stop: () => clearInterval(timer) }
}

/** The health-report's analysis of a step, as far as the tests read it. */
interface Analysis {
  verdict: string
  reason: string
  tests: string[]
  waitedSeconds: number
  canary: { requests: number; errorRate: number; minutes: number; latencyMs: { p50: number } }
  base: { requests: number; latencyMs: { p50: number } }
  findings: { check: string; pValue: number; alpha: number }[]
}

async function analysed(
  stageName: string,
  traffic: { base: Group; canary: Group },
  inputs: Record<string, string>
): Promise<{ run: ActionRun; steps: { verdict: string; note?: string; analysis: Analysis }[] }> {
  const feeder = feed(stageName, traffic)
  try {
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-analysis': 'true',
      // Applied before the canary starts: the analysis' precondition met in the same run.
      'metrics-enabled': 'true',
      'health-check-interval': '1',
      ...inputs
    })
    return { run, steps: JSON.parse(run.outputs['health-report'] ?? '{"steps":[]}').steps }
  } finally {
    feeder.stop()
  }
}

/** ::warning:: lines, without the prefix. */
const warnings = (run: ActionRun): string =>
  run.stdout
    .split('\n')
    .filter(line => line.startsWith('::warning::'))
    .map(line => line.slice('::warning::'.length))
    .join('\n')

const PETS = fileURLToPath(new URL('../emulator/fixtures/definitions/pets.oas30.yaml', import.meta.url))

const base = { perTick: 90, errorsPer100: 1, latencyMs: 40 }

describe('canary analysis', () => {
  it('rolls back a canary with a higher error rate, with the test and its figures', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const { run, steps } = await analysed(
      stageName,
      { base, canary: { perTick: 10, errorsPer100: 10, latencyMs: 40 } },
      { 'bake-time': '3', 'analysis-metrics': '5XXError', 'min-canary-requests': '50' }
    )
    expect(run.code).toBe(1)
    expect(run.outputs['canary-result']).toBe('rolled-back')
    fixture.expectRolledBack(stageName, served, run)
    const failure = run.errors.join('\n')
    expect(failure).toMatch(
      /Canary rolled back: step 1 at 10% failed: canary analysis failed: 5XX error rate 10\.0% \(\d+\/\d+\) vs base 1\.0% \(\d+\/\d+\): above the base \+ 1\.0% \(z = \d+\.\d+, p (=|<) [\d.]+ < 0\.05\)/
    )
    const [step] = steps
    expect(step.verdict).toBe('failed')
    expect(step.analysis).toMatchObject({
      verdict: 'fail',
      tests: ['two-proportion z-test (farrington-manning)'],
      findings: [{ check: 'error-rate', verdict: 'fail', alpha: 0.05 }]
    })
    expect(step.analysis.canary.requests).toBeGreaterThanOrEqual(50)
    expect(step.analysis.canary.errorRate).toBeCloseTo(0.1, 1)
    expect(step.analysis.base.requests).toBeGreaterThan(step.analysis.canary.requests * 5)
    expect(step.analysis.findings[0].pValue).toBeLessThan(0.05)
    expect(run.summary).toContain('Canary analysis (CloudWatch metrics, canary vs base)')
    expect(run.summary).toContain('❌ fail: 5XX error rate 10.0%')
    // The one read before the canary (permission, forecast) and one when the bake ended.
    expect(fixture.emu.calls.filter(c => c.operation === 'GetMetricData')).toHaveLength(2)
  })

  it('judges the requests the invoke URL served: a canary failing a fifth of them, which probes let through', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    // No feeder: the traffic is the probes, split at random by the emulator and recorded as it serves them.
    const stop = setInterval(() => {
      const canaryId = fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.deploymentId
      if (canaryId) fixture.emu.setDeploymentBehaviour(fixture.restApiId, canaryId, { failRatio: 0.2 })
    }, 20)
    let run: ActionRun
    try {
      run = await fixture.run({
        'stage-name': stageName,
        'canary-percent': '10',
        'bake-time': '2',
        'health-check-interval': '1',
        'health-check-path': '/health',
        // The probes tolerate any failure: only the analysis can stop this canary.
        'health-check-max-failure-ratio': '1',
        'canary-analysis': 'true',
        'analysis-metrics': '5XXError',
        'min-canary-requests': '30',
        'metrics-enabled': 'true'
      })
    } finally {
      clearInterval(stop)
    }
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, served, run)
    const [step] = JSON.parse(run.outputs['health-report']).steps
    // The probes saw failures and passed the step's rounds; the analysis failed it on the same requests.
    expect(step.failures).toBeGreaterThan(0)
    expect(step.analysis.verdict).toBe('fail')
    expect(step.analysis.canary.errors).toBeGreaterThan(0)
    expect(step.analysis.base.errors).toBe(0)
    expect(step.analysis.canary.requests + step.analysis.base.requests).toBe(step.probes)
    expect(run.errors.join('\n')).toMatch(
      /canary analysis failed: 5XX error rate \d+\.\d% \(\d+\/\d+\) vs base 0\.0%/
    )
  })

  it('promotes a canary like its base, on error rate and latency, in the log, output and summary', async () => {
    const { stageName } = await fixture.baseStage()
    const { run, steps } = await analysed(
      stageName,
      { base, canary: { perTick: 10, errorsPer100: 1, latencyMs: 40 } },
      // 7 s is 7 minutes of the metrics clock: enough for the rank test on the per-minute percentiles.
      { 'bake-time': '7', 'min-canary-requests': '100' }
    )
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs['canary-result']).toBe('promoted')
    const [step] = steps
    expect(step.analysis).toMatchObject({
      verdict: 'pass',
      tests: ['two-proportion z-test (farrington-manning)', 'Mann-Whitney U (exact)'],
      waitedSeconds: 0
    })
    expect(step.analysis.findings.map(f => f.check)).toEqual([
      'error-rate',
      'latency-p50',
      'latency-p90',
      'latency-p99'
    ])
    expect(step.analysis.canary.minutes).toBeGreaterThanOrEqual(6)
    expect(step.analysis.reason).toMatch(
      /^5XX error rate and p50\/p90\/p99 latency within tolerance of the base/
    )
    expect(run.stdout).toMatch(
      /Canary analysis: pass\. .*Canary \d+ requests, \d+ errors \(\d\.\d%\), \d+ min; base/
    )
    // The stage had execution logging off: the canary guide's condition for canary metrics is named.
    expect(warnings(run)).toContain('Execution logging is off on this stage ("logging-level")')
    expect(run.summary).toContain('✅ pass')
  })

  it('fails a canary slower than the base beyond the tolerance', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const { run, steps } = await analysed(
      stageName,
      { base, canary: { perTick: 10, errorsPer100: 1, latencyMs: 60 } },
      { 'bake-time': '7', 'max-latency-increase-pct': '20' }
    )
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, served, run)
    expect(run.errors.join('\n')).toMatch(
      /canary analysis failed: p50 latency: canary's median minute \d+ ms vs base \d+ ms \(\+\d+%\): above the base \+ 20% \(U = \d+ of \d+, exact p (=|<) [\d.]+ < 0\.0125\)/
    )
    expect(steps[0].analysis.verdict).toBe('fail')
    expect(steps[0].analysis.canary.latencyMs.p50).toBeGreaterThan(steps[0].analysis.base.latencyMs.p50 * 1.2)
  })

  it('says a canary with too little traffic is inconclusive, waits for it, then rolls back with the counts', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const { run, steps } = await analysed(
      stageName,
      { base: { perTick: 9 }, canary: { perTick: 1 } },
      {
        'bake-time': '2',
        'analysis-metrics': '5XXError',
        'min-canary-requests': '1000',
        'analysis-max-wait': '2'
      }
    )
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, served, run)
    // Forecast from the stage's traffic before the canary started.
    expect(warnings(run)).toMatch(
      /can expect about \d+ canary requests; min-canary-requests is 1000\. The verdict will likely be inconclusive until enough traffic arrives/
    )
    expect(run.stdout).toMatch(
      /Not conclusive yet \(only \d+ canary requests in the window, fewer than the 1000 needed to judge it\): waiting up to 2 s more\./
    )
    expect(run.errors.join('\n')).toMatch(
      /canary analysis still inconclusive after [23] s past the bake \(analysis-max-wait 2 s\): only \d+ canary requests in the window, fewer than the 1000 needed to judge it/
    )
    expect(steps[0].analysis).toMatchObject({ verdict: 'inconclusive', tests: [], findings: [] })
    expect(steps[0].analysis.waitedSeconds).toBeGreaterThanOrEqual(2)
    expect(fixture.emu.calls.filter(c => c.operation === 'GetMetricData').length).toBeGreaterThanOrEqual(3)
  })

  it('rolls back at once when inconclusive with on-inconclusive: fail', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const { run } = await analysed(
      stageName,
      { base: { perTick: 9 }, canary: { perTick: 1 } },
      { 'bake-time': '1', 'analysis-metrics': '5XXError', 'on-inconclusive': 'fail' }
    )
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, served, run)
    expect(run.errors.join('\n')).toContain('canary analysis inconclusive (on-inconclusive: fail): only ')
    expect(run.stdout).not.toContain('Not conclusive yet')
    // Said before any call: on AWS, CloudWatch's delay makes a 1 s bake without a wait see nothing.
    expect(warnings(run)).toContain(
      'Inputs "bake-time" and "canary-analysis": the first step runs at most 1 s'
    )
  })

  it('leaves out the minute a replaced canary shared: its window starts at the next whole minute', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const left = await fixture.run({ 'stage-name': stageName, 'canary-percent': '10', promote: 'false' })
    expect(left.outputs['canary-result']).toBe('active')
    const { run } = await analysed(
      stageName,
      { base: { perTick: 9 }, canary: { perTick: 1 } },
      {
        'canary-existing': 'replace',
        'bake-time': '1',
        'analysis-metrics': '5XXError',
        'min-canary-requests': '1000',
        'on-inconclusive': 'fail'
      }
    )
    const next = new Date((Math.floor(Date.now() / 60_000) + 1) * 60_000)
    expect(run.stdout).toMatch(
      /Canary analysis: the stage's earlier canary served part of this minute, so its window starts at (\S+), the next whole minute\./
    )
    const start = new Date(/its window starts at (\S+),/.exec(run.stdout)?.[1] ?? '')
    expect(start.getUTCSeconds()).toBe(0)
    expect(start.getTime()).toBeLessThanOrEqual(next.getTime())
    expect(start.getTime()).toBeGreaterThan(Date.now() - 120_000)
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, served, run)
  })

  it('judges every step of several, sharing the significance among them, and promotes after the last', async () => {
    const { stageName } = await fixture.baseStage()
    const { run, steps } = await analysed(
      stageName,
      { base, canary: { perTick: 10, errorsPer100: 1 } },
      { 'canary-steps': '50', 'bake-time': '2', 'analysis-metrics': '5XXError', 'min-canary-requests': '50' }
    )
    expect(run.errors).toEqual([])
    expect(run.outputs['canary-result']).toBe('promoted')
    expect(steps.map(step => [step.analysis.verdict, step.analysis.findings[0].alpha])).toEqual([
      ['pass', 0.025],
      ['pass', 0.025]
    ])
    // The second step judges everything the canary served: the first step's requests and its own.
    expect(steps[1].analysis.canary.requests).toBeGreaterThan(steps[0].analysis.canary.requests)
  })

  it('refuses, before any change, an import that renames the API under the analysis', async () => {
    const { stageName } = await fixture.baseStage()
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'bake-time': '120',
      'canary-analysis': 'true',
      'analysis-metrics': '5XXError',
      'metrics-enabled': 'true',
      'api-definition': PETS
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'Inputs "canary-analysis" and "api-definition": the import renames the API to "pets-api" (its info.title), and CloudWatch\'s ApiName with it'
    )
    expect(fixture.operations().filter(op => !op.startsWith('Get'))).toEqual([])
  })

  it('refuses before any change when the stage publishes no metrics, naming the setting', async () => {
    const { stageName, base: served } = await fixture.baseStage()
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'bake-time': '5',
      'canary-analysis': 'true',
      'analysis-metrics': '5XXError'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      'Input "canary-analysis": CloudWatch metrics are off on this stage (metricsEnabled of */*), so there may be no canary series to judge. Set "metrics-enabled: true" in this run'
    )
    expect(fixture.operations().filter(op => !op.startsWith('Get'))).toEqual([])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(served)
  })

  it('fails before any change without cloudwatch:GetMetricData, naming the permission', async () => {
    const { stageName } = await fixture.baseStage()
    fixture.emu.faults.fail(
      'GetMetricData',
      {
        status: 403,
        code: 'AccessDenied',
        message: 'User: arn:aws:iam::123456789012:user/ci is not authorized'
      },
      Infinity
    )
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'bake-time': '5',
      'canary-analysis': 'true',
      'analysis-metrics': '5XXError',
      'metrics-enabled': 'true'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain('cloudwatch:GetMetricData')
    expect(fixture.operations().filter(op => !op.startsWith('Get'))).toEqual([])
  })

  it('logs what a preset expands to (dry run)', async () => {
    const { stageName } = await fixture.baseStage()
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-preset': 'Linear10PercentEvery10Minutes',
      'dry-run': 'true'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      'canary-preset Linear10PercentEvery10Minutes: canary steps 10%, 20%, 30%, 40%, 50%, 60%, 70%, 80%, 90%, each baked for 600 s, then promotion.'
    )
  })
})
