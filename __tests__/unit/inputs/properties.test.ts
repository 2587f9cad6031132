/**
 * Property-based tests of every input parser: whatever string a workflow passes to any input, readInputs
 * either parses it or reports problems that each name an input (and this one among them), never crashing,
 * never with a stack trace, never hanging. Inputs are taken from action.yml, so a new input is covered.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { matchBounded } from '../../../src/canary/checks/probes.js'
import { InputError } from '../../../src/errors.js'
import { readInputs } from '../../../src/inputs/index.js'

const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>
}
const NAMES = Object.keys(action.inputs)
const VALID = {
  'rest-api-id': 'a1b2c3',
  'stage-name': 'prod',
  'aws-region': 'eu-west-1',
  'canary-percent': '10'
}

/** Strings a hostile or careless workflow might pass: anything, plus near-misses of the real formats. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    '0x10',
    '0b11',
    '1e3',
    'Infinity',
    '-Infinity',
    'NaN',
    ' ',
    '-0',
    '1.',
    '.5',
    '999999999999999999999',
    'https://user:pass@example.com',
    'http://[::1',
    'javascript:alert(1)',
    '/(a+)+$/',
    '/[/',
    '/x/gimsuyd',
    'A=1\nA=2',
    'NAME=',
    '=value',
    'X-Header: a\r\nInjected: 1',
    '../../etc',
    '%2e%2e',
    '10,10',
    '50,25',
    '\u0000',
    '\ud800',
    'true\n',
    'TRUE',
    'yes',
    `${'a'.repeat(5000)}`
  ),
  fc
    .array(fc.constantFrom('a', '=', ':', ',', '\n', '/', '%', '.', '-', '0', '9', ' ', '#', '*'), {
      maxLength: 40
    })
    .map(parts => parts.join(''))
)

function outcome(values: Record<string, string>): 'parsed' | string[] {
  try {
    readInputs(name => (values[name] ?? '').trim(), {})
    return 'parsed'
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return error.problems
  }
}

describe('every input parser, given any string', () => {
  it.each(NAMES)('%s parses or is reported by name, never crashes', name => {
    fc.assert(
      fc.property(hostile, value => {
        const started = performance.now()
        const result = outcome({ ...VALID, [name]: value })
        expect(performance.now() - started).toBeLessThan(200)
        if (result === 'parsed') return
        expect(result.length).toBeGreaterThan(0)
        for (const problem of result) {
          expect(problem).toMatch(/^Inputs? "/)
          expect(problem).not.toMatch(/\n\s+at /) // no stack trace
        }
        // The input given is among those named, unless a valid value only clashed with another input.
        const named = result.some(problem => problem.includes(`"${name}"`))
        const clash = result.every(problem => /^Inputs "|needs? a canary/.test(problem))
        expect(named || clash).toBe(true)
      }),
      { numRuns: 150, seed: 20261125 }
    )
  })
})

describe('a regular expression given by a user', () => {
  it('runs in bounded time on any body', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('(a+)+$', '(a|aa)+$', '^(\\w+\\s?)*$', 'ok', '(x+x+)+y', '.*.*.*=.*'),
        fc.string({ maxLength: 60 }),
        (pattern, tail) => {
          const started = performance.now()
          const result = matchBounded(new RegExp(pattern), `${'a'.repeat(30)}${tail}!`)
          expect([true, false, 'timeout']).toContain(result)
          expect(performance.now() - started).toBeLessThan(1000)
        }
      ),
      { numRuns: 30, seed: 7 }
    )
  })
})
