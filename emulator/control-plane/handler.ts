import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultName, FaultPhase, Faults } from '../harness/faults.js'
import { ApiError, badRequest, missingAuthenticationToken, notFound } from '../http/errors.js'
import { delay, hangUp, readBody, resetConnection, sendBytes, sendJson } from '../http/http-util.js'
import type { Body } from '../http/input.js'
import type { BytesAnswer, RouteMatch } from '../http/router.js'
import { matchRoute } from '../http/router.js'
import { credentialScope } from '../http/sigv4.js'
import { routes } from './operations.js'
import type { Store } from './state.js'

export interface CallRecord {
  /** AWS operation name, e.g. 'CreateDeployment' ('Unknown' for unrouted requests). */
  operation: string
  method: string
  path: string
  /**
   * The status the emulator answered, or would have: for a dropped response it is the lost one (the
   * operation was applied); 0 for a hung call, which never gets one.
   */
  status: number
  errorCode?: string
  /** Injected faults that applied to this call, in the order they fired. */
  faults?: FaultName[]
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

export interface Outcome {
  status: number
  payload?: unknown
  /** A non-JSON answer (an exported definition, an SDK zip), sent as is. */
  bytes?: BytesAnswer
  error?: ApiError
}

/**
 * What differs between the wire protocols the emulator speaks (REST-JSON for API Gateway, JSON 1.1 for
 * WAFv2): how a request names its operation, how it runs, how the answer is written. The rest of a call
 * (SigV4 check, faults, call records) is serveCall's.
 */
export interface Protocol {
  /** AWS operation name for records and faults; undefined when the request names none the emulator serves. */
  operation: string | undefined
  /** The error for a request that names no operation the emulator serves. */
  unknown(): ApiError
  /** Runs the named operation on the raw request body; errors become the outcome. */
  run(raw: Buffer): Outcome
  respond(res: ServerResponse, outcome: Outcome): void
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

export function failure(err: unknown): Outcome {
  if (!(err instanceof ApiError)) console.error('[apigw-emulator] handler crashed:', err)
  const error = err instanceof ApiError ? err : new ApiError(500, 'InternalFailure', String(err))
  return { status: error.status, error }
}

/** Serves one API Gateway (REST-JSON) call. */
export function handleControlPlane(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlPlaneDeps
): Promise<void> {
  const method = req.method ?? 'GET'
  const match = matchRoute(routes, method, url.pathname, url.searchParams)
  return serveCall(req, res, url, deps, {
    operation: match?.route.operation,
    unknown: () => notFound(`The emulator does not implement ${method} ${url.pathname}`),
    run: raw => runOperation(match as RouteMatch, url, { raw, headers: req.headers }, deps.store),
    respond
  })
}

/**
 * Serves one call of any protocol: SigV4 presence check, then the operation with the injected faults
 * around it (see FaultPhase for their order), recorded in deps.calls.
 */
export async function serveCall(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlPlaneDeps,
  protocol: Protocol
): Promise<void> {
  const time = Date.now()
  const method = req.method ?? 'GET'
  const operation = protocol.operation ?? 'Unknown'
  const applied: FaultName[] = []
  const fault = (phase: FaultPhase) => {
    const found = deps.faults.take(phase, operation)
    if (found) applied.push(found.name)
    return found
  }
  // Recorded before responding so a caller that awaited the response always finds its call here.
  const record = (outcome: Outcome): void => {
    deps.calls.push({
      operation,
      method,
      path: url.pathname,
      status: outcome.status,
      ...(outcome.error && { errorCode: outcome.error.code }),
      ...(applied.length > 0 && { faults: [...applied] }),
      time
    })
    if (deps.log) {
      const code = outcome.error ? ` ${outcome.error.code}` : ''
      const faults = applied.length > 0 ? ` [${applied.join(', ')}]` : ''
      console.error(
        `[apigw-emulator] ${operation} ${method} ${url.pathname} -> ${outcome.status}${code}${faults}`
      )
    }
  }

  let outcome: Outcome
  let ran = false
  try {
    const raw = await readBody(req)
    if (!credentialScope(req, url.searchParams)) throw missingAuthenticationToken()
    if (protocol.operation === undefined) throw protocol.unknown()
    await delay(fault('delay')?.ms ?? 0, deps.signal)
    if (fault('hang')) {
      record({ status: 0 })
      return await hangUp(res, deps.signal)
    }
    const injected = fault('error')
    if (injected) throw injected.error
    outcome = protocol.run(raw)
    ran = true
  } catch (err) {
    outcome = failure(err)
  }
  // Only a call whose operation ran can have its answer delayed or lost "after AWS applied it".
  const lateDelay = ran ? fault('late-delay') : undefined
  const drop = ran ? fault('drop') : undefined
  // Recorded before a late delay too, so tests can watch the state change while the answer waits.
  record(outcome)
  await delay(lateDelay?.ms ?? 0, deps.signal)
  if (drop) return resetConnection(res)
  if (!res.destroyed) protocol.respond(res, outcome)
}

function runOperation(
  match: RouteMatch,
  url: URL,
  request: { raw: Buffer; headers: IncomingMessage['headers'] },
  store: Store
): Outcome {
  try {
    const result = match.route.handler({
      store,
      params: match.params,
      query: url.searchParams,
      body: match.route.rawBody ? {} : parseJson(request.raw),
      raw: request.raw,
      headers: request.headers
    })
    return { status: result.status, payload: result.body, bytes: result.bytes }
  } catch (err) {
    return failure(err)
  }
}

function respond(res: ServerResponse, { status, payload, bytes, error }: Outcome): void {
  if (bytes) {
    sendBytes(res, status, bytes.data, bytes.headers)
  } else if (error) {
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
