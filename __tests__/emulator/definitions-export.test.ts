import type { APIGatewayClient } from '@aws-sdk/client-api-gateway'
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetExportCommand,
  ImportRestApiCommand,
  PutRestApiCommand
} from '@aws-sdk/client-api-gateway'
import YAML from 'yaml'
import { addMockRoute, sdkError, statusOf, useEmulator } from './helpers.js'
import { definition, fixture, mockOperation, resourcesByPath } from './definitions-helpers.js'

const ctx = useEmulator({ quotas: { createDeploymentIntervalMs: 0 } })

/** The pets fixture imported into a new API and deployed to `prod`. */
async function deployedPets(): Promise<string> {
  const imported = await ctx.client.send(new ImportRestApiCommand({ body: fixture('pets.oas30.yaml') }))
  const restApiId = imported.id as string
  await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
  return restApiId
}

async function exported(
  restApiId: string,
  exportType: 'oas30' | 'swagger',
  options: { extensions?: string; accepts?: string; stageName?: string } = {}
) {
  const out = await ctx.client.send(
    new GetExportCommand({
      restApiId,
      stageName: options.stageName ?? 'prod',
      exportType,
      accepts: options.accepts,
      ...(options.extensions && { parameters: { extensions: options.extensions } })
    })
  )
  const text = Buffer.from(out.body as Uint8Array).toString('utf8')
  const parsed: unknown = options.accepts === 'application/yaml' ? YAML.parse(text) : JSON.parse(text)
  // The tests index into the document by path; typing it in full would only restate the expectations.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { out, text, doc: parsed as any }
}

/** Paths, verbs and what each integration serves: what a round trip must keep. */
async function shape(client: APIGatewayClient, restApiId: string) {
  const byPath = await resourcesByPath(client, restApiId)
  return Object.fromEntries(
    [...byPath.entries()].map(([path, r]) => [
      path,
      Object.fromEntries(
        Object.entries(r.resourceMethods ?? {}).map(([verb, m]) => [
          verb,
          {
            apiKeyRequired: m.apiKeyRequired,
            type: m.methodIntegration?.type,
            requestTemplates: m.methodIntegration?.requestTemplates,
            responses: m.methodIntegration?.integrationResponses
          }
        ])
      )
    ])
  )
}

describe('GetExport', () => {
  it('writes OpenAPI 3.0.1 for oas30, as a file, without integrations unless asked', async () => {
    const restApiId = await deployedPets()
    const { out, doc } = await exported(restApiId, 'oas30')
    expect(out.contentType).toBe('application/octet-stream')
    expect(out.contentDisposition).toBe('attachment; filename="oas30_1.0.0.json"')
    expect(out.body).toBeInstanceOf(Uint8Array)
    expect(doc.openapi).toBe('3.0.1')
    expect(doc.info).toEqual({ title: 'pets-api', description: 'MOCK-only pets API', version: '1.0.0' })
    expect(doc.servers).toEqual([
      {
        url: `https://${restApiId}.execute-api.${ctx.emu.region}.amazonaws.com/{basePath}`,
        variables: { basePath: { default: 'prod' } }
      }
    ])
    expect(Object.keys(doc.paths)).toEqual([
      '/files/{proxy+}',
      '/health',
      '/pets',
      '/pets/{petId}',
      '/secret'
    ])
    expect(doc.paths['/pets/{petId}'].get).toEqual({
      operationId: 'getPet',
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        '200': { description: '200 response', content: {} },
        '404': { description: '404 response', content: {} }
      }
    })
    expect(doc.paths['/pets'].get.parameters).toEqual([
      { name: 'type', in: 'query', schema: { type: 'string' } }
    ])
    expect(doc.paths['/pets'].get.responses['200'].headers).toEqual({
      'Access-Control-Allow-Origin': { schema: { type: 'string' } }
    })
    expect(Object.keys(doc.paths['/files/{proxy+}'])).toEqual(['x-amazon-apigateway-any-method'])
    expect(doc.paths['/secret'].get.security).toEqual([{ api_key: [] }])
    expect(doc.components).toEqual({
      securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } }
    })
    expect(JSON.stringify(doc)).not.toContain('x-amazon-apigateway-integration')
    expect(doc['x-amazon-apigateway-binary-media-types']).toBeUndefined()
    expect(ctx.emu.calls.at(-1)).toMatchObject({ operation: 'GetExport', status: 200 })
  })

  it('writes Swagger 2.0 with host and basePath for swagger', async () => {
    const restApiId = await deployedPets()
    const { out, doc } = await exported(restApiId, 'swagger')
    expect(out.contentDisposition).toBe('attachment; filename="swagger_1.0.0.json"')
    expect(doc).toMatchObject({
      swagger: '2.0',
      info: { description: 'MOCK-only pets API', version: '1.0.0', title: 'pets-api' },
      host: `${restApiId}.execute-api.${ctx.emu.region}.amazonaws.com`,
      basePath: '/prod',
      schemes: ['https'],
      securityDefinitions: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } }
    })
    expect(doc.paths['/pets'].get.parameters).toEqual([
      { name: 'type', in: 'query', required: false, type: 'string' }
    ])
    expect(doc.paths['/pets'].get.responses['200']).toEqual({
      description: '200 response',
      headers: { 'Access-Control-Allow-Origin': { type: 'string' } }
    })
  })

  it('adds x-amazon-apigateway-integration with integrations, and the API extensions with apigateway', async () => {
    const restApiId = await deployedPets()
    const integrations = (await exported(restApiId, 'oas30', { extensions: 'integrations' })).doc
    expect(integrations.paths['/pets/{petId}'].get['x-amazon-apigateway-integration']).toEqual({
      type: 'mock',
      responses: {
        default: { statusCode: '200', responseTemplates: { 'application/json': '{"id":1}' } },
        '4\\d{2}': {
          statusCode: '404',
          responseTemplates: { 'application/json': '{"message":"no such pet"}' }
        }
      },
      requestTemplates: { 'application/json': '{"statusCode": 404}' },
      passthroughBehavior: 'when_no_match'
    })
    expect(integrations['x-amazon-apigateway-binary-media-types']).toBeUndefined()
    const apigateway = (await exported(restApiId, 'swagger', { extensions: 'apigateway' })).doc
    expect(apigateway['x-amazon-apigateway-binary-media-types']).toEqual(['image/png'])
    expect(apigateway.paths['/health'].get['x-amazon-apigateway-integration'].type).toBe('mock')
    const authorizers = (await exported(restApiId, 'oas30', { extensions: 'authorizers,postman' })).doc
    expect(JSON.stringify(authorizers)).not.toContain('x-amazon-apigateway-integration')
  })

  it('answers YAML for Accept: application/yaml', async () => {
    const restApiId = await deployedPets()
    const { out, text, doc } = await exported(restApiId, 'oas30', { accepts: 'application/yaml' })
    expect(out.contentDisposition).toBe('attachment; filename="oas30_1.0.0.yaml"')
    expect(text.startsWith('openapi: "3.0.1"\n')).toBe(true)
    expect(Object.keys(doc.paths)).toContain('/pets/{petId}')
  })

  it("exports the stage's deployment, not the API's current resources", async () => {
    const restApiId = await deployedPets()
    const later = definition({
      openapi: '3.0.1',
      info: { title: 'pets-api', version: '1.0.0' },
      paths: { '/later': { get: mockOperation('{}') } }
    })
    await ctx.client.send(new PutRestApiCommand({ restApiId, body: later }))
    expect(Object.keys((await exported(restApiId, 'oas30')).doc.paths)).not.toContain('/later')
    await ctx.client.send(new CreateDeploymentCommand({ restApiId, stageName: 'prod' }))
    expect(Object.keys((await exported(restApiId, 'oas30')).doc.paths)).toContain('/later')
  })

  it("names the file after the deployment's date when the API has no version", async () => {
    const api = await ctx.client.send(new CreateRestApiCommand({ name: 'unversioned' }))
    await addMockRoute(ctx.client, api.id as string, api.rootResourceId as string, 'ping', '{}')
    await ctx.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }))
    const { out, doc } = await exported(api.id as string, 'swagger')
    expect(out.contentDisposition).toMatch(
      /^attachment; filename="swagger_\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.json"$/
    )
    expect(out.contentDisposition).toContain(doc.info.version)
  })

  it('answers 404 for an unknown stage or API, and 400 for an unknown export type', async () => {
    const restApiId = await deployedPets()
    const stage = await sdkError(() => exported(restApiId, 'oas30', { stageName: 'nope' }))
    expect([stage.name, statusOf(stage), stage.message]).toEqual([
      'NotFoundException',
      404,
      'Invalid Stage identifier specified'
    ])
    const api = await sdkError(() => exported('nosuchapi0', 'oas30'))
    expect([api.name, statusOf(api)]).toEqual(['NotFoundException', 404])
    const type = await sdkError(() => exported(restApiId, 'raml' as never))
    expect([type.name, statusOf(type)]).toEqual(['BadRequestException', 400])
  })
})

describe('import -> deploy -> export -> import elsewhere', () => {
  it.each([
    ['oas30', 'application/json'],
    ['oas30', 'application/yaml'],
    ['swagger', 'application/json']
  ] as const)('keeps paths, methods and MOCK integrations (%s, %s)', async (exportType, accepts) => {
    const restApiId = await deployedPets()
    const { out } = await exported(restApiId, exportType, { extensions: 'integrations', accepts })
    const copy = await ctx.client.send(
      new ImportRestApiCommand({ body: out.body as Uint8Array, failOnWarnings: true })
    )
    expect(copy.warnings).toBeUndefined()
    expect(await shape(ctx.client, copy.id as string)).toEqual(await shape(ctx.client, restApiId))

    await ctx.client.send(new CreateDeploymentCommand({ restApiId: copy.id, stageName: 'copy' }))
    const res = await fetch(`${ctx.emu.invokeUrl(copy.id as string, 'copy')}/pets/3`)
    expect([res.status, await res.json()]).toEqual([404, { message: 'no such pet' }])
  })
})
