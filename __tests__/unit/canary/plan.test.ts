import { describe, expect, it } from '@jest/globals'
import {
  canaryDeploymentRequest,
  chanceUnnoticed,
  formatPercent,
  probesPerRound,
  promoteOps,
  removeCanaryOps,
  shiftTrafficOps
} from '../../../src/canary/plan.js'

describe('canary requests', () => {
  it('creates the canary with its overrides, or none', () => {
    const request = canaryDeploymentRequest({
      restApiId: 'a1',
      stageName: 'prod',
      description: 'd',
      percent: 10,
      overrides: { V: '2' },
      useStageCache: false
    })
    expect(request).toEqual({
      restApiId: 'a1',
      stageName: 'prod',
      description: 'd',
      canarySettings: { percentTraffic: 10, stageVariableOverrides: { V: '2' }, useStageCache: false }
    })
    expect(
      canaryDeploymentRequest({
        restApiId: 'a1',
        stageName: 'p',
        percent: 5,
        overrides: {},
        useStageCache: true
      }).canarySettings?.stageVariableOverrides
    ).toBeUndefined()
  })

  it('promotes as the guide documents: 0%, copy variables, copy deployment', () => {
    expect(promoteOps({ stageVariableOverrides: { V: '2' } })).toEqual([
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
      { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' }
    ])
  })

  it('skips copying absent overrides and sets the description when given', () => {
    const ops = promoteOps({}, 'v2')
    expect(ops.map(o => o.from)).not.toContain('/canarySettings/stageVariableOverrides')
    expect(ops).toContainEqual({ op: 'replace', path: '/description', value: 'v2' })
  })

  it('shifts traffic and removes the canary', () => {
    expect(shiftTrafficOps(25)).toEqual([
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '25.0' }
    ])
    expect(shiftTrafficOps(2.5)[0].value).toBe('2.5')
    expect(removeCanaryOps()).toEqual([{ op: 'remove', path: '/canarySettings' }])
    expect(formatPercent(100)).toBe('100.0')
  })
})

describe('probesPerRound', () => {
  it('keeps the requested count when it already catches a canary failing a fifth of its requests', () => {
    expect(probesPerRound(50, 50)).toBe(50)
    expect(probesPerRound(100, 1)).toBe(1)
  })

  it('raises the count until a 20%-failing canary goes unnoticed in a round with at most 1% chance', () => {
    for (const [percent, expected] of [
      [50, 44],
      [10, 228]
    ]) {
      const probes = probesPerRound(percent, 10)
      expect(probes).toBe(expected)
      expect(chanceUnnoticed(percent, probes)).toBeLessThanOrEqual(0.01)
      expect(chanceUnnoticed(percent, probes - 1)).toBeGreaterThan(0.01)
    }
  })

  it('is bounded for tiny canaries', () => {
    expect(probesPerRound(0.1, 10)).toBe(1000)
  })

  it('also says how likely the canary gets no probe at all', () => {
    expect(chanceUnnoticed(10, 44, 1)).toBeLessThanOrEqual(0.01)
    expect(chanceUnnoticed(10, 43, 1)).toBeGreaterThan(0.01)
  })
})
