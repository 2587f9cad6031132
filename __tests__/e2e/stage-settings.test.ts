/**
 * Stage configuration as code, end to end: dist/index.js as the runner runs it, against the emulator.
 * Every setting is read back from the stage; idempotence is counted in calls.
 */
import { describe, expect, it } from '@jest/globals'
import { APIGatewayClient, UpdateAccountCommand } from '@aws-sdk/client-api-gateway'
import { ACCESS_LOG_PRESETS } from '../../src/stage-settings/access-log-formats.js'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
const fixture = useActionFixture({ region, apiName: 'settings' })
const WRITES = new Set([
  'CreateDeployment',
  'UpdateStage',
  'DeleteDeployment',
  'DeleteStage',
  'TagResource',
  'UntagResource',
  'UpdateUsagePlan',
  'AssociateWebACL'
])
const writes = (): string[] => fixture.operations().filter(op => WRITES.has(op))
const logGroup = 'arn:aws:logs:eu-west-1:123456789012:log-group:api-access'

function sdk(): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: fixture.emu.url,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
}

async function setCloudWatchRole(arn: string | undefined): Promise<void> {
  const client = sdk()
  await client.send(
    new UpdateAccountCommand({
      patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: arn ?? '' }]
    })
  )
  client.destroy()
}

const everySetting = {
  'throttling-rate-limit': '100',
  'throttling-burst-limit': '50',
  'cache-cluster-enabled': 'true',
  'cache-cluster-size': '0.5',
  'caching-enabled': 'true',
  'cache-ttl': '120',
  'cache-data-encrypted': 'true',
  'logging-level': 'ERROR',
  'data-trace': 'false',
  'metrics-enabled': 'true',
  'tracing-enabled': 'true',
  'access-log-destination-arn': logGroup,
  'access-log-format': 'json',
  tags: 'team=payments\ncost-center=42',
  'method-settings': '"/hello GET":\n  cache-ttl: 30\n  throttling-rate-limit: 5\n'
}

describe('stage configuration', () => {
  it('applies every setting with the deployment switch, and a rerun with configure-stage writes nothing', async () => {
    await setCloudWatchRole('arn:aws:iam::123456789012:role/apigw-logs')
    const { stageName, base } = await fixture.baseStage('greeting=v1\nold=1')
    const run = await fixture.run({
      'stage-name': stageName,
      ...everySetting,
      'stage-variables-remove': 'old'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    // The settings ride in the switch: one UpdateStage, then the tags.
    expect(writes()).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
    const stage = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(stage?.deploymentId).toBe(run.outputs['deployment-id'])
    expect(stage?.deploymentId).not.toBe(base)
    expect(stage).toMatchObject({
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      tracingEnabled: true,
      accessLogSettings: { destinationArn: logGroup, format: ACCESS_LOG_PRESETS.json },
      variables: { greeting: 'v1' },
      tags: { team: 'payments', 'cost-center': '42' }
    })
    expect(stage?.methodSettings['*/*']).toMatchObject({
      throttlingRateLimit: 100,
      throttlingBurstLimit: 50,
      cachingEnabled: true,
      cacheTtlInSeconds: 120,
      cacheDataEncrypted: true,
      loggingLevel: 'ERROR',
      dataTraceEnabled: false,
      metricsEnabled: true
    })
    expect(stage?.methodSettings['hello/GET']).toMatchObject({
      cacheTtlInSeconds: 30,
      throttlingRateLimit: 5
    })
    const plan = JSON.parse(run.outputs.plan)
    expect(plan.dryRun).toBe(false)
    expect(plan.changes).toContainEqual({ setting: 'stage-wide throttling/rateLimit', from: null, to: '100' })
    expect(plan.changes).toContainEqual({ setting: 'variable old', from: '1', to: null })
    expect(plan.changes).toContainEqual({ setting: 'tag team', from: null, to: 'payments' })
    expect(run.summary).toContain('<h4>Stage changes</h4>')

    fixture.emu.resetCalls()
    const again = await fixture.run({ 'stage-name': stageName, ...everySetting, command: 'configure-stage' })
    expect(again.code).toBe(0)
    expect(fixture.operations()).toEqual(['GetRestApi', 'GetStage'])
    expect(JSON.parse(again.outputs.plan).changes).toEqual([])
    expect(again.stdout).toContain(`Stage "${stageName}" is configured as asked: nothing to change.`)
    expect(again.summary).toContain('is configured as asked: nothing changed')
  })

  it('configures a new stage right after creating it', async () => {
    const run = await fixture.run({
      'stage-name': 'fresh',
      'throttling-rate-limit': '10',
      'tracing-enabled': 'true',
      tags: 'env=preview'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(writes()).toEqual(['CreateDeployment', 'UpdateStage', 'TagResource'])
    expect(fixture.emu.getStage(fixture.restApiId, 'fresh')).toMatchObject({
      tracingEnabled: true,
      tags: { env: 'preview' },
      methodSettings: { '*/*': { throttlingRateLimit: 10 } }
    })
  })

  it('removes tags not listed, and leaves tags alone when the input is not set', async () => {
    const { stageName } = await fixture.baseStage()
    await fixture.run({ 'stage-name': stageName, command: 'configure-stage', tags: 'a=1\nb=2' })
    fixture.emu.resetCalls()
    const run = await fixture.run({ 'stage-name': stageName, command: 'configure-stage', tags: 'a=1' })
    expect(run.code).toBe(0)
    expect(writes()).toEqual(['UntagResource'])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.tags).toEqual({ a: '1' })
    fixture.emu.resetCalls()
    await fixture.run({ 'stage-name': stageName, command: 'configure-stage', 'tracing-enabled': 'false' })
    expect(writes()).toEqual([])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.tags).toEqual({ a: '1' })
  })

  it('splits more settings than one UpdateStage takes into several, the switch last', async () => {
    const { stageName } = await fixture.baseStage()
    // 30 methods x 3 settings: 90 operations, more than the 80 AWS takes in one call.
    const methods = Array.from(
      { length: 30 },
      (_, i) => `"/m${i} GET": { cache-ttl: 10, metrics-enabled: true, throttling-rate-limit: ${i + 1} }`
    )
    const run = await fixture.run({ 'stage-name': stageName, 'method-settings': methods.join('\n') })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(writes()).toEqual(['CreateDeployment', 'UpdateStage', 'UpdateStage'])
    expect(run.stdout).toContain('in 2 UpdateStage calls')
    const stage = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(stage?.deploymentId).toBe(run.outputs['deployment-id'])
    expect(stage?.methodSettings['m29/GET']).toMatchObject({ cacheTtlInSeconds: 10, throttlingRateLimit: 30 })
  })

  it('dry-run prints each change and writes nothing, for a deploy, a canary and configure-stage', async () => {
    const { stageName, base } = await fixture.baseStage()
    const before = fixture.emu.getStage(fixture.restApiId, stageName)
    const dry = await fixture.run({
      'stage-name': stageName,
      'dry-run': 'true',
      'throttling-rate-limit': '7',
      'stage-variables': 'greeting=v2',
      tags: 'x=y'
    })
    expect(dry.code).toBe(0)
    expect(writes()).toEqual([])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toEqual(before)
    expect(dry.stdout).toContain('Dry run: 4 changes would be made; nothing was written.')
    expect(dry.stdout).toContain(`deployment: "${base}" → "(a new deployment)"`)
    expect(dry.stdout).toContain('stage-wide throttling/rateLimit: (unset) → "7"')
    expect(dry.stdout).toContain('variable greeting: "v1" → "v2"')
    expect(dry.stdout).toContain('tag x: (unset) → "y"')
    expect(JSON.parse(dry.outputs.plan)).toMatchObject({ dryRun: true })
    expect(dry.outputs['deployment-id']).toBe(base)
    expect(dry.summary).toContain('Dry run of deploy on stage')
    expect(dry.summary).toContain('Planned changes (dry run: nothing was written)')

    fixture.emu.resetCalls()
    const canary = await fixture.run({
      'stage-name': stageName,
      'dry-run': 'true',
      'canary-percent': '10',
      'canary-steps': '50',
      'bake-time': '60'
    })
    expect(canary.code).toBe(0)
    expect(writes()).toEqual([])
    expect(canary.stdout).toContain(
      'canary: (unset) → "new deployment at 10% → 50%, 60 s each, then promoted"'
    )

    fixture.emu.resetCalls()
    const configure = await fixture.run({
      'stage-name': stageName,
      'dry-run': 'true',
      command: 'configure-stage',
      'metrics-enabled': 'true'
    })
    expect(configure.code).toBe(0)
    expect(writes()).toEqual([])
    expect(JSON.parse(configure.outputs.plan).changes).toEqual([
      { setting: 'stage-wide metrics/enabled', from: null, to: 'true' }
    ])
  })

  it('dry-run of promote-canary and rollback-canary says what they would do, and writes nothing', async () => {
    const { stageName, base } = await fixture.baseStage()
    const left = await fixture.run({ 'stage-name': stageName, 'canary-percent': '20', promote: 'false' })
    const canaryId = left.outputs['canary-deployment-id']
    fixture.emu.resetCalls()
    const promote = await fixture.run({
      'stage-name': stageName,
      command: 'promote-canary',
      'dry-run': 'true'
    })
    expect(promote.code).toBe(0)
    expect(JSON.parse(promote.outputs.plan).changes).toEqual([
      { setting: 'deployment', from: base, to: canaryId },
      { setting: 'canary', from: `deployment ${canaryId} at 20%`, to: null }
    ])
    const rollback = await fixture.run({
      'stage-name': stageName,
      command: 'rollback-canary',
      'dry-run': 'true'
    })
    expect(rollback.code).toBe(0)
    expect(JSON.parse(rollback.outputs.plan).changes).toEqual([
      { setting: 'canary', from: `deployment ${canaryId} at 20%`, to: null }
    ])
    expect(writes()).toEqual([])
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.canarySettings?.deploymentId).toBe(canaryId)
  })

  it('explains execution logging without the account CloudWatch role, and leaves the stage as it was', async () => {
    await setCloudWatchRole(undefined)
    const { stageName, base } = await fixture.baseStage()
    const deployments = fixture.emu.getDeployments(fixture.restApiId).length
    const run = await fixture.run({ 'stage-name': stageName, 'logging-level': 'INFO' })
    expect(run.code).toBe(1)
    const message = run.errors.join('\n')
    expect(message).toContain('CloudWatch Logs role ARN must be set in account settings')
    expect(message).toContain('AmazonAPIGatewayPushToCloudWatchLogs')
    expect(message).toContain('update-account')
    expect(message).toContain(`still serves deployment ${base}`)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)?.deploymentId).toBe(base)
    // The deployment made for the switch was deleted again.
    expect(writes()).toEqual(['CreateDeployment', 'UpdateStage', 'DeleteDeployment'])
    expect(fixture.emu.getDeployments(fixture.restApiId)).toHaveLength(deployments)
  })

  it('refuses caching without a cache cluster, and the canary stage cache without one, before any write', async () => {
    const { stageName } = await fixture.baseStage()
    const caching = await fixture.run({ 'stage-name': stageName, 'caching-enabled': 'true' })
    expect(caching.code).toBe(1)
    expect(caching.errors.join()).toContain('Set "cache-cluster-enabled: true"')
    expect(caching.errors.join()).toContain('Nothing was changed.')
    const canary = await fixture.run({
      'stage-name': stageName,
      'canary-percent': '10',
      'canary-use-stage-cache': 'true'
    })
    expect(canary.code).toBe(1)
    expect(canary.errors.join()).toContain('"canary-use-stage-cache": the stage has no cache cluster')
    expect(writes()).toEqual([])
  })

  it('refuses bad values before any call, all at once, naming each input', async () => {
    const run = await fixture.run({
      'stage-name': 'never',
      'cache-cluster-size': '3',
      'throttling-rate-limit': '-5',
      'access-log-format': '$context.status',
      'method-settings': '"/pets FETCH": { cache-ttl: 5 }'
    })
    expect(run.code).toBe(1)
    expect(fixture.emu.calls).toEqual([])
    const message = run.errors.join('\n')
    for (const input of [
      'cache-cluster-size',
      'throttling-rate-limit',
      'access-log-format',
      'method-settings'
    ])
      expect(message).toContain(`Input "${input}"`)
    expect(message).toContain('Invalid inputs: nothing was changed.')
  })

  it('configure-stage refuses a stage that does not exist', async () => {
    const run = await fixture.run({
      'stage-name': 'ghost',
      command: 'configure-stage',
      'metrics-enabled': 'true'
    })
    expect(run.code).toBe(1)
    expect(run.errors.join()).toContain('stage "ghost" does not exist')
    expect(writes()).toEqual([])
  })
})
