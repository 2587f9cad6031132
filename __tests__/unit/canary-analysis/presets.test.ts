import { describe, expect, it } from '@jest/globals'
import {
  canaryPreset,
  expandPreset,
  linearPreset,
  PRESET_NAMES,
  presetName
} from '../../../src/canary-analysis/presets.js'

// CodeDeploy's definitions (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html):
// Canary10Percent5Minutes "shifts 10 percent of traffic in the first increment. The remaining 90 percent is
// deployed five minutes later"; Linear10PercentEvery1Minute "shifts 10 percent of traffic every minute until
// all traffic is shifted"; AllAtOnce "shifts all traffic ... at once".
describe('expandPreset', () => {
  it.each([
    ['Canary10Percent5Minutes', [10], 300],
    ['Canary10Percent10Minutes', [10], 600],
    ['Canary10Percent15Minutes', [10], 900],
    ['Canary10Percent30Minutes', [10], 1800],
    ['Linear10PercentEvery1Minute', [10, 20, 30, 40, 50, 60, 70, 80, 90], 60],
    ['Linear10PercentEvery2Minutes', [10, 20, 30, 40, 50, 60, 70, 80, 90], 120],
    ['Linear10PercentEvery3Minutes', [10, 20, 30, 40, 50, 60, 70, 80, 90], 180],
    ['Linear10PercentEvery10Minutes', [10, 20, 30, 40, 50, 60, 70, 80, 90], 600],
    ['AllAtOnce', [], 0]
  ])('%s: steps %p, %p s each, then the promotion', (name, steps, bakeSeconds) => {
    expect(expandPreset(name)).toEqual({ steps, bakeSeconds })
  })

  it('reaches 100% when CodeDeploy does: after 9 intervals for linear 10%, after one for canary', () => {
    const linear = expandPreset('Linear10PercentEvery1Minute')!
    expect(linear.steps.length * linear.bakeSeconds).toBe(9 * 60)
    const canary = expandPreset('Canary10Percent5Minutes')!
    expect(canary.steps.length * canary.bakeSeconds).toBe(5 * 60)
  })

  it('gives steps the canary inputs accept: strictly increasing, above 0, below 100', () => {
    for (const name of PRESET_NAMES) {
      const { steps } = expandPreset(name)!
      steps.forEach((step, i) => {
        expect(step).toBeGreaterThan(i === 0 ? 0 : steps[i - 1])
        expect(step).toBeLessThan(100)
      })
    }
  })

  it("takes CodeDeploy's full Lambda and ECS names", () => {
    expect(presetName('CodeDeployDefault.LambdaCanary10Percent30Minutes')).toBe('Canary10Percent30Minutes')
    expect(presetName('CodeDeployDefault.LambdaLinear10PercentEvery10Minutes')).toBe(
      'Linear10PercentEvery10Minutes'
    )
    expect(presetName('CodeDeployDefault.ECSCanary10percent5Minutes')).toBe('Canary10Percent5Minutes')
    expect(presetName('CodeDeployDefault.ECSLinear10PercentEvery1Minutes')).toBe(
      'Linear10PercentEvery1Minute'
    )
    expect(presetName(' CodeDeployDefault.ECSAllAtOnce ')).toBe('AllAtOnce')
  })

  it('knows no other names, and is case-sensitive as CodeDeploy is', () => {
    expect(expandPreset('canary10percent5minutes')).toBeUndefined()
    expect(expandPreset('Canary10Percent20Minutes')).toBeUndefined()
    expect(expandPreset('constructor')).toBeUndefined()
    expect(expandPreset('')).toBeUndefined()
  })

  it('hands out copies', () => {
    expandPreset('Linear10PercentEvery1Minute')!.steps.push(100)
    expect(expandPreset('Linear10PercentEvery1Minute')!.steps).toHaveLength(9)
  })
})

describe('custom canary and linear presets', () => {
  it('canary: one step, then all', () => {
    expect(canaryPreset(5, 15)).toEqual({ steps: [5], bakeSeconds: 900 })
  })
  it('linear: stops below 100 when the percentage does not divide it, and stays exact for decimals', () => {
    expect(linearPreset(30, 2)).toEqual({ steps: [30, 60, 90], bakeSeconds: 120 })
    expect(linearPreset(50, 1).steps).toEqual([50])
    expect(linearPreset(12.5, 1).steps).toEqual([12.5, 25, 37.5, 50, 62.5, 75, 87.5])
    expect(linearPreset(0.1, 1).steps.at(-1)).toBe(99.9)
  })
  it('refuses percentages outside (0, 100) and intervals that are not whole minutes', () => {
    expect(() => canaryPreset(0, 5)).toThrow(RangeError)
    expect(() => linearPreset(100, 1)).toThrow(RangeError)
    expect(() => linearPreset(10, 0)).toThrow(RangeError)
    expect(() => canaryPreset(10, 1.5)).toThrow(RangeError)
  })
})
