import { describe, expect, it } from '@jest/globals'
import { commentMarker, liveComment, removedComment } from '../../../src/previews/comment.js'

describe('the preview comment', () => {
  const at = new Date('2026-12-01T20:15:30Z')

  it('starts with the hidden marker of its API and stage, and shows the URL, deployment, commit and time', () => {
    const body = liveComment({
      restApiId: 'a1b2c3',
      restApiName: 'pets',
      stageName: 'pr-7',
      url: 'https://a1b2c3.execute-api.eu-west-1.amazonaws.com/pr-7',
      deploymentId: 'dep123',
      sha: '0123456789abcdef0123',
      runUrl: 'https://github.com/o/r/actions/runs/1',
      at
    })
    expect(body.split('\n')[0]).toBe(commentMarker('a1b2c3', 'pr-7'))
    expect(body).toContain('| URL | https://a1b2c3.execute-api.eu-west-1.amazonaws.com/pr-7 |')
    expect(body).toContain('`dep123`')
    expect(body).toContain('`0123456789ab`')
    expect(body).toContain('2026-12-01 20:15 UTC')
    expect(commentMarker('a1b2c3', 'pr-7')).not.toBe(commentMarker('zzz', 'pr-7'))
  })

  it('says the preview is gone, with the same marker', () => {
    const body = removedComment({ restApiId: 'a1b2c3', stageName: 'pr-7', at })
    expect(body.startsWith(commentMarker('a1b2c3', 'pr-7'))).toBe(true)
    expect(body).toContain('removed')
  })
})
