import { badRequest } from '../http/errors.js'

interface Page<T> {
  item: T[]
  position?: string
}

// Collection GETs take `limit` (default 25, max 500) and an opaque `position` token, and answer
// `{ item, position? }`: https://docs.aws.amazon.com/apigateway/latest/api/API_GetRestApis.html
const DEFAULT_LIMIT = 25
const MAX_LIMIT = 500

export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limitParam = query.get('limit')
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`Invalid limit: must be an integer between 1 and ${MAX_LIMIT}`)
  }
  const start = decodePosition(query.get('position'))
  const item = items.slice(start, start + limit)
  const next = start + limit
  return next < items.length ? { item, position: encodePosition(next) } : { item }
}

function encodePosition(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url')
}

function decodePosition(position: string | null): number {
  if (position === null || position === '') return 0
  const match = /^o:(\d+)$/.exec(Buffer.from(position, 'base64url').toString())
  if (!match) throw badRequest('Invalid position specified')
  return Number(match[1])
}
