/**
 * The plain-deploy scenarios against moto, an implementation of API Gateway we did not write. Where moto
 * and AWS's documentation disagree, AWS decides, and the test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { APIGatewayClient, GetStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway'
import { createSampleApi } from '../../emulator/index.js'
import { motoAvailable, startMoto, type Moto } from './moto.js'
import { runAction } from './run-action.js'

const region = 'us-east-1'
const describeWithMoto = motoAvailable ? describe : describe.skip
if (!motoAvailable)
  console.warn('Skipping the moto end-to-end tests: `python3 -c "import moto.server"` failed.')

describeWithMoto('deploy against moto', () => {
  let moto: Moto
  let client: APIGatewayClient
  let restApiId: string

  beforeAll(async () => {
    moto = await startMoto()
    client = new APIGatewayClient({
      region,
      endpoint: moto.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    restApiId = (await createSampleApi({ endpoint: moto.url, region, name: 'moto-pets' })).restApiId
  })
  afterAll(async () => {
    client?.destroy()
    await moto?.stop()
  })

  const deploy = (inputs: Record<string, string>) =>
    runAction({ 'aws-region': region, 'endpoint-url': moto.url, ...inputs })

  it('creates a new stage with its variables and description', async () => {
    const run = await deploy({
      'rest-api-id': restApiId,
      'stage-name': 'test',
      'stage-description': 'Test stage',
      'stage-variables': 'greeting=hello'
    })
    expect(run.code).toBe(0)
    expect(run.outputs['previous-deployment-id']).toBe('')
    const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'test' }))
    expect(stage.deploymentId).toBe(run.outputs['deployment-id'])
    expect(stage.variables).toEqual({ greeting: 'hello' })
    // Known moto difference: moto's CreateDeployment ignores `stageDescription` (its handler reads only
    // stageName, description and variables); AWS gives the new stage that description (API reference,
    // CreateDeployment). deploy.test.ts asserts AWS's behaviour against the emulator.
    expect(stage.description ?? '').toBe('')
    expect(run.outputs['invoke-url']).toBe(`${moto.url}/restapis/${restApiId}/test/_user_request_`)
  })

  it('redeploys an existing stage, keeping the settings it was not told to change', async () => {
    await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'test',
        patchOperations: [{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }]
      })
    )
    const before = await client.send(new GetStageCommand({ restApiId, stageName: 'test' }))
    const run = await deploy({
      'rest-api-id': restApiId,
      'stage-name': 'test',
      'stage-variables': 'extra=1',
      'stage-description': 'Test stage'
    })
    expect(run.code).toBe(0)
    expect(run.outputs['previous-deployment-id']).toBe(before.deploymentId)
    const after = await client.send(new GetStageCommand({ restApiId, stageName: 'test' }))
    expect(after.deploymentId).toBe(run.outputs['deployment-id'])
    expect(after.deploymentId).not.toBe(before.deploymentId)
    // The action points the stage at the new deployment with UpdateStage, so moto's habit of recreating
    // a stage on CreateDeployment (which AWS does not do) does not reach these settings.
    expect(after.variables).toEqual({ greeting: 'hello', extra: '1' })
    expect(after.description).toBe('Test stage')
    expect(after.methodSettings?.['*/*']?.metricsEnabled).toBe(true)
  })

  it('finds the API by name', async () => {
    const run = await deploy({ 'rest-api-name': 'moto-pets', 'stage-name': 'byname' })
    expect(run.code).toBe(0)
    expect(run.outputs['rest-api-id']).toBe(restApiId)
  })

  it('fails cleanly, without retrying, for an API that does not exist', async () => {
    const run = await deploy({ 'rest-api-id': 'doesnotexist1', 'stage-name': 'test' })
    expect(run.code).toBe(1)
    // moto says "Invalid Rest API Id specified" where AWS says "Invalid API identifier specified": either way
    // not "stage identifier", so the run stops at GetStage, before any write.
    expect(run.errors.join('\n')).toContain('REST API doesnotexist1 does not exist in us-east-1')
    expect(run.errors.join('\n')).toContain('Check "rest-api-id" and "aws-region"')
    expect(run.stdout).not.toContain('retrying')
  })
})
