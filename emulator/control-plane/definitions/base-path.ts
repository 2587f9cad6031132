import { badRequest } from '../../http/errors.js'
import type { DefinitionKind } from './document.js'
import type { Obj } from './values.js'
import { isObject, listAt, objectAt, stringAt } from './values.js'

// The `basepath` import parameter, "ignore" (the default), "prepend" or "split"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html): with a
// base path /a/b/c and paths /e and /f, ignore creates /e and /f, prepend /a/b/c/e and /a/b/c/f, split /b/c/e and
// /b/c/f ("treat the topmost path part, /a, as the beginning of each resource's path").
export type BasePathMode = 'ignore' | 'prepend' | 'split'

const MODES: readonly BasePathMode[] = ['ignore', 'prepend', 'split']

export function basePathMode(query: URLSearchParams): BasePathMode {
  const value = query.get('basepath') ?? 'ignore'
  // The emulator's message: AWS's answer to another value is not on record.
  if (!MODES.includes(value as BasePathMode)) {
    throw badRequest(
      `Invalid value for parameter 'basepath': ${value}. Valid values are: ${MODES.join(', ')}`
    )
  }
  return value as BasePathMode
}

/** '/a/b/' and 'a/b' as '/a/b'; '' and '/' as ''. */
function normalize(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `/${trimmed}`
}

/**
 * OpenAPI 3.0 has no basePath; API Gateway takes the first `basePath` server variable (even when server.url does
 * not use it), else the path of the first server's URL beyond "/" (same page as above).
 */
function serverBasePath(doc: Obj): string {
  const servers = listAt(doc.servers).filter(isObject)
  for (const server of servers) {
    const variable = objectAt(objectAt(server.variables).basePath)
    const value = stringAt(variable.default)
    if (value !== undefined) return value
  }
  const url = stringAt(servers[0]?.url) ?? ''
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
}

export function declaredBasePath(doc: Obj, kind: DefinitionKind): string {
  return normalize(kind === 'swagger' ? (stringAt(doc.basePath) ?? '') : serverBasePath(doc))
}

/** The prefix the resources of `paths` get under `mode`. */
export function resourcePrefix(declared: string, mode: BasePathMode): string {
  if (mode === 'ignore') return ''
  if (mode === 'prepend') return declared
  return normalize(declared.split('/').slice(2).join('/'))
}

/** '/e' under '/a/b' is '/a/b/e'; '/' under '/a/b' is '/a/b'. */
export const joinPath = (prefix: string, path: string): string =>
  prefix === '' ? path : path === '/' ? prefix : `${prefix}${path}`
