import { describe, expect, it } from '@jest/globals'
import { chooseUsagePlans } from '../../../src/stage-settings/usage-plans.js'

const plans = [
  { id: 'p1', name: 'gold', apiStages: [{ apiId: 'api', stage: 'prod' }] },
  { id: 'p2', name: 'silver', apiStages: [{ apiId: 'other', stage: 'prod' }] },
  { id: 'p3', name: 'twin' },
  { id: 'p4', name: 'twin' },
  { id: 'p5', name: 'has-it', apiStages: [{ apiId: 'api', stage: 'pr-7' }] }
]

describe('chooseUsagePlans', () => {
  it('finds plans by id or name, and skips those that already include the stage', () => {
    const choice = chooseUsagePlans(plans, { inherit: false, refs: ['p2', 'gold', 'has-it'] }, 'api', 'pr-7')
    expect(choice.add).toEqual([
      { id: 'p2', name: 'silver' },
      { id: 'p1', name: 'gold' }
    ])
    expect(choice.already).toEqual([{ id: 'p5', name: 'has-it' }])
    expect(choice.problems).toEqual([])
  })

  it('inherits the plans that include another stage of the same API only', () => {
    const choice = chooseUsagePlans(plans, { inherit: true, refs: [] }, 'api', 'pr-8')
    expect(choice.add.map(p => p.id)).toEqual(['p1', 'p5'])
    expect(chooseUsagePlans(plans, { inherit: true, refs: [] }, 'lonely', 's').notes[0]).toContain(
      'nothing to inherit'
    )
  })

  it('names unknown and ambiguous plans, listing what exists', () => {
    const choice = chooseUsagePlans(plans, { inherit: false, refs: ['bronze', 'twin'] }, 'api', 's')
    expect(choice.problems[0]).toContain('no usage plan has the id or name "bronze"')
    expect(choice.problems[0]).toContain('gold (p1)')
    expect(choice.problems[1]).toContain('2 usage plans are named "twin" (ids p3, p4)')
    expect(choice.add).toEqual([])
  })
})
