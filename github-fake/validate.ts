/**
 * Request-body checks against an endpoint's schema, answered the way GitHub's schema validation words them:
 * 422 "Invalid request.\n\n<reason>" with reasons such as `"body" wasn't supplied.` or
 * `For 'properties/auto_merge', "yes" is not a boolean.` (Ruby's nil for JSON null).
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import { invalidRequest } from './errors.js'

export type Body = Record<string, unknown>

type FieldType = 'string' | 'boolean' | 'string[]' | 'object|string' | { enum: readonly string[] }

export interface FieldSpec {
  type: FieldType
  required?: boolean
  /** JSON null is accepted (the field is then as if left out). */
  nullable?: boolean
}

const shown = (value: unknown): string => (value === null ? 'nil' : JSON.stringify(value))

function typeError(name: string, spec: FieldSpec, value: unknown): string | undefined {
  const where = `For 'properties/${name}', ${shown(value)}`
  const type = spec.type
  if (typeof type === 'object') {
    return typeof value === 'string' && type.enum.includes(value)
      ? undefined
      : `${where} is not one of ${JSON.stringify(type.enum).replace(/,/g, ', ')}.`
  }
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${where} is not a string.`
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${where} is not a boolean.`
    case 'string[]': {
      if (!Array.isArray(value)) return `${where} is not an array.`
      const bad = value.find(item => typeof item !== 'string')
      return bad === undefined ? undefined : `For 'items', ${shown(bad)} is not a string.`
    }
    case 'object|string':
      return typeof value === 'string' ||
        (typeof value === 'object' && value !== null && !Array.isArray(value))
        ? undefined
        : `${where} is not an object or string.`
  }
}

/** Throws GitHub's 422 for the first field that is missing or of the wrong type. */
export function checkBody(body: Body, fields: Record<string, FieldSpec>, docs: string): void {
  for (const [name, spec] of Object.entries(fields)) {
    const value = body[name]
    if (value === undefined || (value === null && spec.nullable)) {
      if (spec.required) throw invalidRequest(docs, `"${name}" wasn't supplied.`)
      continue
    }
    const reason = typeError(name, spec, value)
    if (reason) throw invalidRequest(docs, reason)
  }
}

/** Reads a request body: empty is `{}`; anything but a JSON object is refused as GitHub does. */
export function parseBody(raw: Buffer, docs: string, problems: () => Error): Body {
  const text = raw.toString('utf8').trim()
  if (text === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw problems()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest(docs, `${shown(value)} is not an object.`)
  }
  return value as Body
}
