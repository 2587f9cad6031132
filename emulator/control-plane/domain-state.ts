import { ApiError, badRequest, notFound } from '../http/errors.js'
import type { EndpointConfigurationJson } from './endpoint-configuration.js'
import { endpointTypeOf } from './endpoint-configuration.js'
import type { ApiEntry, Store } from './state.js'
import type { StringMap } from './types.js'

// Custom domain names and what is mapped on them. AWS keeps one resource per domain name that both
// APIs manage ("You can use the API Gateway Version 2 APIs to create and manage Regional custom domain
// names for REST APIs": https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html),
// so v1 base path mappings and v2 API mappings are one list here, seen through two wire shapes.

/** DomainName as the v1 API returns it: https://docs.aws.amazon.com/apigateway/latest/api/API_DomainName.html */
export interface DomainNameJson {
  domainName: string
  domainNameArn: string
  certificateArn?: string
  certificateName?: string
  certificateUploadDate?: number
  distributionDomainName?: string
  distributionHostedZoneId?: string
  regionalCertificateArn?: string
  regionalCertificateName?: string
  regionalDomainName?: string
  regionalHostedZoneId?: string
  endpointConfiguration: EndpointConfigurationJson
  domainNameStatus: string
  securityPolicy: string
  routingMode: string
  tags?: StringMap
}

/** One mapping, whichever API created it. */
export interface ApiMappingRecord {
  /** The v2 ApiMappingId. */
  apiMappingId: string
  /** The path without slashes around it; '' is the root ("(none)" in v1, "" in v2). */
  key: string
  apiId: string
  /** Absent for a v1 mapping made without a stage: the caller then names the stage after the base path. */
  stage?: string
}

export interface DomainEntry {
  domain: DomainNameJson
  /** In creation order, keyed by apiMappingId. */
  mappings: Map<string, ApiMappingRecord>
}

// Message AWS answers for an unknown domain name, v1 and v2 alike (as reported in
// amplify-education/serverless-domain-manager#375 for apigatewayv2 GetDomainName and ekristen/aws-nuke#533
// for apigateway DeleteDomainName).
export function domainEntry(store: Store, domainName: string): DomainEntry {
  const entry = store.domains.get(domainName)
  if (!entry) throw notFound('Invalid domain name identifier specified')
  return entry
}

export const isRegional = (entry: DomainEntry): boolean =>
  endpointTypeOf(entry.domain.endpointConfiguration) === 'REGIONAL'

/** v1 spells the root mapping "(none)" (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateBasePathMapping.html). */
export const V1_ROOT = '(none)'

export const isMultiLevel = (key: string): boolean => key.includes('/')

/**
 * The API and stage a mapping points at must exist. For a missing stage AWS answers 400 "Invalid stage
 * identifier specified" (CloudFormation's BasePathMapping errors in serverless/serverless#4029, and
 * "Status Code: 400" in https://pinchoflogic.com/aws-cloudformation-how-to-use-api-gateway-custom-domain-mapping;
 * AmazonApiGatewayV2 the same in aws/aws-cdk#8983).
 */
export function mappingTarget(store: Store, apiId: string, missingApi: () => ApiError): ApiEntry {
  const api = store.apis.get(apiId)
  if (!api) throw missingApi()
  return api
}

export function requireStage(api: ApiEntry, stage: string | undefined): void {
  if (stage !== undefined && !api.stages.has(stage)) throw badRequest('Invalid stage identifier specified')
}

/** Another mapping of the domain already uses `key` (the mapping being updated does not count). */
export const keyTaken = (entry: DomainEntry, key: string, except?: string): boolean =>
  [...entry.mappings.values()].some(m => m.key === key && m.apiMappingId !== except)
