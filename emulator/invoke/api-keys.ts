import type { IncomingMessage } from 'node:http'
import type { Store } from '../control-plane/state.js'
import type { MethodJson } from '../control-plane/types.js'
import type { InvokeResponse } from './mock-integration.js'

// Methods with apiKeyRequired are served only to a request whose API key is enabled and in a usage plan
// that lists this API and stage (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html).
// The key comes from the x-api-key header, the REST API's apiKeySource HEADER (the default); AUTHORIZER
// needs a Lambda authorizer, which the emulator lacks, so no key is found
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html).
// Otherwise API Gateway answers its INVALID_API_KEY gateway response, 403 {"message":"Forbidden"}
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
// Usage plan throttles and quotas are not enforced.

const forbidden = (): InvokeResponse => ({
  status: 403,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException' },
  body: JSON.stringify({ message: 'Forbidden' })
})

/** The 403 a request gets for lacking a usable API key, or undefined when it may go on. */
export function checkApiKey(
  store: Store,
  req: IncomingMessage,
  target: { apiId: string; stageName: string; method: MethodJson | undefined }
): InvokeResponse | undefined {
  if (!target.method?.apiKeyRequired) return undefined
  const api = store.apis.get(target.apiId)?.api
  const header = req.headers['x-api-key']
  const value = api?.apiKeySource === 'HEADER' && typeof header === 'string' ? header : undefined
  if (!value) return forbidden()
  const key = [...store.apiKeys.values()].find(k => k.value === value)
  if (!key?.enabled) return forbidden()
  const allowed = [...store.usagePlans.values()].some(
    ({ plan, keyIds }) =>
      keyIds.includes(key.id) &&
      plan.apiStages.some(s => s.apiId === target.apiId && s.stage === target.stageName)
  )
  return allowed ? undefined : forbidden()
}
