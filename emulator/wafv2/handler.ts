import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ControlPlaneDeps, Outcome } from '../control-plane/handler.js'
import { failure, serveCall } from '../control-plane/handler.js'
import type { Body } from '../http/input.js'
import { WafError } from './errors.js'
import { wafOperations } from './operations.js'

// WAFv2's wire protocol, AWS JSON 1.1 (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html):
// POST / with `X-Amz-Target: AWSWAF_20190729.<Operation>` and `Content-Type: application/x-amz-json-1.1`,
// JSON in and out, errors as {"__type": code, "Message": text}. It shares the emulator's port with API
// Gateway, so @aws-sdk/client-wafv2 is pointed at the same URL, and its calls are recorded and faulted like
// API Gateway's, under the WAF operation's name.

const TARGET_PREFIX = 'AWSWAF_20190729.'
const CONTENT_TYPE = 'application/x-amz-json-1.1'

const targetOf = (req: IncomingMessage): string | undefined => {
  const target = req.headers['x-amz-target']
  return typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target : undefined
}

/** Whether the request is a WAFv2 call (the API Gateway control plane never uses POST /). */
export function isWafRequest(req: IncomingMessage, url: URL): boolean {
  return req.method === 'POST' && url.pathname === '/' && targetOf(req) !== undefined
}

function parse(raw: Buffer): Body {
  try {
    const value: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Body
  } catch {
    // answered below
  }
  throw new WafError('SerializationException', 'Could not parse the request body as a JSON object')
}

export function handleWafv2(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ControlPlaneDeps
): Promise<void> {
  const name = (targetOf(req) ?? '').slice(TARGET_PREFIX.length)
  const operation = Object.hasOwn(wafOperations, name) ? wafOperations[name] : undefined
  return serveCall(req, res, url, deps, {
    operation: operation ? name : undefined,
    // JSON protocols' answer for an operation the service does not have.
    unknown: () => new WafError('UnknownOperationException', `The emulator does not implement WAFv2 ${name}`),
    run: raw => {
      try {
        return { status: 200, payload: (operation as NonNullable<typeof operation>)(deps.store, parse(raw)) }
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
    const waf = error instanceof WafError ? error : undefined
    body = { __type: error.code, [waf?.messageKey ?? 'Message']: error.message, ...waf?.fields }
    if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds)
  }
  const text = JSON.stringify(body)
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
