import { describe, expect, it } from '@jest/globals'
import {
  canaryDeploymentRequest,
  chanceCanaryMissed,
  formatPercent,
  probesForStep,
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

describe('probesForStep', () => {
  it('keeps the requested count when the canary would likely be probed', () => {
    expect(probesForStep(50, 10)).toBe(10)
    expect(probesForStep(100, 1)).toBe(1)
  })

  it('raises the count until the chance of missing the canary is at most 1%', () => {
    const probes = probesForStep(10, 10)
    expect(probes).toBe(44)
    expect(chanceCanaryMissed(10, probes)).toBeLessThanOrEqual(0.01)
    expect(chanceCanaryMissed(10, probes - 1)).toBeGreaterThan(0.01)
  })

  it('is bounded for tiny canaries', () => {
    expect(probesForStep(0.1, 10)).toBe(1000)
  })
})
