// Readers for the untyped values of a parsed API definition (JSON or YAML). A definition is user input, so
// nothing in it is trusted to have the shape the OpenAPI specification gives it.

export type Obj = Record<string, unknown>

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const objectAt = (value: unknown): Obj => (isObject(value) ? value : {})

export const listAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

export const stringAt = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** A scalar as the string API Gateway stores (YAML reads `statusCode: 200` and `version: 1.0` as numbers). */
export const scalarAt = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined

export const stringListAt = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

/** The string members of a map; others are dropped (callers that must warn about them check first). */
export function stringMapAt(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string')
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** Resolves a local JSON reference ('#/components/schemas/Pet'); external references are not followed. */
export function resolveRef(doc: Obj, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = doc
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined
    node = node[key]
  }
  return node
}

/** An object that may be a {$ref}: the referenced object, or the object itself. */
export function deref(doc: Obj, value: unknown): Obj {
  const ref = isObject(value) ? stringAt(value.$ref) : undefined
  return objectAt(ref === undefined ? value : resolveRef(doc, ref))
}
