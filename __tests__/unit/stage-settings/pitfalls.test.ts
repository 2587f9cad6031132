import { describe, expect, it } from '@jest/globals'
import type { StageSettingsInputs } from '../../../src/inputs/index.js'
import { stagePitfalls } from '../../../src/stage-settings/pitfalls.js'

const none: StageSettingsInputs = {
  stageWide: {},
  methods: [],
  accessLog: {},
  variablesRemove: [],
  waitForCache: false
}

describe('stagePitfalls', () => {
  it('refuses caching, a size and the canary cache on a stage without a cache cluster', () => {
    const problems = stagePitfalls(
      {},
      { ...none, stageWide: { cachingEnabled: true }, cacheClusterSize: '0.5' },
      { useStageCache: true }
    )
    expect(problems).toHaveLength(3)
    expect(problems[0]).toContain('Set "cache-cluster-enabled: true"')
    expect(problems[2]).toContain('canary-use-stage-cache')
  })

  it('accepts caching when the cluster exists or is being created', () => {
    expect(
      stagePitfalls({ cacheClusterEnabled: true }, { ...none, stageWide: { cachingEnabled: true } })
    ).toEqual([])
    expect(
      stagePitfalls({}, { ...none, cacheClusterEnabled: true, stageWide: { cachingEnabled: true } })
    ).toEqual([])
  })

  it('refuses a log format without any destination', () => {
    expect(stagePitfalls({}, { ...none, accessLog: { format: '$context.requestId' } })[0]).toContain(
      'access-log-destination-arn'
    )
    expect(
      stagePitfalls({ accessLogSettings: { destinationArn: 'arn' } }, { ...none, accessLog: { format: 'x' } })
    ).toEqual([])
  })
})
