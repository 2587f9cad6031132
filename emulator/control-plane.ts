import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { ApiError, badRequest, missingAuthenticationToken, notFound } from './errors.js'
import type { Faults } from './faults.js'
import { delay, readBody, sendJson } from './http-util.js'
import type { Body } from './input.js'
import { routes } from './operations.js'
import { matchRoute } from './router.js'
import { credentialScope } from './sigv4.js'
import type { Store } from './state.js'

export interface CallRecord {
  /** AWS operation name, e.g. 'CreateDeployment' ('Unknown' for unrouted requests). */
  operation: string
  method: string
  path: string
  status: number
  errorCode?: string
  /** Epoch milliseconds when the request arrived. */
  time: number
}

export interface ControlPlaneDeps {
  store: Store
  faults: Faults
  calls: CallRecord[]
  signal: AbortSignal
  log: boolean
}

function parseJson(raw: Buffer): Body {
  if (raw.length === 0) return {}
  let value: unknown
  try {
    value = JSON.parse(raw.toString('utf8'))
  } catch {
    throw badRequest('Could not parse request body into json')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('Request body must be a JSON object')
  }
  return value as Body
}

/** Serves one REST-JSON API call: SigV4 presence check, injected faults, then the operation handler. */
export async function handleControlPlane(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlPlaneDeps
): Promise<void> {
  const time = Date.now()
  const method = req.method ?? 'GET'
  const match = matchRoute(routes, method, url.pathname)
  const operation = match?.route.operation ?? 'Unknown'
  let status: number
  let payload: unknown
  let error: ApiError | undefined
  try {
    const raw = await readBody(req)
    if (!credentialScope(req, url.searchParams)) throw missingAuthenticationToken()
    if (!match) throw notFound(`The emulator does not implement ${method} ${url.pathname}`)
    await delay(deps.faults.takeLatency(operation), deps.signal)
    const injected = deps.faults.takeError(operation)
    if (injected) throw injected
    const result = match.route.handler({
      store: deps.store,
      params: match.params,
      query: url.searchParams,
      body: parseJson(raw)
    })
    status = result.status
    payload = result.body
  } catch (err) {
    error = err instanceof ApiError ? err : new ApiError(500, 'InternalFailure', String(err))
    if (!(err instanceof ApiError)) console.error('[apigw-emulator] handler crashed:', err)
    status = error.status
  }
  // Recorded before responding so a caller that awaited the response always finds its call here.
  deps.calls.push({
    operation,
    method,
    path: url.pathname,
    status,
    ...(error && { errorCode: error.code }),
    time
  })
  if (deps.log) {
    console.error(
      `[apigw-emulator] ${operation} ${method} ${url.pathname} -> ${status}${error ? ` ${error.code}` : ''}`
    )
  }
  if (res.destroyed) return
  if (error) {
    // AWS REST-JSON errors: code in x-amzn-ErrorType, message in the body, Retry-After for throttling.
    const headers: Record<string, string> = { 'x-amzn-errortype': error.code }
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
    sendJson(res, status, { message: error.message }, headers)
  } else if (payload === undefined) {
    res.writeHead(status, { 'x-amzn-requestid': randomUUID(), 'content-length': 0 })
    res.end()
  } else {
    sendJson(res, status, payload)
  }
}
