/**
 * Plain deployments, end to end: dist/index.js as the runner runs it, against the local emulator over HTTP.
 */
import { describe, expect, it } from '@jest/globals'
import { createSampleApi, startEmulator } from '../../emulator/index.js'
import { useActionFixture } from './fixture.js'
import { runAction, waitForOutput } from './run-action.js'

const region = 'eu-west-1'
const fixture = useActionFixture({ region, apiName: 'pets' })
const deploy = (inputs: Record<string, string>) => fixture.run(inputs)
const operations = () => fixture.operations()

describe('deploy to a stage', () => {
  it('creates a new stage, with outputs, summary and a working invoke URL', async () => {
    const run = await deploy({
      'stage-name': 'test',
      'stage-description': 'Integration tests',
      'stage-variables': 'greeting=hi'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const stage = fixture.emu.getStage(fixture.restApiId, 'test')
    expect(run.outputs).toMatchObject({
      'invoke-url': fixture.emu.invokeUrl(fixture.restApiId, 'test'),
      'deployment-id': stage?.deploymentId,
      'previous-deployment-id': '',
      'stage-name': 'test',
      'rest-api-id': fixture.restApiId,
      'canary-result': 'none'
    })
    expect(stage).toMatchObject({ description: 'Integration tests', variables: { greeting: 'hi' } })
    // The minimum: one read to learn the stage is missing, one CreateDeployment that makes it; GetRestApi
    // (beside GetStage) only names the API in the summary.
    expect(operations()).toEqual(['GetRestApi', 'GetStage', 'CreateDeployment'])
    const deployment = fixture.emu.getDeployments(fixture.restApiId).find(d => d.id === stage?.deploymentId)
    // The token at the end marks this CreateDeployment, so a retried call can find it.
    expect(deployment?.description).toMatch(
      /^Deployed by GitHub Actions from 0123456789ab on refs\/heads\/main \(run 4242 of octo\/pets-api\) \[[0-9a-f]{8}\]$/
    )
    expect(run.summary).toContain(`Deployed pets (${fixture.restApiId}) to stage test`)
    expect(run.summary).toContain(`<a href="${fixture.emu.invokeUrl(fixture.restApiId, 'test')}">`)
    const hello = await fetch(`${run.outputs['invoke-url']}/hello`)
    expect(hello.status).toBe(200)
    expect(await hello.text()).toContain('hi')
  })

  it('redeploys an existing stage in one switch, keeping settings it was not told to change', async () => {
    await deploy({ 'stage-name': 'keep', 'stage-variables': 'greeting=hello\nmode=blue' })
    fixture.emu.resetCalls()
    const before = fixture.emu.getStage(fixture.restApiId, 'keep')
    const run = await deploy({ 'stage-name': 'keep', 'stage-variables': 'mode=green' })
    expect(run.code).toBe(0)
    const after = fixture.emu.getStage(fixture.restApiId, 'keep')
    expect(after?.deploymentId).toBe(run.outputs['deployment-id'])
    expect(after?.deploymentId).not.toBe(before?.deploymentId)
    expect(run.outputs['previous-deployment-id']).toBe(before?.deploymentId)
    expect(after?.variables).toEqual({ greeting: 'hello', mode: 'green' })
    expect(operations()).toEqual(['GetRestApi', 'GetStage', 'CreateDeployment', 'UpdateStage'])
  })

  it('finds the API by name, and explains zero or several matches', async () => {
    const byName = (name: string, stage: string) =>
      runAction({
        'rest-api-name': name,
        'stage-name': stage,
        'aws-region': region,
        'endpoint-url': fixture.emu.url
      })
    const found = await byName('pets', 'byname')
    expect(found.code).toBe(0)
    expect(found.outputs['rest-api-id']).toBe(fixture.restApiId)

    const none = await byName('cats', 's')
    expect(none.code).toBe(1)
    expect(none.errors.join()).toContain('no REST API named "cats"')

    const twin = await createSampleApi({ endpoint: fixture.emu.url, region, name: 'dogs' })
    const other = await createSampleApi({ endpoint: fixture.emu.url, region, name: 'dogs' })
    const two = await byName('dogs', 's')
    expect(two.code).toBe(1)
    expect(two.errors.join()).toContain(`2 REST APIs are named "dogs"`)
    expect(two.errors.join()).toContain(twin.restApiId)
    expect(two.errors.join()).toContain(other.restApiId)
  })

  it('retries a throttled CreateDeployment, honouring Retry-After, and succeeds', async () => {
    fixture.emu.faults.throttle('CreateDeployment', 2, 1)
    const started = Date.now()
    const run = await deploy({ 'stage-name': 'throttled' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /CreateDeployment: TooManyRequestsException .*retrying in 1\.\d s \(attempt 2\)/
    )
    expect(operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'CreateDeployment',
      'CreateDeployment',
      'CreateDeployment'
    ])
    expect(fixture.emu.calls.filter(c => c.status === 429)).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
    expect(fixture.emu.getStage(fixture.restApiId, 'throttled')?.deploymentId).toBe(
      run.outputs['deployment-id']
    )
  })

  it("lets concurrent runs share the account's CreateDeployment quota (1 per interval)", async () => {
    const limited = await startEmulator({ region, quotas: { createDeploymentIntervalMs: 1500 } })
    try {
      const api = await createSampleApi({ endpoint: limited.url, region, name: 'busy' })
      const inputs = { 'rest-api-id': api.restApiId, 'aws-region': region, 'endpoint-url': limited.url }
      const runs = await Promise.all(
        ['pr-1', 'pr-2', 'pr-3'].map(stage => runAction({ ...inputs, 'stage-name': stage }))
      )
      expect(runs.map(r => r.code)).toEqual([0, 0, 0])
      for (const [i, stage] of ['pr-1', 'pr-2', 'pr-3'].entries())
        expect(limited.getStage(api.restApiId, stage)?.deploymentId).toBe(runs[i].outputs['deployment-id'])
      const throttled = limited.calls.filter(c => c.operation === 'CreateDeployment' && c.status === 429)
      expect(throttled.length).toBeGreaterThanOrEqual(2)
      expect(runs.some(r => r.stdout.includes('TooManyRequestsException'))).toBe(true)
    } finally {
      await limited.stop()
    }
  })

  it('retries a concurrent-modification conflict on UpdateStage', async () => {
    await deploy({ 'stage-name': 'contended' })
    fixture.emu.resetCalls()
    fixture.emu.faults.fail('UpdateStage', {
      status: 409,
      code: 'ConflictException',
      message: 'Unable to complete operation due to concurrent modification. Please try again later.'
    })
    const run = await deploy({ 'stage-name': 'contended' })
    expect(run.code).toBe(0)
    expect(operations().filter(op => op === 'UpdateStage')).toHaveLength(2)
  })

  it('gives up at the retry deadline with advice', async () => {
    fixture.emu.faults.throttle('CreateDeployment', 100, 1)
    const run = await deploy({ 'stage-name': 'deadline', 'retry-deadline-seconds': '2' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(/CreateDeployment failed: TooManyRequestsException \(HTTP 429\)/)
    expect(run.errors.join('\n')).toContain('raise "retry-deadline-seconds"')
    expect(fixture.emu.getStage(fixture.restApiId, 'deadline')).toBeUndefined()
  })

  it('fails a non-retryable error at once, naming the operation and the IAM action', async () => {
    fixture.emu.faults.fail('CreateDeployment', {
      status: 403,
      code: 'AccessDeniedException',
      message: 'User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: apigateway:POST'
    })
    const run = await deploy({ 'stage-name': 'denied' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('CreateDeployment failed: AccessDeniedException (HTTP 403)')
    expect(message).toContain(
      `allow apigateway:POST on arn:aws:apigateway:${region}::/restapis/${fixture.restApiId}/deployments`
    )
    expect(operations()).toEqual(['GetRestApi', 'GetStage', 'CreateDeployment'])
    expect(fixture.emu.getStage(fixture.restApiId, 'denied')).toBeUndefined()
    expect(run.summary).toContain('API Gateway deploy failed')
    expect(run.summary).toContain('AccessDeniedException')
  })

  it('leaves the stage as it was, and no stray deployment, when the switch fails', async () => {
    await deploy({ 'stage-name': 'atomic', 'stage-variables': 'v=1' })
    const before = fixture.emu.getStage(fixture.restApiId, 'atomic')
    const deploymentsBefore = fixture.emu.getDeployments(fixture.restApiId).length
    fixture.emu.faults.fail('UpdateStage', {
      status: 400,
      code: 'BadRequestException',
      message: 'Invalid patch path'
    })
    const run = await deploy({ 'stage-name': 'atomic', 'stage-variables': 'v=2' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `Stage "atomic" was not changed: it still serves deployment ${before?.deploymentId}`
    )
    expect(fixture.emu.getStage(fixture.restApiId, 'atomic')).toMatchObject({
      deploymentId: before?.deploymentId,
      variables: { v: '1' }
    })
    expect(fixture.emu.getDeployments(fixture.restApiId)).toHaveLength(deploymentsBefore)
  })

  it('fails at once, with advice, when the stage quota is used up', async () => {
    const small = await startEmulator({ region, quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 1 } })
    try {
      const api = await createSampleApi({ endpoint: small.url, region, name: 'tiny' })
      const inputs = { 'rest-api-id': api.restApiId, 'aws-region': region, 'endpoint-url': small.url }
      expect((await runAction({ ...inputs, 'stage-name': 'one' })).code).toBe(0)
      const second = await runAction({ ...inputs, 'stage-name': 'two' })
      expect(second.code).toBe(1)
      expect(second.errors.join('\n')).toMatch(/CreateDeployment failed: LimitExceededException \(HTTP 429\)/)
      expect(second.errors.join('\n')).toContain('An API Gateway quota is used up')
      expect(small.calls.filter(c => c.operation === 'CreateDeployment')).toHaveLength(2)
    } finally {
      await small.stop()
    }
  })

  it('refuses a batch of bad inputs before any AWS call, naming each', async () => {
    const run = await runAction({
      'rest-api-id': 'Bad Id',
      'stage-name': 'no spaces allowed',
      'aws-region': 'moon-1',
      'endpoint-url': fixture.emu.url,
      'stage-variables': 'ok=1\nbad name=2',
      'canary-percent': '150',
      'health-check-expected-status': 'lots',
      'health-check-path': '/health'
    })
    expect(run.code).toBe(1)
    expect(fixture.emu.calls).toEqual([])
    for (const input of [
      'rest-api-id',
      'stage-name',
      'aws-region',
      'stage-variables',
      'canary-percent',
      'health-check-expected-status'
    ])
      expect(run.errors.some(e => e.startsWith(`Input "${input}"`))).toBe(true)
    expect(run.errors.at(-1)).toBe('Invalid inputs: nothing was changed.')
    expect(run.outputs).toEqual({})
    expect(run.summary).toContain('invalid input, nothing was changed')
    expect(run.summary).toContain('Input &quot;rest-api-id&quot;')
  })

  it('fails before any write when the REST API does not exist, telling it from a missing stage', async () => {
    const run = await deploy({ 'rest-api-id': 'nosuchapi', 'stage-name': 'anything' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(`REST API nosuchapi does not exist in ${region}`)
    expect(run.errors.join('\n')).toContain('Check "rest-api-id" and "aws-region"')
    expect(operations()).not.toContain('CreateDeployment')
    expect(fixture.emu.calls.every(call => call.method === 'GET')).toBe(true)
  })

  it('never fails a deploy that succeeded because the job summary cannot be written', async () => {
    const run = await runAction(
      { ...fixture.common(), 'stage-name': 'nosummary' },
      { env: { GITHUB_STEP_SUMMARY: '' } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['deployment-id']).toBe(
      fixture.emu.getStage(fixture.restApiId, 'nosummary')?.deploymentId
    )
    expect(run.stdout).toContain('::warning::The job summary was not written')
  })

  it('stops waiting at once when the run is cancelled during a retry backoff', async () => {
    fixture.emu.faults.throttle('CreateDeployment', 100, 30)
    let signalledAt = 0
    const run = await runAction(
      { ...fixture.common(), 'stage-name': 'cancelled-wait' },
      {
        onStart: child =>
          void waitForOutput(child, 'retrying in').then(() => {
            signalledAt = Date.now()
            child.kill('SIGTERM')
          })
      }
    )
    expect(run.code).toBe(1)
    expect(Date.now() - signalledAt).toBeLessThan(5_000)
    expect(run.errors.join('\n')).toContain(
      'CreateDeployment was not retried after TooManyRequestsException: the run was cancelled (received SIGTERM)'
    )
    expect(fixture.emu.getStage(fixture.restApiId, 'cancelled-wait')).toBeUndefined()
  })

  it('does not silently change a stage that has a canary', async () => {
    await deploy({ 'stage-name': 'guarded' })
    await deploy({ 'stage-name': 'guarded', 'canary-percent': '20', promote: 'false' })
    const before = fixture.emu.getStage(fixture.restApiId, 'guarded')
    expect(before?.canarySettings).toBeDefined()

    const refused = await deploy({ 'stage-name': 'guarded' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join('\n')).toContain('has a canary from an earlier run')
    expect(refused.errors.join('\n')).toContain('canary-existing: replace')
    expect(fixture.emu.getStage(fixture.restApiId, 'guarded')).toEqual(before)

    const replaced = await deploy({ 'stage-name': 'guarded', 'canary-existing': 'replace' })
    expect(replaced.code).toBe(0)
    const after = fixture.emu.getStage(fixture.restApiId, 'guarded')
    expect(after?.canarySettings).toBeUndefined()
    expect(after?.deploymentId).toBe(replaced.outputs['deployment-id'])
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).not.toContain(
      before?.canarySettings?.deploymentId
    )
  })
})
