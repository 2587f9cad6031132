/**
 * Retries that never duplicate or orphan, and recovery that tells the truth, end to end: the emulator
 * applies a call and then loses its answer (connection reset), answers 5xx, or never answers; the action
 * must leave exactly what a clean run leaves and say what the stage really is.
 */
import { describe, expect, it } from '@jest/globals'
import { APIGatewayClient, CreateDeploymentCommand } from '@aws-sdk/client-api-gateway'
import { useActionFixture } from './fixture.js'
import { waitForOutput } from './run-action.js'

const region = 'ap-southeast-2'
const fixture = useActionFixture({ region, apiName: 'flaky' })
const stageOf = (stageName: string) => fixture.emu.getStage(fixture.restApiId, stageName)
const deploymentIds = () => fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)
const failing = { 'health-check-path': '/health', 'health-check-expected-status': '418' }

describe('answers lost after AWS applied the call', () => {
  it('CreateDeployment of a new stage: found by its token, not sent twice', async () => {
    const before = deploymentIds().length
    fixture.emu.faults.dropResponse('CreateDeployment')
    const run = await fixture.run({ 'stage-name': 'lost-create' })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('CreateDeployment: the answer was lost')
    expect(fixture.operations().filter(op => op === 'CreateDeployment')).toHaveLength(1)
    expect(deploymentIds()).toHaveLength(before + 1)
    expect(stageOf('lost-create')?.deploymentId).toBe(run.outputs['deployment-id'])
  })

  it('CreateDeployment for an existing stage, and the switch after it: one deployment, switched', async () => {
    const { stageName } = await fixture.baseStage()
    const before = deploymentIds().length
    fixture.emu.faults.dropResponse('CreateDeployment')
    fixture.emu.faults.dropResponse('UpdateStage')
    const run = await fixture.run({ 'stage-name': stageName, 'stage-variables': 'greeting=v2' })
    expect(run.code).toBe(0)
    expect(deploymentIds()).toHaveLength(before + 1)
    expect(stageOf(stageName)).toMatchObject({
      deploymentId: run.outputs['deployment-id'],
      variables: { greeting: 'v2' }
    })
    // The switch was read back rather than sent twice.
    expect(fixture.operations().filter(op => op === 'UpdateStage')).toHaveLength(1)
    expect(run.stdout).not.toContain('was not changed')
  })

  it('the rollback: the canary is gone, and the log says so, not that it may still take traffic', async () => {
    const { stageName, base } = await fixture.baseStage()
    // The only UpdateStage of a failing one-step canary is its rollback; DeleteDeployment's answer is lost too.
    fixture.emu.faults.dropResponse('UpdateStage')
    fixture.emu.faults.dropResponse('DeleteDeployment')
    const run = await fixture.run({ 'stage-name': stageName, 'canary-percent': '50', ...failing })
    expect(run.code).toBe(1)
    expect(run.outputs['canary-result']).toBe('rolled-back')
    expect(run.errors.join('\n')).toContain('Canary rolled back')
    expect(run.stdout + run.errors.join('\n')).not.toContain('may still take traffic')
    expect(run.stdout).toContain(`Deleted the unused deployment ${run.outputs['canary-deployment-id']}`)
    fixture.expectRolledBack(stageName, base, run)
  })
})

describe('transient errors and silent endpoints', () => {
  it('retries 500, 502 and 504 like 503, without duplicating the deployment', async () => {
    for (const status of [500, 502, 504]) {
      const before = deploymentIds().length
      fixture.emu.faults.fail('CreateDeployment', { status })
      const run = await fixture.run({ 'stage-name': `transient${status}` })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('retrying in')
      expect(deploymentIds()).toHaveLength(before + 1)
    }
  })

  it('a DeleteDeployment that fails once still deletes the rolled-back canary', async () => {
    const { stageName, base } = await fixture.baseStage()
    fixture.emu.faults.fail('DeleteDeployment', { status: 500 })
    const run = await fixture.run({ 'stage-name': stageName, 'canary-percent': '50', ...failing })
    expect(run.code).toBe(1)
    fixture.expectRolledBack(stageName, base, run)
  })

  it('gives up on an endpoint that never answers within retry-deadline-seconds', async () => {
    fixture.emu.faults.hang('GetStage', 10)
    const started = Date.now()
    const run = await fixture.run({ 'stage-name': 'silent', 'retry-deadline-seconds': '3' })
    expect(run.code).toBe(1)
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(run.errors.join('\n')).toMatch(/GetStage failed: TimeoutError: no answer within \d\.\d s/)
    expect(stageOf('silent')).toBeUndefined()
  })

  it('a best-effort read that never answers (the API name) does not hold the run past the deadline', async () => {
    const { stageName } = await fixture.baseStage()
    fixture.emu.faults.hang('GetRestApi')
    const started = Date.now()
    const run = await fixture.run({ 'stage-name': stageName })
    expect(run.code).toBe(0)
    // The name gets 5 s, not the whole retry-deadline-seconds (120 s by default).
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(stageOf(stageName)?.deploymentId).toBe(run.outputs['deployment-id'])
  })
})

describe('signals', () => {
  it('a SIGTERM during a plain deploy is reported, and leaves the stage and its deployments as they were', async () => {
    const { stageName, base } = await fixture.baseStage()
    const before = deploymentIds()
    fixture.emu.faults.latency('CreateDeployment', 1500, 1)
    const run = await fixture.run(
      { 'stage-name': stageName },
      {
        onStart: child =>
          void waitForOutput(child, 'creating a new deployment').then(() => child.kill('SIGTERM'))
      }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Received SIGTERM')
    expect(run.errors.join('\n')).toContain(
      'UpdateStage was not sent: the run was cancelled (received SIGTERM)'
    )
    expect(run.errors.join('\n')).toContain(`Stage "${stageName}" was not changed`)
    expect(stageOf(stageName)?.deploymentId).toBe(base)
    expect(deploymentIds().sort()).toEqual(before.sort())
  })

  it('a SIGTERM once the canary is promoted does not undo or fail a finished release', async () => {
    const { stageName } = await fixture.baseStage()
    fixture.emu.faults.latency('UpdateStage', 800, 2)
    const run = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10' },
      { onStart: child => void waitForOutput(child, 'Promoted:').then(() => child.kill('SIGTERM')) }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['canary-result']).toBe('promoted')
    expect(stageOf(stageName)?.deploymentId).toBe(run.outputs['canary-deployment-id'])
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
  })

  it('the post step waits for a canary CreateDeployment that lands after the main step was killed', async () => {
    const { stageName, base } = await fixture.baseStage()
    const before = deploymentIds()
    // The canary's CreateDeployment is applied 2.5 s after it is sent; the main step dies in between.
    fixture.emu.faults.latency('CreateDeployment', 2500, 1)
    const killed = await fixture.run(
      { 'stage-name': stageName, 'canary-percent': '10', 'bake-time': '60' },
      {
        onStart: child =>
          void waitForOutput(child, `Stage "${stageName}" of`).then(() =>
            setTimeout(() => child.kill('SIGKILL'), 500)
          )
      }
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(JSON.parse(killed.state['pending-canary'])).toMatchObject({ inFlight: 'CreateDeployment' })
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()

    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: killed.state })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain('waiting up to 6 s for it to land')
    expect(stageOf(stageName)?.deploymentId).toBe(base)
    expect(stageOf(stageName)?.canarySettings).toBeUndefined()
    expect(deploymentIds().sort()).toEqual(before.sort())
  })

  it('the post step deletes the canary deployment its main step left unused, and keeps one a stage uses', async () => {
    const { stageName, base } = await fixture.baseStage()
    // What a main step killed between removing its canary and deleting the deployment leaves behind.
    const client = new APIGatewayClient({
      region,
      endpoint: fixture.emu.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    const orphan = (await client.send(new CreateDeploymentCommand({ restApiId: fixture.restApiId })))
      .id as string
    client.destroy()
    const pending = {
      restApiId: fixture.restApiId,
      stageName,
      region,
      endpointUrl: fixture.emu.url,
      retryDeadlineSeconds: 30,
      baseDeploymentId: base,
      canaryDeploymentId: orphan
    }
    const state = (canaryDeploymentId: string) => ({
      'pending-canary': JSON.stringify({ ...pending, canaryDeploymentId })
    })
    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: state(orphan) })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(`Deleted the unused deployment ${orphan}`)
    expect(deploymentIds()).not.toContain(orphan)

    // A deployment another stage serves is never deleted.
    const used = await fixture.baseStage()
    const kept = await fixture.run({ 'stage-name': stageName }, { post: true, state: state(used.base) })
    expect(kept.code).toBe(0)
    expect(kept.stdout).toContain(`is used by stage ${used.stageName}: kept`)
    expect(deploymentIds()).toContain(used.base)
  })

  it('a canary deployment the rollback could not delete is deleted by the post step', async () => {
    const { stageName, base } = await fixture.baseStage()
    fixture.emu.faults.hang('DeleteDeployment')
    const run = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '50',
      'retry-deadline-seconds': '3',
      ...failing
    })
    expect(run.code).toBe(1)
    const canaryId = run.outputs['canary-deployment-id']
    expect(run.stdout).toContain(`Deployment ${canaryId} was not deleted`)
    expect(deploymentIds()).toContain(canaryId)
    expect(JSON.parse(run.state['leftover-deployments']).deploymentIds).toEqual([canaryId])

    const post = await fixture.run({ 'stage-name': stageName }, { post: true, state: run.state })
    expect(post.code).toBe(0)
    expect(post.stdout).toContain(`Deleted the unused deployment ${canaryId}`)
    fixture.expectRolledBack(stageName, base, run)
  })
})
