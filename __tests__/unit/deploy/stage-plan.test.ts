import { describe, expect, it } from '@jest/globals'
import { changedVariables, planStageSwitch, planSwitchBack } from '../../../src/deploy/stage-plan.js'

describe('planStageSwitch', () => {
  const stage = { deploymentId: 'old', description: 'Production', variables: { A: '1', B: '2' } }

  it('switches the deployment and sends only what changed', () => {
    expect(
      planStageSwitch(stage, 'new', { description: 'Production', variables: { A: '1', B: '3', C: 'x' } })
    ).toEqual([
      { op: 'replace', path: '/deploymentId', value: 'new' },
      { op: 'replace', path: '/variables/B', value: '3' },
      { op: 'replace', path: '/variables/C', value: 'x' }
    ])
  })

  it('leaves unnamed settings alone (no description, no variables)', () => {
    expect(planStageSwitch(stage, 'new', { variables: {} })).toEqual([
      { op: 'replace', path: '/deploymentId', value: 'new' }
    ])
  })

  it('updates the description when given and different', () => {
    expect(planStageSwitch(stage, 'new', { description: 'Prod v2', variables: {} })).toContainEqual({
      op: 'replace',
      path: '/description',
      value: 'Prod v2'
    })
  })

  it('removes a canary first when asked, and only if there is one', () => {
    const withCanary = { ...stage, canarySettings: { deploymentId: 'c', percentTraffic: 10 } }
    expect(planStageSwitch(withCanary, 'new', { variables: {} }, { removeCanary: true })[0]).toEqual({
      op: 'remove',
      path: '/canarySettings'
    })
    expect(planStageSwitch(stage, 'new', { variables: {} }, { removeCanary: true })).toHaveLength(1)
  })
})

describe('changedVariables', () => {
  it('keeps only variables the stage does not already have with that value', () => {
    expect(changedVariables({ variables: { A: '1' } }, { A: '1', B: '2' })).toEqual({ B: '2' })
    expect(changedVariables({}, { A: '1' })).toEqual({ A: '1' })
  })
})

describe('planSwitchBack', () => {
  it('restores the deployment and what the release changed, removing variables it added', () => {
    const before = { deploymentId: 'old', description: 'Prod', variables: { A: '1', B: '2' } }
    expect(planSwitchBack(before, { description: 'Prod v2', variables: { A: '1', B: '3', C: 'x' } })).toEqual(
      [
        { op: 'replace', path: '/deploymentId', value: 'old' },
        { op: 'replace', path: '/description', value: 'Prod' },
        { op: 'replace', path: '/variables/B', value: '2' },
        { op: 'remove', path: '/variables/C' }
      ]
    )
    expect(planSwitchBack(before, { variables: {} })).toEqual([
      { op: 'replace', path: '/deploymentId', value: 'old' }
    ])
  })
})
