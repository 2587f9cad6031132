import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { definitionMethods, diffDefinitions } from '../../../src/definitions/diff.js'
import { parseYaml } from '../../../src/inputs/yaml.js'

const FIXTURES = join(process.cwd(), '__tests__', 'emulator', 'fixtures', 'definitions')
const pets = parseYaml(readFileSync(join(FIXTURES, 'pets.oas30.yaml'), 'utf8'))
const orders = JSON.parse(readFileSync(join(FIXTURES, 'orders.swagger.json'), 'utf8')) as unknown

const integration = (type: string, uri?: string, httpMethod?: string) => ({
  'x-amazon-apigateway-integration': { type, uri, httpMethod }
})
const LAMBDA =
  'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:1:function:'

/** An export as GetExport oas30 with extensions=integrations writes it. */
const served = {
  openapi: '3.0.1',
  info: { title: 'shop', version: '1' },
  servers: [
    {
      url: 'https://x.execute-api.eu-west-1.amazonaws.com/{basePath}',
      variables: { basePath: { default: 'prod' } }
    }
  ],
  paths: {
    '/orders': {
      get: integration('aws_proxy', `${LAMBDA}list/invocations`, 'POST'),
      post: {
        ...integration('aws_proxy', `${LAMBDA}create/invocations`, 'POST'),
        security: [{ api_key: [] }]
      }
    },
    '/orders/{id}': { get: integration('http', 'https://old.example.com/orders/{id}', 'GET') },
    '/legacy': { get: integration('mock') }
  },
  components: { securitySchemes: { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } } }
}

const next = {
  openapi: '3.0.1',
  info: { title: 'shop', version: '2' },
  paths: {
    '/orders': {
      get: integration('AWS_PROXY', `${LAMBDA}list-v2/invocations`, 'POST'),
      post: integration('aws_proxy', `${LAMBDA}create/invocations`, 'POST'),
      delete: integration('aws_proxy', `${LAMBDA}delete/invocations`, 'POST')
    },
    '/orders/{id}': { get: integration('http_proxy', 'https://new.example.com/orders/{id}', 'ANY') },
    '/health': { get: integration('mock'), options: integration('mock') }
  }
}

describe('diffDefinitions', () => {
  it('lists what an overwrite adds, removes and changes, path by path', () => {
    expect(diffDefinitions(served, next, { mode: 'overwrite' })).toEqual([
      { setting: 'path /health', from: 'absent', to: 'GET, OPTIONS' },
      { setting: 'path /legacy', from: 'GET', to: 'absent' },
      {
        setting: 'path /orders GET integration URI',
        from: `${LAMBDA}list/invocations`,
        to: `${LAMBDA}list-v2/invocations`
      },
      { setting: 'path /orders POST API key', from: 'required', to: 'not required' },
      { setting: 'path /orders DELETE', from: 'absent', to: 'present' },
      { setting: 'path /orders/{id} GET integration', from: 'HTTP', to: 'HTTP_PROXY' },
      {
        setting: 'path /orders/{id} GET integration URI',
        from: 'https://old.example.com/orders/{id}',
        to: 'https://new.example.com/orders/{id}'
      },
      { setting: 'path /orders/{id} GET integration method', from: 'GET', to: 'ANY' }
    ])
  })

  it('removes nothing under merge: what the file does not name stays', () => {
    const changes = diffDefinitions(served, next, { mode: 'merge' })
    expect(changes.map(c => c.setting)).not.toContain('path /legacy')
    expect(changes.filter(c => c.to === 'absent')).toEqual([])
    expect(changes).toContainEqual({ setting: 'path /orders DELETE', from: 'absent', to: 'present' })
  })

  it('says when a method is removed from a path that stays', () => {
    const fewer = { ...served, paths: { ...served.paths, '/orders': { get: served.paths['/orders'].get } } }
    expect(diffDefinitions(served, fewer, { mode: 'overwrite' })).toEqual([
      { setting: 'path /orders POST', from: 'present', to: 'absent' }
    ])
  })

  it('lists nothing when the file is what the stage serves', () => {
    expect(diffDefinitions(served, served, { mode: 'overwrite' })).toEqual([])
    expect(diffDefinitions(served, served, { mode: 'merge' })).toEqual([])
  })

  it('adds every path to a stage that serves nothing yet', () => {
    expect(diffDefinitions(undefined, pets, { mode: 'overwrite' })).toEqual([
      { setting: 'path /files/{proxy+}', from: 'absent', to: 'ANY' },
      { setting: 'path /health', from: 'absent', to: 'GET' },
      { setting: 'path /pets', from: 'absent', to: 'GET, POST' },
      { setting: 'path /pets/{petId}', from: 'absent', to: 'GET' },
      { setting: 'path /secret', from: 'absent', to: 'GET' }
    ])
  })

  it('says when the import renames the API (info.title)', () => {
    const renamed = { ...served, info: { title: 'shop-v2', version: '1' } }
    expect(diffDefinitions(served, renamed, { mode: 'overwrite' })).toEqual([
      { setting: 'API name', from: 'shop', to: 'shop-v2' }
    ])
  })

  it('compares integration types in any case, and leaves out a MOCK’s backend method', () => {
    const a = { openapi: '3.0.1', paths: { '/m': { get: integration('mock', undefined, 'GET') } } }
    const b = { openapi: '3.0.1', paths: { '/m': { get: integration('MOCK', undefined, 'POST') } } }
    expect(diffDefinitions(a, b, { mode: 'overwrite' })).toEqual([])
  })

  it('shows a method losing or gaining its integration', () => {
    const a = { openapi: '3.0.1', paths: { '/m': { get: integration('mock') } } }
    const b = { openapi: '3.0.1', paths: { '/m': { get: { responses: {} } } } }
    expect(diffDefinitions(a, b, { mode: 'overwrite' })).toEqual([
      { setting: 'path /m GET integration', from: 'MOCK', to: 'none' }
    ])
    expect(diffDefinitions(b, a, { mode: 'overwrite' })).toEqual([
      { setting: 'path /m GET integration', from: 'none', to: 'MOCK' }
    ])
  })
})

describe('definitionMethods', () => {
  it('reads methods, ANY, integrations and API keys of an OpenAPI 3 file', () => {
    const methods = definitionMethods(pets, 'ignore')
    expect(methods.map(m => `${m.path} ${m.verb}`)).toEqual([
      '/health GET',
      '/pets GET',
      '/pets POST',
      '/pets/{petId} GET',
      '/secret GET',
      '/files/{proxy+} ANY'
    ])
    expect(methods.find(m => m.path === '/secret')).toEqual({
      path: '/secret',
      verb: 'GET',
      integration: { type: 'MOCK', uri: undefined, httpMethod: undefined },
      apiKeyRequired: true
    })
    expect(methods.filter(m => m.apiKeyRequired).map(m => m.path)).toEqual(['/secret'])
  })

  it('reads a Swagger 2 file, its security definitions and integration methods', () => {
    const methods = definitionMethods(orders, 'ignore')
    expect(
      methods.map(m => `${m.path} ${m.verb} ${m.integration?.type} ${m.integration?.httpMethod}`)
    ).toEqual([
      '/orders GET MOCK undefined',
      '/orders POST AWS_PROXY POST',
      '/orders/{orderId} GET HTTP GET',
      '/proxy/{proxy+} ANY HTTP_PROXY ANY'
    ])
    const keyed = {
      swagger: '2.0',
      securityDefinitions: {
        key: { type: 'apiKey', name: 'X-API-Key', in: 'header' },
        other: { type: 'basic' }
      },
      security: [{ key: [] }],
      paths: {
        '/a': { get: {}, post: { security: [{ other: [] }] }, parameters: [], summary: 'not a method' }
      }
    }
    expect(definitionMethods(keyed, 'ignore').map(m => [m.verb, m.apiKeyRequired])).toEqual([
      ['GET', true],
      ['POST', false]
    ])
  })

  it.each([
    ['ignore', ['/orders', '/proxy/{proxy+}']],
    ['prepend', ['/shop/orders-v2/orders', '/shop/orders-v2/proxy/{proxy+}']],
    ['split', ['/orders-v2/orders', '/orders-v2/proxy/{proxy+}']]
  ] as const)("puts Swagger's basePath /shop/orders-v2 under basepath=%s", (mode, paths) => {
    const found = new Set(definitionMethods(orders, mode).map(m => m.path))
    for (const path of paths) expect(found).toContain(path)
  })

  it("takes OpenAPI 3's basePath server variable, else the first server URL's path", () => {
    expect(definitionMethods(pets, 'prepend').map(m => m.path)).toContain('/v1/pets/{petId}')
    const byUrl = {
      openapi: '3.0.1',
      servers: [{ url: 'https://api.example.com/shop/v2/' }, { url: 'https://other.example.com/x' }],
      paths: { '/': { get: {} }, '/items/': { get: {} } }
    }
    expect(definitionMethods(byUrl, 'prepend').map(m => m.path)).toEqual(['/shop/v2', '/shop/v2/items'])
    expect(definitionMethods(byUrl, 'split').map(m => m.path)).toEqual(['/v2', '/v2/items'])
    expect(definitionMethods(byUrl, 'ignore').map(m => m.path)).toEqual(['/', '/items'])
  })

  it('reads nothing from what is not a definition', () => {
    expect(definitionMethods(undefined, 'ignore')).toEqual([])
    expect(definitionMethods({ paths: [] }, 'ignore')).toEqual([])
    expect(definitionMethods({ paths: { '/a': 'x', '/b': { get: 'x' } } }, 'ignore')).toEqual([])
  })
})
