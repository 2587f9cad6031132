/**
 * The post: step (dist/post.js), end to end: it finishes what a killed or failed main step left, from the
 * state the main step saved, and does nothing otherwise.
 */
import { describe, expect, it } from '@jest/globals'
import { useActionFixture } from './fixture.js'
import { waitForOutput } from './run-action.js'

const region = 'us-west-2'
const fixture = useActionFixture({ region, apiName: 'orders', seed: 7 })
const stageOf = (stageName: string) => fixture.emu.getStage(fixture.restApiId, stageName)

describe('the post step', () => {
  it('when the rollback itself fails, says so, and the post step finishes it', async () => {
    const { stageName, base } = await fixture.baseStage()
    // The traffic shift fails, and so does the rollback's UpdateStage right after it.
    // Both refusals are final (not retried): 400s.
    fixture.emu.faults.fail(
      'UpdateStage',
      { status: 400, code: 'BadRequestException', message: 'injected' },
      2
    )
    const run = await fixture.run({ 'stage-name': stageName, 'canary-percent': '10', 'canary-steps': '50' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(`Rolling back the canary on stage "${stageName}" failed`)
    expect(run.errors.join('\n')).toContain('command: rollback-canary')
    // Read again, not assumed: the canary is still there, at its share.
    expect(run.errors.join('\n')).toContain('still takes 10% of traffic')
    expect(stageOf(stageName)?.canarySettings).toBeDefined()
    // The steps that ran are reported even so.
    expect(JSON.parse(run.outputs['health-report']).steps).toHaveLength(1)

    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: run.state })
    expect(post.code).toBe(0)
    expect(stageOf(stageName)).toMatchObject({ deploymentId: base })
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
    expect(post.summary).toContain('Rolled back the canary the main step left')
  })

  it("rolls back a canary of another stage's deployment whose main step was killed, keeping that deployment", async () => {
    const source = await fixture.baseStage()
    const { stageName, base } = await fixture.baseStage()
    const killed = await fixture.run(
      { 'stage-name': stageName, 'from-stage': source.stageName, 'canary-percent': '10', 'bake-time': '60' },
      { onStart: child => void waitForOutput(child, 'Baking for').then(() => child.kill('SIGKILL')) }
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(stageOf(stageName)?.canarySettings?.deploymentId).toBe(source.base)
    expect(JSON.parse(killed.state['pending-canary'])).toMatchObject({
      keepDeployment: true,
      canaryDeploymentId: source.base
    })
    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: killed.state })
    expect(post.code).toBe(0)
    expect(stageOf(stageName)).toMatchObject({ deploymentId: base })
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
    expect(stageOf(source.stageName)?.deploymentId).toBe(source.base)
    expect(fixture.operations()).not.toContain('DeleteDeployment')
  })

  it('rolls back a canary whose main step was killed, and then has nothing left to do', async () => {
    const { stageName, base } = await fixture.baseStage()
    const killed = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10', 'bake-time': '60' },
      { onStart: child => void waitForOutput(child, 'Baking for').then(() => child.kill('SIGKILL')) }
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(stageOf(stageName)?.canarySettings).toBeDefined()
    const pending = JSON.parse(killed.state['pending-canary'])
    expect(pending).toMatchObject({ restApiId: fixture.restApiId, stageName, baseDeploymentId: base })

    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: killed.state })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('The main step did not finish its canary')
    expect(stageOf(stageName)).toMatchObject({ deploymentId: base })
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).not.toContain(
      pending.canaryDeploymentId
    )

    // The post step cleared its state: run again with it, nothing is called.
    fixture.emu.resetCalls()
    const quiet = await fixture.run({ 'stage-name': stageName }, { post: true, state: post.state })
    expect(quiet.code).toBe(0)
    expect(fixture.emu.calls).toEqual([])
    expect(stageOf(stageName)).toMatchObject({ deploymentId: base })
  })

  it('is never mistaken for the main step: without saved state it deploys nothing', async () => {
    const { stageName, base } = await fixture.baseStage()
    // A main step killed before it saved anything leaves no state; the post step still gets every input.
    const post = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10' },
      { post: true, state: {} }
    )
    expect(post.code).toBe(0)
    expect(fixture.emu.calls).toEqual([])
    expect(stageOf(stageName)).toMatchObject({ deploymentId: base })
    expect(post.outputs).toEqual({})
  })

  it("honours the main step's retry-deadline-seconds", async () => {
    const { stageName } = await fixture.baseStage()
    const start = await fixture.run({ 'stage-name': stageName, 'canary-percent': '10', promote: 'false' })
    const pending = {
      restApiId: fixture.restApiId,
      stageName,
      region,
      endpointUrl: fixture.emu.url,
      retryDeadlineSeconds: 2,
      baseDeploymentId: stageOf(stageName)?.deploymentId,
      canaryDeploymentId: start.outputs['canary-deployment-id']
    }
    fixture.emu.faults.throttle('UpdateStage', 100, 1)
    const began = Date.now()
    const post = await fixture.run(
      { 'stage-name': stageName },
      { post: true, state: { 'pending-canary': JSON.stringify(pending) } }
    )
    expect(post.code).toBe(1)
    expect(Date.now() - began).toBeLessThan(10_000)
    expect(post.errors.join('\n')).toContain('UpdateStage failed: TooManyRequestsException')
    expect(post.summary).toContain('post step failed')
  })

  it('finishes a promotion whose main step was killed before the canary settings were removed', async () => {
    const { stageName } = await fixture.baseStage()
    // The promotion (the first UpdateStage of a one-step canary) lands; the removal after it never answers,
    // and the step is killed while it waits, as a runner's timeout would.
    fixture.emu.faults.hang('UpdateStage', 1, { skip: 1 })
    const killed = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10' },
      {
        onStart: child =>
          void waitForOutput(child, 'Promoted:').then(() => setTimeout(() => child.kill('SIGKILL'), 300))
      }
    )
    expect(killed.signal).toBe('SIGKILL')
    const canaryId = JSON.parse(killed.state['pending-canary']).canaryDeploymentId
    expect(stageOf(stageName)).toMatchObject({
      deploymentId: canaryId,
      canarySettings: { percentTraffic: 0 }
    })

    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: killed.state })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('had been promoted; removed its leftover settings')
    expect(stageOf(stageName)?.deploymentId).toBe(canaryId)
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
  })
})
