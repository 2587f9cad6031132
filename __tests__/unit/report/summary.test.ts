import { describe, expect, it } from '@jest/globals'
import type { Result } from '../../../src/report/result.js'
import {
  formatDuration,
  renderFailureSummary,
  renderSummary,
  summaryTitle
} from '../../../src/report/summary.js'
import { healthReport } from '../../../src/report/outputs.js'

const deployed: Result = {
  command: 'deploy',
  restApiId: 'a1b2c3',
  restApiName: 'pets',
  stageName: 'prod',
  invokeUrl: 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod',
  deploymentId: 'new1',
  deploymentDescription: 'Deployed by GitHub Actions from 0123456789ab on refs/heads/main',
  previousDeploymentId: 'old1',
  stageCreated: false,
  canaryResult: 'none',
  steps: [],
  changes: [],
  dryRun: false
}
const step = {
  percent: 10,
  bakeSeconds: 30,
  probes: 44,
  failures: 0,
  latencyMs: { p50: 12, p95: 40, max: 51 },
  alarms: [],
  verdict: 'passed' as const
}
const context = { region: 'eu-west-1', durationMs: 83_400 }

describe('summaryTitle', () => {
  it('heads a rolled-back canary as rolled back, not deployed', () => {
    const rolledBack: Result = {
      ...deployed,
      deploymentId: 'old1',
      canaryDeploymentId: 'can1',
      canaryResult: 'rolled-back',
      failure: 'Canary rolled back: step 1 failed'
    }
    expect(summaryTitle(rolledBack)).toBe('↩️ Canary rolled back on stage prod of pets (a1b2c3)')
    expect(summaryTitle(deployed)).toBe('✅ Deployed pets (a1b2c3) to stage prod')
    expect(summaryTitle({ ...deployed, canaryResult: 'active' })).toContain('Canary running')
    expect(summaryTitle({ ...deployed, canaryResult: 'promoted' })).toBe(
      '✅ Deployed pets (a1b2c3) to stage prod: canary promoted'
    )
    expect(summaryTitle({ ...deployed, restApiName: undefined })).toBe('✅ Deployed a1b2c3 to stage prod')
  })
})

describe('renderSummary', () => {
  it('shows the API name, what was served before, the deployment description and the duration', () => {
    const html = renderSummary(deployed, context)
    expect(html).toContain('<td>REST API</td><td>pets (a1b2c3)</td>')
    expect(html).toContain('<td>Served before the run</td><td>old1</td>')
    expect(html).toContain('<td>New deployment</td><td>Deployed by GitHub Actions from 0123456789ab')
    expect(html).toContain('<td>Duration</td><td>1 min 23 s</td>')
    expect(html).toContain('https://console.aws.amazon.com/apigateway/main/apis/a1b2c3/stages')
    expect(html).not.toContain('Canary steps')
    expect(html).not.toContain('```mermaid')
  })

  it('lists each canary step with its bake and latency percentiles', () => {
    const html = renderSummary(
      { ...deployed, canaryDeploymentId: 'can1', canaryResult: 'promoted', steps: [step] },
      context
    )
    expect(html).toContain('<h4>Canary steps</h4>')
    // The chart stands apart from the HTML, so GitHub renders it as a fenced mermaid block.
    expect(html).toContain('\n\n```mermaid\nxychart-beta\n')
    expect(html).toContain(
      '<td>10%</td><td>30 s</td><td>44</td><td>0</td><td>12 / 40 / 51 ms</td><td>none</td><td>✅ passed</td>'
    )
  })

  it('escapes what came from outside (descriptions, reasons)', () => {
    const html = renderSummary(
      { ...deployed, deploymentDescription: '<script>x</script>', failure: 'a & b' },
      { ...context, endpointUrl: 'http://127.0.0.1:1' }
    )
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;')
    expect(html).toContain('<strong>a &amp; b</strong>')
    expect(html).not.toContain('console.aws.amazon.com')
  })
})

describe('renderFailureSummary and formatDuration', () => {
  it('lists every problem', () => {
    expect(renderFailureSummary('❌ failed', ['one', 'two <b>'])).toBe(
      '<h3>❌ failed</h3>\n<ul>\n<li>one</li>\n<li>two &lt;b&gt;</li>\n</ul>\n'
    )
  })
  it('prints seconds, then minutes', () => {
    expect(formatDuration(1234)).toBe('1.2 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})

describe('healthReport', () => {
  it('carries every step, with null latency when no probe ran', () => {
    const report = healthReport({
      steps: [step, { ...step, latencyMs: undefined, verdict: 'failed', note: 'x' }]
    })
    expect(report).toEqual({
      steps: [
        {
          percent: 10,
          bakeSeconds: 30,
          probes: 44,
          failures: 0,
          latencyMs: { p50: 12, p95: 40, max: 51 },
          alarms: [],
          verdict: 'passed'
        },
        {
          percent: 10,
          bakeSeconds: 30,
          probes: 44,
          failures: 0,
          latencyMs: null,
          alarms: [],
          verdict: 'failed',
          note: 'x'
        }
      ]
    })
  })
})

describe('the canary analysis in the summary and health-report', () => {
  const analysis = {
    verdict: 'fail' as const,
    reason:
      '5XX error rate 9.0% (18/200) vs base 1.0% (18/1800): above the base + 1.0% (z = 5.12, p < 0.0001 < 0.05)',
    tests: ['two-proportion z-test (farrington-manning)'],
    canary: {
      requests: 200,
      errors: 18,
      errorRate: 0.09,
      minutes: 3,
      latencyMs: { p50: 41, p90: 88, p99: 190 }
    },
    base: { requests: 1800, errors: 18, errorRate: 0.01, minutes: 3, latencyMs: {} },
    findings: [{ check: 'error-rate', verdict: 'fail', statistic: 5.12, pValue: 1.5e-7, alpha: 0.05 }],
    window: { start: '2026-12-01T12:00:00.000Z', end: '2026-12-01T12:03:10.000Z' },
    waitedSeconds: 20
  }
  const judged: Result = {
    ...deployed,
    deploymentId: 'old1',
    canaryDeploymentId: 'can1',
    canaryResult: 'rolled-back',
    steps: [{ ...step, verdict: 'failed', note: `canary analysis failed: ${analysis.reason}`, analysis }]
  }

  it('has a table of the figures, the tests and the verdict, only for steps that were judged', () => {
    const html = renderSummary(judged, context)
    expect(html).toContain('<h4>Canary analysis (CloudWatch metrics, canary vs base)</h4>')
    expect(html).toContain(
      '<tr><td>10%</td><td>200 / 18 (9.00%)</td><td>1800 / 18 (1.00%)</td><td>canary 41 / 88 / 190 ms<br>base — / — / — ms</td><td>two-proportion z-test (farrington-manning)</td><td>❌ fail: 5XX error rate 9.0% (18/200) vs base 1.0% (18/1800): above the base + 1.0% (z = 5.12, p &lt; 0.0001 &lt; 0.05) (waited 20 s past the bake)</td></tr>'
    )
    expect(renderSummary({ ...deployed, steps: [step] }, context)).not.toContain('Canary analysis')
  })

  it('keeps the whole analysis in health-report, and none for steps without one', () => {
    expect(healthReport(judged)).toEqual({
      steps: [expect.objectContaining({ verdict: 'failed', analysis })]
    })
    expect(healthReport({ steps: [step] })).toEqual({
      steps: [expect.not.objectContaining({ analysis: expect.anything() })]
    })
  })
})
