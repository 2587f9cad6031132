/**
 * The job summary, rendered by pure functions (result in, HTML out) so that what a reader sees is
 * unit-tested; write-summary.ts appends it.
 */
import { consoleStageUrl } from '../urls.js'
import { canaryChart } from './chart.js'
import { escapeHtml } from './html.js'

export { renderFailureSummary } from './html.js'
import type {
  AnalysisFigures,
  AnalysisReport,
  CanaryResult,
  PlannedChange,
  Result,
  StepReport
} from './result.js'

export interface SummaryContext {
  region: string
  /** Set when the calls went to an emulator: no console link then. */
  endpointUrl?: string
  durationMs: number
}

const CANARY_WORDS: Record<CanaryResult, string> = {
  promoted: 'promoted',
  'rolled-back': 'rolled back',
  active: 'left running',
  none: '—'
}

export function summaryTitle(result: Result): string {
  const api = apiLabel(result)
  if (result.skipped) return `⏭️ ${result.command} skipped: ${result.notes?.[0] ?? 'nothing to do'}`
  if (result.dryRun)
    return `🔍 Dry run of ${result.command} on stage ${result.stageName} of ${api}: ${result.changes.length === 0 ? 'nothing would change' : `${result.changes.length} change${result.changes.length === 1 ? '' : 's'} planned`}`
  if (result.canaryResult === 'rolled-back' && result.command === 'deploy')
    return `↩️ Canary rolled back on stage ${result.stageName} of ${api}`
  if (result.failure) return `❌ ${result.command} on stage ${result.stageName} of ${api} failed`
  switch (result.command) {
    case 'deploy':
      if (result.canaryResult === 'active') return `⏸️ Canary running on stage ${result.stageName} of ${api}`
      if (result.canaryResult === 'promoted')
        return `✅ Deployed ${api} to stage ${result.stageName}: canary promoted`
      return `✅ Deployed ${api} to stage ${result.stageName}`
    case 'configure-stage':
      return result.changes.length === 0
        ? `✅ Stage ${result.stageName} of ${api} is configured as asked: nothing changed`
        : `✅ Configured stage ${result.stageName} of ${api}: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'}`
    case 'delete-stage':
      return result.stageRemoved
        ? `🧹 Deleted stage ${result.stageName} of ${api}`
        : `✅ Stage ${result.stageName} of ${api} was already gone`
    case 'prune-previews': {
      const removed = (result.notes ?? []).filter(n => n.startsWith('Removed')).length
      return `🧹 Pruned previews of ${api}: ${removed} removed`
    }
    case 'promote-canary':
      return `✅ Canary promoted on stage ${result.stageName} of ${api}`
    case 'rollback-canary':
      return result.canaryResult === 'rolled-back'
        ? `↩️ Canary rolled back on stage ${result.stageName} of ${api}`
        : `✅ No canary to roll back on stage ${result.stageName} of ${api}`
  }
}

export function renderSummary(result: Result, context: SummaryContext): string {
  // Runs that name no one stage (prune-previews) or did nothing (skipped): what happened, and the list.
  if (result.skipped || result.command === 'prune-previews') {
    const parts = [`<h3>${escapeHtml(summaryTitle(result))}</h3>`]
    if (result.changes.length > 0) parts.push(table(['Setting', 'From', 'To'], result.changes.map(changeRow)))
    if (result.notes?.length)
      parts.push(`<ul>\n${result.notes.map(n => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>`)
    if (result.failure) parts.push(`<p><strong>${escapeHtml(result.failure)}</strong></p>`)
    return parts.join('\n') + '\n'
  }
  const rows: [string, string][] = [
    ['REST API', escapeHtml(apiLabel(result))],
    ['Invoke URL', `<a href="${escapeHtml(result.invokeUrl)}">${escapeHtml(result.invokeUrl)}</a>`],
    ...(result.baseUrl
      ? [
          ['Base URL', `<a href="${escapeHtml(result.baseUrl)}">${escapeHtml(result.baseUrl)}</a>`] as [
            string,
            string
          ]
        ]
      : []),
    ['Stage', `${escapeHtml(result.stageName)}${result.stageCreated ? ' (created)' : ''}`],
    ['Deployment served now', escapeHtml(result.deploymentId)],
    ['Served before the run', escapeHtml(result.previousDeploymentId ?? '— (new stage)')]
  ]
  if (result.deploymentDescription) rows.push(['New deployment', escapeHtml(result.deploymentDescription)])
  rows.push(
    [
      'Canary',
      result.canaryDeploymentId
        ? `${escapeHtml(result.canaryDeploymentId)}: ${CANARY_WORDS[result.canaryResult]}`
        : '—'
    ],
    ['Region', escapeHtml(context.region)],
    ['Duration', formatDuration(context.durationMs)]
  )
  const parts = [`<h3>${escapeHtml(summaryTitle(result))}</h3>`, table(['What', 'Value'], rows)]
  const chart = canaryChart(result)
  // A blank line on each side: GitHub renders the fenced block as markdown between the HTML parts.
  if (chart) parts.push(`\n${chart}\n`)
  if (result.steps.length > 0) {
    parts.push(result.canaryResult === 'none' ? '<h4>Checks after the switch</h4>' : '<h4>Canary steps</h4>')
    parts.push(
      table(
        ['Traffic', 'Bake', 'Probes', 'Failures', 'Latency p50 / p95 / max', 'Alarms in ALARM', 'Verdict'],
        result.steps.map(stepRow)
      )
    )
  }
  const judged = result.steps.filter(step => step.analysis)
  if (judged.length > 0) {
    parts.push('<h4>Canary analysis (CloudWatch metrics, canary vs base)</h4>')
    parts.push(
      table(
        [
          'Traffic',
          'Canary requests / errors',
          'Base requests / errors',
          'Latency p50 / p90 / p99',
          'Tests',
          'Verdict'
        ],
        judged.map(analysisRow)
      )
    )
  }
  if (result.changes.length > 0) {
    parts.push(
      result.dryRun ? '<h4>Planned changes (dry run: nothing was written)</h4>' : '<h4>Stage changes</h4>'
    )
    parts.push(table(['Setting', 'From', 'To'], result.changes.map(changeRow)))
  }
  if (result.notes && result.notes.length > 0)
    parts.push(`<ul>\n${result.notes.map(n => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>`)
  if (result.failure) parts.push(`<p><strong>${escapeHtml(result.failure)}</strong></p>`)
  const consoleUrl = context.endpointUrl
    ? undefined
    : consoleStageUrl(result.restApiId, result.stageName, context.region)
  if (consoleUrl) parts.push(`<a href="${escapeHtml(consoleUrl)}">Open the stage in the AWS console</a>`)
  return parts.join('\n') + '\n'
}

function changeRow(change: PlannedChange): string[] {
  const show = (value: string | undefined): string =>
    value === undefined ? '<em>unset</em>' : `<code>${escapeHtml(value)}</code>`
  return [escapeHtml(change.setting), show(change.from), show(change.to)]
}

function stepRow(step: StepReport): string[] {
  const latency = step.latencyMs
    ? `${step.latencyMs.p50} / ${step.latencyMs.p95} / ${step.latencyMs.max} ms`
    : '—'
  return [
    `${step.percent}%`,
    `${step.bakeSeconds} s`,
    String(step.probes),
    String(step.failures),
    latency,
    step.alarms.length > 0 ? escapeHtml(step.alarms.join(', ')) : 'none',
    step.verdict === 'passed' ? '✅ passed' : `❌ ${escapeHtml(step.note ?? 'failed')}`
  ]
}

function analysisRow(step: StepReport): string[] {
  const analysis = step.analysis as AnalysisReport
  const group = (g: AnalysisFigures): string =>
    `${g.requests} / ${g.errors}${g.errorRate === null ? '' : ` (${(g.errorRate * 100).toFixed(2)}%)`}`
  const ms = (g: AnalysisFigures): string =>
    (['p50', 'p90', 'p99'] as const)
      .map(p => (g.latencyMs[p] === undefined ? '—' : `${g.latencyMs[p]}`))
      .join(' / ')
  const icon = { pass: '✅', fail: '❌', inconclusive: '❔' }[analysis.verdict]
  return [
    `${step.percent}%`,
    group(analysis.canary),
    group(analysis.base),
    `canary ${ms(analysis.canary)} ms<br>base ${ms(analysis.base)} ms`,
    analysis.tests.length > 0 ? escapeHtml(analysis.tests.join(', ')) : '—',
    `${icon} ${analysis.verdict}: ${escapeHtml(analysis.reason)}${analysis.waitedSeconds > 0 ? ` (waited ${analysis.waitedSeconds} s past the bake)` : ''}`
  ]
}

function apiLabel(result: Pick<Result, 'restApiId' | 'restApiName'>): string {
  return result.restApiName ? `${result.restApiName} (${result.restApiId})` : result.restApiId
}

function table(header: string[], rows: string[][]): string {
  const cells = (tag: string, values: string[]): string =>
    `<tr>${values.map(v => `<${tag}>${v}</${tag}>`).join('')}</tr>`
  return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 100) / 10
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
}
