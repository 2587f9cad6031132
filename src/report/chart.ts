/**
 * The canary's story as a picture for the job summary: a mermaid xychart (GitHub renders mermaid blocks in
 * summaries) of the traffic share per step, ending at 100 when promoted or 0 when rolled back, each step
 * labelled with its bake, failures and p95 latency. Plain deploys get no chart.
 *
 * Only one chart grammar is used (https://mermaid.js.org/syntax/xyChart.html: `xychart-beta`, `title`,
 * `x-axis [...]`, `y-axis "..." min --> max`, `bar [...]`), and labels keep to characters that need no
 * escaping inside its quoted strings.
 */
import type { Result, StepReport } from './result.js'

export function canaryChart(result: Pick<Result, 'steps' | 'canaryResult'>): string | undefined {
  // Checks after a plain switch have steps too, but no canary to draw.
  if (result.steps.length === 0 || result.canaryResult === 'none') return undefined
  const labels = result.steps.map((step, i) => stepLabel(step, i))
  const shares = result.steps.map(step => step.percent)
  if (result.canaryResult === 'promoted') {
    labels.push('promoted')
    shares.push(100)
  } else if (result.canaryResult === 'rolled-back') {
    labels.push('rolled back')
    shares.push(0)
  }
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Traffic to the canary, step by step"`,
    `    x-axis [${labels.map(quote).join(', ')}]`,
    `    y-axis "Share of traffic (%)" 0 --> 100`,
    `    bar [${shares.join(', ')}]`,
    '```'
  ].join('\n')
}

function stepLabel(step: StepReport, index: number): string {
  const p95 = step.latencyMs ? `, p95 ${step.latencyMs.p95} ms` : ''
  const verdict = step.verdict === 'failed' ? ', FAILED' : ''
  return `${index + 1}: ${step.percent}% for ${step.bakeSeconds} s, ${step.failures} failed${p95}${verdict}`
}

/** A quoted label with nothing mermaid would read as syntax. */
function quote(label: string): string {
  return `"${label.replace(/[^A-Za-z0-9 %.,:/-]/g, '')}"`
}
