import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiMappingRecord, DomainEntry } from '../control-plane/domain-state.js'
import { isMultiLevel } from '../control-plane/domain-state.js'
import type { Store } from '../control-plane/state.js'
import { sendJson } from '../http/http-util.js'
import type { InvokeDeps } from './handler.js'
import { handleInvoke } from './handler.js'

// Requests to custom domain names. Two ways in: a Host header naming a registered domain (port ignored),
// as on AWS, or the emulator's own path form /_domains/{domainName}/{basePath}/{rest}, usable without DNS.
// Either way the mapping is chosen from the path, its base path stripped, and the rest served by the
// ordinary invoke handler for that API and stage (canary split, deployment behaviours and all).

/** The emulator's path form (an emulator convention; AWS has nothing like it). */
export const DOMAIN_PATH = /^\/_domains\/([^/]+)(\/.*)?$/

function byName(store: Store, name: string): DomainEntry | undefined {
  const wanted = name.toLowerCase()
  for (const entry of store.domains.values()) {
    if (entry.domain.domainName.toLowerCase() === wanted) return entry
  }
  // A wildcard name ("*.example.com") serves every subdomain of its parent
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html#wildcard-custom-domain-names).
  const parent = wanted.slice(wanted.indexOf('.') + 1)
  return wanted.includes('.') ? store.domains.get(`*.${parent}`) : undefined
}

/** The registered domain a Host header names, if any. DNS names are case-insensitive; the port is ignored. */
export function domainForHost(store: Store, host: string | undefined): DomainEntry | undefined {
  if (!host || store.domains.size === 0) return undefined
  return byName(store, host.replace(/:\d+$/, ''))
}

interface MappingMatch {
  mapping: ApiMappingRecord
  /** What is left of the path once the base path is stripped, starting with '/'. */
  rest: string
}

/**
 * API Gateway's mapping selection (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html):
 * with single-level mappings only, the first path segment must equal a base path; once the domain has a
 * multi-level mapping, "the mapping that has the longest matching prefix" wins, so /ordersandmore goes to
 * `orders` there. With no match, the empty mapping "(none)" is the catch-all.
 */
export function selectMapping(entry: DomainEntry, path: string): MappingMatch | undefined {
  const trimmed = path.replace(/^\/+/, '')
  const all = [...entry.mappings.values()]
  const keyed = all.filter(m => m.key !== '')
  let best: ApiMappingRecord | undefined
  if (keyed.some(m => isMultiLevel(m.key))) {
    for (const m of keyed) {
      if (trimmed.startsWith(m.key) && (!best || m.key.length > best.key.length)) best = m
    }
  } else {
    const first = trimmed.split('/')[0]
    best = keyed.find(m => m.key === first)
  }
  if (best) {
    const rest = trimmed.slice(best.key.length)
    return { mapping: best, rest: rest.startsWith('/') ? rest : `/${rest}` }
  }
  const root = all.find(m => m.key === '')
  return root ? { mapping: root, rest: `/${trimmed}` } : undefined
}

/** Answers without reading the body; resume() discards it so the connection stays usable. */
function reject(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  req.resume()
  const headers: Record<string, string> = status === 403 ? { 'x-amzn-errortype': 'ForbiddenException' } : {}
  sendJson(res, status, { message }, headers)
}

// API Gateway's answer on a custom domain when no mapping takes the request: 403 {"message":"Forbidden"}
// (Miserlou/Zappa#1248: "comes from API Gateway when it has no place to point an event").
const forbidden = (req: IncomingMessage, res: ServerResponse): void => reject(req, res, 403, 'Forbidden')

export async function handleCustomDomain(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: InvokeDeps
): Promise<void> {
  const pathForm = DOMAIN_PATH.exec(url.pathname)
  const entry = pathForm
    ? byName(deps.store, decodeURIComponent(pathForm[1]))
    : domainForHost(deps.store, req.headers.host)
  const path = pathForm ? (pathForm[2] ?? '/') : url.pathname
  // No AWS equivalent (an unregistered name would not resolve); 404 keeps typos in the path form obvious.
  if (!entry) return reject(req, res, 404, 'Not Found')
  const match = selectMapping(entry, path)
  if (!match || !deps.store.apis.has(match.mapping.apiId)) return forbidden(req, res)
  let { rest } = match
  let stage = match.mapping.stage
  if (stage === undefined) {
    // A mapping without a stage takes it from the URL: {basePath}/{stage}/{rest}
    // (the `stage` field of https://docs.aws.amazon.com/apigateway/latest/api/API_CreateBasePathMapping.html).
    const [, first = '', ...others] = rest.split('/')
    if (first === '') return forbidden(req, res)
    stage = decodeURIComponent(first)
    rest = `/${others.join('/')}`
  }
  const invokePath = `/restapis/${match.mapping.apiId}/${encodeURIComponent(stage)}/_user_request_${rest}`
  return handleInvoke(req, res, new URL(`${invokePath}${url.search}`, url), deps)
}
