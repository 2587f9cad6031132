import { badRequest, conflict, notFound } from '../http/errors.js'
import { requiredString } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import { apiKey } from './api-keys.js'
import { paginate } from './pagination.js'
import type { Store } from './state.js'
import { usagePlan } from './usage-plan-rules.js'
import type { ApiKeyJson } from './usage-plan-types.js'

// Usage plan keys: an API key's membership in a plan
// (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlanKey.html, API_UsagePlanKey.html).
// "Currently, the only valid key type is API_KEY."

const view = (key: ApiKeyJson) => ({ id: key.id, type: 'API_KEY', value: key.value, name: key.name })

export const createUsagePlanKey: Handler = ({ store, params, body }) => {
  const entry = usagePlan(store, params.usagePlanId)
  const keyId = requiredString(body, 'keyId')
  const keyType = requiredString(body, 'keyType')
  if (keyType !== 'API_KEY') throw badRequest(`Invalid key type specified: ${keyType}. Must be API_KEY`)
  const key = apiKey(store, keyId)
  // The emulator's message: AWS answers a key already in the plan with a ConflictException.
  if (entry.keyIds.includes(key.id)) {
    throw conflict(`Usage Plan ${entry.plan.id} already contains API Key ${key.id}`)
  }
  entry.keyIds.push(key.id)
  return { status: 201, body: view(key) }
}

// `name` filters by the key's name prefix (nameQuery).
export const getUsagePlanKeys: Handler = ({ store, params, query }) => {
  const entry = usagePlan(store, params.usagePlanId)
  const name = query.get('name')
  const keys = entry.keyIds
    .map(id => apiKey(store, id))
    .filter(k => !name || k.name.startsWith(name))
    .map(view)
  return { status: 200, body: paginate(keys, query) }
}

function planKey(store: Store, usagePlanId: string, keyId: string): ApiKeyJson {
  const entry = usagePlan(store, usagePlanId)
  // The emulator's message for a key the plan does not hold.
  if (!entry.keyIds.includes(keyId)) throw notFound('Invalid Usage Plan Key identifier specified')
  return apiKey(store, keyId)
}

export const getUsagePlanKey: Handler = ({ store, params }) => ({
  status: 200,
  body: view(planKey(store, params.usagePlanId, params.keyId))
})

export const deleteUsagePlanKey: Handler = ({ store, params }) => {
  planKey(store, params.usagePlanId, params.keyId)
  const entry = usagePlan(store, params.usagePlanId)
  entry.keyIds = entry.keyIds.filter(id => id !== params.keyId)
  return { status: 202 }
}

const keys = '/usageplans/{usagePlanId}/keys'

export const usagePlanKeyRoutes: readonly Route[] = [
  { operation: 'CreateUsagePlanKey', method: 'POST', path: keys, handler: createUsagePlanKey },
  { operation: 'GetUsagePlanKeys', method: 'GET', path: keys, handler: getUsagePlanKeys },
  { operation: 'GetUsagePlanKey', method: 'GET', path: `${keys}/{keyId}`, handler: getUsagePlanKey },
  { operation: 'DeleteUsagePlanKey', method: 'DELETE', path: `${keys}/{keyId}`, handler: deleteUsagePlanKey }
]
