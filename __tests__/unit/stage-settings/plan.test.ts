import { describe, expect, it } from '@jest/globals'
import type { StageSettingsInputs } from '../../../src/inputs/index.js'
import {
  batchOperations,
  describeExtras,
  describeOperations,
  methodPathPrefix,
  planStageSettings,
  planTags
} from '../../../src/stage-settings/plan.js'
import { ACCESS_LOG_PRESETS } from '../../../src/stage-settings/access-log-formats.js'

const none: StageSettingsInputs = {
  stageWide: {},
  methods: [],
  accessLog: {},
  variablesRemove: [],
  waitForCache: false
}
const settings = (more: Partial<StageSettingsInputs>): StageSettingsInputs => ({ ...none, ...more })

describe('planStageSettings', () => {
  it('plans nothing when nothing is asked', () => {
    expect(planStageSettings({ deploymentId: 'd1' }, none)).toEqual({
      ops: [],
      tags: { set: {}, remove: [] }
    })
  })

  it('sends every named stage-wide setting to a stage that has none, with AWS paths', () => {
    const plan = planStageSettings(
      {},
      settings({
        stageWide: {
          throttlingRateLimit: 100.5,
          throttlingBurstLimit: 200,
          loggingLevel: 'ERROR',
          metricsEnabled: true
        },
        tracingEnabled: true
      })
    )
    expect(plan.ops).toEqual([
      { op: 'replace', path: '/tracingEnabled', value: 'true' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '100.5' },
      { op: 'replace', path: '/*/*/throttling/burstLimit', value: '200' },
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'ERROR' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }
    ])
  })

  it('sends only what differs from the stage: a second identical run plans nothing', () => {
    const stage = {
      tracingEnabled: true,
      methodSettings: {
        '*/*': { throttlingRateLimit: 100, throttlingBurstLimit: 200, loggingLevel: 'ERROR' },
        'pets/{id}/GET': { cachingEnabled: true, cacheTtlInSeconds: 60 }
      },
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5'
    }
    const same = settings({
      stageWide: { throttlingRateLimit: 100, throttlingBurstLimit: 200, loggingLevel: 'ERROR' },
      methods: [
        {
          key: '/pets/{id} GET',
          resourcePath: '/pets/{id}',
          httpMethod: 'GET',
          settings: { cachingEnabled: true, cacheTtlInSeconds: 60 }
        }
      ],
      tracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5'
    })
    expect(planStageSettings(stage, same).ops).toEqual([])
    const changed = { ...same, stageWide: { ...same.stageWide, throttlingRateLimit: 50 } }
    expect(planStageSettings(stage, changed).ops).toEqual([
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '50' }
    ])
  })

  it('escapes "/" as "~1" (and "~" as "~0") in per-method paths', () => {
    expect(methodPathPrefix({ resourcePath: '/pets/{id}', httpMethod: 'GET' })).toBe('/~1pets~1{id}/GET')
    expect(methodPathPrefix({ resourcePath: '/a~b', httpMethod: 'POST' })).toBe('/~1a~0b/POST')
    expect(methodPathPrefix({ resourcePath: '*', httpMethod: '*' })).toBe('/*/*')
    const plan = planStageSettings(
      {},
      settings({
        methods: [
          { key: 'k', resourcePath: '/orders', httpMethod: 'POST', settings: { throttlingRateLimit: 5 } }
        ]
      })
    )
    expect(plan.ops).toEqual([{ op: 'replace', path: '/~1orders/POST/throttling/rateLimit', value: '5' }])
  })

  it('merges a "*/*" entry of method-settings into the stage-wide inputs, the entry winning', () => {
    const plan = planStageSettings(
      {},
      settings({
        stageWide: { metricsEnabled: true, cacheTtlInSeconds: 10 },
        methods: [{ key: '*/*', resourcePath: '*', httpMethod: '*', settings: { cacheTtlInSeconds: 20 } }]
      })
    )
    expect(plan.ops).toEqual([
      { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '20' },
      { op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }
    ])
  })

  it('creates, resizes and deletes the cache cluster, cluster first', () => {
    const create = planStageSettings(
      {},
      settings({ cacheClusterEnabled: true, cacheClusterSize: '1.6', stageWide: { cachingEnabled: true } })
    )
    expect(create.cacheCluster).toBe('create')
    expect(create.ops.slice(0, 2)).toEqual([
      { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
      { op: 'replace', path: '/cacheClusterSize', value: '1.6' }
    ])
    const on = { cacheClusterEnabled: true, cacheClusterSize: '0.5' }
    expect(planStageSettings(on, settings({ cacheClusterSize: '6.1' })).cacheCluster).toBe('resize')
    expect(planStageSettings(on, settings({ cacheClusterSize: '0.5' })).cacheCluster).toBeUndefined()
    const off = planStageSettings(on, settings({ cacheClusterEnabled: false }))
    expect(off).toMatchObject({
      cacheCluster: 'delete',
      ops: [{ op: 'replace', path: '/cacheClusterEnabled', value: 'false' }]
    })
  })

  it('gives a new access log destination the common log format unless the stage has one', () => {
    const arn = 'arn:aws:logs:eu-west-1:123456789012:log-group:access'
    expect(planStageSettings({}, settings({ accessLog: { destinationArn: arn } })).ops).toEqual([
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: arn },
      { op: 'replace', path: '/accessLogSettings/format', value: ACCESS_LOG_PRESETS.clf }
    ])
    const withFormat = { accessLogSettings: { destinationArn: 'old', format: '$context.requestId' } }
    expect(planStageSettings(withFormat, settings({ accessLog: { destinationArn: arn } })).ops).toEqual([
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: arn }
    ])
  })

  it('removes only variables the stage has', () => {
    const plan = planStageSettings({ variables: { a: '1' } }, settings({ variablesRemove: ['a', 'b'] }))
    expect(plan.ops).toEqual([{ op: 'remove', path: '/variables/a' }])
  })

  it('associates a web ACL only when the stage has another or none', () => {
    const acl = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/w/11111111-2222-3333-4444-555555555555'
    expect(planStageSettings({ webAclArn: acl }, settings({ webAclArn: acl })).webAclArn).toBeUndefined()
    expect(planStageSettings({}, settings({ webAclArn: acl })).webAclArn).toBe(acl)
  })
})

describe('planTags', () => {
  it('sets what differs and removes what is not listed, sparing aws: tags', () => {
    expect(
      planTags(
        { team: 'a', env: 'prod', 'aws:cloudformation:stack-name': 's' },
        { team: 'b', env: 'prod', new: '' }
      )
    ).toEqual({
      set: { team: 'b', new: '' },
      remove: []
    })
    expect(planTags({ team: 'a', old: 'x' }, { team: 'a' })).toEqual({ set: {}, remove: ['old'] })
    expect(planTags({ team: 'a' }, undefined)).toEqual({ set: {}, remove: [] })
  })
})

describe('batchOperations', () => {
  const ops = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ op: 'replace' as const, path: `/variables/v${i}`, value: 'x' }))
  const switchOps = [{ op: 'replace' as const, path: '/deploymentId', value: 'new' }]

  it('sends at most the limit per call, the switch in the last call', () => {
    const batches = batchOperations(ops(170), 80, switchOps)
    expect(batches.map(b => b.length)).toEqual([80, 11, 80])
    expect(batches.flat()).toEqual([...ops(170), ...switchOps])
    expect(batches.at(-1)?.at(-1)).toEqual(switchOps[0])
    expect(batchOperations(ops(79), 80, switchOps)).toEqual([[...ops(79), ...switchOps]])
  })

  it('sends nothing for nothing', () => {
    expect(batchOperations([], 80)).toEqual([])
    expect(batchOperations(ops(3), 80)).toEqual([ops(3)])
  })
})

describe('describeOperations', () => {
  it('reads each change as setting: from -> to, from the stage', () => {
    const stage = {
      deploymentId: 'd1',
      variables: { a: '1' },
      methodSettings: { '*/*': { throttlingRateLimit: 10 }, 'pets/GET': { cachingEnabled: false } }
    }
    expect(
      describeOperations(stage, [
        { op: 'replace', path: '/deploymentId', value: 'd2' },
        { op: 'remove', path: '/variables/a' },
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: '20' },
        { op: 'replace', path: '/~1pets/GET/caching/enabled', value: 'true' },
        { op: 'replace', path: '/tracingEnabled', value: 'true' }
      ])
    ).toEqual([
      { setting: 'deployment', from: 'd1', to: 'd2' },
      { setting: 'variable a', from: '1', to: undefined },
      { setting: 'stage-wide throttling/rateLimit', from: '10', to: '20' },
      { setting: '/pets GET caching/enabled', from: 'false', to: 'true' },
      { setting: 'tracingEnabled', from: 'false', to: 'true' }
    ])
    expect(
      describeExtras({ tags: { a: '1' } }, { ops: [], tags: { set: { a: '2' }, remove: [] }, webAclArn: 'w' })
    ).toEqual([
      { setting: 'tag a', from: '1', to: '2' },
      { setting: 'web ACL', from: undefined, to: 'w' }
    ])
  })
})
