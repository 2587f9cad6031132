/**
 * Pull requests: https://docs.github.com/en/rest/pulls/pulls
 * Tests add them in process (addPullRequest) and open or close them (setPullState); the API only reads them.
 */
import { notFound, validationFailed } from './errors.js'
import type { Handler, HandlerContext } from './handler.js'
import { linkHeaders, paginate } from './pagination.js'
import { pullJson } from './shapes.js'
import type { PullRecord, Store } from './store.js'

const commentCount = (store: Store, n: number): number =>
  [...store.comments.values()].filter(c => c.issueNumber === n).length

/** GET one: the full `pull-request` form (merged, mergeable, comments, ...). */
export function fullPullJson(
  store: Store,
  pr: PullRecord,
  urls: HandlerContext['urls']
): Record<string, unknown> {
  return { ...pullJson(pr, store.identity, urls, true), comments: commentCount(store, pr.number) }
}

/** https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request */
export const getPull: Handler = ctx => {
  const pr = ctx.store.pulls.get(Number(ctx.params.pull_number))
  if (!pr) throw notFound(ctx.docs)
  return { status: 200, body: fullPullJson(ctx.store, pr, ctx.urls) }
}

const SORTS = ['created', 'updated', 'popularity', 'long-running'] as const
type Sort = (typeof SORTS)[number]

function invalid(ctx: HandlerContext, field: string): never {
  throw validationFailed(ctx.docs, [{ resource: 'PullRequest', field, code: 'invalid' }])
}

/**
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 * - `state`: open (default), closed or all.
 * - `head`: "user:ref-name" (a bare ref is taken as the repository owner's).
 * - `base`: the base branch name.
 * - `sort`: created (default), updated, popularity (comment count), long-running (taken as created);
 *   `direction` "Default: desc when sort is created or sort is not specified, otherwise asc."
 */
export const listPulls: Handler = ctx => {
  const { query, store } = ctx
  const state = query.get('state') ?? 'open'
  if (!['open', 'closed', 'all'].includes(state)) invalid(ctx, 'state')
  const sort = (query.get('sort') ?? 'created') as Sort
  if (!SORTS.includes(sort)) invalid(ctx, 'sort')
  const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc')
  if (direction !== 'asc' && direction !== 'desc') invalid(ctx, 'direction')
  const head = query.get('head')
  const headLabel = head === null ? undefined : head.includes(':') ? head : `${store.identity.owner}:${head}`
  const base = query.get('base')

  const key = (pr: PullRecord): number =>
    sort === 'updated'
      ? Date.parse(pr.updatedAt)
      : sort === 'popularity'
        ? commentCount(store, pr.number)
        : Date.parse(pr.createdAt)
  const all = [...store.pulls.values()]
    .filter(pr => state === 'all' || pr.state === state)
    .filter(pr => headLabel === undefined || `${pr.head.owner}:${pr.head.ref}` === headLabel)
    .filter(pr => base === null || pr.base.ref === base)
    // Ties (same second) fall back to the number, so the order is stable.
    .sort((a, b) => key(a) - key(b) || a.number - b.number)
  if (direction === 'desc') all.reverse()
  const page = paginate(all, query, ctx.linkBase)
  return {
    status: 200,
    body: page.items.map(pr => pullJson(pr, store.identity, ctx.urls, false)),
    headers: linkHeaders(page)
  }
}
