import { describe, expect, it } from '@jest/globals'
import { canaryChart } from '../../../src/report/chart.js'
import type { StepReport } from '../../../src/report/result.js'

/**
 * A strict check of the one mermaid grammar the chart uses (xychart-beta: title, x-axis categories, y-axis
 * range, one bar series), since mermaid's own parser needs a browser. Returns the parsed chart.
 */
function parseXyChart(block: string): { labels: string[]; values: number[] } {
  const lines = block.split('\n')
  expect(lines[0]).toBe('```mermaid')
  expect(lines.at(-1)).toBe('```')
  const body = lines.slice(1, -1)
  expect(body[0]).toBe('xychart-beta')
  expect(body[1]).toMatch(/^ {4}title "[^"]+"$/)
  const xAxis = /^ {4}x-axis \[("[^"\n[\]]*"(?:, "[^"\n[\]]*")*)\]$/.exec(body[2])
  expect(xAxis).not.toBeNull()
  expect(body[3]).toMatch(/^ {4}y-axis "[^"]+" 0 --> 100$/)
  const bar = /^ {4}bar \[(\d+(?:\.\d+)?(?:, \d+(?:\.\d+)?)*)\]$/.exec(body[4])
  expect(bar).not.toBeNull()
  expect(body).toHaveLength(5)
  const labels = (xAxis?.[1].match(/"[^"]*"/g) ?? []).map(label => label.slice(1, -1))
  const values = (bar?.[1].split(', ') ?? []).map(Number)
  expect(labels).toHaveLength(values.length)
  for (const value of values) expect(value >= 0 && value <= 100).toBe(true)
  return { labels, values }
}

const step = (percent: number, verdict: 'passed' | 'failed' = 'passed'): StepReport => ({
  percent,
  bakeSeconds: 30,
  probes: 20,
  failures: verdict === 'failed' ? 3 : 0,
  latencyMs: { p50: 10, p95: 42, max: 60 },
  alarms: [],
  verdict,
  note: verdict === 'failed' ? 'alarm "api-5xx" in ALARM' : undefined
})

describe('canaryChart', () => {
  it('draws a promoted canary climbing to 100%', () => {
    const chart = parseXyChart(canaryChart({ canaryResult: 'promoted', steps: [step(10), step(50)] }) ?? '')
    expect(chart.values).toEqual([10, 50, 100])
    expect(chart.labels).toEqual([
      '1: 10% for 30 s, 0 failed, p95 42 ms',
      '2: 50% for 30 s, 0 failed, p95 42 ms',
      'promoted'
    ])
  })

  it('draws a rolled-back canary falling to 0, its failed step marked', () => {
    const chart = parseXyChart(
      canaryChart({ canaryResult: 'rolled-back', steps: [step(10), step(25, 'failed')] }) ?? ''
    )
    expect(chart.values).toEqual([10, 25, 0])
    expect(chart.labels[1]).toBe('2: 25% for 30 s, 3 failed, p95 42 ms, FAILED')
    expect(chart.labels[2]).toBe('rolled back')
  })

  it('draws a one-step canary, and a step without probes', () => {
    const chart = parseXyChart(
      canaryChart({ canaryResult: 'active', steps: [{ ...step(5), latencyMs: undefined }] }) ?? ''
    )
    expect(chart).toEqual({ labels: ['1: 5% for 30 s, 0 failed'], values: [5] })
  })

  it('draws nothing for a plain deploy', () => {
    expect(canaryChart({ canaryResult: 'none', steps: [] })).toBeUndefined()
  })
})
