import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { findJsonError } from '../../../src/definitions/json-syntax.js'

const parses = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

describe('findJsonError', () => {
  it('accepts whatever JSON.stringify writes, indented or not', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(findJsonError(JSON.stringify(value, null, indent))).toBeUndefined()
      })
    )
  })

  it('finds an error wherever JSON.parse finds one, in valid JSON cut or changed', () => {
    const broken = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\n', 'x', "'", '\\'))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1)
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0))
      })
    fc.assert(
      fc.property(fc.oneof(broken, fc.string()), text => {
        const found = findJsonError(text)
        if (!parses(text)) expect(found).toBeDefined()
        // A text it accepts, JSON.parse accepts too.
        if (found === undefined) expect(parses(text)).toBe(true)
        if (found) expect(found.offset).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 2000 }
    )
  })

  it('refuses a key given twice in one object, pointing at both', () => {
    expect(findJsonError('{"a": 1, "b": {"a": 2}, "a": 3}')).toEqual({
      offset: 24,
      firstOffset: 1,
      message: 'the key "a" appears twice in this object'
    })
    // The same key spelt with an escape is the same key.
    expect(findJsonError('{"a": 1, "\\u0061": 2}')?.message).toBe('the key "a" appears twice in this object')
    expect(findJsonError('[{"a": 1}, {"a": 2}]')).toBeUndefined()
  })

  it.each([
    ['[1, 2,]', 6, 'a comma before "]": JSON allows no trailing comma'],
    ['[1 2]', 3, 'unexpected "2" where "," or "]" after the item should be'],
    ['{"a": 01}', 7, 'unexpected "1" where "," or "}" after the property value should be'],
    ['{"a": -}', 6, 'a malformed number'],
    ['"\\x"', 1, 'an unknown escape "\\x" in a string'],
    ['"\\u12G4"', 1, 'a \\u escape needs four hex digits'],
    ['"open', 0, 'a string that is never closed (no ending ")'],
    ['{} {}', 3, 'more text after the end of the JSON value'],
    ['/* c */ {}', 0, 'a comment: JSON has no comments']
  ])('%j: at %i, %s', (text, offset, message) => {
    expect(findJsonError(text)).toEqual({ offset, message, firstOffset: undefined })
  })

  it('stops at 1000 levels of nesting instead of running out of stack', () => {
    expect(findJsonError(`${'['.repeat(1002)}${']'.repeat(1002)}`)).toEqual({
      offset: 1001,
      message: 'values nested more than 1000 deep',
      firstOffset: undefined
    })
  })
})
