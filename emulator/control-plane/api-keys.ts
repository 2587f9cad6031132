import { randomBytes } from 'node:crypto'
import { badRequest, conflict, notFound } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalBoolean, optionalString, optionalStringMap } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import { parseBoolean } from './method-settings.js'
import { paginate } from './pagination.js'
import { parsePatchOperations } from './stage-patch.js'
import { nonEmpty } from './stage-rules.js'
import type { Store } from './state.js'
import { validateTags } from './tag-rules.js'
import type { ApiKeyJson } from './usage-plan-types.js'

// API keys: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApiKey.html and the neighbouring
// GetApiKeys / GetApiKey / UpdateApiKey / DeleteApiKey pages. Messages marked AWS's are from LocalStack's
// AWS snapshots (test_apigateway_api.snapshot.json, TestApiGatewayApiKey*).

export function apiKey(store: Store, id: string): ApiKeyJson {
  const key = store.apiKeys.get(id)
  // AWS's message (also reported by users, e.g. for a key looked up in the wrong region).
  if (!key) throw notFound('Invalid API Key identifier specified')
  return key
}

/** A key as listings show it: the value only when asked for. */
export const keyView = (key: ApiKeyJson, includeValue: boolean): Partial<ApiKeyJson> => {
  if (includeValue) return key
  const rest: Partial<ApiKeyJson> = { ...key }
  delete rest.value
  return rest
}

// A generated key is 40 characters (what AWS generates); a given one is 20 to 128.
const generatedValue = (): string => randomBytes(30).toString('base64url').slice(0, 40)

function validateKey(
  name: string | undefined,
  value: string | undefined,
  description: string | undefined
): void {
  if (name !== undefined && name.length > 1024) {
    throw badRequest('Invalid API Key name, can be at most 1024 characters.')
  }
  if (value !== undefined && value.length < 20)
    throw badRequest('API Key value should be at least 20 characters')
  if (value !== undefined && value.length > 128) {
    throw badRequest('API Key value exceeds maximum size of 128 characters')
  }
  if (description !== undefined && description.length > 125000) {
    throw badRequest('Invalid API Key description specified.')
  }
}

/**
 * Stage keys ({restApiId, stageName}) belong to the API before usage plans; they are listed as
 * "{restApiId}/{stageName}" (as LocalStack, snapshot-tested against AWS, shows them) and not enforced.
 */
function parseStageKeys(body: Body): string[] {
  const raw = body.stageKeys
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw badRequest("Invalid value for 'stageKeys': expected a list")
  return raw.map(item => {
    const o = (item ?? {}) as Body
    return `${optionalString(o, 'restApiId') ?? ''}/${optionalString(o, 'stageName') ?? ''}`
  })
}

// `enabled` defaults to false, as in AWS: a key must be enabled to be accepted on invoke.
export const createApiKey: Handler = ({ store, body }) => {
  const name = optionalString(body, 'name')
  const given = optionalString(body, 'value')
  const description = optionalString(body, 'description')
  validateKey(name, given, description)
  const value = given ?? generatedValue()
  // The emulator's message: AWS refuses a duplicate value with a ConflictException.
  if ([...store.apiKeys.values()].some(k => k.value === value)) throw conflict('API Key already exists')
  const tags = optionalStringMap(body, 'tags')
  validateTags(tags)
  const now = store.nowSeconds()
  const id = store.ids.next(10)
  const key: ApiKeyJson = compact({
    id,
    value,
    name: name ?? id,
    customerId: optionalString(body, 'customerId'),
    description,
    enabled: optionalBoolean(body, 'enabled') ?? false,
    createdDate: now,
    lastUpdatedDate: now,
    stageKeys: parseStageKeys(body),
    tags: nonEmpty(tags)
  })
  store.apiKeys.set(id, key)
  return { status: 201, body: key }
}

// `name` filters by name prefix (nameQuery), `customerId` exactly; values only with includeValues=true.
export const getApiKeys: Handler = ({ store, query }) => {
  const name = query.get('name')
  const customerId = query.get('customerId')
  const includeValues = query.get('includeValues') === 'true'
  const keys = [...store.apiKeys.values()]
    .filter(k => (!name || k.name.startsWith(name)) && (!customerId || k.customerId === customerId))
    .map(k => keyView(k, includeValues))
  return { status: 200, body: paginate(keys, query) }
}

export const getApiKey: Handler = ({ store, params, query }) => ({
  status: 200,
  body: keyView(apiKey(store, params.apiKey), query.get('includeValue') === 'true')
})

// The UpdateApiKey paths of https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html that the
// emulator models: replace on /enabled, /name, /description, /customerId.
export const updateApiKey: Handler = ({ store, params, body }) => {
  const key = structuredClone(apiKey(store, params.apiKey))
  for (const op of parsePatchOperations(body, 'updateApiKeyInput')) {
    const field = op.path.slice(1)
    if (op.op !== 'replace' || !['enabled', 'name', 'description', 'customerId'].includes(field)) {
      // AWS's message (LocalStack snapshot of an UpdateApiKey with a bad path).
      throw badRequest(
        `Invalid patch path  '${op.path}' specified for op '${op.op}'. Must be one of: [/description, /enabled, /name, /customerId]`
      )
    }
    if (field === 'enabled') key.enabled = parseBoolean(op.value ?? '')
    else if (field === 'name') {
      validateKey(op.value, undefined, undefined)
      key.name = op.value ?? key.name
    } else if (op.value) key[field as 'description' | 'customerId'] = op.value
    else delete key[field as 'description' | 'customerId']
  }
  key.lastUpdatedDate = store.nowSeconds()
  store.apiKeys.set(key.id, key)
  return { status: 200, body: keyView(key, false) }
}

// A deleted key leaves every usage plan it was in.
export const deleteApiKey: Handler = ({ store, params }) => {
  const key = apiKey(store, params.apiKey)
  store.apiKeys.delete(key.id)
  for (const entry of store.usagePlans.values()) entry.keyIds = entry.keyIds.filter(id => id !== key.id)
  return { status: 202 }
}

const key = '/apikeys/{apiKey}'

export const apiKeyRoutes: readonly Route[] = [
  { operation: 'CreateApiKey', method: 'POST', path: '/apikeys', handler: createApiKey },
  { operation: 'GetApiKeys', method: 'GET', path: '/apikeys', handler: getApiKeys },
  { operation: 'GetApiKey', method: 'GET', path: key, handler: getApiKey },
  { operation: 'UpdateApiKey', method: 'PATCH', path: key, handler: updateApiKey },
  { operation: 'DeleteApiKey', method: 'DELETE', path: key, handler: deleteApiKey }
]
