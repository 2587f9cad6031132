/**
 * Plain deployments, end to end: dist/index.js as the runner runs it, against the local emulator over HTTP.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { createSampleApi } from '../../emulator/sample-api.js'
import { runAction } from './run-action.js'

const region = 'eu-west-1'
let emu: Emulator
let restApiId: string

beforeAll(async () => {
  emu = await startEmulator({ region, quotas: { createDeploymentIntervalMs: 0 } })
  restApiId = (await createSampleApi({ endpoint: emu.url, region, name: 'pets' })).restApiId
})
afterAll(async () => emu?.stop())
beforeEach(() => {
  emu.faults.clear()
  emu.resetCalls()
})

const deploy = (inputs: Record<string, string>, env?: Record<string, string>) =>
  runAction({ 'rest-api-id': restApiId, 'aws-region': region, 'endpoint-url': emu.url, ...inputs }, { env })
const operations = () => emu.calls.map(call => call.operation)

describe('deploy to a stage', () => {
  it('creates a new stage, with outputs, summary and a working invoke URL', async () => {
    const run = await deploy({
      'stage-name': 'test',
      'stage-description': 'Integration tests',
      'stage-variables': 'greeting=hi'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    const stage = emu.getStage(restApiId, 'test')
    expect(run.outputs).toMatchObject({
      'invoke-url': emu.invokeUrl(restApiId, 'test'),
      'deployment-id': stage?.deploymentId,
      'previous-deployment-id': '',
      'stage-name': 'test',
      'rest-api-id': restApiId,
      'canary-result': 'none'
    })
    expect(stage).toMatchObject({ description: 'Integration tests', variables: { greeting: 'hi' } })
    // The minimum: one read to learn the stage is missing, one CreateDeployment that makes it.
    expect(operations()).toEqual(['GetStage', 'CreateDeployment'])
    const deployment = emu.getDeployments(restApiId).find(d => d.id === stage?.deploymentId)
    expect(deployment?.description).toBe(
      'Deployed by GitHub Actions from 0123456789ab on refs/heads/main (run 4242 of octo/pets-api)'
    )
    expect(run.summary).toContain(`Deployed REST API ${restApiId} to stage test`)
    expect(run.summary).toContain(`<a href="${emu.invokeUrl(restApiId, 'test')}">`)
    const hello = await fetch(`${run.outputs['invoke-url']}/hello`)
    expect(hello.status).toBe(200)
    expect(await hello.text()).toContain('hi')
  })

  it('redeploys an existing stage in one switch, keeping settings it was not told to change', async () => {
    await deploy({ 'stage-name': 'keep', 'stage-variables': 'greeting=hello\nmode=blue' })
    emu.resetCalls()
    const before = emu.getStage(restApiId, 'keep')
    const run = await deploy({ 'stage-name': 'keep', 'stage-variables': 'mode=green' })
    expect(run.code).toBe(0)
    const after = emu.getStage(restApiId, 'keep')
    expect(after?.deploymentId).toBe(run.outputs['deployment-id'])
    expect(after?.deploymentId).not.toBe(before?.deploymentId)
    expect(run.outputs['previous-deployment-id']).toBe(before?.deploymentId)
    expect(after?.variables).toEqual({ greeting: 'hello', mode: 'green' })
    expect(operations()).toEqual(['GetStage', 'CreateDeployment', 'UpdateStage'])
  })

  it('finds the API by name, and explains zero or several matches', async () => {
    const byName = (name: string, stage: string) =>
      runAction({ 'rest-api-name': name, 'stage-name': stage, 'aws-region': region, 'endpoint-url': emu.url })
    const found = await byName('pets', 'byname')
    expect(found.code).toBe(0)
    expect(found.outputs['rest-api-id']).toBe(restApiId)

    const none = await byName('cats', 's')
    expect(none.code).toBe(1)
    expect(none.errors.join()).toContain('no REST API named "cats"')

    const twin = await createSampleApi({ endpoint: emu.url, region, name: 'dogs' })
    const other = await createSampleApi({ endpoint: emu.url, region, name: 'dogs' })
    const two = await byName('dogs', 's')
    expect(two.code).toBe(1)
    expect(two.errors.join()).toContain(`2 REST APIs are named "dogs"`)
    expect(two.errors.join()).toContain(twin.restApiId)
    expect(two.errors.join()).toContain(other.restApiId)
  })

  it('retries a throttled CreateDeployment, honouring Retry-After, and succeeds', async () => {
    emu.faults.throttle('CreateDeployment', 2, 1)
    const started = Date.now()
    const run = await deploy({ 'stage-name': 'throttled' })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /CreateDeployment: TooManyRequestsException .*retrying in 1\.\d s \(attempt 2\)/
    )
    expect(operations()).toEqual(['GetStage', 'CreateDeployment', 'CreateDeployment', 'CreateDeployment'])
    expect(emu.calls.filter(c => c.status === 429)).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
    expect(emu.getStage(restApiId, 'throttled')?.deploymentId).toBe(run.outputs['deployment-id'])
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
    emu.resetCalls()
    emu.faults.fail('UpdateStage', {
      status: 409,
      code: 'ConflictException',
      message: 'Unable to complete operation due to concurrent modification. Please try again later.'
    })
    const run = await deploy({ 'stage-name': 'contended' })
    expect(run.code).toBe(0)
    expect(operations().filter(op => op === 'UpdateStage')).toHaveLength(2)
  })

  it('gives up at the retry deadline with advice', async () => {
    emu.faults.throttle('CreateDeployment', 100, 1)
    const run = await deploy({ 'stage-name': 'deadline', 'retry-deadline-seconds': '2' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toMatch(/CreateDeployment failed: TooManyRequestsException \(HTTP 429\)/)
    expect(run.errors.join('\n')).toContain('raise "retry-deadline-seconds"')
    expect(emu.getStage(restApiId, 'deadline')).toBeUndefined()
  })

  it('fails a non-retryable error at once, naming the operation and the IAM action', async () => {
    emu.faults.fail('CreateDeployment', {
      status: 403,
      code: 'AccessDeniedException',
      message: 'User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: apigateway:POST'
    })
    const run = await deploy({ 'stage-name': 'denied' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('CreateDeployment failed: AccessDeniedException (HTTP 403)')
    expect(message).toContain(
      `allow apigateway:POST on arn:aws:apigateway:${region}::/restapis/${restApiId}/deployments`
    )
    expect(operations()).toEqual(['GetStage', 'CreateDeployment'])
    expect(emu.getStage(restApiId, 'denied')).toBeUndefined()
    expect(run.summary).toContain('API Gateway deploy failed')
    expect(run.summary).toContain('AccessDeniedException')
  })

  it('leaves the stage as it was, and no stray deployment, when the switch fails', async () => {
    await deploy({ 'stage-name': 'atomic', 'stage-variables': 'v=1' })
    const before = emu.getStage(restApiId, 'atomic')
    const deploymentsBefore = emu.getDeployments(restApiId).length
    emu.faults.fail('UpdateStage', {
      status: 400,
      code: 'BadRequestException',
      message: 'Invalid patch path'
    })
    const run = await deploy({ 'stage-name': 'atomic', 'stage-variables': 'v=2' })
    expect(run.code).toBe(1)
    expect(run.errors.join('\n')).toContain(
      `Stage "atomic" was not changed: it still serves deployment ${before?.deploymentId}`
    )
    expect(emu.getStage(restApiId, 'atomic')).toMatchObject({
      deploymentId: before?.deploymentId,
      variables: { v: '1' }
    })
    expect(emu.getDeployments(restApiId)).toHaveLength(deploymentsBefore)
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
      'endpoint-url': emu.url,
      'stage-variables': 'ok=1\nbad name=2',
      'canary-percent': '150',
      'health-check-expected-status': 'lots',
      'health-check-path': '/health'
    })
    expect(run.code).toBe(1)
    expect(emu.calls).toEqual([])
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
  })

  it('does not silently change a stage that has a canary', async () => {
    await deploy({ 'stage-name': 'guarded' })
    await deploy({ 'stage-name': 'guarded', 'canary-percent': '20', promote: 'false' })
    const before = emu.getStage(restApiId, 'guarded')
    expect(before?.canarySettings).toBeDefined()

    const refused = await deploy({ 'stage-name': 'guarded' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join('\n')).toContain('has a canary from an earlier run')
    expect(refused.errors.join('\n')).toContain('canary-existing: replace')
    expect(emu.getStage(restApiId, 'guarded')).toEqual(before)

    const replaced = await deploy({ 'stage-name': 'guarded', 'canary-existing': 'replace' })
    expect(replaced.code).toBe(0)
    const after = emu.getStage(restApiId, 'guarded')
    expect(after?.canarySettings).toBeUndefined()
    expect(after?.deploymentId).toBe(replaced.outputs['deployment-id'])
    expect(emu.getDeployments(restApiId).map(d => d.id)).not.toContain(before?.canarySettings?.deploymentId)
  })
})
