import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Store } from '../control-plane/state.js'
import type { StringMap } from '../control-plane/types.js'
import type { Prng } from '../harness/random.js'
import { delay, readBody } from '../http/http-util.js'
import { checkApiKey } from './api-keys.js'
import type { DeploymentBehaviours } from './behaviour.js'
import { proxyHttp } from './http-proxy.js'
import type { InvokeResponse } from './mock-integration.js'
import { internalServerError, mockResponse } from './mock-integration.js'
import { findRoute } from './routing.js'
import { renderUri } from './template.js'
import type { TrafficLog } from './traffic.js'

export interface InvokeDeps {
  store: Store
  canaryRng: Prng
  behaviours: DeploymentBehaviours
  signal: AbortSignal
  log: boolean
  /** Records what each request was served as, for CloudWatch's GetMetricData. */
  traffic?: TrafficLog
}

/** Invoke URLs have LocalStack's form: /restapis/{id}/{stage}/_user_request_/{path}. */
export const INVOKE_PATH = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/

function json(status: number, message: string, headers: Record<string, string> = {}): InvokeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ message })
  }
}

export async function handleInvoke(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: InvokeDeps
): Promise<void> {
  const body = await readBody(req)
  const response = await invoke(req, url, body, deps)
  if (deps.log) console.error(`[apigw-emulator] invoke ${req.method} ${url.pathname} -> ${response.status}`)
  if (res.destroyed) return
  const payload = typeof response.body === 'string' ? Buffer.from(response.body) : response.body
  res.writeHead(response.status, {
    ...response.headers,
    'content-length': payload.length,
    'x-amzn-requestid': randomUUID()
  })
  res.end(req.method === 'HEAD' ? undefined : payload)
}

async function invoke(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  deps: InvokeDeps
): Promise<InvokeResponse> {
  const [, apiId, rawStage, path = '/'] = INVOKE_PATH.exec(url.pathname) as RegExpExecArray
  const stageName = decodeURIComponent(rawStage)
  const entry = deps.store.apis.get(apiId)
  // There is no AWS equivalent (an unknown API id has no execute-api host); 404 keeps typos obvious.
  if (!entry) return json(404, 'Not Found')
  const stage = entry.stages.get(stageName)
  // API Gateway answers 403 {"message":"Forbidden"} for a stage that does not exist.
  if (!stage) return json(403, 'Forbidden', { 'x-amzn-errortype': 'ForbiddenException' })

  const canary = stage.canarySettings
  const toCanary = canary !== undefined && deps.canaryRng.next() * 100 < canary.percentTraffic
  const deploymentId = toCanary ? canary.deploymentId : stage.deploymentId
  const stageVariables: StringMap = toCanary
    ? { ...stage.variables, ...canary.stageVariableOverrides }
    : { ...stage.variables }
  const started = Date.now()
  const at = deps.traffic?.clock.now() ?? started
  const response = await serveDeployment(
    req,
    url,
    { apiId, stageName, deploymentId, stageVariables, path, body },
    deps
  )
  deps.traffic?.served({
    restApiId: apiId,
    stageName,
    deploymentId,
    canary: toCanary,
    httpMethod: req.method ?? 'GET',
    path,
    status: response.status,
    latencyMs: Date.now() - started,
    at
  })
  // Lets tests attribute every response to the deployment (and canary decision) that produced it.
  response.headers = {
    ...response.headers,
    'x-emulator-deployment-id': deploymentId,
    'x-emulator-canary': String(toCanary)
  }
  return response
}

interface InvokeTarget {
  apiId: string
  stageName: string
  deploymentId: string
  stageVariables: StringMap
  path: string
  body: Buffer
}

async function serveDeployment(
  req: IncomingMessage,
  url: URL,
  target: InvokeTarget,
  deps: InvokeDeps
): Promise<InvokeResponse> {
  const { apiId, stageName, deploymentId, stageVariables, path, body } = target
  const deployment = deps.store.apis.get(apiId)?.deployments.get(deploymentId)
  const method = req.method ?? 'GET'
  const route = deployment && findRoute(deployment.snapshot, path, method)
  // API Gateway refuses a missing or unusable API key before the integration (or a behaviour) answers.
  const keyRefusal = checkApiKey(deps.store, req, { apiId, stageName, method: route?.method })
  if (keyRefusal) return keyRefusal

  const behaviour = deps.behaviours.decide(apiId, deploymentId)
  await delay(behaviour.latencyMs, deps.signal)
  if (behaviour.override) return behaviour.override

  if (!deployment) return internalServerError(`deployment ${deploymentId} not found`)
  // Unmatched paths and verbs get API Gateway's 403 "Missing Authentication Token".
  if (!route?.method?.methodIntegration) {
    return json(403, 'Missing Authentication Token', {
      'x-amzn-errortype': 'MissingAuthenticationTokenException'
    })
  }
  const integration = route.method.methodIntegration
  const context: StringMap = {
    requestId: randomUUID(),
    deploymentId,
    stage: stageName,
    apiId,
    accountId: deps.store.accountId,
    httpMethod: method,
    resourceId: route.resource.id,
    resourcePath: route.resource.path,
    path: `/${stageName}${path}`,
    requestTimeEpoch: String(Date.now())
  }
  if (integration.type === 'MOCK') {
    const contentType = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim()
    return mockResponse(integration, { stageVariables, context }, contentType)
  }
  if (integration.type === 'HTTP_PROXY') {
    return proxyHttp({
      uri: renderUri(integration.uri ?? '', stageVariables, route.pathParams),
      method: integration.httpMethod && integration.httpMethod !== 'ANY' ? integration.httpMethod : method,
      headers: req.headers,
      body,
      search: url.search,
      timeoutMs: integration.timeoutInMillis,
      signal: deps.signal
    })
  }
  return internalServerError(`integration type ${integration.type} is not supported by the emulator`)
}
