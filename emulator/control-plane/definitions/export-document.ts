import { compact } from '../../http/input.js'
import type { MethodJson, ResourceJson, RestApiJson } from '../types.js'
import { exportIntegration } from './export-integration.js'

// The definition GetExport writes for a stage, from the stage's deployment (what the stage serves, not the
// API's current resources). Layout as AWS writes it, from LocalStack's recordings of AWS
// (test_apigateway_extended.snapshot.json):
// - swagger: "swagger": "2.0", info {description, version, title}, host "{id}.execute-api.{region}.amazonaws.com",
//   basePath "/{stage}", schemes ["https"], paths;
// - oas30: "openapi": "3.0.1", info {title, description, version}, servers [{url:
//   "https://{id}.execute-api.{region}.amazonaws.com/{basePath}", variables: {basePath: {default: "{stage}"}}}],
//   paths, components;
// - only resources with methods appear; a method response is {"description": "{code} response"} plus its
//   headers (oas30 adds "content": {}); path parameters are required strings.
// Models are not kept by the emulator, so no definitions / components.schemas are written. The endpoint
// configuration is never exported ("When you export an API, the API endpoint configuration is not included":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/import-export-api-endpoints.html).

export type ExportType = 'oas30' | 'swagger'

export interface ExportSource {
  api: RestApiJson
  region: string
  stageName: string
  snapshot: readonly ResourceJson[]
  /** info.version: the API's version, else a date (AWS: e.g. "2020-01-13T13:15:44Z"). */
  version: string
  /** The `extensions` parameter: integrations, apigateway, authorizers, postman. */
  extensions: ReadonlySet<string>
}

// "extensions: 'integrations' or 'apigateway' will export the API with x-amazon-apigateway-integration
// extensions. 'authorizers' will export the API with x-amazon-apigateway-authorizer extensions. 'postman' will
// export the API with Postman extensions" (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html).
// The emulator has no authorizers, and writes nothing for postman.
const withIntegrations = (x: ReadonlySet<string>): boolean => x.has('integrations') || x.has('apigateway')

/** API keys as AWS exports them: one apiKey scheme for x-api-key, required by the methods that need a key. */
const API_KEY_SCHEME = { api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' } }

const verbKey = (httpMethod: string): string =>
  httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : httpMethod.toLowerCase()

function parameters(method: MethodJson, type: ExportType): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const [key, required] of Object.entries(method.requestParameters ?? {})) {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key)
    if (!match) continue
    const where = match[1] === 'querystring' ? 'query' : match[1]
    const isRequired = where === 'path' || required
    out.push(
      type === 'swagger'
        ? { name: match[2], in: where, required: isRequired, type: 'string' }
        : compact({
            name: match[2],
            in: where,
            required: isRequired || undefined,
            schema: { type: 'string' }
          })
    )
  }
  return out
}

function responses(method: MethodJson, type: ExportType): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const response of Object.values(method.methodResponses ?? {})) {
    const headers = Object.keys(response.responseParameters ?? {})
      .map(k => /^method\.response\.header\.(.+)$/.exec(k)?.[1])
      .filter((h): h is string => h !== undefined)
    const headerSchema = type === 'swagger' ? { type: 'string' } : { schema: { type: 'string' } }
    out[response.statusCode] = compact({
      description: `${response.statusCode} response`,
      headers: headers.length > 0 ? Object.fromEntries(headers.map(h => [h, headerSchema])) : undefined,
      content: type === 'oas30' ? {} : undefined
    })
  }
  return out
}

function operation(method: MethodJson, type: ExportType, source: ExportSource): Record<string, unknown> {
  const params = parameters(method, type)
  return compact({
    operationId: method.operationName,
    parameters: params.length > 0 ? params : undefined,
    responses: responses(method, type),
    security: method.apiKeyRequired ? [{ api_key: [] }] : undefined,
    'x-amazon-apigateway-integration':
      method.methodIntegration && withIntegrations(source.extensions)
        ? exportIntegration(method.methodIntegration)
        : undefined
  })
}

function paths(source: ExportSource, type: ExportType): Record<string, unknown> {
  const withMethods = source.snapshot
    .filter(r => Object.keys(r.resourceMethods ?? {}).length > 0)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return Object.fromEntries(
    withMethods.map(r => [
      r.path,
      Object.fromEntries(
        Object.values(r.resourceMethods ?? {}).map(m => [verbKey(m.httpMethod), operation(m, type, source)])
      )
    ])
  )
}

/** x-amazon-apigateway-binary-media-types (recorded) and a non-default api key source, with extensions=apigateway. */
function apiExtensions(source: ExportSource): Record<string, unknown> {
  if (!source.extensions.has('apigateway')) return {}
  const { binaryMediaTypes, apiKeySource } = source.api
  return compact({
    'x-amazon-apigateway-binary-media-types': binaryMediaTypes?.length ? binaryMediaTypes : undefined,
    'x-amazon-apigateway-api-key-source': apiKeySource !== 'HEADER' ? apiKeySource : undefined
  })
}

const usesApiKeys = (source: ExportSource): boolean =>
  source.snapshot.some(r => Object.values(r.resourceMethods ?? {}).some(m => m.apiKeyRequired))

export function exportDocument(type: ExportType, source: ExportSource): Record<string, unknown> {
  const { api, region, stageName } = source
  const host = `${api.id}.execute-api.${region}.amazonaws.com`
  const keys = usesApiKeys(source)
  if (type === 'swagger') {
    return compact({
      swagger: '2.0',
      info: compact({ description: api.description, version: source.version, title: api.name }),
      host,
      basePath: `/${stageName}`,
      schemes: ['https'],
      paths: paths(source, type),
      securityDefinitions: keys ? API_KEY_SCHEME : undefined,
      ...apiExtensions(source)
    })
  }
  return {
    openapi: '3.0.1',
    info: compact({ title: api.name, description: api.description, version: source.version }),
    servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stageName } } }],
    paths: paths(source, type),
    components: keys ? { securitySchemes: API_KEY_SCHEME } : {},
    ...apiExtensions(source)
  }
}
