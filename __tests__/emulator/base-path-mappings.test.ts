import {
  CreateBasePathMappingCommand,
  CreateStageCommand,
  DeleteBasePathMappingCommand,
  DeleteDomainNameCommand,
  GetBasePathMappingCommand,
  GetBasePathMappingsCommand,
  UpdateBasePathMappingCommand,
  paginateGetBasePathMappings
} from '@aws-sdk/client-api-gateway'
import { deployedApi, sdkError, statusOf, useEmulator } from './helpers.js'
import { createDomain } from './domain-helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

let domainCount = 0
/** A fresh regional domain per test, so tests do not see each other's mappings. */
async function freshDomain(): Promise<string> {
  const domainName = `bpm${domainCount++}.example.com`
  await createDomain(ctx.client, ctx.emu, domainName)
  return domainName
}

async function expectError(
  send: () => Promise<unknown>,
  [name, status, message]: [string, number, string]
): Promise<void> {
  const err = await sdkError(send)
  expect([err.name, statusOf(err), err.message]).toEqual([name, status, message])
}

describe('CreateBasePathMapping / GetBasePathMapping(s)', () => {
  it('maps a base path and the root, which AWS stores as "(none)"', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const v1 = await ctx.client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: 'v1', restApiId, stage: 'prod' })
    )
    expect(v1).toMatchObject({ basePath: 'v1', restApiId, stage: 'prod' })
    const root = await ctx.client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: '', restApiId, stage: 'prod' })
    )
    expect(root).toMatchObject({ basePath: '(none)', restApiId, stage: 'prod' })

    const got = await ctx.client.send(new GetBasePathMappingCommand({ domainName, basePath: '(none)' }))
    expect(got).toMatchObject({ basePath: '(none)', restApiId, stage: 'prod' })
    const all = await ctx.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(all.items?.map(m => m.basePath)).toEqual(['v1', '(none)'])
  })

  it('accepts "(none)" for the root and a mapping without a stage', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const root = await ctx.client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: '(none)', restApiId })
    )
    expect(root.basePath).toBe('(none)')
    expect(root.stage).toBeUndefined()
  })

  it('pages through the mappings of a domain', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    for (const basePath of ['a', 'b', 'c', 'd', 'e']) {
      await ctx.client.send(
        new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage: 'prod' })
      )
    }
    const seen: string[] = []
    for await (const page of paginateGetBasePathMappings(
      { client: ctx.client, pageSize: 2 },
      { domainName }
    )) {
      seen.push(...(page.items ?? []).map(m => m.basePath as string))
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it("refuses a taken path with AWS's 409 ConflictException", async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    for (const basePath of ['orders', '']) {
      await ctx.client.send(
        new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage: 'prod' })
      )
    }
    for (const basePath of ['orders', '(none)', '']) {
      await expectError(
        () =>
          ctx.client.send(
            new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage: 'prod' })
          ),
        ['ConflictException', 409, 'Base path already exists for this domain name']
      )
    }
  })

  it('refuses multi-level paths, an unknown API or stage, and an unknown domain', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    const create =
      (input: { basePath?: string; restApiId: string; stage?: string; domainName?: string }) => () =>
        ctx.client.send(new CreateBasePathMappingCommand({ domainName, ...input }))
    await expectError(create({ basePath: 'v1/orders', restApiId, stage: 'prod' }), [
      'BadRequestException',
      400,
      "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2."
    ])
    await expectError(create({ basePath: 'v1', restApiId, stage: 'nope' }), [
      'BadRequestException',
      400,
      'Invalid stage identifier specified'
    ])
    await expectError(create({ basePath: 'v1', restApiId: 'nope123456', stage: 'prod' }), [
      'BadRequestException',
      400,
      'Invalid REST API identifier specified'
    ])
    await expectError(create({ basePath: 'v1', restApiId, stage: 'prod', domainName: 'no.example.com' }), [
      'NotFoundException',
      404,
      'Invalid domain name identifier specified'
    ])
  })

  it('answers a missing base path with 404 "Invalid base path mapping identifier specified"', async () => {
    const domainName = await freshDomain()
    for (const send of [
      () => ctx.client.send(new GetBasePathMappingCommand({ domainName, basePath: 'missing' })),
      () => ctx.client.send(new GetBasePathMappingCommand({ domainName, basePath: '(none)' })),
      () => ctx.client.send(new DeleteBasePathMappingCommand({ domainName, basePath: 'missing' }))
    ]) {
      await expectError(send, ['NotFoundException', 404, 'Invalid base path mapping identifier specified'])
    }
  })
})

describe('UpdateBasePathMapping', () => {
  it('replaces /basePath, /restapiId and /stage in one call', async () => {
    const domainName = await freshDomain()
    const blue = await deployedApi(ctx.client, 'prod')
    const green = await deployedApi(ctx.client, 'live')
    await ctx.client.send(
      new CreateBasePathMappingCommand({
        domainName,
        basePath: 'v1',
        restApiId: blue.restApiId,
        stage: 'prod'
      })
    )
    const updated = await ctx.client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: 'v1',
        patchOperations: [
          { op: 'replace', path: '/restapiId', value: green.restApiId },
          { op: 'replace', path: '/stage', value: 'live' },
          { op: 'replace', path: '/basePath', value: 'v2' }
        ]
      })
    )
    expect(updated).toMatchObject({ basePath: 'v2', restApiId: green.restApiId, stage: 'live' })
    const all = await ctx.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(all.items).toEqual([{ basePath: 'v2', restApiId: green.restApiId, stage: 'live' }])
  })

  it('moves a mapping to another stage of the same API (promotion by mapping)', async () => {
    const domainName = await freshDomain()
    const { restApiId, deploymentId } = await deployedApi(ctx.client, 'blue')
    await ctx.client.send(new CreateStageCommand({ restApiId, stageName: 'green', deploymentId }))
    await ctx.client.send(
      new CreateBasePathMappingCommand({ domainName, basePath: '(none)', restApiId, stage: 'blue' })
    )
    const updated = await ctx.client.send(
      new UpdateBasePathMappingCommand({
        domainName,
        basePath: '(none)',
        patchOperations: [{ op: 'replace', path: '/stage', value: 'green' }]
      })
    )
    expect(updated).toMatchObject({ basePath: '(none)', stage: 'green' })
  })

  it('applies all operations or none, and checks the result like a new mapping', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    for (const basePath of ['v1', 'v2']) {
      await ctx.client.send(
        new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage: 'prod' })
      )
    }
    const update = (patchOperations: { op: 'replace' | 'add'; path: string; value?: string }[]) => () =>
      ctx.client.send(new UpdateBasePathMappingCommand({ domainName, basePath: 'v1', patchOperations }))
    await expectError(update([{ op: 'replace', path: '/basePath', value: 'v2' }]), [
      'ConflictException',
      409,
      'Base path already exists for this domain name'
    ])
    await expectError(
      update([
        { op: 'replace', path: '/basePath', value: 'v3' },
        { op: 'replace', path: '/stage', value: 'missing' }
      ]),
      ['BadRequestException', 400, 'Invalid stage identifier specified']
    )
    await expectError(update([{ op: 'replace', path: '/restapiId', value: 'nope123456' }]), [
      'BadRequestException',
      400,
      'Invalid REST API identifier specified'
    ])
    await expectError(update([{ op: 'replace', path: '/basePath', value: 'a/b' }]), [
      'BadRequestException',
      400,
      "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2."
    ])
    const unsupported = await sdkError(update([{ op: 'replace', path: '/restApiId', value: restApiId }]))
    expect([unsupported.name, statusOf(unsupported)]).toEqual(['BadRequestException', 400])
    const add = await sdkError(update([{ op: 'add', path: '/stage', value: 'prod' }]))
    expect([add.name, statusOf(add)]).toEqual(['BadRequestException', 400])

    const all = await ctx.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(all.items?.map(m => [m.basePath, m.stage])).toEqual([
      ['v1', 'prod'],
      ['v2', 'prod']
    ])
  })
})

describe('DeleteBasePathMapping / DeleteDomainName', () => {
  it('deletes one mapping, and the domain takes the rest with it', async () => {
    const domainName = await freshDomain()
    const { restApiId } = await deployedApi(ctx.client, 'prod')
    for (const basePath of ['v1', '(none)']) {
      await ctx.client.send(
        new CreateBasePathMappingCommand({ domainName, basePath, restApiId, stage: 'prod' })
      )
    }
    await ctx.client.send(new DeleteBasePathMappingCommand({ domainName, basePath: '(none)' }))
    const left = await ctx.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(left.items?.map(m => m.basePath)).toEqual(['v1'])

    await ctx.client.send(new DeleteDomainNameCommand({ domainName }))
    await createDomain(ctx.client, ctx.emu, domainName)
    const fresh = await ctx.client.send(new GetBasePathMappingsCommand({ domainName }))
    expect(fresh.items ?? []).toEqual([])
  })
})
