import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ControlPlaneDeps, Outcome } from '../control-plane/handler.js'
import { failure, serveCall } from '../control-plane/handler.js'
import type { TrafficLog } from '../invoke/traffic.js'
import { CloudWatchError, invalidParameterValue, unknownOperation } from './errors.js'
import { getMetricData } from './metric-data.js'

// CloudWatch's wire protocol as the installed @aws-sdk/client-cloudwatch (3.11xx) speaks it: AWS JSON 1.0
// (https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html), POST / with
// `X-Amz-Target: GraniteServiceVersion20100801.<Operation>`, `Content-Type: application/x-amz-json-1.0` and
// `x-amzn-query-mode: true` (the service is awsQueryCompatible: it moved from the query protocol); JSON in
// and out, timestamps as epoch seconds. Errors: see errors.ts. It shares the emulator's port, so the client
// takes the same URL as API Gateway's; calls are recorded in emu.calls and faulted like API Gateway's, by
// operation name. Only GetMetricData is served: DescribeAlarms and the rest answer UnknownOperationException
// (the action's alarm tests run against moto).

const TARGET_PREFIX = 'GraniteServiceVersion20100801.'
const CONTENT_TYPE = 'application/x-amz-json-1.0'

const targetOf = (req: IncomingMessage): string | undefined => {
  const target = req.headers['x-amz-target']
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target : undefined
}

/** Whether the request is a CloudWatch call (the API Gateway control plane never uses POST /). */
export function isCloudWatchRequest(req: IncomingMessage, url: URL): boolean {
  return req.method === 'POST' && url.pathname === '/' && targetOf(req) !== undefined
}

export interface CloudWatchDeps extends ControlPlaneDeps {
  traffic: TrafficLog
}

const OPERATIONS: Record<string, (body: Record<string, unknown>, traffic: TrafficLog) => unknown> = {
  GetMetricData: (body, traffic) =>
    getMetricData(body, {
      records: traffic.records,
      now: traffic.clock.now(),
      publishDelayMs: traffic.options.publishDelayMs,
      // A sped-up clock: the client's StartTime and EndTime are real times (see MetricsClock).
      toClock: traffic.clock.rate === 1 ? undefined : ms => traffic.clock.fromReal(ms)
    })
}

function parse(raw: Buffer): Record<string, unknown> {
  try {
    const value: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>
  } catch {
    // answered below
  }
  throw invalidParameterValue('The request body is not a JSON object.')
}

export function handleCloudWatch(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: CloudWatchDeps
): Promise<void> {
  const name = (targetOf(req) ?? '').slice(TARGET_PREFIX.length)
  const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined
  return serveCall(req, res, url, deps, {
    operation: operation ? name : undefined,
    unknown: () => unknownOperation(name),
    run: raw => {
      try {
        return {
          status: 200,
          payload: (operation as NonNullable<typeof operation>)(parse(raw), deps.traffic)
        }
      } catch (err) {
        return failure(err)
      }
    },
    respond
  })
}

function respond(res: ServerResponse, { status, payload, error }: Outcome): void {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': randomUUID() }
  let body: unknown = payload ?? {}
  if (error) {
    // Injected faults and the shared pipeline's errors (throttling, 5xx, a missing signature) have no query
    // code of their own: their code stands in for it, as the SDK would then name them.
    const queryCode = error instanceof CloudWatchError ? error.queryCode : error.code
    headers['x-amzn-query-error'] = `${queryCode};${status >= 500 ? 'Receiver' : 'Sender'}`
    body = { __type: error instanceof CloudWatchError ? error.type : error.code, message: error.message }
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
  }
  const text = JSON.stringify(body)
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
