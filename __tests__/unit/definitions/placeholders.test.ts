import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { fillPlaceholders, lineColumn } from '../../../src/definitions/placeholders.js'

describe('fillPlaceholders', () => {
  it('fills declared names, of any case, everywhere they appear', () => {
    const filled = fillPlaceholders('${A}-${a_b}-${A}', { A: '1', a_b: '2' })
    expect(filled.text).toBe('1-2-1')
    expect([...filled.used]).toEqual(['A', 'a_b'])
    expect(filled.unfilled).toEqual([])
  })

  it('reports undeclared upper-case names, with their offsets', () => {
    expect(fillPlaceholders('x ${ACCOUNT_ID} y ${REGION2}', {}).unfilled).toEqual([
      { name: 'ACCOUNT_ID', offset: 2 },
      { name: 'REGION2', offset: 18 }
    ])
  })

  it("leaves API Gateway's and Velocity's own references alone", () => {
    const text =
      '${stageVariables.fn} ${context.requestId} ${input} ${camelCase} $input.body ${_private} ${ A }'
    const filled = fillPlaceholders(text, {})
    expect(filled.text).toBe(text)
    expect(filled.unfilled).toEqual([])
  })

  it('writes $${NAME} as ${NAME}, only for names that are placeholders', () => {
    expect(fillPlaceholders('$${KEEP} $${declared} $${price}', { declared: 'x' }).text).toBe(
      '${KEEP} ${declared} $${price}'
    )
    expect(fillPlaceholders('$${KEEP}', {}).unfilled).toEqual([])
  })

  it('escapes values as the caller says', () => {
    expect(fillPlaceholders('"${V}"', { V: 'a"b' }, v => JSON.stringify(v).slice(1, -1)).text).toBe('"a\\"b"')
  })

  it('does not take a name from the prototype chain', () => {
    expect(fillPlaceholders('${constructor} ${TO_STRING}', {}).text).toBe('${constructor} ${TO_STRING}')
  })

  it('maps offsets in the filled text back to the original', () => {
    const original = 'ab${X}cd${YY}ef'
    const filled = fillPlaceholders(original, { X: '1234567', YY: '' })
    expect(filled.text).toBe('ab1234567cdef')
    const at = (char: string): number => filled.originalOffset(filled.text.indexOf(char))
    expect(original[at('a')]).toBe('a')
    expect(original[at('c')]).toBe('c')
    expect(original[at('e')]).toBe('e')
    // Inside a value: the placeholder's own start.
    expect(filled.originalOffset(filled.text.indexOf('5'))).toBe(2)
    expect(filled.originalOffset(filled.text.length)).toBe(original.length)
  })

  it('maps every character outside a filled value back to the same character', () => {
    const plain = fc.string({ maxLength: 5 }).map(text => text.replace(/[$§]/g, ''))
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('${A}', '${BB}', '${lower}'), plain), { maxLength: 10 }),
        fc.nat({ max: 6 }),
        (parts, length) => {
          const original = parts.join('')
          const filled = fillPlaceholders(original, { A: '§'.repeat(length), BB: '§' })
          for (let at = 0; at < filled.text.length; at++)
            if (filled.text[at] !== '§') expect(original[filled.originalOffset(at)]).toBe(filled.text[at])
          expect(filled.originalOffset(filled.text.length)).toBe(original.length)
        }
      )
    )
  })
})

describe('lineColumn', () => {
  it('counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    expect(lineColumn('ab\n', 3)).toEqual({ line: 2, column: 1 })
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 })
  })
})
