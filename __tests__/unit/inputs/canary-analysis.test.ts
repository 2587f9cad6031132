import { describe, expect, it } from '@jest/globals'
import { minutesForLatency } from '../../../src/canary-analysis/exact-floor.js'
import { readInputs } from '../../../src/inputs/index.js'
import { problemsOf } from './problems-of.js'

const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''
const base = { 'rest-api-id': 'abc123', 'stage-name': 'prod', 'aws-region': 'eu-west-1' }
const read = (values: Record<string, string>) => readInputs(reader({ ...base, ...values }), {})

const problems = (values: Record<string, string>): string[] => problemsOf(() => read(values))

describe('canary-preset', () => {
  it('expands a canary preset to one step and its bake, and says so', () => {
    const inputs = read({ 'canary-preset': 'Canary10Percent5Minutes' })
    expect(inputs.canary).toMatchObject({ steps: [10], bakeSeconds: 300 })
    expect(inputs.canaryPreset).toEqual({
      name: 'Canary10Percent5Minutes',
      line: 'canary-preset Canary10Percent5Minutes: canary steps 10%, each baked for 300 s, then promotion.'
    })
  })

  it("expands a linear preset to nine steps, and takes CodeDeploy's full names", () => {
    const inputs = read({ 'canary-preset': 'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes' })
    expect(inputs.canary).toMatchObject({ steps: [10, 20, 30, 40, 50, 60, 70, 80, 90], bakeSeconds: 600 })
    expect(read({ 'canary-preset': 'Canary10Percent30Minutes' }).canary).toMatchObject({
      steps: [10],
      bakeSeconds: 1800
    })
    expect(read({ 'canary-preset': 'Linear10PercentEvery1Minute' }).canary?.bakeSeconds).toBe(60)
  })

  it('lets explicit canary-percent, canary-steps and bake-time win, and names them', () => {
    const inputs = read({
      'canary-preset': 'Linear10PercentEvery1Minute',
      'canary-percent': '5',
      'bake-time': '30'
    })
    expect(inputs.canary).toMatchObject({ steps: [5], bakeSeconds: 30 })
    expect(inputs.canaryPreset?.line).toBe(
      "canary-preset Linear10PercentEvery1Minute: canary steps 10%, 20%, 30%, 40%, 50%, 60%, 70%, 80%, 90%, each baked for 60 s, then promotion; canary-percent/canary-steps and bake-time given, which win over the preset's."
    )
    expect(
      read({ 'canary-preset': 'Canary10Percent5Minutes', 'canary-steps': '20,50' }).canary
    ).toMatchObject({
      steps: [20, 50],
      bakeSeconds: 300
    })
  })

  it("times the checks after a plain switch with the preset's bake, unless bake-time is given", () => {
    // A new stage is deployed without a canary: its checks still bake as the preset says.
    expect(read({ 'canary-preset': 'Canary10Percent5Minutes' }).checks.bakeSeconds).toBe(300)
    expect(read({ 'canary-preset': 'Canary10Percent5Minutes', 'bake-time': '20' }).checks.bakeSeconds).toBe(
      20
    )
    expect(read({}).checks.bakeSeconds).toBe(0)
  })

  it('makes AllAtOnce a plain deploy', () => {
    const inputs = read({ 'canary-preset': 'AllAtOnce' })
    expect(inputs.canary).toBeUndefined()
    expect(inputs.canaryPreset?.line).toBe('canary-preset AllAtOnce: no canary (a plain deploy).')
  })

  it('refuses a name it does not know, listing the ones it does', () => {
    const [problem] = problems({ 'canary-preset': 'Canary10Percent7Minutes' })
    expect(problem).toContain(
      'Input "canary-preset": "Canary10Percent7Minutes" is not one of: Canary10Percent5Minutes,'
    )
    expect(problems({ 'canary-preset': 'AllAtOnce', command: 'promote-canary' })).toEqual([
      'Input "canary-preset": a canary is released by "deploy", not "promote-canary".'
    ])
  })
})

describe('canary-analysis', () => {
  const canary = { 'canary-percent': '10', 'bake-time': '600', 'canary-analysis': 'true' }

  it('has defaults: 5XXError and Latency, +1 point, +10%, 100 requests, wait up to 600 s', () => {
    expect(read(canary).checks.analysis).toEqual({
      metrics: ['5XXError', 'Latency'],
      maxErrorRateIncrease: 0.01,
      maxLatencyIncreasePct: 10,
      minCanaryRequests: 100,
      maxWaitSeconds: 600,
      onInconclusive: 'wait'
    })
    expect(read({ ...canary, 'canary-analysis': 'false' }).checks.analysis).toBeUndefined()
  })

  it('reads every tuning input', () => {
    const analysis = read({
      ...canary,
      'analysis-metrics': '5XXError, 4XXError',
      'max-error-rate-increase': '0.5%',
      'max-latency-increase-pct': '25',
      'min-canary-requests': '40',
      'analysis-max-wait': '0',
      'on-inconclusive': 'fail'
    }).checks.analysis
    expect(analysis).toEqual({
      metrics: ['5XXError', '4XXError'],
      maxErrorRateIncrease: 0.005,
      maxLatencyIncreasePct: 25,
      minCanaryRequests: 40,
      maxWaitSeconds: 0,
      onInconclusive: 'fail'
    })
  })

  it('names each bad value', () => {
    expect(
      problems({
        ...canary,
        'analysis-metrics': '5xxerror,Latency',
        'max-error-rate-increase': '150',
        'min-canary-requests': '2.5',
        'on-inconclusive': 'pass'
      })
    ).toEqual([
      'Input "analysis-metrics": "5xxerror" is not one of: 5XXError, 4XXError, Latency (case-sensitive, as CloudWatch names them).',
      'Input "max-error-rate-increase": "150" must be percentage points from 0 to below 100, like "1" or "0.5%" (the base\'s rate + that much).',
      'Input "min-canary-requests": "2.5" must be a whole number from 1 to 1000000000.',
      'Input "on-inconclusive": "pass" is not one of: wait, fail.'
    ])
    expect(problems({ ...canary, 'analysis-metrics': '4XXError' })).toEqual([
      'Input "analysis-metrics": 4XXError counts client errors on top of 5XXError; list 5XXError too.'
    ])
  })

  it('refuses tuning inputs without canary-analysis: true', () => {
    expect(
      problems({ 'canary-percent': '10', 'min-canary-requests': '50', 'on-inconclusive': 'fail' })
    ).toEqual([
      'Inputs "min-canary-requests", "on-inconclusive" tune the canary analysis: set "canary-analysis: true" too, or remove them.'
    ])
  })

  it('needs a canary with a bake, on deploy, with metrics left on', () => {
    expect(problems({ 'canary-analysis': 'true' })).toEqual([
      'Input "canary-analysis": it judges a canary against the base; set "canary-percent", "canary-steps" or "canary-preset".'
    ])
    expect(problems({ 'canary-analysis': 'true', 'canary-preset': 'AllAtOnce' })).toEqual([
      'Input "canary-analysis": canary-preset AllAtOnce releases no canary, so there is nothing to judge; pick a Canary or Linear preset.'
    ])
    expect(problems({ 'canary-analysis': 'true', 'canary-percent': '10' })).toEqual([
      'Input "canary-analysis": the canary\'s metrics gather while a step bakes; set "bake-time" (seconds) or a "canary-preset".'
    ])
    expect(problems({ ...canary, 'metrics-enabled': 'false' })).toEqual([
      'Inputs "canary-analysis" and "metrics-enabled": the analysis reads the stage\'s CloudWatch metrics, which "metrics-enabled: false" turns off; set it to true.'
    ])
    expect(problems({ 'canary-analysis': 'true', command: 'rollback-canary' })).toContain(
      'Input "canary-analysis": it judges a canary, which "deploy" releases, not "rollback-canary".'
    )
  })

  it('refuses a first step at 100%: the base would serve nothing to compare with', () => {
    expect(problems({ ...canary, 'canary-percent': '100' })).toEqual([
      'Input "canary-analysis": a first step at 100% leaves the base no traffic to compare the canary with; start below 100 (like "canary-percent: 10").'
    ])
  })

  it("warns, before any call, about a first step too short for CloudWatch's delay", () => {
    const short = { ...canary, 'bake-time': '30', 'analysis-metrics': '5XXError', 'on-inconclusive': 'fail' }
    expect(read(short).warnings).toEqual([
      'Inputs "bake-time" and "canary-analysis": the first step runs at most 30 s, and CloudWatch shows a minute of API Gateway\'s metrics about a minute after it ends, so on AWS the analysis will likely see too few canary requests and roll the canary back. Bake for 2 minutes or more, or let it wait ("on-inconclusive: wait", "analysis-max-wait").'
    ])
    expect(read({ ...short, 'on-inconclusive': 'wait' }).warnings).toEqual([])
    expect(read({ ...short, 'bake-time': '120' }).warnings).toEqual([])
  })

  it('shares the significance among the steps: more steps need more minutes for Latency', () => {
    // 9 steps, both metrics: 0.05/36 per test needs 6 minutes, + 1 for CloudWatch's delay.
    const linear = {
      'canary-analysis': 'true',
      'canary-preset': 'Linear10PercentEvery1Minute',
      'analysis-max-wait': '300'
    }
    expect(problems(linear)).toEqual([
      'Input "analysis-metrics": the Latency test compares per-minute percentiles and needs about 7 minutes of metrics, but the first step runs at most 360 s (bake-time + analysis-max-wait). Bake longer, raise "analysis-max-wait", or judge on 5XXError alone.'
    ])
    expect(read({ ...linear, 'analysis-max-wait': '360' }).checks.analysis).toBeDefined()
  })

  it('refuses a Latency test the first step cannot give enough minutes', () => {
    // 6 minutes: 5 for the rank test at 0.05/4, one for CloudWatch's delay.
    expect(minutesForLatency(0.05 / 4)).toBe(5)
    expect(minutesForLatency(0.05 / 3)).toBe(4)
    expect(minutesForLatency(0.05)).toBe(4)
    expect(minutesForLatency(0.051)).toBe(3)
    const short = {
      'canary-percent': '10',
      'bake-time': '120',
      'canary-analysis': 'true',
      'analysis-max-wait': '200'
    }
    expect(problems(short)).toEqual([
      'Input "analysis-metrics": the Latency test compares per-minute percentiles and needs about 6 minutes of metrics, but the first step runs at most 320 s (bake-time + analysis-max-wait). Bake longer, raise "analysis-max-wait", or judge on 5XXError alone.'
    ])
    expect(read({ ...short, 'analysis-max-wait': '240' }).checks.analysis?.maxWaitSeconds).toBe(240)
    expect(read({ ...short, 'analysis-metrics': '5XXError' }).checks.analysis?.metrics).toEqual(['5XXError'])
    expect(problems({ ...short, 'analysis-max-wait': '600', 'on-inconclusive': 'fail' })).toEqual([
      'Input "analysis-metrics": the Latency test compares per-minute percentiles and needs about 6 minutes of metrics, but the first step runs at most 120 s (bake-time). Bake longer, raise "analysis-max-wait", or judge on 5XXError alone.'
    ])
    // The preset's 5 minutes, with the default wait, are enough.
    expect(
      read({ 'canary-analysis': 'true', 'canary-preset': 'Canary10Percent5Minutes' }).checks.analysis
    ).toBeDefined()
  })
})
