/** The step's outputs and the job summary. */
import * as core from '@actions/core'
import type { Result } from './result.js'
import { consoleStageUrl } from './urls.js'

export function setOutputs(result: Result): void {
  core.setOutput('invoke-url', result.invokeUrl)
  core.setOutput('deployment-id', result.deploymentId)
  core.setOutput('previous-deployment-id', result.previousDeploymentId ?? '')
  core.setOutput('stage-name', result.stageName)
  core.setOutput('rest-api-id', result.restApiId)
  core.setOutput('canary-deployment-id', result.canaryDeploymentId ?? '')
  core.setOutput('canary-result', result.canaryResult)
  core.setOutput('health-report', JSON.stringify(healthReport(result)))
}

export function healthReport(result: Result): object {
  return {
    steps: result.steps.map(s => ({
      percent: s.percent,
      probes: s.probes,
      failures: s.failures,
      latencyMs: s.latencyMs ?? null,
      alarms: s.alarms,
      verdict: s.verdict,
      ...(s.note ? { note: s.note } : {})
    }))
  }
}

const CANARY_WORDS: Record<Result['canaryResult'], string> = {
  promoted: 'promoted',
  'rolled-back': 'rolled back',
  active: 'left running',
  none: '—'
}

export async function writeSummary(result: Result, region: string, endpointUrl?: string): Promise<void> {
  const title =
    result.command === 'deploy'
      ? `${result.failure ? '❌' : '✅'} Deployed REST API ${result.restApiId} to stage ${result.stageName}`
      : `${result.failure ? '❌' : '✅'} ${result.command} on stage ${result.stageName}`
  const consoleUrl = endpointUrl ? undefined : consoleStageUrl(result.restApiId, result.stageName, region)
  const summary = core.summary.addHeading(title, 3)
  summary.addTable([
    [
      { data: 'What', header: true },
      { data: 'Value', header: true }
    ],
    ['Invoke URL', `<a href="${result.invokeUrl}">${result.invokeUrl}</a>`],
    ['Stage', `${result.stageName}${result.stageCreated ? ' (created)' : ''}`],
    ['Deployment served', result.deploymentId],
    ['Previous deployment', result.previousDeploymentId ?? '— (new stage)'],
    [
      'Canary',
      result.canaryDeploymentId ? `${result.canaryDeploymentId}: ${CANARY_WORDS[result.canaryResult]}` : '—'
    ],
    ['Region', region]
  ])
  if (result.steps.length > 0) {
    summary.addHeading('Canary steps', 4)
    summary.addTable([
      ['Traffic', 'Probes', 'Failures', 'p95 latency', 'Alarms in ALARM', 'Verdict'].map(data => ({
        data,
        header: true
      })),
      ...result.steps.map(s => [
        `${s.percent}%`,
        String(s.probes),
        String(s.failures),
        s.latencyMs ? `${s.latencyMs.p95} ms` : '—',
        s.alarms.length > 0 ? s.alarms.join(', ') : 'none',
        s.verdict === 'passed' ? '✅ passed' : `❌ ${s.note ?? 'failed'}`
      ])
    ])
  }
  if (result.failure) summary.addRaw(`\n**${result.failure}**\n`, true)
  if (consoleUrl) summary.addLink('Open the stage in the AWS console', consoleUrl)
  await summary.write()
}
