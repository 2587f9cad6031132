import type { BasePathMode } from './base-path.js'
import { declaredBasePath, joinPath, resourcePrefix } from './base-path.js'
import type { ParsedDefinition, ParsedPath } from './definition-types.js'
import type { Definition } from './document.js'
import { moreThanOneServer, parseIssue, pathWithoutSlash } from './import-messages.js'
import { parseOperation } from './parse-operation.js'
import type { Obj } from './values.js'
import { deref, isObject, listAt, objectAt, scalarAt, stringAt, stringListAt } from './values.js'

// An OpenAPI 3.0 or Swagger 2.0 document as API Gateway imports it
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html): info.title is the
// API's name, info.description and info.version its description and version; every path a resource (its
// parents created as needed), every operation a method; the API-level extensions
// x-amazon-apigateway-binary-media-types, -api-key-source and -endpoint-configuration set the API's fields
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html).
// Models, validators, authorizers, gateway responses and documentation parts are not created.

/** The operation keys API Gateway reads; x-amazon-apigateway-any-method is ANY
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-any-method.html). */
const VERBS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY'
}

// Members the two specifications define; swagger-parser reports others (not x-*) as "is unexpected", which AWS
// passes on, e.g. "Parse issue: attribute components.invalid_key_will_warn is unexpected" for the definition of
// Terraform's failOnWarnings acceptance test.
const PATH_ITEM = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', 'trace'])
const TOP_LEVEL = {
  oas30: new Set(['openapi', 'info', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs']),
  swagger: new Set([
    'swagger',
    'info',
    'host',
    'basePath',
    'schemes',
    'consumes',
    'produces',
    'paths',
    'definitions',
    'parameters',
    'responses',
    'securityDefinitions',
    'security',
    'tags',
    'externalDocs'
  ])
}
const COMPONENTS = new Set([
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks'
])

const isExtension = (key: string): boolean => key.startsWith('x-')

function unexpected(object: Obj, allowed: Set<string>, location: string, warnings: string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.has(key) && !isExtension(key)) warnings.push(parseIssue(location, key, 'is unexpected'))
  }
}

function checkShape({ doc, kind }: Definition, warnings: string[]): void {
  unexpected(doc, TOP_LEVEL[kind], '', warnings)
  if (kind === 'oas30' && isObject(doc.components)) {
    unexpected(doc.components, COMPONENTS, 'components', warnings)
  }
  if (!isObject(doc.info)) warnings.push(parseIssue('', 'info', 'is missing'))
  else {
    if (scalarAt(doc.info.title) === undefined) warnings.push(parseIssue('info', 'title', 'is missing'))
    if (scalarAt(doc.info.version) === undefined) warnings.push(parseIssue('info', 'version', 'is missing'))
  }
  if (!isObject(doc.paths)) warnings.push(parseIssue('', 'paths', 'is missing'))
  if (kind === 'oas30' && listAt(doc.servers).length > 1) warnings.push(moreThanOneServer)
}

/** '/pets/' and '/pets' are one resource. */
const trimSlash = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') || '/' : path)

export function parseDefinition(definition: Definition, mode: BasePathMode): ParsedDefinition {
  const { doc, kind } = definition
  const warnings: string[] = []
  const errors: string[] = []
  checkShape(definition, warnings)
  const prefix = resourcePrefix(declaredBasePath(doc, kind), mode)
  const paths: ParsedPath[] = []
  for (const [rawPath, rawItem] of Object.entries(objectAt(doc.paths))) {
    if (isExtension(rawPath)) continue
    if (!rawPath.startsWith('/')) {
      warnings.push(pathWithoutSlash(rawPath))
      continue
    }
    const item = deref(doc, rawItem)
    const resourcePath = joinPath(prefix, trimSlash(rawPath))
    unexpected(item, new Set([...PATH_ITEM, ...Object.keys(VERBS)]), `paths.'${rawPath}'`, warnings)
    const operations = Object.entries(item)
      .filter(([verb, op]) => VERBS[verb] !== undefined && isObject(op))
      .map(([verb, op]) =>
        parseOperation(
          { doc, kind, rawPath, verb, httpMethod: VERBS[verb], resourcePath, warnings, errors },
          item.parameters,
          op as Obj
        )
      )
    paths.push({ path: resourcePath, operations })
  }
  const info = objectAt(doc.info)
  const endpoint = objectAt(doc['x-amazon-apigateway-endpoint-configuration'])
  return {
    kind,
    title: scalarAt(info.title),
    description: stringAt(info.description),
    version: scalarAt(info.version),
    paths,
    binaryMediaTypes: stringListAt(doc['x-amazon-apigateway-binary-media-types']),
    apiKeySource: stringAt(doc['x-amazon-apigateway-api-key-source'])?.toUpperCase(),
    disableExecuteApiEndpoint:
      typeof endpoint.disableExecuteApiEndpoint === 'boolean'
        ? endpoint.disableExecuteApiEndpoint
        : undefined,
    warnings,
    errors
  }
}
