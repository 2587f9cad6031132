/** The step's outputs: always written first, so a later failure (the summary) cannot lose them. */
import * as core from '@actions/core'
import { redact } from '../secrets.js'
import type { Result } from './result.js'

export function setOutputs(result: Result): void {
  const outputs: Record<string, string> = {
    'invoke-url': result.invokeUrl,
    'base-url': result.baseUrl ?? '',
    'deployment-id': result.deploymentId,
    'previous-deployment-id': result.previousDeploymentId ?? '',
    'stage-name': result.stageName,
    'rest-api-id': result.restApiId,
    'canary-deployment-id': result.canaryDeploymentId ?? '',
    'canary-result': result.canaryResult,
    'health-report': JSON.stringify(healthReport(result)),
    plan: JSON.stringify(planReport(result)),
    skipped: String(result.skipped ?? false),
    'export-file': result.exportFile ?? '',
    'sdk-file': result.sdkFile ?? ''
  }
  // The outputs file is not masked by the runner: a secret echoed in a probe's failure must not reach it.
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))
}

/** The stage changes: planned (dry run) or made, each `{setting, from, to}` (null: unset). */
export function planReport(result: Pick<Result, 'changes' | 'dryRun'>): object {
  return {
    dryRun: result.dryRun,
    changes: result.changes.map(c => ({ setting: c.setting, from: c.from ?? null, to: c.to ?? null }))
  }
}

export function healthReport(result: Pick<Result, 'steps'>): object {
  return {
    steps: result.steps.map(s => ({
      percent: s.percent,
      bakeSeconds: s.bakeSeconds,
      probes: s.probes,
      failures: s.failures,
      latencyMs: s.latencyMs ?? null,
      alarms: s.alarms,
      verdict: s.verdict,
      ...(s.note ? { note: s.note } : {}),
      ...(s.analysis ? { analysis: s.analysis } : {})
    }))
  }
}
