import { describe, expect, it } from '@jest/globals'
import { proxySecrets, redact, registerSecret, secretForms } from '../../src/secrets.js'

describe('secrets', () => {
  it('knows the forms a secret takes in JSON, URLs and HTML', () => {
    expect(secretForms('a"b c&<')).toEqual(['a"b c&<', 'a\\"b c&<', 'a%22b%20c%26%3C', 'a&quot;b c&amp;&lt;'])
    expect(secretForms('plain')).toEqual(['plain'])
  })

  it('redacts every registered form from text the runner does not mask', () => {
    // core.setSecret prints ::add-mask::; keep it out of the test output.
    const write = process.stdout.write
    process.stdout.write = () => true
    try {
      registerSecret('Bearer "tok"')
    } finally {
      process.stdout.write = write
    }
    const report = JSON.stringify({ note: 'header was Bearer "tok"' })
    expect(redact(report)).toBe('{"note":"header was ***"}')
    expect(redact('<td>Bearer &quot;tok&quot;</td>')).toBe('<td>***</td>')
    expect(redact('https://h/?auth=Bearer%20%22tok%22')).toBe('https://h/?auth=***')
    expect(redact('nothing secret')).toBe('nothing secret')
  })
})

describe('proxySecrets', () => {
  it('finds the password of proxy URLs in the environment', () => {
    expect(
      proxySecrets({
        HTTPS_PROXY: 'http://ci:p%40ss@proxy.internal:3128',
        http_proxy: 'proxy.internal:3128',
        ALL_PROXY: 'not a url at all'
      })
    ).toEqual(['p@ss'])
  })
})
