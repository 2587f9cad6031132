/**
 * Canary releases, end to end: dist/index.js against the emulator, which splits invoke traffic at random
 * between the base and canary deployments as API Gateway does. Every failure case checks that the stage
 * serves the deployment it served before the run and that no canary is left.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  APIGatewayClient,
  GetResourcesCommand,
  PutIntegrationResponseCommand
} from '@aws-sdk/client-api-gateway'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createSampleApi } from '../../emulator/sample-api.js'
import { runAction, waitForOutput, type ActionRun } from './run-action.js'
import { waitFor } from './wait-for.js'

const region = 'us-west-2'
let emu: Emulator
let restApiId: string
let stageCounter = 0

beforeAll(async () => {
  // Every test makes its own stage: raise the 10-stage quota.
  emu = await startEmulator({ region, seed: 7, quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 50 } })
  restApiId = (await createSampleApi({ endpoint: emu.url, region, name: 'orders' })).restApiId
})
afterAll(async () => emu?.stop())
beforeEach(() => emu.faults.clear())

const common = () => ({ 'rest-api-id': restApiId, 'aws-region': region, 'endpoint-url': emu.url })
const healthy = { 'health-check-path': '/health', 'health-check-body-contains': '"status":"ok"' }

/** A fresh stage serving a first deployment, and its deployment id. */
async function baseStage(variables = 'greeting=v1'): Promise<{ stageName: string; base: string }> {
  const stageName = `stage${++stageCounter}`
  const run = await runAction({ ...common(), 'stage-name': stageName, 'stage-variables': variables })
  expect(run.code).toBe(0)
  return { stageName, base: run.outputs['deployment-id'] }
}

/** The stage serves `base`, has no canary, and the canary's deployment is gone: what a rollback leaves. */
function expectRolledBack(stageName: string, base: string, run: ActionRun): void {
  const stage = emu.getStage(restApiId, stageName)
  expect(stage?.deploymentId).toBe(base)
  expect(stage?.canarySettings).toBeUndefined()
  const canaryId = run.outputs['canary-deployment-id']
  expect(canaryId).toMatch(/^\w+$/)
  expect(emu.getDeployments(restApiId).map(d => d.id)).not.toContain(canaryId)
}

describe('canary release', () => {
  it('promotes a healthy canary: deployment, variables and overrides land on the stage', async () => {
    const { stageName, base } = await baseStage('greeting=v1\nkeep=yes')
    const run = await runAction({
      ...common(),
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
    const stage = emu.getStage(restApiId, stageName)
    expect(stage?.deploymentId).toBe(canaryId)
    expect(stage?.canarySettings).toBeUndefined()
    expect(stage?.variables).toEqual({ greeting: 'v2', keep: 'yes', canary_only: '1' })
    // At 10%, 10 probes would miss the canary 35% of the time: the action raises the count and says so.
    const report = JSON.parse(run.outputs['health-report'])
    expect(report.steps).toHaveLength(1)
    expect(report.steps[0]).toMatchObject({ percent: 10, probes: 44, failures: 0, verdict: 'passed' })
    expect(run.stdout).toContain('Raised health-check-probes from 10 to 44 for 10%')
    expect(run.stdout).toMatch(/chance it gets none: 0\.\d+%/)
    expect(run.summary).toContain('Canary steps')
  })

  it('rolls back a canary whose probes fail, and fails the step saying why', async () => {
    const { stageName, base } = await baseStage()
    // Break the API itself: the new deployment's /health reports "degraded"; the base keeps its snapshot.
    await setHealthBody('{"status":"degraded"}')
    try {
      const run = await runAction({
        ...common(),
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
      expectRolledBack(stageName, base, run)
    } finally {
      await setHealthBody('{"status":"ok","deployment":"$context.deploymentId"}')
    }
  })

  it('shifts 10% -> 50% with the split measured at each step, then promotes', async () => {
    const { stageName, base } = await baseStage()
    const split: Record<number, number> = {}
    const running = runAction({
      ...common(),
      ...healthy,
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-steps': '50',
      'bake-time': '4'
    })
    for (const percent of [10, 50]) {
      await waitFor(
        `the canary at ${percent}%`,
        () => emu.getStage(restApiId, stageName)?.canarySettings?.percentTraffic === percent
      )
      split[percent] = await canaryShare(stageName, 400)
      // Measured inside the step's bake, not after the action moved on.
      expect(emu.getStage(restApiId, stageName)?.canarySettings?.percentTraffic).toBe(percent)
    }
    const run = await running
    expect(run.code).toBe(0)
    expect(split[10]).toBeGreaterThan(0.05)
    expect(split[10]).toBeLessThan(0.16)
    expect(split[50]).toBeGreaterThan(0.42)
    expect(split[50]).toBeLessThan(0.58)
    const steps = JSON.parse(run.outputs['health-report']).steps
    expect(steps.map((s: { percent: number }) => s.percent)).toEqual([10, 50])
    expect(emu.getStage(restApiId, stageName)?.deploymentId).toBe(run.outputs['canary-deployment-id'])
    expect(run.outputs['previous-deployment-id']).toBe(base)
  })

  it('rolls back when the canary degrades in a later step', async () => {
    const { stageName, base } = await baseStage()
    // Step 1 passes; once it is baking, the canary's deployment starts answering 503.
    const running = runAction(
      {
        ...common(),
        ...healthy,
        'stage-name': stageName,
        'canary-percent': '20',
        'canary-steps': '60',
        'bake-time': '1'
      },
      {
        onStart: child =>
          void waitForOutput(child, 'Baking for').then(() => {
            const canaryId = emu.getStage(restApiId, stageName)?.canarySettings?.deploymentId
            if (canaryId) emu.setDeploymentBehaviour(restApiId, canaryId, { status: 503 })
          })
      }
    )
    const run = await running
    expect(run.code).toBe(1)
    const steps = JSON.parse(run.outputs['health-report']).steps
    expect(steps.at(-1)).toMatchObject({ percent: 60, verdict: 'failed' })
    expect(run.errors.join('\n')).toContain('status 503')
    expectRolledBack(stageName, base, run)
  })

  it.each<{ call: string; steps: Record<string, string>; status: number; code: string }>([
    // A one-step canary's only UpdateStage is the promotion; the rollback's own call then succeeds.
    { call: 'the promotion', steps: {}, status: 400, code: 'BadRequestException' },
    { call: 'the traffic shift', steps: { 'canary-steps': '50' }, status: 500, code: 'InternalFailure' }
  ])('rolls back when $call fails', async ({ steps, status, code }) => {
    const { stageName, base } = await baseStage()
    emu.faults.fail('UpdateStage', { status, code, message: 'injected' })
    const run = await runAction({ ...common(), 'stage-name': stageName, 'canary-percent': '10', ...steps })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `Canary rolled back: an error stopped it: UpdateStage failed: ${code}`
    )
    expectRolledBack(stageName, base, run)
  })

  it('when the rollback itself fails, says so, and the post step finishes it', async () => {
    const { stageName, base } = await baseStage()
    // The traffic shift fails, and so does the rollback's UpdateStage right after it.
    emu.faults.fail(
      'UpdateStage',
      { status: 500, code: 'InternalFailure', message: 'Internal server error' },
      2
    )
    const run = await runAction({
      ...common(),
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-steps': '50'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(`Rolling back the canary on stage "${stageName}" failed`)
    expect(run.errors.join('\n')).toContain('command: rollback-canary')
    expect(emu.getStage(restApiId, stageName)?.canarySettings).toBeDefined()

    const post = await runAction({ ...common(), 'stage-name': stageName }, { state: run.state })
    expect(post.code).toBe(0)
    expect(emu.getStage(restApiId, stageName)).toMatchObject({ deploymentId: base })
    expect(emu.getStage(restApiId, stageName)?.canarySettings).toBeUndefined()
  })

  it('deploys normally, and says so, when the stage does not exist yet', async () => {
    const run = await runAction({ ...common(), 'stage-name': 'brand-new', 'canary-percent': '10' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('a canary needs an existing stage, so deploying normally')
    expect(run.outputs['canary-result']).toBe('none')
    expect(emu.getStage(restApiId, 'brand-new')?.deploymentId).toBe(run.outputs['deployment-id'])
  })

  it('leaves the canary running with promote: false; promote-canary finishes it in a later run', async () => {
    const { stageName, base } = await baseStage()
    const start = await runAction({
      ...common(),
      'stage-name': stageName,
      'canary-percent': '25',
      'stage-variables': 'greeting=v2',
      'canary-use-stage-cache': 'true',
      promote: 'false'
    })
    expect(start.code).toBe(0)
    expect(start.outputs['canary-result']).toBe('active')
    const canaryId = start.outputs['canary-deployment-id']
    expect(emu.getStage(restApiId, stageName)).toMatchObject({
      deploymentId: base,
      canarySettings: {
        deploymentId: canaryId,
        percentTraffic: 25,
        stageVariableOverrides: { greeting: 'v2' }
      }
    })
    // Left on purpose: nothing for the post step to roll back.
    expect(start.state['pending-canary']).toBe('')

    const promote = await runAction({ ...common(), 'stage-name': stageName, command: 'promote-canary' })
    expect(promote.code).toBe(0)
    expect(promote.outputs).toMatchObject({
      'canary-result': 'promoted',
      'deployment-id': canaryId,
      'previous-deployment-id': base
    })
    expect(emu.getStage(restApiId, stageName)).toMatchObject({
      deploymentId: canaryId,
      variables: { greeting: 'v2' }
    })
    expect(emu.getStage(restApiId, stageName)?.canarySettings).toBeUndefined()

    const again = await runAction({ ...common(), 'stage-name': stageName, command: 'promote-canary' })
    expect(again.code).toBe(1)
    expect(again.errors.join()).toContain('has no canary to promote')
  })

  it('rollback-canary removes a canary left running, and is a no-op without one', async () => {
    const { stageName, base } = await baseStage()
    const start = await runAction({
      ...common(),
      'stage-name': stageName,
      'canary-percent': '5',
      promote: 'false'
    })
    const rollback = await runAction({ ...common(), 'stage-name': stageName, command: 'rollback-canary' })
    expect(rollback.code).toBe(0)
    expect(rollback.outputs['canary-result']).toBe('rolled-back')
    expectRolledBack(stageName, base, start)
    const nothing = await runAction({ ...common(), 'stage-name': stageName, command: 'rollback-canary' })
    expect(nothing.code).toBe(0)
    expect(nothing.outputs['canary-result']).toBe('none')
    expect(nothing.stdout).toContain('nothing to roll back')
  })

  it('refuses, or replaces, a canary an earlier run left', async () => {
    const { stageName, base } = await baseStage()
    const first = await runAction({
      ...common(),
      'stage-name': stageName,
      'canary-percent': '5',
      promote: 'false'
    })
    const refused = await runAction({ ...common(), 'stage-name': stageName, 'canary-percent': '10' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain('has a canary from an earlier run')
    expect(emu.getStage(restApiId, stageName)?.canarySettings?.deploymentId).toBe(
      first.outputs['canary-deployment-id']
    )

    const replaced = await runAction({
      ...common(),
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-existing': 'replace'
    })
    expect(replaced.code).toBe(0)
    expect(replaced.outputs['canary-result']).toBe('promoted')
    expect(replaced.outputs['previous-deployment-id']).toBe(base)
    expect(emu.getStage(restApiId, stageName)?.deploymentId).toBe(replaced.outputs['canary-deployment-id'])
    expect(emu.getDeployments(restApiId).map(d => d.id)).not.toContain(first.outputs['canary-deployment-id'])
  })

  it('rolls back on SIGTERM during a bake, then exits', async () => {
    const { stageName, base } = await baseStage()
    let signalled = false
    const running = runAction(
      { ...common(), 'stage-name': stageName, 'canary-percent': '10', 'bake-time': '60' },
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
    expectRolledBack(stageName, base, run)
  })

  it('the post step rolls back a canary whose main step was killed', async () => {
    const { stageName, base } = await baseStage()
    const killed = await runAction(
      { ...common(), 'stage-name': stageName, 'canary-percent': '10', 'bake-time': '60' },
      {
        onStart: child => {
          void waitForOutput(child, 'Baking for').then(() => {
            console.log('KILLING')
            child.kill('SIGKILL')
          })
        }
      }
    )
    console.log('KILLED', killed.stdout)
    expect(killed.signal).toBe('SIGKILL')
    expect(emu.getStage(restApiId, stageName)?.canarySettings).toBeDefined()
    const pending = JSON.parse(killed.state['pending-canary'])
    expect(pending).toMatchObject({ restApiId, stageName, baseDeploymentId: base })

    const post = await runAction({ ...common(), 'stage-name': stageName }, { state: killed.state })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('The main step did not finish its canary')
    expect(emu.getStage(restApiId, stageName)).toMatchObject({ deploymentId: base })
    expect(emu.getStage(restApiId, stageName)?.canarySettings).toBeUndefined()
    expect(emu.getDeployments(restApiId).map(d => d.id)).not.toContain(pending.canaryDeploymentId)

    // After a finished main step the post step has nothing to do.
    const quiet = await runAction(
      { ...common(), 'stage-name': stageName },
      { state: post.state.isPost ? post.state : { isPost: 'true' } }
    )
    expect(quiet.code).toBe(0)
    expect(emu.getStage(restApiId, stageName)).toMatchObject({ deploymentId: base })
  })
})

/** The share of `requests` GETs to /health that the canary served (the emulator marks each response). */
async function canaryShare(stageName: string, requests: number): Promise<number> {
  let canary = 0
  for (let sent = 0; sent < requests; sent += 20) {
    const batch = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await fetch(`${emu.invokeUrl(restApiId, stageName)}/health`)
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
    endpoint: emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  const resources = await client.send(new GetResourcesCommand({ restApiId }))
  const health = resources.items?.find(r => r.path === '/health')
  await client.send(
    new PutIntegrationResponseCommand({
      restApiId,
      resourceId: health?.id,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': body }
    })
  )
  client.destroy()
}
