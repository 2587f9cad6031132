import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetRestApiCommand,
  GetRestApisCommand
} from '@aws-sdk/client-api-gateway'
import { createSampleApi } from '../../emulator/index.js'
import { sdkError, statusOf, useEmulator } from './helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

describe('endpoint configuration of REST APIs', () => {
  it('defaults to EDGE over IPv4, as AWS does', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'edge' }))
    expect(api.endpointConfiguration).toEqual({ types: ['EDGE'], ipAddressType: 'ipv4' })
  })

  it('keeps REGIONAL and PRIVATE (with VPC endpoints) through GetRestApi and GetRestApis', async () => {
    const regional = await ctx.client.send(
      new CreateRestApiCommand({ name: 'regional', endpointConfiguration: { types: ['REGIONAL'] } })
    )
    const priv = await ctx.client.send(
      new CreateRestApiCommand({
        name: 'private',
        endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: ['vpce-0123456789abcdef0'] }
      })
    )
    const got = await ctx.client.send(new GetRestApiCommand({ restApiId: priv.id }))
    expect(got.endpointConfiguration).toEqual({
      types: ['PRIVATE'],
      ipAddressType: 'dualstack',
      vpcEndpointIds: ['vpce-0123456789abcdef0']
    })
    const all = await ctx.client.send(new GetRestApisCommand({ limit: 500 }))
    const byId = new Map(all.items?.map(a => [a.id, a.endpointConfiguration?.types]))
    expect(byId.get(regional.id)).toEqual(['REGIONAL'])
    expect(byId.get(priv.id)).toEqual(['PRIVATE'])
  })

  it('refuses unknown types, VPC endpoints on a public API and IPv4-only private APIs', async () => {
    const cases = [
      { types: ['INTERNAL'] },
      { types: ['REGIONAL'], vpcEndpointIds: ['vpce-1'] },
      { types: ['PRIVATE'], ipAddressType: 'ipv4' as const }
    ]
    for (const endpointConfiguration of cases) {
      const err = await sdkError(() =>
        ctx.client.send(
          new CreateRestApiCommand({
            name: 'bad',
            endpointConfiguration: endpointConfiguration as never
          })
        )
      )
      expect([err.name, statusOf(err)]).toEqual(['BadRequestException', 400])
    }
  })

  it('lets the sample API helper pick the endpoint type', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      endpointType: 'REGIONAL'
    })
    expect(ctx.emu.getRestApi(restApiId)?.endpointConfiguration.types).toEqual(['REGIONAL'])
  })
})

describe('private APIs', () => {
  it('are invoked through the execute-api path like any other (the emulator has no VPC)', async () => {
    const { restApiId } = await createSampleApi({
      endpoint: ctx.emu.url,
      region: ctx.emu.region,
      endpointType: 'PRIVATE'
    })
    const deployment = await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    const res = await fetch(`${ctx.emu.invokeUrl(restApiId, 'prod')}/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', deployment: deployment.id })
  })
})
