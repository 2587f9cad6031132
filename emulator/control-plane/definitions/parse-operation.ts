import { compact } from '../../http/input.js'
import type { ParsedOperation } from './definition-types.js'
import type { DefinitionKind } from './document.js'
import { modelNotFound, parseIssue } from './import-messages.js'
import { parseIntegration } from './parse-integration.js'
import type { Obj } from './values.js'
import { deref, isObject, listAt, objectAt, resolveRef, stringAt } from './values.js'

// One OpenAPI operation as an API Gateway method: operationId -> operationName, parameters -> requestParameters,
// body schemas -> requestModels, responses -> methodResponses, security -> apiKeyRequired / authorizationType,
// x-amazon-apigateway-integration -> its integration. An operation without that extension becomes a method with
// no integration and no warning: Terraform's failOnWarnings acceptance test (hashicorp/terraform-provider-aws,
// TestAccAPIGatewayRestAPI_failOnWarnings) needs an unexpected `components` key to get a warning although its
// GET /users has no integration; CreateDeployment then refuses "No integration defined for method".

export interface OperationSite {
  doc: Obj
  kind: DefinitionKind
  /** The path as written in the definition (for swagger-parser's locations). */
  rawPath: string
  /** The operation's key as written: 'get', 'x-amazon-apigateway-any-method', ... */
  verb: string
  httpMethod: string
  /** The resource path it lands on, base path applied. */
  resourcePath: string
  warnings: string[]
  errors: string[]
}

/** 'Pet' for '#/components/schemas/Pet' or '#/definitions/Pet' when it exists; a warning (and nothing) if not. */
function modelName(site: OperationSite, schema: unknown): string | undefined {
  const ref = isObject(schema) ? stringAt(schema.$ref) : undefined
  if (ref === undefined) return undefined
  const name = ref.slice(ref.lastIndexOf('/') + 1)
  if (resolveRef(site.doc, ref) === undefined) {
    site.warnings.push(modelNotFound(name))
    return undefined
  }
  return name
}

/** Models by content type, from OpenAPI 3's `content` map. */
function contentModels(site: OperationSite, content: unknown): Record<string, string> {
  const models: Record<string, string> = {}
  for (const [contentType, media] of Object.entries(objectAt(content))) {
    const name = modelName(site, objectAt(media).schema)
    if (name) models[contentType] = name
  }
  return models
}

const LOCATIONS: Record<string, string> = { path: 'path', query: 'querystring', header: 'header' }

function requestSide(site: OperationSite, pathParameters: unknown, op: Obj) {
  const requestParameters: Record<string, boolean> = {}
  let requestModels: Record<string, string> = {}
  // Operation parameters override path-level ones of the same name and location (OpenAPI's rule).
  const byKey = new Map<string, Obj>()
  for (const raw of [...listAt(pathParameters), ...listAt(op.parameters)]) {
    const p = deref(site.doc, raw)
    byKey.set(`${stringAt(p.in)}:${stringAt(p.name)}`, p)
  }
  for (const p of byKey.values()) {
    const name = stringAt(p.name) ?? ''
    const where = stringAt(p.in) ?? ''
    // OpenAPI 3 parameters have a `schema`, not a `type`: AWS passes swagger-parser's complaint on.
    if (site.kind === 'oas30' && 'type' in p) {
      const location = `paths.'${site.rawPath}'(${site.verb}).parameters.[${name}]`
      site.warnings.push(parseIssue(location, 'type', 'is unexpected'))
    }
    if (LOCATIONS[where])
      requestParameters[`method.request.${LOCATIONS[where]}.${name}`] = p.required === true
    if (site.kind === 'swagger' && where === 'body') {
      const model = modelName(site, p.schema)
      if (model) requestModels = { 'application/json': model }
    }
  }
  if (site.kind === 'oas30' && op.requestBody !== undefined) {
    requestModels = contentModels(site, deref(site.doc, op.requestBody).content)
  }
  // A {name} resource gets its path parameter whether or not the definition declares it (what AWS does, as
  // LocalStack's import, checked against AWS, reproduces).
  const last = site.resourcePath.slice(site.resourcePath.lastIndexOf('/') + 1)
  const variable = /^\{([^+}]+)\}$/.exec(last)?.[1]
  if (variable) requestParameters[`method.request.path.${variable}`] = true
  return { requestParameters, requestModels }
}

function methodResponses(site: OperationSite, op: Obj) {
  if (!isObject(op.responses)) {
    site.warnings.push(parseIssue(`paths.'${site.rawPath}'(${site.verb})`, 'responses', 'is missing'))
    return undefined
  }
  const out: Record<string, { statusCode: string; responseParameters?: Record<string, boolean> }> = {}
  for (const [statusCode, raw] of Object.entries(op.responses)) {
    // `default` and ranges (2XX) have no method response in API Gateway.
    if (!/^[1-5]\d\d$/.test(statusCode)) continue
    const response = deref(site.doc, raw)
    const headers = Object.keys(objectAt(response.headers))
    const models =
      site.kind === 'swagger'
        ? Object.fromEntries(
            [modelName(site, response.schema)].filter(Boolean).map(n => ['application/json', n as string])
          )
        : contentModels(site, response.content)
    out[statusCode] = compact({
      statusCode,
      responseParameters:
        headers.length > 0
          ? Object.fromEntries(headers.map(h => [`method.response.header.${h}`, false]))
          : undefined,
      responseModels: Object.keys(models).length > 0 ? models : undefined
    })
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/**
 * API keys: a security requirement naming an apiKey scheme for the x-api-key header
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-api-key-source.html).
 * Authorizers: x-amazon-apigateway-authtype awsSigv4 is AWS_IAM, an x-amazon-apigateway-authorizer of type token or
 * request is CUSTOM, cognito_user_pools is COGNITO_USER_POOLS
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html).
 * The emulator keeps the authorization type only: it has no authorizers, and serves such methods unauthorized.
 */
function security(site: OperationSite, op: Obj) {
  const requirements = Array.isArray(op.security) ? op.security : listAt(site.doc.security)
  const schemes =
    site.kind === 'swagger'
      ? objectAt(site.doc.securityDefinitions)
      : objectAt(objectAt(site.doc.components).securitySchemes)
  let apiKeyRequired = false
  let authorizationType = 'NONE'
  for (const requirement of requirements) {
    for (const name of Object.keys(objectAt(requirement))) {
      const scheme = deref(site.doc, schemes[name])
      const authorizer = scheme['x-amazon-apigateway-authorizer']
      if (isObject(authorizer)) {
        const type = stringAt(authorizer.type)?.toLowerCase()
        authorizationType = type === 'cognito_user_pools' ? 'COGNITO_USER_POOLS' : 'CUSTOM'
      } else if (stringAt(scheme['x-amazon-apigateway-authtype'])?.toLowerCase() === 'awssigv4') {
        authorizationType = 'AWS_IAM'
      } else if (
        scheme.type === 'apiKey' &&
        scheme.in === 'header' &&
        stringAt(scheme.name)?.toLowerCase() === 'x-api-key'
      ) {
        apiKeyRequired = true
      }
    }
  }
  return { apiKeyRequired, authorizationType }
}

export function parseOperation(site: OperationSite, pathParameters: unknown, op: Obj): ParsedOperation {
  const { requestParameters, requestModels } = requestSide(site, pathParameters, op)
  const { apiKeyRequired, authorizationType } = security(site, op)
  const extension = op['x-amazon-apigateway-integration']
  return {
    method: compact({
      httpMethod: site.httpMethod,
      authorizationType,
      apiKeyRequired,
      operationName: stringAt(op.operationId),
      requestParameters: Object.keys(requestParameters).length > 0 ? requestParameters : undefined,
      requestModels: Object.keys(requestModels).length > 0 ? requestModels : undefined,
      methodResponses: methodResponses(site, op)
    }),
    integration:
      extension === undefined
        ? undefined
        : parseIntegration(extension, {
            method: site.httpMethod,
            path: site.resourcePath,
            warnings: site.warnings,
            errors: site.errors
          })
  }
}
