/** What a route handler gets and returns (types only; the route table is in routes.ts). */
import type { TokenGrant } from './auth.js'
import type { Urls } from './shapes.js'
import type { Store } from './store.js'
import type { Body } from './validate.js'

export interface HandlerContext {
  store: Store
  /** Path parameters, percent-decoded, e.g. { issue_number: '12' }. */
  params: Record<string, string>
  query: URLSearchParams
  body: Body
  grant: TokenGrant
  urls: Urls
  /** The request URL in GitHub's /repositories/{id}/... form, for Link headers. */
  linkBase: URL
  /** The endpoint's page in the REST docs, for error bodies. */
  docs: string
}

export interface HandlerResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => HandlerResult
