import {
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand
} from '@aws-sdk/client-api-gateway'
import { addMockRoute, deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

// What the action's "promote a stage to another" relies on: one deployment can serve several stages, and
// UpdateStage /deploymentId (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html, Stage)
// points a stage at any deployment of the API.
describe('promoting one stage to another', () => {
  it('points the target stage at the deployment the source stage serves', async () => {
    const { restApiId, rootId, deploymentId: prodDeployment } = await deployedApi(ctx.client, 'prod')
    await addMockRoute(ctx.client, restApiId, rootId, 'new', '{"new":true}')
    const staging = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'staging' }))

    const promoted = await ctx.client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'replace', path: '/deploymentId', value: staging.id }]
      })
    )
    expect(promoted.deploymentId).toBe(staging.id)
    const got = await ctx.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))
    expect(got.deploymentId).toBe(staging.id)
    const sharing = await ctx.client.send(new GetStagesCommand({ restApiId, deploymentId: staging.id }))
    expect(sharing.item?.map(s => s.stageName).sort()).toEqual(['prod', 'staging'])

    // prod now serves the staging snapshot, /new included.
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/new`)
    expect([res.status, res.headers.get('x-emulator-deployment-id')]).toEqual([200, staging.id])
    // The deployment prod left is unused and can go; the shared one cannot.
    await ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: prodDeployment }))
    const err = await sdkError(() =>
      ctx.client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: staging.id }))
    )
    expect([err.name, statusOf(err)]).toEqual(['BadRequestException', 400])
  })

  it('refuses a deployment id the API does not have', async () => {
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const err = await sdkError(() =>
      ctx.client.send(
        new UpdateStageCommand({
          restApiId,
          stageName: 'prod',
          patchOperations: [{ op: 'replace', path: '/deploymentId', value: 'nope00' }]
        })
      )
    )
    expect([err.name, statusOf(err)]).toEqual(['BadRequestException', 400])
  })
})

// AWS does not document the order of GetDeployments
// (https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployments.html); the emulator answers in
// creation order, oldest first. Anything that needs "the most recent" must sort by createdDate itself.
describe('GetDeployments order', () => {
  it('is creation order, oldest first, with createdDate to sort by', async () => {
    const { restApiId, deploymentId: first } = await deployedApi(ctx.client, 'prod')
    const second = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const third = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const list = await ctx.client.send(new GetDeploymentsCommand({ restApiId }))
    expect(list.items?.map(d => d.id)).toEqual([first, second.id, third.id])
    expect(list.items?.every(d => d.createdDate instanceof Date)).toBe(true)
  })
})
