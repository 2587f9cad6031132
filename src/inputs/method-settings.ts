/**
 * `method-settings`: a YAML or JSON map from a method ("/pets/{id} GET", "/pets *", or "*\/*" for every
 * method) to the settings it overrides, under the same names as the stage-wide inputs:
 *
 *   "/pets/{id} GET": { caching-enabled: true, cache-ttl: 60 }
 *   "/orders POST": { throttling-rate-limit: 5, throttling-burst-limit: 10 }
 */
import { METHOD_SETTING_FIELDS, type MethodSettings } from '../stage-settings/fields.js'
import type { Readers } from './readers.js'

/** Parses YAML (JSON is YAML); throws with the line and column of a syntax error. */
export type ParseStructured = (text: string) => unknown

export interface MethodSettingsEntry {
  /** The key as the user wrote it, for messages. */
  key: string
  /** "/pets/{id}", "/" for the root, or "*" with method "*" for every method. */
  resourcePath: string
  httpMethod: string
  settings: MethodSettings
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html (httpMethod) and the patch paths'
// "*" wildcard.
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY', '*']
// A resource path as API Gateway writes it: segments of a path part ([A-Za-z0-9._-]), a {param} or {proxy+}.
const RESOURCE_PATH =
  /^\/(([A-Za-z0-9._\-~:@]+|\{[A-Za-z0-9._-]+\+?\})(\/([A-Za-z0-9._\-~:@]+|\{[A-Za-z0-9._-]+\+?\}))*)?$/
const INPUT = 'method-settings'

export function readMethodSettings(read: Readers, parse: ParseStructured): MethodSettingsEntry[] {
  const raw = read.get(INPUT)
  if (raw === '') return []
  let value: unknown
  try {
    value = parse(raw)
  } catch (error) {
    read.problems.add(
      `Input "${INPUT}" is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`
    )
    return []
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    read.problems.add(
      `Input "${INPUT}" must be a map from a method ("/pets/{id} GET", or "*/*") to its settings.`
    )
    return []
  }
  const entries: MethodSettingsEntry[] = []
  const seen = new Set<string>()
  for (const [key, settings] of Object.entries(value)) {
    const method = parseMethodKey(key)
    if (typeof method === 'string') {
      read.problems.add(`Input "${INPUT}": ${JSON.stringify(key)} ${method}`)
      continue
    }
    const id = `${method.resourcePath} ${method.httpMethod}`
    if (seen.has(id)) {
      read.problems.add(`Input "${INPUT}": ${JSON.stringify(key)} names a method given twice.`)
      continue
    }
    seen.add(id)
    const parsed = readSettings(read, key, settings)
    if (parsed) entries.push({ key, ...method, settings: parsed })
  }
  return entries
}

/** The method a key names, or what is wrong with it. */
function parseMethodKey(key: string): { resourcePath: string; httpMethod: string } | string {
  if (key.trim() === '*/*') return { resourcePath: '*', httpMethod: '*' }
  const parts = key.trim().split(/\s+/)
  if (parts.length !== 2)
    return 'is not a method: write the resource path and the HTTP method, like "/pets/{id} GET", or "*/*".'
  const [resourcePath, verb] = parts
  const httpMethod = verb.toUpperCase()
  if (!HTTP_METHODS.includes(httpMethod))
    return `has an unknown HTTP method "${verb}": use one of ${HTTP_METHODS.join(', ')}.`
  if (!RESOURCE_PATH.test(resourcePath))
    return `has an invalid resource path "${resourcePath}": it starts with "/", like "/pets/{id}".`
  return { resourcePath, httpMethod }
}

function readSettings(read: Readers, key: string, settings: unknown): MethodSettings | undefined {
  const names = METHOD_SETTING_FIELDS.map(field => field.input)
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    read.problems.add(
      `Input "${INPUT}": ${JSON.stringify(key)} must map to settings, like { ${names[0]}: 10 }.`
    )
    return undefined
  }
  const result: MethodSettings = {}
  let ok = true
  for (const [name, value] of Object.entries(settings)) {
    const field = METHOD_SETTING_FIELDS.find(f => f.input === name)
    if (!field) {
      read.problems.add(
        `Input "${INPUT}": ${JSON.stringify(key)} has an unknown setting "${name}"; the settings are ${names.join(', ')}.`
      )
      ok = false
      continue
    }
    const text =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : ''
    const parsed = field.parse(text)
    if (parsed === undefined) {
      read.problems.add(
        `Input "${INPUT}": ${JSON.stringify(key)}: ${name} ${JSON.stringify(value)} ${field.rule}`
      )
      ok = false
    } else Object.assign(result, { [field.field]: parsed })
  }
  if (ok && Object.keys(result).length === 0)
    read.problems.add(`Input "${INPUT}": ${JSON.stringify(key)} sets nothing.`)
  return ok ? result : undefined
}
