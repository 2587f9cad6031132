import { describe, expect, it } from '@jest/globals'
import {
  formatStatusRanges,
  parseStatusRanges,
  statusMatches
} from '../../../../src/canary/checks/status-ranges.js'

describe('parseStatusRanges', () => {
  it('refuses malformed lists', () => {
    expect(parseStatusRanges('200-199')).toBeUndefined()
    expect(parseStatusRanges('2xx')).toBeUndefined()
    expect(parseStatusRanges('99')).toBeUndefined()
  })
})

describe('statusMatches and formatStatusRanges', () => {
  it('matches inside any range and prints the list back', () => {
    const ranges = parseStatusRanges('200-299, 304') ?? []
    expect(statusMatches(250, ranges)).toBe(true)
    expect(statusMatches(304, ranges)).toBe(true)
    expect(statusMatches(303, ranges)).toBe(false)
    expect(formatStatusRanges(ranges)).toBe('200-299,304')
  })
})
