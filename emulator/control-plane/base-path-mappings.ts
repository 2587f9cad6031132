import { badRequest, conflict, notFound } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalString, requiredString } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import type { ApiMappingRecord, DomainEntry } from './domain-state.js'
import { V1_ROOT, domainEntry, keyTaken, mappingTarget, requireStage } from './domain-state.js'
import { paginate } from './pagination.js'
import type { Store } from './state.js'

// Base path mappings through the v1 API: Create/Get/Get.../Update/DeleteBasePathMapping
// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateBasePathMapping.html and its siblings).
// They are the same records the v2 API mappings are (domain-state.ts).

interface BasePathMappingJson {
  basePath: string
  restApiId: string
  stage?: string
}

const toJson = (m: ApiMappingRecord): BasePathMappingJson =>
  compact({ basePath: m.key === '' ? V1_ROOT : m.key, restApiId: m.apiId, stage: m.stage })

// Letters, numbers and $-_.+!*'() ("API mappings must contain only letters, numbers, and the following
// characters": https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html), and no
// '/' in v1, with AWS's message for one (hashicorp/terraform-provider-aws#21986, aws/chalice#1897).
const BASE_PATH = /^[A-Za-z0-9$\-_.+!*'()]+$/

/** "" and "(none)" both mean the root; the stored key is '' (see ApiMappingRecord). */
function basePathKey(basePath: string | undefined): string {
  if (basePath === undefined || basePath === '' || basePath === V1_ROOT) return ''
  if (basePath.includes('/')) {
    throw badRequest(
      "API Gateway V1 doesn't support the slash character (/) in base path mappings. To create a multi-level base path mapping, use API Gateway V2."
    )
  }
  if (basePath.length > 300 || !BASE_PATH.test(basePath)) {
    throw badRequest(`Invalid base path: ${basePath}. It may contain only letters, numbers and $-_.+!*'()`)
  }
  return basePath
}

/** A stage of "(none)" leaves the stage to the caller's URL (see the `stage` field of CreateBasePathMapping). */
const stageOf = (stage: string | undefined): string | undefined =>
  stage === undefined || stage === '' || stage === V1_ROOT ? undefined : stage

// For an unknown API id in a mapping AWS answers 400, not 404 (as moto models it; the wording is
// moto's, not confirmed against AWS).
const invalidRestApi = () => badRequest('Invalid REST API identifier specified')

function checkTarget(store: Store, apiId: string, stage: string | undefined): void {
  requireStage(mappingTarget(store, apiId, invalidRestApi), stage)
}

// Message as AWS answers a taken base path (aws/aws-cdk#5794, amplify-education/serverless-domain-manager#367).
function checkFree(entry: DomainEntry, key: string, except?: string): void {
  if (keyTaken(entry, key, except)) throw conflict('Base path already exists for this domain name')
}

// Message as AWS answers an unknown base path (404; amplify-education/serverless-domain-manager#613).
function findMapping(entry: DomainEntry, basePath: string): ApiMappingRecord {
  const key = basePath === V1_ROOT ? '' : basePath
  const found = [...entry.mappings.values()].find(m => m.key === key)
  if (!found) throw notFound('Invalid base path mapping identifier specified')
  return found
}

export const createBasePathMapping: Handler = ({ store, params, body }) => {
  const entry = domainEntry(store, params.domainName)
  const key = basePathKey(optionalString(body, 'basePath'))
  const apiId = requiredString(body, 'restApiId')
  const stage = stageOf(optionalString(body, 'stage'))
  checkTarget(store, apiId, stage)
  checkFree(entry, key)
  const mapping: ApiMappingRecord = compact({ apiMappingId: store.ids.next(6), key, apiId, stage })
  entry.mappings.set(mapping.apiMappingId, mapping)
  return { status: 201, body: toJson(mapping) }
}

// Lists every mapping of the domain, multi-level ones made through v2 included (see the README's unsure list).
export const getBasePathMappings: Handler = ({ store, params, query }) => {
  const entry = domainEntry(store, params.domainName)
  return { status: 200, body: paginate([...entry.mappings.values()].map(toJson), query) }
}

export const getBasePathMapping: Handler = ({ store, params }) => {
  const entry = domainEntry(store, params.domainName)
  return { status: 200, body: toJson(findMapping(entry, params.basePath)) }
}

interface PatchOperation {
  op: string
  path: string
  value?: string
}

function patchOperations(body: Body): PatchOperation[] {
  const raw = body.patchOperations ?? []
  if (!Array.isArray(raw)) throw badRequest('patchOperations must be a list')
  return raw.map(item => {
    const o = (item ?? {}) as Record<string, unknown>
    if (typeof o.op !== 'string' || typeof o.path !== 'string') throw badRequest('Invalid patch operation')
    return { op: o.op, path: o.path, value: typeof o.value === 'string' ? o.value : undefined }
  })
}

/**
 * "replace" on /basePath, /restapiId (AWS's spelling, lower-case "api") and /stage: the BasePathMapping entry
 * of https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html, as used by
 * hashicorp/terraform-provider-aws's aws_api_gateway_base_path_mapping. All operations apply, or none.
 */
function applyPatch(mapping: ApiMappingRecord, ops: PatchOperation[]): ApiMappingRecord {
  const next = { ...mapping }
  for (const op of ops) {
    if (op.op !== 'replace') throw badRequest(`Invalid patch operation specified. Must be 'replace'`)
    switch (op.path) {
      case '/basePath':
        next.key = basePathKey(op.value)
        break
      case '/restapiId':
        if (!op.value) throw badRequest(`Invalid null or empty value in patch operation for path ${op.path}`)
        next.apiId = op.value
        break
      case '/stage':
        next.stage = stageOf(op.value)
        break
      default:
        throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'`)
    }
  }
  if (next.stage === undefined) delete next.stage
  return next
}

export const updateBasePathMapping: Handler = ({ store, params, body }) => {
  const entry = domainEntry(store, params.domainName)
  const mapping = findMapping(entry, params.basePath)
  const next = applyPatch(mapping, patchOperations(body))
  checkTarget(store, next.apiId, next.stage)
  checkFree(entry, next.key, mapping.apiMappingId)
  entry.mappings.set(next.apiMappingId, next)
  return { status: 200, body: toJson(next) }
}

export const deleteBasePathMapping: Handler = ({ store, params }) => {
  const entry = domainEntry(store, params.domainName)
  entry.mappings.delete(findMapping(entry, params.basePath).apiMappingId)
  return { status: 202 }
}

const mappings = '/domainnames/{domainName}/basepathmappings'

export const basePathMappingRoutes: readonly Route[] = [
  { operation: 'CreateBasePathMapping', method: 'POST', path: mappings, handler: createBasePathMapping },
  { operation: 'GetBasePathMappings', method: 'GET', path: mappings, handler: getBasePathMappings },
  {
    operation: 'GetBasePathMapping',
    method: 'GET',
    path: `${mappings}/{basePath}`,
    handler: getBasePathMapping
  },
  {
    operation: 'UpdateBasePathMapping',
    method: 'PATCH',
    path: `${mappings}/{basePath}`,
    handler: updateBasePathMapping
  },
  {
    operation: 'DeleteBasePathMapping',
    method: 'DELETE',
    path: `${mappings}/{basePath}`,
    handler: deleteBasePathMapping
  }
]
