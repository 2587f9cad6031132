import { badRequest, conflict, notFound } from '../http/errors.js'
import type { Body } from '../http/input.js'
import {
  compact,
  optionalBoolean,
  optionalString,
  optionalStringList,
  optionalStringMap,
  requiredString
} from '../http/input.js'
import type { Handler } from '../http/router.js'
import type { ApiEntry, Store } from './state.js'
import type { IntegrationJson, MethodJson, ResourceJson } from './types.js'

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY']
const INTEGRATION_TYPES = ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK']

function booleanMap(body: Body, key: string): Record<string, boolean> | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Object.values(value).some(v => typeof v !== 'boolean')) {
    throw badRequest(`Invalid value for '${key}': expected a map of booleans`)
  }
  return value as Record<string, boolean>
}

function findMethod(store: Store, entry: ApiEntry, resourceId: string, httpMethod: string): MethodJson {
  const method = store.resource(entry, resourceId).resourceMethods?.[httpMethod]
  if (!method) throw notFound('Invalid Method identifier specified')
  return method
}

function methodOf(ctx: Parameters<Handler>[0]): MethodJson {
  const entry = ctx.store.api(ctx.params.restApiId)
  return findMethod(ctx.store, entry, ctx.params.resourceId, ctx.params.httpMethod)
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html
export const putMethod: Handler = ({ store, params, body }) => {
  const entry = store.api(params.restApiId)
  const resource: ResourceJson = store.resource(entry, params.resourceId)
  const httpMethod = params.httpMethod
  if (!HTTP_METHODS.includes(httpMethod)) {
    throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`)
  }
  if (resource.resourceMethods?.[httpMethod]) throw conflict('Method already exists for this resource')
  const method: MethodJson = compact({
    httpMethod,
    authorizationType: requiredString(body, 'authorizationType'),
    apiKeyRequired: optionalBoolean(body, 'apiKeyRequired') ?? false,
    operationName: optionalString(body, 'operationName'),
    requestParameters: booleanMap(body, 'requestParameters'),
    requestModels: optionalStringMap(body, 'requestModels')
  })
  resource.resourceMethods = { ...resource.resourceMethods, [httpMethod]: method }
  return { status: 201, body: method }
}

export const getMethod: Handler = ctx => ({ status: 200, body: methodOf(ctx) })

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethodResponse.html
export const putMethodResponse: Handler = ctx => {
  const method = methodOf(ctx)
  const statusCode = ctx.params.statusCode
  if (!/^[1-5]\d\d$/.test(statusCode)) throw badRequest('Invalid status code specified')
  const response = compact({
    statusCode,
    responseParameters: booleanMap(ctx.body, 'responseParameters'),
    responseModels: optionalStringMap(ctx.body, 'responseModels')
  })
  method.methodResponses = { ...method.methodResponses, [statusCode]: response }
  return { status: 201, body: response }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html
export const putIntegration: Handler = ctx => {
  const { body, params } = ctx
  const method = methodOf(ctx)
  const type = requiredString(body, 'type')
  if (!INTEGRATION_TYPES.includes(type)) throw badRequest(`Invalid integration type specified: ${type}`)
  // The SDK's `integrationHttpMethod` travels as `httpMethod` in the JSON body.
  const integrationHttpMethod = optionalString(body, 'httpMethod')
  const uri = optionalString(body, 'uri')
  if (type !== 'MOCK') {
    if (!integrationHttpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty')
    if (!uri) throw badRequest('Invalid HTTP endpoint specified for URI')
  }
  if ((type === 'HTTP' || type === 'HTTP_PROXY') && !/^https?:\/\/\S+$/.test(uri ?? '')) {
    throw badRequest('Invalid HTTP endpoint specified for URI')
  }
  const integration: IntegrationJson = compact({
    type,
    httpMethod: integrationHttpMethod,
    uri,
    connectionType: type === 'MOCK' ? undefined : (optionalString(body, 'connectionType') ?? 'INTERNET'),
    requestParameters: optionalStringMap(body, 'requestParameters'),
    requestTemplates: optionalStringMap(body, 'requestTemplates'),
    passthroughBehavior: optionalString(body, 'passthroughBehavior') ?? 'WHEN_NO_MATCH',
    timeoutInMillis: typeof body.timeoutInMillis === 'number' ? body.timeoutInMillis : 29000,
    cacheNamespace: optionalString(body, 'cacheNamespace') ?? params.resourceId,
    cacheKeyParameters: optionalStringList(body, 'cacheKeyParameters') ?? []
  })
  method.methodIntegration = integration
  return { status: 201, body: integration }
}

export const getIntegration: Handler = ctx => {
  const integration = methodOf(ctx).methodIntegration
  if (!integration) throw notFound('No integration defined for method')
  return { status: 200, body: integration }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegrationResponse.html
export const putIntegrationResponse: Handler = ctx => {
  const method = methodOf(ctx)
  const integration = method.methodIntegration
  if (!integration) throw notFound('No integration defined for method')
  const statusCode = ctx.params.statusCode
  // An integration response maps onto a method response, which must exist first.
  if (!method.methodResponses?.[statusCode]) throw notFound('Invalid Response status code specified')
  const response = compact({
    statusCode,
    selectionPattern: optionalString(ctx.body, 'selectionPattern'),
    responseParameters: optionalStringMap(ctx.body, 'responseParameters'),
    responseTemplates: optionalStringMap(ctx.body, 'responseTemplates'),
    contentHandling: optionalString(ctx.body, 'contentHandling')
  })
  integration.integrationResponses = { ...integration.integrationResponses, [statusCode]: response }
  return { status: 201, body: response }
}
