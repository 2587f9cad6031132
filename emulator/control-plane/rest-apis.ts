import {
  compact,
  optionalBoolean,
  optionalString,
  optionalStringList,
  optionalStringMap,
  requiredString
} from '../http/input.js'
import type { Handler } from '../http/router.js'
import { parseEndpointConfiguration } from './endpoint-configuration.js'
import { paginate } from './pagination.js'
import type { RestApiJson } from './types.js'
import { removeFromUsagePlans } from './usage-plans.js'

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateRestApi.html
export const createRestApi: Handler = ({ store, body }) => {
  const name = requiredString(body, 'name')
  const endpointConfiguration = parseEndpointConfiguration(body)
  const id = store.ids.next(10)
  const rootResourceId = store.ids.next(10)
  const api: RestApiJson = compact({
    id,
    name,
    description: optionalString(body, 'description'),
    createdDate: store.nowSeconds(),
    version: optionalString(body, 'version'),
    binaryMediaTypes: optionalStringList(body, 'binaryMediaTypes'),
    apiKeySource: optionalString(body, 'apiKeySource') ?? 'HEADER',
    // AWS defaults new REST APIs to edge-optimized (see endpoint-configuration.ts).
    endpointConfiguration,
    disableExecuteApiEndpoint: optionalBoolean(body, 'disableExecuteApiEndpoint') ?? false,
    rootResourceId,
    tags: optionalStringMap(body, 'tags')
  })
  store.apis.set(id, {
    api,
    // Every new REST API has a root resource "/".
    resources: new Map([[rootResourceId, { id: rootResourceId, path: '/' }]]),
    deployments: new Map(),
    stages: new Map()
  })
  return { status: 201, body: api }
}

export const getRestApis: Handler = ({ store, query }) => ({
  status: 200,
  body: paginate(
    [...store.apis.values()].map(e => e.api),
    query
  )
})

export const getRestApi: Handler = ({ store, params }) => ({
  status: 200,
  body: store.api(params.restApiId).api
})

export const deleteRestApi: Handler = ({ store, params }) => {
  store.api(params.restApiId)
  store.apis.delete(params.restApiId)
  removeFromUsagePlans(store, params.restApiId)
  return { status: 202 }
}
