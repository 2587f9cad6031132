import type { Store } from '../control-plane/state.js'
import type { Body } from './input.js'

interface HandlerContext {
  store: Store
  params: Record<string, string>
  query: URLSearchParams
  body: Body
}

interface HandlerResult {
  status: number
  body?: unknown
}

export type Handler = (ctx: HandlerContext) => HandlerResult

export interface Route {
  /** AWS operation name, used for call records and fault matching. */
  operation: string
  method: string
  /** Path template from the API reference, e.g. /restapis/{restApiId}/stages/{stageName}. */
  path: string
  handler: Handler
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

/** Matches a raw (still percent-encoded) request path against the route table. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  rawPath: string
): RouteMatch | undefined {
  // Split before decoding: the SDK percent-encodes '/' inside labels such as the ARN in /tags/{resourceArn}.
  const segments = rawPath.split('/').slice(1)
  for (const route of routes) {
    if (route.method !== method) continue
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
