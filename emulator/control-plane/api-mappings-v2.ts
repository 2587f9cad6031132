import { badRequest, conflict, notFound } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalString, requiredString } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import type { ApiMappingRecord, DomainEntry } from './domain-state.js'
import {
  V1_ROOT,
  domainEntry,
  isMultiLevel,
  isRegional,
  keyTaken,
  mappingTarget,
  requireStage
} from './domain-state.js'
import type { Store } from './state.js'

// API Gateway v2's view of custom domain names, for multi-level base paths on REST APIs: GetDomainName and
// Create/Get/Get.../Update/DeleteApiMapping
// (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname-apimappings.html,
// .../domainnames-domainname-apimappings-apimappingid.html, .../domainnames-domainname.html). The wire
// format is restJson1 with lower-camel keys (apiId, apiMappingId, apiMappingKey, stage), as the SDK's
// @aws-sdk/client-apigatewayv2 schemas name them.

// AWS's answer when a v2 call touches an edge-optimized name (BadRequestException, as reported in
// amplify-education/serverless-domain-manager#359 and #401).
function regionalDomain(store: Store, domainName: string): DomainEntry {
  const entry = domainEntry(store, domainName)
  if (!isRegional(entry)) {
    throw badRequest(
      'Only REGIONAL domain names can be managed through the API Gateway V2 API. For EDGE domain names, please use the API Gateway V1 API. Also note that only REST APIs can be attached to EDGE domain names.'
    )
  }
  return entry
}

// https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname.html#domainnames-domainname-model-domainname
export const getDomainNameV2: Handler = ({ store, params }) => {
  const { domain } = regionalDomain(store, params.domainName)
  return {
    status: 200,
    body: compact({
      domainName: domain.domainName,
      domainNameArn: domain.domainNameArn,
      apiMappingSelectionExpression: '$request.basepath',
      domainNameConfigurations: [
        compact({
          apiGatewayDomainName: domain.regionalDomainName,
          certificateArn: domain.regionalCertificateArn,
          certificateName: domain.regionalCertificateName,
          domainNameStatus: domain.domainNameStatus,
          endpointType: 'REGIONAL',
          hostedZoneId: domain.regionalHostedZoneId,
          ipAddressType: domain.endpointConfiguration.ipAddressType,
          securityPolicy: domain.securityPolicy
        })
      ],
      // v2 names the v1 BASE_PATH_MAPPING_ONLY mode API_MAPPING_ONLY (the SDK's RoutingMode enums).
      routingMode: 'API_MAPPING_ONLY',
      tags: domain.tags ?? {}
    })
  }
}

const toJson = (m: ApiMappingRecord) =>
  compact({ apiId: m.apiId, apiMappingId: m.apiMappingId, apiMappingKey: m.key, stage: m.stage })

// "API mappings must contain only letters, numbers, and the following characters: $-_.+!*'()/", "The
// maximum length for the path in an API mapping is 300 characters", and multiple levels need "a Regional
// custom domain name with the TLS 1.2 security policy"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html). The messages are
// the emulator's; AWS's wording for these three is not known.
const MAPPING_KEY = /^[A-Za-z0-9$\-_.+!*'()/]+$/

function mappingKey(entry: DomainEntry, raw: string | undefined): string {
  if (raw === undefined || raw === '' || raw === V1_ROOT) return ''
  if (
    raw.length > 300 ||
    !MAPPING_KEY.test(raw) ||
    raw.startsWith('/') ||
    raw.endsWith('/') ||
    raw.includes('//')
  ) {
    throw badRequest(`An ApiMapping key may contain only letters, numbers and one of $-_.+!*'()/: ${raw}`)
  }
  if (isMultiLevel(raw) && entry.domain.securityPolicy === 'TLS_1_0') {
    throw badRequest('Multi-level API mappings need a domain name with the TLS_1_2 security policy')
  }
  return raw
}

// An unknown ApiId: 404 with the message GetRestApi gives for it (AWS's wording for v2 is not known).
const unknownApi = (store: Store, apiId: string) => () =>
  notFound(`Invalid API identifier specified ${store.accountId}:${apiId}`)

function checkedMapping(store: Store, entry: DomainEntry, body: Body, id: string): ApiMappingRecord {
  const apiId = requiredString(body, 'apiId')
  const stage = requiredString(body, 'stage')
  requireStage(mappingTarget(store, apiId, unknownApi(store, apiId)), stage)
  const key = mappingKey(entry, optionalString(body, 'apiMappingKey'))
  // Message as AWS answers a taken key (aws/aws-cdk#22660, aws-cloudformation/cloudformation-coverage-roadmap#1151).
  if (keyTaken(entry, key, id)) throw conflict('ApiMapping key already exists for this domain name')
  return { apiMappingId: id, key, apiId, stage }
}

function findMapping(entry: DomainEntry, apiMappingId: string): ApiMappingRecord {
  const found = entry.mappings.get(apiMappingId)
  if (!found) throw notFound(`Invalid api mapping identifier specified: ${apiMappingId}`)
  return found
}

export const createApiMapping: Handler = ({ store, params, body }) => {
  const entry = regionalDomain(store, params.domainName)
  const mapping = checkedMapping(store, entry, body, store.ids.next(6))
  entry.mappings.set(mapping.apiMappingId, mapping)
  return { status: 201, body: toJson(mapping) }
}

/** Paginated with maxResults / nextToken, the v2 convention. */
export const getApiMappings: Handler = ({ store, params, query }) => {
  const entry = regionalDomain(store, params.domainName)
  const all = [...entry.mappings.values()].map(toJson)
  const raw = query.get('maxResults')
  const max = raw === null ? Math.max(all.length, 1) : Number(raw)
  if (!Number.isInteger(max) || max < 1) throw badRequest('maxResults must be a positive integer')
  const start = decodeToken(query.get('nextToken'))
  const items = all.slice(start, start + max)
  const next = start + max < all.length ? { nextToken: encodeToken(start + max) } : {}
  return { status: 200, body: { items, ...next } }
}

const encodeToken = (offset: number): string => Buffer.from(`am:${offset}`).toString('base64url')

function decodeToken(token: string | null): number {
  if (token === null || token === '') return 0
  const match = /^am:(\d+)$/.exec(Buffer.from(token, 'base64url').toString())
  if (!match) throw badRequest('Invalid nextToken')
  return Number(match[1])
}

export const getApiMapping: Handler = ({ store, params }) => {
  const entry = regionalDomain(store, params.domainName)
  return { status: 200, body: toJson(findMapping(entry, params.apiMappingId)) }
}

// UpdateApiMapping requires ApiId; a missing Stage or ApiMappingKey keeps the mapping's current one.
export const updateApiMapping: Handler = ({ store, params, body }) => {
  const entry = regionalDomain(store, params.domainName)
  const current = findMapping(entry, params.apiMappingId)
  const merged: Body = {
    apiId: body.apiId,
    stage: body.stage ?? current.stage,
    apiMappingKey: body.apiMappingKey ?? current.key
  }
  const mapping = checkedMapping(store, entry, merged, current.apiMappingId)
  entry.mappings.set(mapping.apiMappingId, mapping)
  return { status: 200, body: toJson(mapping) }
}

export const deleteApiMapping: Handler = ({ store, params }) => {
  const entry = regionalDomain(store, params.domainName)
  entry.mappings.delete(findMapping(entry, params.apiMappingId).apiMappingId)
  return { status: 204 }
}

const domain = '/v2/domainnames/{domainName}'
const mapping = `${domain}/apimappings/{apiMappingId}`

export const apiMappingV2Routes: readonly Route[] = [
  { operation: 'GetDomainNameV2', method: 'GET', path: domain, handler: getDomainNameV2 },
  { operation: 'CreateApiMapping', method: 'POST', path: `${domain}/apimappings`, handler: createApiMapping },
  { operation: 'GetApiMappings', method: 'GET', path: `${domain}/apimappings`, handler: getApiMappings },
  { operation: 'GetApiMapping', method: 'GET', path: mapping, handler: getApiMapping },
  { operation: 'UpdateApiMapping', method: 'PATCH', path: mapping, handler: updateApiMapping },
  { operation: 'DeleteApiMapping', method: 'DELETE', path: mapping, handler: deleteApiMapping }
]
