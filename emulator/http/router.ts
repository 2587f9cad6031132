import type { IncomingHttpHeaders } from 'node:http'
import type { Store } from '../control-plane/state.js'
import type { Body } from './input.js'

interface HandlerContext {
  store: Store
  params: Record<string, string>
  query: URLSearchParams
  /** The JSON body; {} for routes with `rawBody`. */
  body: Body
  /** The request body as sent (API definitions are JSON or YAML, not a JSON object of members). */
  raw: Buffer
  headers: IncomingHttpHeaders
}

/** An answer that is not JSON: GetExport and GetSdk send the file itself, with its own headers. */
export interface BytesAnswer {
  data: Buffer
  headers: Record<string, string>
}

interface HandlerResult {
  status: number
  body?: unknown
  bytes?: BytesAnswer
}

export type Handler = (ctx: HandlerContext) => HandlerResult

export interface Route {
  /** AWS operation name, used for call records and fault matching. */
  operation: string
  method: string
  /** Path template from the API reference, e.g. /restapis/{restApiId}/stages/{stageName}. */
  path: string
  handler: Handler
  /**
   * Query parameters the request must carry with these values: ImportRestApi is POST /restapis?mode=import,
   * CreateRestApi the same path without it. A route with a condition must come before one without.
   */
  query?: Record<string, string>
  /** Leave the body unparsed (ctx.raw); for operations whose payload is a file rather than JSON members. */
  rawBody?: boolean
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

/** Matches a raw (still percent-encoded) request path against the route table. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  rawPath: string,
  query: URLSearchParams = new URLSearchParams()
): RouteMatch | undefined {
  // Split before decoding: the SDK percent-encodes '/' inside labels such as the ARN in /tags/{resourceArn}.
  const segments = rawPath.split('/').slice(1)
  for (const route of routes) {
    if (route.method !== method) continue
    if (route.query && Object.entries(route.query).some(([k, v]) => query.get(k) !== v)) continue
    const template = route.path.split('/').slice(1)
    if (template.length !== segments.length) continue
    const params: Record<string, string> = {}
    let ok = true
    for (let i = 0; i < template.length && ok; i++) {
      const part = template[i]
      if (part.startsWith('{') && part.endsWith('}')) {
        params[part.slice(1, -1)] = decodeURIComponent(segments[i])
        ok = segments[i] !== ''
      } else {
        ok = part === segments[i]
      }
    }
    if (ok) return { route, params }
  }
  return undefined
}
