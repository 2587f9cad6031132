import { describe, expect, it } from '@jest/globals'
import { readChecks } from '../../../src/inputs/checks.js'
import { Problems, Readers } from '../../../src/inputs/readers.js'

function read(values: Record<string, string>) {
  const problems = new Problems()
  const checks = readChecks(new Readers(name => values[name] ?? '', problems))
  return { checks, problems: problems.list }
}

describe('readChecks', () => {
  it('defaults the check interval to 15 s and reads it', () => {
    expect(read({}).checks.intervalSeconds).toBe(15)
    expect(read({ 'health-check-interval': '2.5' }).checks.intervalSeconds).toBe(2.5)
    expect(read({ 'health-check-interval': '0' }).problems[0]).toContain('"health-check-interval"')
  })

  it('keeps health-check paths inside the stage', () => {
    for (const path of ['/../admin', '/a/./b', '/a/%2e%2e/b', '/..']) {
      const { problems } = read({ 'health-check-path': path })
      expect(problems).toEqual([expect.stringContaining('must stay inside the stage')])
    }
    expect(read({ 'health-check-path': '/a..b/..c' }).problems).toEqual([])
  })

  it('refuses header values with control characters or of absurd length, without echoing them', () => {
    const cr = read({ 'health-check-path': '/h', 'health-check-headers': 'X-Token: abc\rInjected: 1' })
    // A bare CR inside one line (lines split on CRLF and LF only).
    expect(cr.problems).toEqual([expect.stringContaining('control characters')])
    expect(cr.problems[0]).not.toContain('abc')
    const nul = read({ 'health-check-path': '/h', 'health-check-headers': 'X-Token: a\u0000b' })
    expect(nul.problems).toEqual([expect.stringContaining('control characters')])
    const long = read({ 'health-check-path': '/h', 'health-check-headers': `X-Big: ${'x'.repeat(9000)}` })
    expect(long.problems).toEqual([expect.stringContaining('longer than 8192')])
    const tab = read({ 'health-check-path': '/h', 'health-check-headers': 'X-Ok: a\tb' })
    expect(tab.problems).toEqual([])
  })

  it('drops the g and y flags, so probes never depend on each other', () => {
    const { checks } = read({ 'health-check-path': '/h', 'health-check-body-contains': '/ok/gyi' })
    const regex = checks.healthCheck?.bodyContains?.regex
    expect(regex?.flags).toBe('i')
    expect([regex?.test('OK'), regex?.test('OK'), regex?.test('OK')]).toEqual([true, true, true])
  })

  it('refuses alarm names longer than CloudWatch allows', () => {
    expect(read({ 'alarm-names': `ok, ${'a'.repeat(256)}` }).problems).toEqual([
      expect.stringContaining("longer than CloudWatch's 255 characters")
    ])
    expect(read({ 'alarm-names': 'a'.repeat(255) }).problems).toEqual([])
  })
})
