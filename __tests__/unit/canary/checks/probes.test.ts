import { describe, expect, it } from '@jest/globals'
import {
  healthCheckUrl,
  judgeResponse,
  matchBounded,
  percentile,
  summarize
} from '../../../../src/canary/checks/probes.js'
import { parseStatusRanges } from '../../../../src/canary/checks/status-ranges.js'
import type { HealthCheckInputs } from '../../../../src/inputs/index.js'

const check: HealthCheckInputs = {
  path: '/health',
  method: 'GET',
  headers: {},
  expectedStatus: parseStatusRanges('200-299,304') ?? [],
  timeoutMs: 1000,
  probes: 10,
  concurrency: 2,
  maxFailureRatio: 0
}

describe('judgeResponse', () => {
  it('checks the status against codes and ranges', () => {
    expect(judgeResponse(check, 204, '')).toBeUndefined()
    expect(judgeResponse(check, 304, '')).toBeUndefined()
    expect(judgeResponse(check, 301, '')).toBe('status 301, expected 200-299,304')
    expect(judgeResponse(check, 502, '')).toContain('status 502')
  })

  it('checks the body by text or regex', () => {
    const text = { ...check, bodyContains: { text: '"ok"' } }
    expect(judgeResponse(text, 200, '{"status":"ok"}')).toBeUndefined()
    expect(judgeResponse(text, 200, '{"status":"down"}')).toBe('body does not contain "ok"')
    const regex = { ...check, bodyContains: { text: '/^ok$/', regex: /^ok$/ } }
    expect(judgeResponse(regex, 200, 'ok')).toBeUndefined()
    expect(judgeResponse(regex, 200, 'not ok')).toContain('body does not contain')
  })
})

describe('summarize and percentile', () => {
  it('counts failures and computes nearest-rank percentiles', () => {
    const outcomes = Array.from({ length: 20 }, (_, i) => ({
      latencyMs: i + 1,
      failure: i % 10 === 0 ? 'status 500, expected 200-399' : undefined
    }))
    expect(summarize(outcomes)).toEqual({
      probes: 20,
      failures: 2,
      latencyMs: { p50: 10, p95: 19, max: 20 },
      samples: ['status 500, expected 200-399']
    })
    expect(percentile([], 50)).toBe(0)
    expect(percentile([7], 95)).toBe(7)
  })
})

describe('healthCheckUrl', () => {
  it('appends the path to the invoke URL, or uses the full URL', () => {
    expect(healthCheckUrl(check, 'https://a.execute-api.us-east-1.amazonaws.com/prod')).toBe(
      'https://a.execute-api.us-east-1.amazonaws.com/prod/health'
    )
    expect(healthCheckUrl({ ...check, url: 'https://api.example.com/v1/health' }, 'ignored')).toBe(
      'https://api.example.com/v1/health'
    )
  })
})

describe('matchBounded', () => {
  it('matches like RegExp.test, independent of earlier matches', () => {
    expect(matchBounded(/ok/i, 'OK')).toBe(true)
    expect(matchBounded(/ok/, 'no')).toBe(false)
  })

  it('turns a runaway regular expression into a failed probe instead of a stalled step', () => {
    const started = Date.now()
    const runaway = { ...check, bodyContains: { text: '/^(a+)+$/', regex: /^(a+)+$/ } }
    expect(judgeResponse(runaway, 200, `${'a'.repeat(40)}b`)).toContain('took longer than 100 ms')
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
