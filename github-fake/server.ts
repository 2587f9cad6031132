/**
 * Serves one request: path normalisation (GHES's /api/v3 prefix, the /repositories/{id} form), then
 * authentication, the rate limit, injected faults, the repository, permissions, the body and the handler,
 * in that order. Each request is handled on its own; its handler runs synchronously, so its change to the
 * store is atomic, and concurrent requests interleave between their reads and writes as on GitHub.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { acceptedPermissions, Tokens } from './auth.js'
import { GitHubError, notFound, problemsParsingJson, REST_DOCS } from './errors.js'
import { Faults, type FaultName, type FaultPhase } from './faults.js'
import type { HandlerResult } from './handler.js'
import { delay, readBody, resetConnection, send } from './http.js'
import type { RateLimits } from './rate-limit.js'
import { matchRoute, type RouteName } from './routes.js'
import type { Store } from './store.js'
import { parseBody } from './validate.js'

export interface GitHubCall {
  /** The Octokit method the request is, e.g. 'issues.createComment'; 'unknown' for unrouted requests. */
  route: RouteName | 'unknown'
  method: string
  /** The path as requested, without the query (any /api/v3 prefix kept). */
  path: string
  query: Record<string, string>
  /** The request body as parsed JSON, when there was a parseable one. */
  body?: unknown
  /**
   * The status answered, or the one that would have been: for a dropped response, the lost one (the change
   * was made).
   */
  status: number
  /** The error body's message, for error answers. */
  message?: string
  /** The token the request carried, if any. */
  token?: string
  /** Injected faults that applied, in the order they fired. */
  faults?: FaultName[]
  /** Epoch milliseconds when the request arrived. */
  time: number
}

export interface ServerDeps {
  store: Store
  tokens: Tokens
  faults: Faults
  rateLimits: RateLimits
  calls: GitHubCall[]
  /** GITHUB_SERVER_URL: where html_url fields point. */
  serverUrl: string
  signal: AbortSignal
  log: boolean
}

const GHES_PREFIX = '/api/v3'

interface Target {
  /** The path the route table matches: /repos/{owner}/{repo}/... */
  path: string
  /** '/api/v3' for a GHES-style request, else ''. */
  prefix: string
}

/**
 * On GHES the API lives under https://HOST/api/v3 (GITHUB_API_URL says so; @actions/github uses that URL
 * as is), so the fake serves both. GitHub also serves a repository as /repositories/{id}, the form its Link
 * headers use. https://docs.github.com/en/enterprise-server@latest/rest/quickstart
 */
function target(pathname: string, store: Store): Target {
  const ghes = pathname === GHES_PREFIX || pathname.startsWith(`${GHES_PREFIX}/`)
  const prefix = ghes ? GHES_PREFIX : ''
  let path = pathname.slice(prefix.length) || '/'
  const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(path)
  if (byId && Number(byId[1]) === store.identity.id) {
    path = `/repos/${store.identity.owner}/${store.identity.repo}${byId[2] ?? ''}`
  }
  return { path, prefix }
}

function tryJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    return undefined
  }
}

function failure(err: unknown): HandlerResult & { error: GitHubError } {
  if (!(err instanceof GitHubError)) console.error('[github-fake] handler crashed:', err)
  const error = err instanceof GitHubError ? err : new GitHubError(500, 'Server Error')
  return { status: error.status, body: error.body(), headers: error.headers, error }
}

export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps
): Promise<void> {
  const time = Date.now()
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
  const { store } = deps
  const { path, prefix } = target(url.pathname, store)
  const match = matchRoute(method, path)
  const docs = match?.route.docs ?? REST_DOCS
  const token = Tokens.tokenOf(req)
  const applied: FaultName[] = []
  const fault = (phase: FaultPhase) => {
    const found = match ? deps.faults.take(phase, match.route.name) : undefined
    if (found) applied.push(found.name)
    return found
  }

  let raw: Buffer = Buffer.alloc(0)
  let outcome: HandlerResult & { error?: GitHubError }
  let headers: Record<string, string> = {}
  let ran = false
  try {
    raw = await readBody(req)
    const grant = deps.tokens.authenticate(token, docs)
    headers = deps.rateLimits.hit(token as string)
    if (!match) throw notFound()
    // Sent on every answer to a fine-grained token, so a 403 says what would have been enough.
    headers['x-accepted-github-permissions'] = acceptedPermissions(match.route.permissions)
    const barrier = fault('barrier')
    if (barrier) await Faults.arrive(barrier, deps.signal)
    await delay(fault('delay')?.ms ?? 0, deps.signal)
    const injected = fault('error')
    if (injected?.error) throw injected.error()
    // GitHub matches owner and repository names case-insensitively.
    const { owner, repo } = store.identity
    if (
      match.owner.toLowerCase() !== owner.toLowerCase() ||
      match.repo.toLowerCase() !== repo.toLowerCase()
    ) {
      throw notFound(docs)
    }
    Tokens.authorize(grant, match.route.permissions, docs)
    const body =
      method === 'POST' || method === 'PATCH' ? parseBody(raw, docs, () => problemsParsingJson(docs)) : {}
    const origin = url.origin
    const rest = path.slice(`/repos/${match.owner}/${match.repo}`.length)
    const linkBase = new URL(`${origin}${prefix}/repositories/${store.identity.id}${rest}${url.search}`)
    outcome = match.route.handler({
      store,
      params: match.params,
      query: url.searchParams,
      body,
      grant,
      urls: { api: `${origin}${prefix}`, html: deps.serverUrl },
      linkBase,
      docs
    })
    ran = true
  } catch (err) {
    outcome = failure(err)
  }

  // Only a call that ran can have its answer delayed or lost after the change was made.
  const lateDelay = ran ? fault('late-delay') : undefined
  const drop = ran ? fault('drop') : undefined
  const parsed = tryJson(raw)
  // Recorded before answering, so a caller that awaited its response always finds its call here.
  deps.calls.push({
    route: match?.route.name ?? 'unknown',
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    ...(parsed !== undefined && { body: parsed }),
    status: outcome.status,
    ...(outcome.error && { message: outcome.error.message }),
    ...(token !== undefined && { token }),
    ...(applied.length > 0 && { faults: [...applied] }),
    time
  })
  if (deps.log) {
    const faults = applied.length > 0 ? ` [${applied.join(', ')}]` : ''
    console.error(`[github-fake] ${method} ${url.pathname}${url.search} -> ${outcome.status}${faults}`)
  }
  await delay(lateDelay?.ms ?? 0, deps.signal)
  if (drop) return resetConnection(res)
  if (!res.destroyed) send(res, outcome.status, outcome.body, { ...headers, ...outcome.headers })
}
