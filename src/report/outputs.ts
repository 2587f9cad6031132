/** The step's outputs: always written first, so a later failure (the summary) cannot lose them. */
import * as core from '@actions/core'
import type { Result } from './result.js'

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
      ...(s.note ? { note: s.note } : {})
    }))
  }
}
