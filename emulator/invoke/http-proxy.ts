import type { IncomingHttpHeaders } from 'node:http'
import type { InvokeResponse } from './mock-integration.js'
import { internalServerError } from './mock-integration.js'

interface ProxyRequest {
  uri: string
  method: string
  headers: IncomingHttpHeaders
  body: Buffer
  search: string
  timeoutMs: number
  signal: AbortSignal
}

// This machine must never send traffic off-host, so HTTP_PROXY only reaches loopback targets.
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

// Headers that describe one hop (or that fetch sets itself) and must not be forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect'
])

/** HTTP_PROXY integration: forwards the request as-is and relays the response. */
export async function proxyHttp(req: ProxyRequest): Promise<InvokeResponse> {
  let target: URL
  try {
    target = new URL(req.uri)
  } catch {
    return internalServerError(`invalid integration URI ${req.uri}`)
  }
  if (!LOCAL_HOSTS.has(target.hostname)) {
    return {
      status: 502,
      headers: {
        'content-type': 'application/json',
        'x-emulator-error': 'non-local HTTP_PROXY target refused'
      },
      body: JSON.stringify({
        message: `The emulator only proxies to 127.0.0.1/localhost; refused ${target.host}`
      })
    }
  }
  if (req.search) {
    const extra = new URLSearchParams(req.search)
    for (const [k, v] of extra) target.searchParams.append(k, v)
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const hasBody = !['GET', 'HEAD'].includes(req.method) && req.body.length > 0
  try {
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)])
    })
    const body = Buffer.from(await upstream.arrayBuffer())
    const outHeaders: Record<string, string> = {}
    upstream.headers.forEach((value, name) => {
      // fetch already decoded the body, so its encoding and length headers no longer apply.
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') outHeaders[name] = value
    })
    return { status: upstream.status, headers: outHeaders, body }
  } catch (err) {
    if (err instanceof Error && err.name === 'TimeoutError') {
      // API Gateway's answer when the integration exceeds its timeout.
      return {
        status: 504,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Endpoint request timed out' })
      }
    }
    return internalServerError(`HTTP_PROXY request to ${target.host} failed: ${String(err)}`)
  }
}
