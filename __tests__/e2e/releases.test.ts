/**
 * Releases without rebuilding, end to end: promoting one stage to another, rolling back to any deployment,
 * and checking (and switching back) a plain deploy.
 */
import { describe, expect, it } from '@jest/globals'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
const fixture = useActionFixture({ region, apiName: 'releases' })
const count = (op: string): number => fixture.operations().filter(o => o === op).length
const probe = { 'health-check-path': '/hello', 'health-check-body-contains': 'good', 'bake-time': '0' }

describe('promote a stage to another', () => {
  it('points prod at the deployment test serves, with no CreateDeployment', async () => {
    const test = await fixture.baseStage('greeting=good')
    const prod = await fixture.baseStage('greeting=good')
    const run = await fixture.run({ 'stage-name': prod.stageName, 'from-stage': test.stageName })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetStage', 'UpdateStage'])
    expect(count('CreateDeployment')).toBe(0)
    expect(run.outputs).toMatchObject({ 'deployment-id': test.base, 'previous-deployment-id': prod.base })
    expect(fixture.emu.getStage(fixture.restApiId, prod.stageName)?.deploymentId).toBe(test.base)
    expect(run.stdout).toContain(`releasing that one, no new deployment`)
  })

  it('creates the target stage on the source deployment when it does not exist', async () => {
    const test = await fixture.baseStage()
    const run = await fixture.run({
      'stage-name': 'prod-new',
      'from-stage': test.stageName,
      'stage-variables': 'greeting=x'
    })
    expect(run.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetStage', 'CreateStage'])
    expect(fixture.emu.getStage(fixture.restApiId, 'prod-new')).toMatchObject({
      deploymentId: test.base,
      variables: { greeting: 'x' }
    })
  })

  it('promotes as a canary, and a failed canary leaves the source deployment alone', async () => {
    const test = await fixture.baseStage('greeting=good')
    const prod = await fixture.baseStage('greeting=good')
    const promoted = await fixture.run({
      'stage-name': prod.stageName,
      'from-stage': test.stageName,
      'canary-percent': '50',
      ...probe
    })
    expect(promoted.errors).toEqual([])
    expect(promoted.code).toBe(0)
    expect(count('CreateDeployment')).toBe(0)
    expect(promoted.outputs).toMatchObject({
      'canary-result': 'promoted',
      'canary-deployment-id': test.base,
      'deployment-id': test.base
    })
    expect(fixture.emu.getStage(fixture.restApiId, prod.stageName)).toMatchObject({ deploymentId: test.base })
    expect(fixture.emu.getStage(fixture.restApiId, prod.stageName)?.canarySettings).toBeUndefined()

    // test moves on to a deployment that fails; promoting it as a canary rolls back without deleting it.
    const broken = await fixture.run({ 'stage-name': test.stageName, 'stage-variables': 'greeting=broken' })
    const brokenId = broken.outputs['deployment-id']
    fixture.emu.resetCalls()
    const refused = await fixture.run({
      'stage-name': prod.stageName,
      'from-stage': test.stageName,
      'canary-percent': '50',
      'canary-stage-variables': 'greeting=broken',
      ...probe
    })
    expect(refused.code).toBe(1)
    expect(refused.outputs['canary-result']).toBe('rolled-back')
    expect(fixture.emu.getStage(fixture.restApiId, prod.stageName)).toMatchObject({ deploymentId: test.base })
    expect(fixture.emu.getStage(fixture.restApiId, prod.stageName)?.canarySettings).toBeUndefined()
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).toContain(brokenId)
    expect(count('DeleteDeployment')).toBe(0)
  })

  it('refuses a from-stage that does not exist, before any write', async () => {
    const prod = await fixture.baseStage()
    const run = await fixture.run({ 'stage-name': prod.stageName, 'from-stage': 'nowhere' })
    expect(run.code).toBe(1)
    expect(run.errors.join()).toContain('stage "nowhere" does not exist')
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetStage'])
  })
})

describe('roll back to any deployment', () => {
  it('switches back to the previous deployment in one UpdateStage', async () => {
    const { stageName, base } = await fixture.baseStage()
    const next = await fixture.run({ 'stage-name': stageName, 'stage-variables': 'greeting=v2' })
    fixture.emu.resetCalls()
    const back = await fixture.run({
      'stage-name': stageName,
      'to-deployment': next.outputs['previous-deployment-id']
    })
    expect(back.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetDeployment', 'UpdateStage'])
    expect(back.outputs).toMatchObject({
      'deployment-id': base,
      'previous-deployment-id': next.outputs['deployment-id']
    })
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(base)
  })

  it('lists the most recent deployments for an unknown id, and changes nothing', async () => {
    const { stageName } = await fixture.baseStage()
    const run = await fixture.run({ 'stage-name': stageName, 'to-deployment': 'nosuch1' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('has no deployment nosuch1. Nothing was changed.')
    expect(message).toContain('Its most recent deployments:')
    const newest = fixture.emu.getDeployments(fixture.restApiId).at(-1)
    expect(message).toMatch(new RegExp(`\\n  ${newest?.id}  \\d{4}-\\d\\d-\\d\\dT`))
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage', 'GetDeployment', 'GetDeployments'])
  })
})

describe('checks after a plain deploy', () => {
  it('switches a stage back and deletes the new deployment when its probes fail', async () => {
    const { stageName, base } = await fixture.baseStage('greeting=good\nmode=a')
    const deployments = fixture.emu.getDeployments(fixture.restApiId).length
    const run = await fixture.run({
      'stage-name': stageName,
      'stage-variables': 'greeting=broken\nextra=1',
      ...probe
    })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain(`Release rolled back: stage "${stageName}" failed its checks`)
    expect(message).toContain(`It serves deployment ${base} again, as before the run.`)
    const stage = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(stage?.deploymentId).toBe(base)
    // The variables the release changed are back, the one it added is gone.
    expect(stage?.variables).toEqual({ greeting: 'good', mode: 'a' })
    expect(fixture.emu.getDeployments(fixture.restApiId)).toHaveLength(deployments)
    expect(run.outputs['deployment-id']).toBe(base)
    expect(JSON.parse(run.outputs['health-report']).steps[0]).toMatchObject({
      percent: 100,
      verdict: 'failed'
    })
    expect(fixture.operations()).toEqual([
      'GetRestApi',
      'GetStage',
      'CreateDeployment',
      'UpdateStage',
      'UpdateStage',
      'DeleteDeployment'
    ])
    expect(run.summary).toContain('Checks after the switch')
  })

  it('keeps a healthy release after its bake', async () => {
    const { stageName } = await fixture.baseStage('greeting=good')
    const run = await fixture.run({
      'stage-name': stageName,
      'stage-variables': 'greeting=good-v2',
      ...probe,
      'bake-time': '1',
      'health-check-interval': '1'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(
      run.outputs['deployment-id']
    )
    expect(JSON.parse(run.outputs['health-report']).steps[0]).toMatchObject({ verdict: 'passed' })
  })

  it('fails a new stage whose checks fail, without a rollback, and says so', async () => {
    const run = await fixture.run({
      'stage-name': 'new-broken',
      'stage-variables': 'greeting=broken',
      ...probe
    })
    expect(run.code).toBe(1)
    expect(run.errors.join()).toContain('It is new, so there is nothing to switch back to')
    expect(fixture.emu.getStage(fixture.restApiId, 'new-broken')?.deploymentId).toBe(
      run.outputs['deployment-id']
    )
  })

  it('switches back to a borrowed deployment without deleting the one it tried', async () => {
    const good = await fixture.baseStage('greeting=good')
    const bad = await fixture.baseStage('greeting=broken')
    const run = await fixture.run({
      'stage-name': good.stageName,
      'to-deployment': bad.base,
      'stage-variables': 'greeting=broken',
      ...probe
    })
    expect(run.code).toBe(1)
    expect(fixture.emu.getStage(fixture.restApiId, good.stageName)?.deploymentId).toBe(good.base)
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).toContain(bad.base)
    expect(count('DeleteDeployment')).toBe(0)
  })
})

describe('bad release and domain inputs', () => {
  it('are refused before any call, all at once', async () => {
    const run = await fixture.run({
      'stage-name': 'prod',
      'from-stage': 'prod',
      'deployment-description': 'x',
      'domain-name': 'not a domain',
      'health-check-target': 'base-url',
      'vpc-endpoint-id': 'vpc-1'
    })
    expect(run.code).toBe(1)
    expect(fixture.emu.calls).toEqual([])
    const message = run.errors.join('\n')
    for (const input of ['from-stage', 'domain-name', 'vpc-endpoint-id'])
      expect(message).toContain(`Input "${input}"`)
    expect(message).toContain('Invalid inputs: nothing was changed.')
  })
})
