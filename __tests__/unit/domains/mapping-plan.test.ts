import { describe, expect, it } from '@jest/globals'
import { isMultiLevel, normalBasePath, planMapping } from '../../../src/domains/mapping-plan.js'

const wanted = { basePath: 'v1', restApiId: 'api', stage: 'prod' }

describe('planMapping', () => {
  it('creates a free path, leaves one already mapped here, refuses one mapped elsewhere', () => {
    expect(planMapping([], wanted, false)).toEqual({ action: 'create' })
    expect(planMapping([{ basePath: 'v1', restApiId: 'api', stage: 'prod' }], wanted, false)).toEqual({
      action: 'none'
    })
    const other = { basePath: 'v1', restApiId: 'api', stage: 'test' }
    expect(planMapping([other], wanted, false)).toEqual({ action: 'refuse', current: other })
    expect(planMapping([other], wanted, true)).toEqual({ action: 'update', current: other })
    const otherApi = { basePath: 'v1', restApiId: 'zzz', stage: 'prod' }
    expect(planMapping([otherApi], wanted, false)).toEqual({ action: 'refuse', current: otherApi })
    expect(planMapping([{ basePath: 'v2', restApiId: 'zzz', stage: 'x' }], wanted, false)).toEqual({
      action: 'create'
    })
  })

  it('reads v1 "(none)" and v2 "" as the root, and tells multi-level paths', () => {
    expect(normalBasePath('(none)')).toBe('')
    expect(normalBasePath(undefined)).toBe('')
    expect(normalBasePath('v1')).toBe('v1')
    expect(isMultiLevel('v1/orders')).toBe(true)
    expect(isMultiLevel('v1')).toBe(false)
  })
})
