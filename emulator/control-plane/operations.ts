import type { Route } from '../http/router.js'
import { accountRoutes } from './account.js'
import { apiKeyRoutes } from './api-keys.js'
import { apiMappingV2Routes } from './api-mappings-v2.js'
import { basePathMappingRoutes } from './base-path-mappings.js'
import { definitionRoutes } from './definitions/routes.js'
import { createDeployment, deleteDeployment, getDeployment, getDeployments } from './deployments.js'
import { domainNameRoutes } from './domain-names.js'
import {
  getIntegration,
  getMethod,
  putIntegration,
  putIntegrationResponse,
  putMethod,
  putMethodResponse
} from './methods.js'
import { createResource, getResource, getResources } from './resources.js'
import { createRestApi, deleteRestApi, getRestApi, getRestApis } from './rest-apis.js'
import { createStage, deleteStage, getStage, getStages, updateStage } from './stages.js'
import { getTags, tagResource, untagResource } from './tags.js'
import { usagePlanKeyRoutes } from './usage-plan-keys.js'
import { usagePlanRoutes } from './usage-plans.js'

// Operation names, methods and paths as in the API Gateway API reference
// (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html).
const api = '/restapis/{restApiId}'
const method = `${api}/resources/{resourceId}/methods/{httpMethod}`

export const routes: readonly Route[] = [
  // First: ImportRestApi must be matched before CreateRestApi (same method and path).
  ...definitionRoutes,
  { operation: 'CreateRestApi', method: 'POST', path: '/restapis', handler: createRestApi },
  { operation: 'GetRestApis', method: 'GET', path: '/restapis', handler: getRestApis },
  { operation: 'GetRestApi', method: 'GET', path: api, handler: getRestApi },
  { operation: 'DeleteRestApi', method: 'DELETE', path: api, handler: deleteRestApi },
  { operation: 'GetResources', method: 'GET', path: `${api}/resources`, handler: getResources },
  { operation: 'GetResource', method: 'GET', path: `${api}/resources/{resourceId}`, handler: getResource },
  {
    operation: 'CreateResource',
    method: 'POST',
    path: `${api}/resources/{parentId}`,
    handler: createResource
  },
  { operation: 'PutMethod', method: 'PUT', path: method, handler: putMethod },
  { operation: 'GetMethod', method: 'GET', path: method, handler: getMethod },
  {
    operation: 'PutMethodResponse',
    method: 'PUT',
    path: `${method}/responses/{statusCode}`,
    handler: putMethodResponse
  },
  { operation: 'PutIntegration', method: 'PUT', path: `${method}/integration`, handler: putIntegration },
  { operation: 'GetIntegration', method: 'GET', path: `${method}/integration`, handler: getIntegration },
  {
    operation: 'PutIntegrationResponse',
    method: 'PUT',
    path: `${method}/integration/responses/{statusCode}`,
    handler: putIntegrationResponse
  },
  { operation: 'CreateDeployment', method: 'POST', path: `${api}/deployments`, handler: createDeployment },
  { operation: 'GetDeployments', method: 'GET', path: `${api}/deployments`, handler: getDeployments },
  {
    operation: 'GetDeployment',
    method: 'GET',
    path: `${api}/deployments/{deploymentId}`,
    handler: getDeployment
  },
  {
    operation: 'DeleteDeployment',
    method: 'DELETE',
    path: `${api}/deployments/{deploymentId}`,
    handler: deleteDeployment
  },
  { operation: 'CreateStage', method: 'POST', path: `${api}/stages`, handler: createStage },
  { operation: 'GetStages', method: 'GET', path: `${api}/stages`, handler: getStages },
  { operation: 'GetStage', method: 'GET', path: `${api}/stages/{stageName}`, handler: getStage },
  { operation: 'UpdateStage', method: 'PATCH', path: `${api}/stages/{stageName}`, handler: updateStage },
  { operation: 'DeleteStage', method: 'DELETE', path: `${api}/stages/{stageName}`, handler: deleteStage },
  { operation: 'TagResource', method: 'PUT', path: '/tags/{resourceArn}', handler: tagResource },
  { operation: 'UntagResource', method: 'DELETE', path: '/tags/{resourceArn}', handler: untagResource },
  { operation: 'GetTags', method: 'GET', path: '/tags/{resourceArn}', handler: getTags },
  ...domainNameRoutes,
  ...basePathMappingRoutes,
  ...apiMappingV2Routes,
  ...accountRoutes,
  ...usagePlanRoutes,
  ...usagePlanKeyRoutes,
  ...apiKeyRoutes
]
