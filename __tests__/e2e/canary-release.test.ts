/**
 * Canary releases, end to end: dist/index.js against the emulator, which splits invoke traffic at random
 * between the base and canary deployments as API Gateway does. Every failure case checks that the stage
 * serves the deployment it served before the run and that no canary is left.
 */
import { describe, expect, it } from '@jest/globals'
import {
  APIGatewayClient,
  GetResourcesCommand,
  PutIntegrationResponseCommand
} from '@aws-sdk/client-api-gateway'
import { useActionFixture } from './fixture.js'
import { waitForOutput } from './run-action.js'
import { waitFor } from './wait-for.js'

const region = 'us-west-2'
const fixture = useActionFixture({ region, apiName: 'orders', seed: 7 })
const healthy = { 'health-check-path': '/health', 'health-check-body-contains': '"status":"ok"' }

describe('canary release', () => {
  it('promotes a healthy canary: deployment, variables and overrides land on the stage', async () => {
    const { stageName, base } = await fixture.baseStage('greeting=v1\nkeep=yes')
    const run = await fixture.run({
      ...healthy,
      'stage-name': stageName,
      'stage-variables': 'greeting=v2',
      'canary-percent': '10',
      'canary-stage-variables': 'canary_only=1'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const canaryId = run.outputs['canary-deployment-id']
    expect(canaryId).not.toBe(base)
    expect(run.outputs).toMatchObject({
      'canary-result': 'promoted',
      'deployment-id': canaryId,
      'previous-deployment-id': base
    })
    const stage = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(stage?.deploymentId).toBe(canaryId)
    expect(stage?.canarySettings).toBeUndefined()
    expect(stage?.variables).toEqual({ greeting: 'v2', keep: 'yes', canary_only: '1' })
    // At 10%, 10 probes would miss a canary failing a fifth of its requests 82% of the time: the action
    // raises the count (to 228) and says so.
    const report = JSON.parse(run.outputs['health-report'])
    expect(report.steps).toHaveLength(1)
    expect(report.steps[0]).toMatchObject({ percent: 10, probes: 228, failures: 0, verdict: 'passed' })
    expect(run.stdout).toContain('Raised health-check-probes from 10 to 228 for 10%')
    expect(run.stdout).toContain('chance it gets none: <0.01%')
    expect(run.stdout).toContain('chance a canary failing 20% of its requests passes a round unnoticed: 1.0%')
    expect(run.summary).toContain('Canary steps')
  })

  it('rolls back a canary whose probes fail, and fails the step saying why', async () => {
    const { stageName, base } = await fixture.baseStage()
    // Break the API itself: the new deployment's /health reports "degraded"; the base keeps its snapshot.
    await setHealthBody('{"status":"degraded"}')
    try {
      const run = await fixture.run({
        ...healthy,
        'stage-name': stageName,
        'canary-percent': '50'
      })
      expect(run.code).toBe(1)
      expect(run.outputs['canary-result']).toBe('rolled-back')
      expect(run.errors.join('\n')).toMatch(
        /Canary rolled back: step 1 at 50% failed: \d+ of \d+ health probes failed/
      )
      expect(run.errors.join('\n')).toContain(`serves deployment ${base}, as before the run`)
      expect(JSON.parse(run.outputs['health-report']).steps[0].verdict).toBe('failed')
      fixture.expectRolledBack(stageName, base, run)
      expect(run.summary).toContain(
        `↩️ Canary rolled back on stage ${stageName} of orders (${fixture.restApiId})`
      )
      expect(run.summary.split('\n')[0]).not.toContain('Deployed')
    } finally {
      await setHealthBody('{"status":"ok","deployment":"$context.deploymentId"}')
    }
  })

  it('shifts 10% -> 50% with the split measured at each step, then promotes', async () => {
    const { stageName, base } = await fixture.baseStage()
    const split: Record<number, number> = {}
    const running = fixture.run({
      ...healthy,
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-steps': '50',
      'bake-time': '4'
    })
    for (const percent of [10, 50]) {
      await waitFor(
        `the canary at ${percent}%`,
        () => fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.percentTraffic === percent
      )
      split[percent] = await canaryShare(stageName, 400)
      // Measured inside the step's bake, not after the action moved on.
      expect(fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.percentTraffic).toBe(percent)
    }
    const run = await running
    expect(run.code).toBe(0)
    expect(split[10]).toBeGreaterThan(0.05)
    expect(split[10]).toBeLessThan(0.16)
    expect(split[50]).toBeGreaterThan(0.42)
    expect(split[50]).toBeLessThan(0.58)
    const steps = JSON.parse(run.outputs['health-report']).steps
    expect(steps.map((s: { percent: number }) => s.percent)).toEqual([10, 50])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(
      run.outputs['canary-deployment-id']
    )
    expect(run.outputs['previous-deployment-id']).toBe(base)
  })

  it('rolls back when the canary degrades in a later step', async () => {
    const { stageName, base } = await fixture.baseStage()
    // Step 1 passes; once step 2 starts, the canary's deployment answers 503.
    const running = fixture.run(
      {
        ...healthy,
        'stage-name': stageName,
        'canary-percent': '20',
        'canary-steps': '60',
        'bake-time': '1'
      },
      {
        onStart: child =>
          void waitForOutput(child, 'Shifted 60% of traffic').then(() => {
            const canaryId = fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.deploymentId
            if (canaryId) fixture.emu.setDeploymentBehaviour(fixture.restApiId, canaryId, { status: 503 })
          })
      }
    )
    const run = await running
    expect(run.code).toBe(1)
    const steps = JSON.parse(run.outputs['health-report']).steps
    expect(steps.at(-1)).toMatchObject({ percent: 60, verdict: 'failed' })
    expect(run.errors.join('\n')).toContain('status 503')
    fixture.expectRolledBack(stageName, base, run)
  })

  it('keeps probing through the bake, so a canary that degrades part-way through a step is caught in it', async () => {
    const { stageName, base } = await fixture.baseStage()
    let degradedAt = 0
    const run = await fixture.run(
      {
        ...healthy,
        'stage-name': stageName,
        'canary-percent': '50',
        'canary-steps': '100',
        'bake-time': '30',
        'health-check-interval': '1'
      },
      {
        // The first round passes; then the canary answers 503 while the step is still baking.
        onStart: child =>
          void waitForOutput(child, '0/44 probes failed').then(() => {
            const canaryId = fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.deploymentId
            if (canaryId) fixture.emu.setDeploymentBehaviour(fixture.restApiId, canaryId, { status: 503 })
            degradedAt = Date.now()
          })
      }
    )
    expect(run.code).toBe(1)
    const steps = JSON.parse(run.outputs['health-report']).steps
    expect(steps).toHaveLength(1)
    expect(steps[0]).toMatchObject({ percent: 50, verdict: 'failed' })
    // More than the first round's probes were counted, and the step stopped long before its 30 s bake.
    expect(steps[0].probes).toBeGreaterThan(44)
    expect(steps[0].bakeSeconds).toBeLessThan(10)
    expect(Date.now() - degradedAt).toBeLessThan(15_000)
    expect(run.errors.join('\n')).toContain('Canary rolled back: step 1 at 50% failed')
    fixture.expectRolledBack(stageName, base, run)
  })

  it.each<{ call: string; steps: Record<string, string>; status: number; code: string }>([
    // A one-step canary's only UpdateStage is the promotion; the rollback's own call then succeeds.
    { call: 'the promotion', steps: {}, status: 400, code: 'BadRequestException' },
    { call: 'the traffic shift', steps: { 'canary-steps': '50' }, status: 404, code: 'NotFoundException' }
  ])('rolls back when $call fails', async ({ steps, status, code }) => {
    const { stageName, base } = await fixture.baseStage()
    fixture.emu.faults.fail('UpdateStage', { status, code, message: 'injected' })
    const run = await fixture.run({ 'stage-name': stageName, 'canary-percent': '10', ...steps })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `Canary rolled back: an error stopped it: UpdateStage failed: ${code}`
    )
    fixture.expectRolledBack(stageName, base, run)
  })

  it('deploys normally, and says so, when the stage does not exist yet', async () => {
    const run = await fixture.run({ 'stage-name': 'brand-new', 'canary-percent': '10' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('a canary needs an existing stage, so deploying normally')
    expect(run.outputs['canary-result']).toBe('none')
    expect(fixture.emu.getStage(fixture.restApiId, 'brand-new')?.deploymentId).toBe(
      run.outputs['deployment-id']
    )
  })

  it('refuses, or replaces, a canary an earlier run left', async () => {
    const { stageName, base } = await fixture.baseStage()
    const first = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '5',
      promote: 'false'
    })
    const refused = await fixture.run({ 'stage-name': stageName, 'canary-percent': '10' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain('has a canary from an earlier run')
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.deploymentId).toBe(
      first.outputs['canary-deployment-id']
    )

    const replaced = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-existing': 'replace'
    })
    expect(replaced.code).toBe(0)
    expect(replaced.outputs['canary-result']).toBe('promoted')
    expect(replaced.outputs['previous-deployment-id']).toBe(base)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(
      replaced.outputs['canary-deployment-id']
    )
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).not.toContain(
      first.outputs['canary-deployment-id']
    )
  })

  it('rolls back on SIGTERM during a bake, then exits', async () => {
    const { stageName, base } = await fixture.baseStage()
    let signalled = false
    const running = fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10', 'bake-time': '60' },
      {
        onStart: child => {
          void waitForOutput(child, 'Baking for').then(() => {
            signalled = child.kill('SIGTERM')
          })
        }
      }
    )
    const run = await running
    expect(signalled).toBe(true)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Received SIGTERM')
    expect(run.errors.join('\n')).toContain('the run was cancelled (received SIGTERM)')
    expect(run.outputs['canary-result']).toBe('rolled-back')
    fixture.expectRolledBack(stageName, base, run)
    // The step that was cut short is still reported.
    expect(JSON.parse(run.outputs['health-report']).steps).toEqual([
      expect.objectContaining({ percent: 10, verdict: 'failed', note: 'cancelled' })
    ])
    expect(run.summary).toContain('cancelled')
  })
})

/** The share of `requests` GETs to /health that the canary served (the emulator marks each response). */
async function canaryShare(stageName: string, requests: number): Promise<number> {
  let canary = 0
  for (let sent = 0; sent < requests; sent += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await fetch(`${fixture.emu.invokeUrl(fixture.restApiId, stageName)}/health`)
        await response.text()
        return response.headers.get('x-emulator-canary') === 'true'
      })
    )
    canary += batch.filter(Boolean).length
  }
  return canary / requests
}

/** Changes the API (not a deployment): GET /health's integration response body. */
async function setHealthBody(body: string): Promise<void> {
  const client = new APIGatewayClient({
    region,
    endpoint: fixture.emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  const resources = await client.send(new GetResourcesCommand({ restApiId: fixture.restApiId }))
  const health = resources.items?.find(r => r.path === '/health')
  await client.send(
    new PutIntegrationResponseCommand({
      restApiId: fixture.restApiId,
      resourceId: health?.id,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': body }
    })
  )
  client.destroy()
}
