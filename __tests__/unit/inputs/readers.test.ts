import { describe, expect, it } from '@jest/globals'
import { Problems, Readers, parseDecimal, splitList } from '../../../src/inputs/readers.js'

function readers(values: Record<string, string>): Readers {
  return new Readers(name => values[name] ?? '', new Problems())
}

describe('parseDecimal', () => {
  it('takes decimal notation only', () => {
    expect(parseDecimal('12')).toBe(12)
    expect(parseDecimal('2.5')).toBe(2.5)
    expect(parseDecimal('-3')).toBe(-3)
    for (const raw of ['0x10', '0b11', '1e3', 'Infinity', 'NaN', '', ' ', '1.', '.5', '+1', '1_000'])
      expect(parseDecimal(raw)).toBeUndefined()
    expect(parseDecimal('2.5', true)).toBeUndefined()
    expect(parseDecimal('-3', true)).toBeUndefined()
  })
})

describe('Readers.number', () => {
  it('refuses hex, binary, exponents and non-finite values, naming the input', () => {
    for (const raw of ['0x10', '0b11', '1e3', 'Infinity', 'NaN']) {
      const read = readers({ n: raw })
      expect(read.number('n', 7, 0, 10000, true)).toBe(7)
      expect(read.problems.list).toEqual([
        `Input "n": ${JSON.stringify(raw)} must be a whole number from 0 to 10000.`
      ])
    }
  })
})

describe('Readers.httpUrl', () => {
  it('refuses user info without echoing it', () => {
    const read = readers({ u: 'https://alice:s3cret@example.com/x' })
    expect(read.httpUrl('u')).toBeUndefined()
    expect(read.problems.list).toHaveLength(1)
    expect(read.problems.list[0]).toContain('Input "u"')
    expect(read.problems.list[0]).not.toContain('s3cret')
    expect(read.problems.list[0]).not.toContain('alice')
  })

  it('refuses a query or fragment where a bare endpoint is needed, and trims trailing slashes', () => {
    const read = readers({ a: 'http://127.0.0.1:4566/?x=1', b: 'http://h/#f', c: 'http://h:1/base//' })
    expect(read.httpUrl('a', { bare: true })).toBeUndefined()
    expect(read.httpUrl('b', { bare: true })).toBeUndefined()
    expect(read.httpUrl('c', { bare: true })).toBe('http://h:1/base')
    expect(read.problems.list).toHaveLength(2)
  })

  it('takes only http and https', () => {
    const read = readers({ u: 'ftp://h', v: 'not a url' })
    expect(read.httpUrl('u')).toBeUndefined()
    expect(read.httpUrl('v')).toBeUndefined()
    expect(read.problems.list.every(p => p.includes('must be an http:// or https:// URL'))).toBe(true)
  })
})

describe('splitList', () => {
  it('splits on commas and lines, dropping blanks and comments', () => {
    expect(splitList('a, b\n\n# c\nd,')).toEqual(['a', 'b', 'd'])
  })
})
