import { describe, expect, it } from '@jest/globals'
import {
  DEFINITION_HASH_TAG,
  definitionTag,
  servesImported,
  skipDecision
} from '../../../src/definitions/skip.js'

const HASH = 'a'.repeat(64)
const OTHER = 'b'.repeat(64)

describe('skipDecision', () => {
  it('skips a stage whose tag carries the same hash, keeping its deployment', () => {
    expect(
      skipDecision({ deploymentId: 'd1', tags: { [DEFINITION_HASH_TAG]: HASH, team: 'x' } }, 'prod', HASH)
    ).toEqual({
      skip: true,
      deploymentId: 'd1',
      reason:
        'Stage "prod" already serves this definition (sha256 aaaaaaaaaaaa…, deployment d1): no import, no deployment.'
    })
  })

  it('deploys when the hash differs', () => {
    expect(
      skipDecision({ deploymentId: 'd1', tags: { [DEFINITION_HASH_TAG]: OTHER } }, 'prod', HASH)
    ).toEqual({
      skip: false,
      reason:
        'The definition changed since stage "prod" was released (sha256 bbbbbbbbbbbb… then, aaaaaaaaaaaa… now): importing and deploying.'
    })
  })

  it('deploys to a stage without the tag, or without a stage', () => {
    expect(skipDecision({ deploymentId: 'd1', tags: {} }, 'prod', HASH)).toMatchObject({ skip: false })
    expect(skipDecision({ deploymentId: 'd1' }, 'prod', HASH).reason).toBe(
      'Stage "prod" has no apigateway-deploy:definition-sha256 tag (no definition released with skip-unchanged yet): importing and deploying.'
    )
    expect(skipDecision(undefined, 'prod', HASH)).toEqual({
      skip: false,
      reason: 'Stage "prod" does not exist yet: importing and deploying.'
    })
    expect(skipDecision({ tags: { [DEFINITION_HASH_TAG]: HASH } }, 'prod', HASH)).toMatchObject({
      skip: false
    })
  })

  it('never skips a stage with a canary: the canary inputs decide what happens to it', () => {
    const stage = {
      deploymentId: 'd1',
      tags: { [DEFINITION_HASH_TAG]: HASH },
      canarySettings: { deploymentId: 'd2' }
    }
    expect(skipDecision(stage, 'prod', HASH)).toEqual({
      skip: false,
      reason: 'Stage "prod" has a canary (deployment d2): importing and deploying, as the canary inputs say.'
    })
  })

  it('compares the whole hash, not its shown prefix', () => {
    const near = `${HASH.slice(0, 63)}b`
    expect(
      skipDecision({ deploymentId: 'd1', tags: { [DEFINITION_HASH_TAG]: near } }, 'prod', HASH).skip
    ).toBe(false)
  })
})

describe('definitionTag and servesImported', () => {
  it('tags under the prefix the action keeps for itself', () => {
    expect(definitionTag(HASH)).toEqual({ 'apigateway-deploy:definition-sha256': HASH })
  })

  it('records the hash only when the stage serves the new deployment', () => {
    const ok = { dryRun: false, canaryResult: 'none' }
    expect(servesImported(ok)).toBe(true)
    expect(servesImported({ ...ok, canaryResult: 'promoted' })).toBe(true)
    expect(servesImported({ ...ok, canaryResult: 'active' })).toBe(false)
    expect(servesImported({ ...ok, canaryResult: 'rolled-back' })).toBe(false)
    expect(servesImported({ ...ok, failure: 'checks failed; rolled back' })).toBe(false)
    expect(servesImported({ ...ok, dryRun: true })).toBe(false)
  })
})
