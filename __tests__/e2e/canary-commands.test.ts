/**
 * `command: promote-canary` and `command: rollback-canary`, end to end: finishing a canary that an earlier run
 * left running (promote: false).
 */
import { describe, expect, it } from '@jest/globals'
import { useActionFixture } from './fixture.js'

const region = 'us-west-2'
const fixture = useActionFixture({ region, apiName: 'orders', seed: 7 })

describe('finishing a canary left running', () => {
  it('leaves the canary running with promote: false; promote-canary finishes it in a later run', async () => {
    const { stageName, base } = await fixture.baseStage()
    const start = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '25',
      'stage-variables': 'greeting=v2',
      // The canary's stage cache needs a cluster (a stage setting of this same run).
      'canary-use-stage-cache': 'true',
      'cache-cluster-enabled': 'true',
      promote: 'false'
    })
    expect(start.code).toBe(0)
    expect(start.outputs['canary-result']).toBe('active')
    const canaryId = start.outputs['canary-deployment-id']
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toMatchObject({
      deploymentId: base,
      canarySettings: {
        deploymentId: canaryId,
        percentTraffic: 25,
        stageVariableOverrides: { greeting: 'v2' }
      }
    })
    // Left on purpose: nothing for the post step to roll back.
    expect(start.state['pending-canary']).toBe('')

    const promote = await fixture.run({ 'stage-name': stageName, command: 'promote-canary' })
    expect(promote.code).toBe(0)
    expect(promote.outputs).toMatchObject({
      'canary-result': 'promoted',
      'deployment-id': canaryId,
      'previous-deployment-id': base
    })
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toMatchObject({
      deploymentId: canaryId,
      variables: { greeting: 'v2' }
    })
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings).toBeUndefined()

    const again = await fixture.run({ 'stage-name': stageName, command: 'promote-canary' })
    expect(again.code).toBe(1)
    expect(again.errors.join()).toContain('has no canary to promote')
  })

  it('rollback-canary removes a canary left running, and is a no-op without one', async () => {
    const { stageName, base } = await fixture.baseStage()
    const start = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '5',
      promote: 'false'
    })
    const rollback = await fixture.run({ 'stage-name': stageName, command: 'rollback-canary' })
    expect(rollback.code).toBe(0)
    expect(rollback.outputs['canary-result']).toBe('rolled-back')
    fixture.expectRolledBack(stageName, base, start)
    const nothing = await fixture.run({ 'stage-name': stageName, command: 'rollback-canary' })
    expect(nothing.code).toBe(0)
    expect(nothing.outputs['canary-result']).toBe('none')
    expect(nothing.stdout).toContain('nothing to roll back')
  })
})
