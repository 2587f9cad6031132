import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  ImportRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  PutRestApiCommand
} from '@aws-sdk/client-api-gateway'
import { addMockRoute, sdkError, statusOf, useEmulator } from './helpers.js'
import { definition, fixture, mockOperation, resourcesByPath } from './definitions-helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

async function newApi(name = 'target', binaryMediaTypes?: string[]) {
  const api = await ctx.client.send(new CreateRestApiCommand({ name, binaryMediaTypes }))
  return { restApiId: api.id as string, rootId: api.rootResourceId as string }
}

const PETS_PATHS = ['/', '/files', '/files/{proxy+}', '/health', '/pets', '/pets/{petId}', '/secret']

const WARNINGS = [
  'Parse issue: attribute components.invalid_key_will_warn is unexpected',
  'More than one server provided. Ignoring all but the first for defining endpoint configuration',
  "Parse issue: attribute paths.'/users'(get).parameters.[limit].type is unexpected",
  "Reference to model 'Users' not found. Ignoring.",
  "Invalid format for 'requestParameters'. Expected type string for property 'integration.request.header.x-flag' of resource '/users' and method 'GET' but got 'true'"
]

describe('PutRestApi', () => {
  it('imports an OpenAPI 3 YAML file: resources, methods, MOCK integrations and the API fields', async () => {
    const { restApiId } = await newApi()
    const put = await ctx.client.send(new PutRestApiCommand({ restApiId, body: fixture('pets.oas30.yaml') }))
    expect(put).toMatchObject({
      id: restApiId,
      name: 'pets-api',
      description: 'MOCK-only pets API',
      version: '1.0.0',
      binaryMediaTypes: ['image/png'],
      apiKeySource: 'HEADER',
      tags: {}
    })
    expect(put.warnings).toBeUndefined()
    expect(put.$metadata.httpStatusCode).toBe(200)

    const byPath = await resourcesByPath(ctx.client, restApiId)
    expect([...byPath.keys()].sort()).toEqual(PETS_PATHS)
    expect(Object.keys(byPath.get('/pets')?.resourceMethods ?? {})).toEqual(['GET', 'POST'])
    expect(Object.keys(byPath.get('/files/{proxy+}')?.resourceMethods ?? {})).toEqual(['ANY'])

    const pet = byPath.get('/pets/{petId}')?.id as string
    const method = await ctx.client.send(
      new GetMethodCommand({ restApiId, resourceId: pet, httpMethod: 'GET' })
    )
    expect(method).toMatchObject({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      operationName: 'getPet',
      requestParameters: { 'method.request.path.petId': true },
      methodResponses: { '200': { statusCode: '200' }, '404': { statusCode: '404' } }
    })
    const integration = await ctx.client.send(
      new GetIntegrationCommand({ restApiId, resourceId: pet, httpMethod: 'GET' })
    )
    expect(integration).toMatchObject({
      type: 'MOCK',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: pet,
      requestTemplates: { 'application/json': '{"statusCode": 404}' },
      integrationResponses: {
        '200': { statusCode: '200', responseTemplates: { 'application/json': '{"id":1}' } },
        '404': { statusCode: '404', selectionPattern: '4\\d{2}' }
      }
    })
    const secret = byPath.get('/secret')?.resourceMethods?.GET
    expect(secret?.apiKeyRequired).toBe(true)
    // YAML's `statusCode: 201` is stored as the string API Gateway keeps.
    expect(byPath.get('/pets')?.resourceMethods?.POST?.methodIntegration?.integrationResponses).toEqual({
      '201': { statusCode: '201', responseTemplates: { 'application/json': '{"created":true}' } }
    })
    expect(ctx.emu.calls.some(c => c.operation === 'PutRestApi' && c.status === 200)).toBe(true)
  })

  it('imports Swagger 2.0 JSON with http, http_proxy and aws_proxy integrations stored as given', async () => {
    const { restApiId } = await newApi()
    await ctx.client.send(
      new PutRestApiCommand({ restApiId, mode: 'overwrite', body: fixture('orders.swagger.json') })
    )
    const byPath = await resourcesByPath(ctx.client, restApiId)
    expect([...byPath.keys()].sort()).toEqual([
      '/',
      '/orders',
      '/orders/{orderId}',
      '/proxy',
      '/proxy/{proxy+}'
    ])
    expect(byPath.get('/orders')?.resourceMethods?.POST?.methodIntegration).toMatchObject({
      type: 'AWS_PROXY',
      httpMethod: 'POST',
      uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations'
    })
    expect(byPath.get('/orders/{orderId}')?.resourceMethods?.GET?.methodIntegration).toMatchObject({
      type: 'HTTP',
      httpMethod: 'GET',
      uri: 'https://orders.example.com/orders/{id}',
      connectionType: 'INTERNET',
      requestParameters: { 'integration.request.path.id': 'method.request.path.orderId' }
    })
    expect(byPath.get('/proxy/{proxy+}')?.resourceMethods?.ANY?.methodIntegration).toMatchObject({
      type: 'HTTP_PROXY',
      httpMethod: 'ANY',
      uri: 'http://127.0.0.1:9/{proxy}'
    })
    const api = await ctx.client.send(new GetRestApiCommand({ restApiId }))
    expect([api.name, api.version]).toEqual(['orders-api', '2024-01-01'])
  })

  it('merges by default: keeps what the file does not mention, replaces the methods it does', async () => {
    const { restApiId, rootId } = await newApi('merge-target', ['image/heif'])
    await addMockRoute(ctx.client, restApiId, rootId, 'legacy', '{"legacy":true}')
    const pets = await ctx.client.send(
      new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: 'pets' })
    )
    const target = { restApiId, resourceId: pets.id as string }
    for (const httpMethod of ['DELETE', 'GET']) {
      await ctx.client.send(new PutMethodCommand({ ...target, httpMethod, authorizationType: 'AWS_IAM' }))
      await ctx.client.send(new PutIntegrationCommand({ ...target, httpMethod, type: 'MOCK' }))
    }

    await ctx.client.send(new PutRestApiCommand({ restApiId, body: fixture('pets.oas30.yaml') }))
    const byPath = await resourcesByPath(ctx.client, restApiId)
    expect([...byPath.keys()].sort()).toEqual([...PETS_PATHS, '/legacy'].sort())
    expect(byPath.get('/pets')?.id).toBe(pets.id)
    const methods = byPath.get('/pets')?.resourceMethods ?? {}
    expect(Object.keys(methods).sort()).toEqual(['DELETE', 'GET', 'POST'])
    expect(methods.DELETE?.authorizationType).toBe('AWS_IAM')
    expect([methods.GET?.authorizationType, methods.GET?.operationName]).toEqual(['NONE', 'listPets'])
    const api = await ctx.client.send(new GetRestApiCommand({ restApiId }))
    expect(api.binaryMediaTypes).toEqual(['image/heif', 'image/png'])
  })

  it('overwrites: only the file is left, paths it keeps and the root keep their ids', async () => {
    const { restApiId, rootId } = await newApi('overwrite-target', ['image/heif'])
    await ctx.client.send(
      new PutRestApiCommand({ restApiId, mode: 'overwrite', body: fixture('pets.oas30.yaml') })
    )
    const before = await resourcesByPath(ctx.client, restApiId)
    const smaller = definition({
      openapi: '3.0.1',
      info: { title: 'smaller', version: '2' },
      paths: { '/pets': { delete: mockOperation('{}') } }
    })
    await ctx.client.send(new PutRestApiCommand({ restApiId, mode: 'overwrite', body: smaller }))
    const after = await resourcesByPath(ctx.client, restApiId)
    expect([...after.keys()].sort()).toEqual(['/', '/pets'])
    expect(after.get('/')?.id).toBe(rootId)
    expect(after.get('/pets')?.id).toBe(before.get('/pets')?.id)
    expect(Object.keys(after.get('/pets')?.resourceMethods ?? {})).toEqual(['DELETE'])
    const api = await ctx.client.send(new GetRestApiCommand({ restApiId }))
    expect([api.name, api.binaryMediaTypes]).toEqual(['smaller', undefined])
  })

  it.each([
    ['ignore', ['/', '/orders', '/orders/{orderId}', '/proxy', '/proxy/{proxy+}']],
    [
      'prepend',
      [
        '/',
        '/shop',
        '/shop/orders-v2',
        '/shop/orders-v2/orders',
        '/shop/orders-v2/orders/{orderId}',
        '/shop/orders-v2/proxy',
        '/shop/orders-v2/proxy/{proxy+}'
      ]
    ],
    [
      'split',
      [
        '/',
        '/orders-v2',
        '/orders-v2/orders',
        '/orders-v2/orders/{orderId}',
        '/orders-v2/proxy',
        '/orders-v2/proxy/{proxy+}'
      ]
    ]
  ])('applies the Swagger basePath with basepath=%s', async (basepath, paths) => {
    const { restApiId } = await newApi()
    await ctx.client.send(
      new PutRestApiCommand({
        restApiId,
        mode: 'overwrite',
        body: fixture('orders.swagger.json'),
        parameters: { basepath }
      })
    )
    expect([...(await resourcesByPath(ctx.client, restApiId)).keys()].sort()).toEqual(paths)
  })

  it("takes OpenAPI 3's basePath server variable with basepath=prepend", async () => {
    const { restApiId } = await newApi()
    await ctx.client.send(
      new PutRestApiCommand({
        restApiId,
        body: fixture('pets.oas30.yaml'),
        parameters: { basepath: 'prepend' }
      })
    )
    const paths = [...(await resourcesByPath(ctx.client, restApiId)).keys()]
    expect(paths).toContain('/v1/pets/{petId}')
    expect(paths).not.toContain('/pets')
  })

  it('returns the warnings AWS gives, and imports anyway without failonwarnings', async () => {
    const { restApiId } = await newApi()
    const put = await ctx.client.send(
      new PutRestApiCommand({ restApiId, body: fixture('warnings.oas30.json') })
    )
    expect(put.warnings).toEqual(WARNINGS)
    const byPath = await resourcesByPath(ctx.client, restApiId)
    expect([...byPath.keys()].sort()).toEqual(['/', '/no-integration', '/users'])
    // The non-string request parameter is left out; an operation without integration is no warning.
    expect(byPath.get('/users')?.resourceMethods?.GET?.methodIntegration?.requestParameters).toBeUndefined()
    expect(byPath.get('/no-integration')?.resourceMethods?.GET?.methodIntegration).toBeUndefined()
    const err = await sdkError(() =>
      ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    )
    expect([err.name, err.message]).toEqual(['BadRequestException', 'No integration defined for method'])
  })

  it('with failonwarnings=true refuses with the warnings and changes nothing', async () => {
    const { restApiId } = await newApi('unchanged')
    await ctx.client.send(new PutRestApiCommand({ restApiId, body: fixture('pets.oas30.yaml') }))
    const before = await resourcesByPath(ctx.client, restApiId)
    const err = await sdkError(() =>
      ctx.client.send(
        new PutRestApiCommand({
          restApiId,
          mode: 'overwrite',
          failOnWarnings: true,
          body: fixture('warnings.oas30.json')
        })
      )
    )
    expect([err.name, statusOf(err)]).toEqual(['BadRequestException', 400])
    expect(err.message).toBe(`Warnings found during import:${WARNINGS.map(w => `\n\t${w}`).join('')}`)
    expect(await resourcesByPath(ctx.client, restApiId)).toEqual(before)
    expect((await ctx.client.send(new GetRestApiCommand({ restApiId }))).name).toBe('pets-api')
    expect(ctx.emu.calls.at(-3)).toMatchObject({ operation: 'PutRestApi', status: 400 })
  })

  it('refuses a file with errors whatever failonwarnings says, listing the warnings after them', async () => {
    const { restApiId } = await newApi('still-empty')
    const err = await sdkError(() =>
      ctx.client.send(new PutRestApiCommand({ restApiId, body: fixture('errors.oas30.json') }))
    )
    expect([err.name, statusOf(err)]).toEqual(['BadRequestException', 400])
    expect(err.message).toBe(
      [
        'Errors found during import:',
        "\tUnable to put integration on 'GET' for resource at path '/tags': Timeout should be between 50 ms and 29000 ms",
        "\tUnable to create resource at path '/registrations/{email}/{eventId}': A sibling ({id}) of this resource already has a variable path part -- only one is allowed",
        'Additionally, these warnings were found:',
        '\tParse issue: attribute components.invalid_key_will_warn is unexpected'
      ].join('\n')
    )
    expect([...(await resourcesByPath(ctx.client, restApiId)).keys()]).toEqual(['/'])
    expect((await ctx.client.send(new GetRestApiCommand({ restApiId }))).name).toBe('still-empty')
  })

  it.each([
    ['broken JSON', "{'key:value}"],
    [
      'broken YAML',
      'test:\n    value:\n        - "value ... \\"escaped\\": $var, \\"dt\\": $(var +"%a")}\\"\n'
    ],
    ['a scalar', 'just text'],
    ['JSON that is no definition', '{"name": "x"}'],
    ['an unsupported version', '{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}']
  ])('answers 400 "Invalid OpenAPI input." for %s', async (_what, body) => {
    const { restApiId } = await newApi()
    const err = await sdkError(() =>
      ctx.client.send(new PutRestApiCommand({ restApiId, body: Buffer.from(body) }))
    )
    expect([err.name, statusOf(err), err.message]).toEqual([
      'BadRequestException',
      400,
      'Invalid OpenAPI input.'
    ])
  })

  it('reads the body before looking the API up, as AWS does', async () => {
    const bad = await sdkError(() =>
      ctx.client.send(new PutRestApiCommand({ restApiId: 'nosuchapi0', body: Buffer.from('{') }))
    )
    expect([bad.name, bad.message]).toEqual(['BadRequestException', 'Invalid OpenAPI input.'])
    const missing = await sdkError(() =>
      ctx.client.send(new PutRestApiCommand({ restApiId: 'nosuchapi0', body: fixture('pets.oas30.yaml') }))
    )
    expect([missing.name, statusOf(missing)]).toEqual(['NotFoundException', 404])
  })

  it('refuses an unknown mode or basepath value', async () => {
    const { restApiId } = await newApi()
    const mode = await sdkError(() =>
      ctx.client.send(
        new PutRestApiCommand({ restApiId, mode: 'replace' as never, body: fixture('pets.oas30.yaml') })
      )
    )
    expect([mode.name, mode.message]).toEqual([
      'BadRequestException',
      'Enumeration value of OpenAPI import mode must be "overwrite" or "merge"'
    ])
    const basepath = await sdkError(() =>
      ctx.client.send(
        new PutRestApiCommand({
          restApiId,
          body: fixture('pets.oas30.yaml'),
          parameters: { basepath: 'strip' }
        })
      )
    )
    expect([basepath.name, statusOf(basepath)]).toEqual(['BadRequestException', 400])
  })
})

describe('ImportRestApi', () => {
  it('creates an API from a definition, with the endpoint type it is given', async () => {
    const imported = await ctx.client.send(
      new ImportRestApiCommand({
        body: fixture('orders.swagger.json'),
        parameters: { endpointConfigurationTypes: 'REGIONAL', basepath: 'ignore' }
      })
    )
    expect(imported.$metadata.httpStatusCode).toBe(201)
    expect(imported).toMatchObject({ name: 'orders-api', version: '2024-01-01' })
    expect(imported.endpointConfiguration?.types).toEqual(['REGIONAL'])
    const paths = [...(await resourcesByPath(ctx.client, imported.id as string)).keys()]
    expect(paths.sort()).toEqual(['/', '/orders', '/orders/{orderId}', '/proxy', '/proxy/{proxy+}'])
    expect(ctx.emu.calls.at(-2)).toMatchObject({
      operation: 'ImportRestApi',
      method: 'POST',
      path: '/restapis'
    })
  })

  it('returns warnings, or with failonwarnings=true refuses and creates nothing', async () => {
    const withWarnings = await ctx.client.send(
      new ImportRestApiCommand({ body: fixture('warnings.oas30.json') })
    )
    expect(withWarnings.warnings).toEqual(WARNINGS)
    const count = async () => (await ctx.client.send(new GetRestApisCommand({ limit: 500 }))).items?.length
    const before = await count()
    const err = await sdkError(() =>
      ctx.client.send(
        new ImportRestApiCommand({ body: fixture('warnings.oas30.json'), failOnWarnings: true })
      )
    )
    expect(err.message.startsWith('Warnings found during import:\n\t')).toBe(true)
    const errors = await sdkError(() =>
      ctx.client.send(new ImportRestApiCommand({ body: fixture('errors.oas30.json') }))
    )
    expect(errors.message.startsWith('Errors found during import:\n\t')).toBe(true)
    expect(await count()).toBe(before)
  })

  it('leaves CreateRestApi (the same path without ?mode=import) alone', async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'plain' }))
    expect(api.name).toBe('plain')
    expect(ctx.emu.calls.at(-1)?.operation).toBe('CreateRestApi')
  })
})
