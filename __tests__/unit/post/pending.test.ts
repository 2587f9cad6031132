import { describe, expect, it } from '@jest/globals'
import { parseLeftovers, parsePendingCanary } from '../../../src/post/pending.js'

describe('the saved state the post step reads', () => {
  it('takes what the main step saves, defaulting the deadline of older state', () => {
    const pending = { restApiId: 'a1', stageName: 'prod', region: 'us-east-1', baseDeploymentId: 'b' }
    expect(parsePendingCanary(JSON.stringify(pending))).toEqual({ ...pending, retryDeadlineSeconds: 120 })
    const leftovers = {
      restApiId: 'a1',
      region: 'us-east-1',
      retryDeadlineSeconds: 30,
      deploymentIds: ['d1']
    }
    expect(parseLeftovers(JSON.stringify(leftovers))).toEqual(leftovers)
  })

  it('refuses anything else, so the post step never acts on a guess', () => {
    for (const raw of [
      '',
      'not json',
      '{}',
      '[]',
      'null',
      '{"restApiId":1}',
      '{"restApiId":"a","stageName":"s"}'
    ])
      expect(parsePendingCanary(raw)).toBeUndefined()
    for (const raw of [
      '{}',
      '{"restApiId":"a","region":"r","deploymentIds":[]}',
      '{"restApiId":"a","region":"r"}'
    ])
      expect(parseLeftovers(raw)).toBeUndefined()
  })
})
