/**
 * What an import changes, against what the stage serves: the stage's export (GetExport oas30 with the
 * integrations extension) and the definition to import, both reduced to their methods, compared as the summary's
 * from -> to rows. Pure.
 *
 * Rows: "API name" (the import renames the API after info.title), "path /pets" (a path added or removed, with its
 * methods), "path /pets DELETE" (a method added or removed on a path that stays), and for a method on both sides
 * "path /pets GET integration" (its type), "... integration URI", "... integration method" and "... API key".
 */
import type { PlannedChange } from '../stage-settings/plan.js'
import type { BasePathMode, ImportMode } from './options.js'

export interface MethodView {
  path: string
  /** GET ... OPTIONS, or ANY for x-amazon-apigateway-any-method. */
  verb: string
  /** The type upper-cased (MOCK, HTTP_PROXY, AWS_PROXY ...); undefined: the method has none. */
  integration?: { type: string; uri?: string; httpMethod?: string }
  apiKeyRequired: boolean
}

const VERBS: Record<string, string> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  'x-amazon-apigateway-any-method': 'ANY'
}
const VERB_ORDER = Object.values(VERBS)

type Obj = Record<string, unknown>
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const obj = (value: unknown): Obj => (isObj(value) ? value : {})
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * `current`: the stage's export, or undefined for a stage that serves nothing yet. `next`: the definition. Under
 * merge the API keeps the methods the file does not name, so only overwrite removes.
 */
export function diffDefinitions(
  current: unknown,
  next: unknown,
  options: { mode: ImportMode; basepath?: BasePathMode }
): PlannedChange[] {
  const before = byKey(current === undefined ? [] : definitionMethods(current, 'ignore'))
  const incoming = byKey(definitionMethods(next, options.basepath ?? 'ignore'))
  const after = options.mode === 'merge' ? new Map([...before, ...incoming]) : incoming
  const changes: PlannedChange[] = []
  const title = { from: str(obj(obj(current).info).title), to: str(obj(obj(next).info).title) }
  if (title.from !== undefined && title.to !== undefined && title.from !== title.to)
    changes.push({ setting: 'API name', ...title })
  const paths = (methods: Map<string, MethodView>): Map<string, string[]> => {
    const grouped = new Map<string, string[]>()
    for (const m of methods.values()) grouped.set(m.path, [...(grouped.get(m.path) ?? []), m.verb])
    for (const verbs of grouped.values()) verbs.sort(byVerb)
    return grouped
  }
  const pathsBefore = paths(before)
  const pathsAfter = paths(after)
  for (const path of [...new Set([...pathsBefore.keys(), ...pathsAfter.keys()])].sort()) {
    const was = pathsBefore.get(path)
    const will = pathsAfter.get(path)
    if (!was || !will) {
      changes.push({
        setting: `path ${path}`,
        from: was ? was.join(', ') : 'absent',
        to: will ? will.join(', ') : 'absent'
      })
      continue
    }
    for (const verb of [...new Set([...was, ...will])].sort(byVerb)) {
      const label = `path ${path} ${verb}`
      const a = before.get(`${path} ${verb}`)
      const b = after.get(`${path} ${verb}`)
      if (!a || !b)
        changes.push({ setting: label, from: a ? 'present' : 'absent', to: b ? 'present' : 'absent' })
      else changes.push(...methodChanges(label, a, b))
    }
  }
  return changes
}

function methodChanges(label: string, a: MethodView, b: MethodView): PlannedChange[] {
  const changes: PlannedChange[] = []
  const typeA = a.integration?.type ?? 'none'
  const typeB = b.integration?.type ?? 'none'
  if (typeA !== typeB) changes.push({ setting: `${label} integration`, from: typeA, to: typeB })
  if ((a.integration?.uri ?? '') !== (b.integration?.uri ?? ''))
    changes.push({ setting: `${label} integration URI`, from: a.integration?.uri, to: b.integration?.uri })
  // A MOCK has no backend method; elsewhere compared only when both sides say it.
  const methodA = typeA === 'MOCK' ? undefined : a.integration?.httpMethod
  const methodB = typeB === 'MOCK' ? undefined : b.integration?.httpMethod
  if (methodA !== undefined && methodB !== undefined && methodA !== methodB)
    changes.push({ setting: `${label} integration method`, from: methodA, to: methodB })
  if (a.apiKeyRequired !== b.apiKeyRequired) {
    const show = (required: boolean): string => (required ? 'required' : 'not required')
    changes.push({ setting: `${label} API key`, from: show(a.apiKeyRequired), to: show(b.apiKeyRequired) })
  }
  return changes
}

/**
 * The methods of an OpenAPI 3.0 or Swagger 2.0 document, at the resource paths an import gives them under
 * `basepath` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html).
 */
export function definitionMethods(document: unknown, basepath: BasePathMode): MethodView[] {
  const doc = obj(document)
  const swagger = doc.swagger !== undefined
  const prefix = resourcePrefix(declaredBasePath(doc, swagger), basepath)
  const schemes = obj(swagger ? doc.securityDefinitions : obj(doc.components).securitySchemes)
  const methods: MethodView[] = []
  for (const [key, item] of Object.entries(obj(doc.paths))) {
    const path = joinPath(prefix, normalizePath(key))
    for (const [name, operation] of Object.entries(obj(item))) {
      const verb = VERBS[name.toLowerCase()]
      if (!verb || !isObj(operation)) continue
      const integration = obj(operation['x-amazon-apigateway-integration'])
      const type = str(integration.type)
      methods.push({
        path,
        verb,
        integration: type
          ? {
              type: type.toUpperCase(),
              uri: str(integration.uri),
              httpMethod: str(integration.httpMethod)?.toUpperCase()
            }
          : undefined,
        apiKeyRequired: needsApiKey(operation.security ?? doc.security, schemes)
      })
    }
  }
  return methods
}

/** A security requirement on an API key scheme (the x-api-key header), as API Gateway reads it. */
function needsApiKey(security: unknown, schemes: Obj): boolean {
  if (!Array.isArray(security)) return false
  return security.some(requirement =>
    Object.keys(obj(requirement)).some(name => {
      const scheme = obj(schemes[name])
      return (
        scheme.type === 'apiKey' && scheme.in === 'header' && str(scheme.name)?.toLowerCase() === 'x-api-key'
      )
    })
  )
}

/** Swagger's basePath; OpenAPI 3's first basePath server variable, else the path of the first server's URL. */
function declaredBasePath(doc: Obj, swagger: boolean): string {
  if (swagger) return normalizeBase(str(doc.basePath) ?? '')
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObj) : []
  for (const server of servers) {
    const value = str(obj(obj(server.variables).basePath).default)
    if (value !== undefined) return normalizeBase(value)
  }
  return normalizeBase((str(servers[0]?.url) ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''))
}

/** ignore: none; prepend: the whole base path; split: all of it but its first segment. */
function resourcePrefix(base: string, mode: BasePathMode): string {
  if (mode === 'ignore') return ''
  if (mode === 'prepend') return base
  return normalizeBase(base.split('/').slice(2).join('/'))
}

/** "/a/b/" and "a/b" as "/a/b"; "" and "/" as "". */
function normalizeBase(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `/${trimmed}`
}

function normalizePath(path: string): string {
  return normalizeBase(path) || '/'
}

function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path
  return path === '/' ? prefix : `${prefix}${path}`
}

function byKey(methods: MethodView[]): Map<string, MethodView> {
  return new Map(methods.map(m => [`${m.path} ${m.verb}`, m]))
}

function byVerb(a: string, b: string): number {
  return VERB_ORDER.indexOf(a) - VERB_ORDER.indexOf(b)
}
