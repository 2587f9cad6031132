// Wire shapes of the API Gateway (REST, v1) resources, as the service returns them in JSON.
// Field names follow the API reference (https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html);
// dates are epoch seconds, which is what the SDK's REST-JSON deserialiser expects.

import type { EndpointConfigurationJson } from './endpoint-configuration.js'

export type StringMap = Record<string, string>

export interface RestApiJson {
  id: string
  name: string
  description?: string
  createdDate: number
  version?: string
  binaryMediaTypes?: string[]
  apiKeySource: string
  endpointConfiguration: EndpointConfigurationJson
  disableExecuteApiEndpoint: boolean
  rootResourceId: string
  tags?: StringMap
}

export interface IntegrationResponseJson {
  statusCode: string
  selectionPattern?: string
  responseParameters?: StringMap
  responseTemplates?: StringMap
  contentHandling?: string
}

export interface IntegrationJson {
  type: string
  httpMethod?: string
  uri?: string
  connectionType?: string
  requestParameters?: StringMap
  requestTemplates?: StringMap
  passthroughBehavior: string
  timeoutInMillis: number
  cacheNamespace: string
  cacheKeyParameters: string[]
  integrationResponses?: Record<string, IntegrationResponseJson>
}

interface MethodResponseJson {
  statusCode: string
  responseParameters?: Record<string, boolean>
  responseModels?: StringMap
}

export interface MethodJson {
  httpMethod: string
  authorizationType: string
  apiKeyRequired: boolean
  operationName?: string
  requestParameters?: Record<string, boolean>
  requestModels?: StringMap
  methodResponses?: Record<string, MethodResponseJson>
  methodIntegration?: IntegrationJson
}

export interface ResourceJson {
  id: string
  parentId?: string
  pathPart?: string
  path: string
  resourceMethods?: Record<string, MethodJson>
}

export interface DeploymentJson {
  id: string
  description?: string
  createdDate: number
}

export interface CanarySettingsJson {
  deploymentId: string
  percentTraffic: number
  stageVariableOverrides?: StringMap
  useStageCache: boolean
}

export interface MethodSettingJson {
  metricsEnabled: boolean
  loggingLevel: string
  dataTraceEnabled: boolean
  throttlingBurstLimit: number
  throttlingRateLimit: number
  cachingEnabled: boolean
  cacheTtlInSeconds: number
  cacheDataEncrypted: boolean
  requireAuthorizationForCacheControl: boolean
  unauthorizedCacheControlHeaderStrategy: string
}

interface AccessLogSettingsJson {
  destinationArn?: string
  format?: string
}

export interface StageJson {
  stageName: string
  deploymentId: string
  description?: string
  cacheClusterEnabled: boolean
  cacheClusterSize?: string
  cacheClusterStatus: string
  methodSettings: Record<string, MethodSettingJson>
  variables?: StringMap
  accessLogSettings?: AccessLogSettingsJson
  canarySettings?: CanarySettingsJson
  tracingEnabled: boolean
  clientCertificateId?: string
  /** The WAFv2 web ACL associated with the stage (AssociateWebACL; not settable with UpdateStage). */
  webAclArn?: string
  tags?: StringMap
  createdDate: number
  lastUpdatedDate: number
}
