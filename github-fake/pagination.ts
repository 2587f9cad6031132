/**
 * Page-number pagination as GitHub does it: `per_page` (default 30, at most 100) and `page` (from 1), with a
 * `Link` header naming the prev, next, last and first pages, omitted when everything fits on one page.
 * https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 * Octokit's paginate() follows the rel="next" URL verbatim, so the links are absolute and keep every other
 * query parameter. Like GitHub's, they name the repository by id (/repositories/{id}/...), not by owner/name.
 */

export const DEFAULT_PER_PAGE = 30
export const MAX_PER_PAGE = 100

function positiveInt(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d+$/.test(raw)) return fallback
  const n = Number(raw)
  return n >= 1 ? n : fallback
}

export interface Page<T> {
  items: T[]
  /** The Link header's value, or undefined when there is a single page. */
  link?: string
}

/**
 * Cuts `all` to the requested page. `linkBase` is the URL the links start from: the request's own URL with
 * its repository path rewritten to the /repositories/{id} form.
 */
export function paginate<T>(all: readonly T[], query: URLSearchParams, linkBase: URL): Page<T> {
  const perPage = Math.min(positiveInt(query.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE)
  const page = positiveInt(query.get('page'), 1)
  const items = all.slice((page - 1) * perPage, page * perPage)
  const last = Math.max(1, Math.ceil(all.length / perPage))
  if (last === 1 && page === 1) return { items }

  const at = (n: number): string => {
    const url = new URL(linkBase)
    url.searchParams.set('page', String(n))
    return `<${url.toString()}>`
  }
  // GitHub's order: prev, next, last, first; the first page has no prev/first, the last no next/last.
  const parts: string[] = []
  if (page > 1) parts.push(`${at(Math.min(page - 1, last))}; rel="prev"`)
  if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`)
  if (page > 1) parts.push(`${at(1)}; rel="first"`)
  return { items, link: parts.join(', ') }
}

/** The response headers of a page: its Link header, when there is one. */
export const linkHeaders = (page: Page<unknown>): Record<string, string> =>
  page.link ? { link: page.link } : {}
