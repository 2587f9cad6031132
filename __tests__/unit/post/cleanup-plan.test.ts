import { describe, expect, it } from '@jest/globals'
import { cleanupAction } from '../../../src/post/cleanup-plan.js'

describe('cleanupAction (post step)', () => {
  const pending = {
    restApiId: 'a1',
    stageName: 'prod',
    region: 'us-east-1',
    retryDeadlineSeconds: 120,
    baseDeploymentId: 'base',
    canaryDeploymentId: 'canary'
  }

  it('rolls back our canary on the unchanged base deployment', () => {
    expect(cleanupAction({ deploymentId: 'base', canarySettings: { deploymentId: 'canary' } }, pending)).toBe(
      'rollback'
    )
  })

  it('rolls back a canary created while the run was killed mid-CreateDeployment', () => {
    const early = { ...pending, canaryDeploymentId: undefined }
    expect(cleanupAction({ deploymentId: 'base', canarySettings: { deploymentId: 'x' } }, early)).toBe(
      'rollback'
    )
  })

  it('finishes a half-done promotion', () => {
    expect(
      cleanupAction({ deploymentId: 'canary', canarySettings: { deploymentId: 'canary' } }, pending)
    ).toBe('finish-promotion')
  })

  it('does nothing when the canary is gone, and leaves a canary it did not create', () => {
    expect(cleanupAction({ deploymentId: 'base' }, pending)).toBe('none')
    expect(cleanupAction(undefined, pending)).toBe('none')
    expect(cleanupAction({ deploymentId: 'base', canarySettings: { deploymentId: 'other' } }, pending)).toBe(
      'foreign'
    )
    expect(
      cleanupAction({ deploymentId: 'moved', canarySettings: { deploymentId: 'canary' } }, pending)
    ).toBe('foreign')
  })
})
