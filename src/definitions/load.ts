/**
 * A definition file, made ready to import: placeholders filled, parsed as JSON or YAML (errors with the file,
 * line and column), checked to be OpenAPI 3.0 or Swagger 2.0, hashed. Pure: main.ts reads the file, and this
 * runs before any AWS code loads, so a broken file fails the step before any call.
 */
import { createHash } from 'node:crypto'
import { findJsonError } from './json-syntax.js'
import { MAX_DEFINITION_BYTES } from './options.js'
import { fillPlaceholders, lineColumn, type Filled } from './placeholders.js'

export type DefinitionFormat = 'json' | 'yaml'
/** As GetExport names them: oas30 for OpenAPI 3.0, swagger for 2.0. */
export type DefinitionVersion = 'oas30' | 'swagger'

export interface PreparedDefinition {
  ok: true
  /** The file as the user named it, for messages and annotations. */
  fileName: string
  /** What PutRestApi gets: the file with its placeholders filled. */
  text: string
  format: DefinitionFormat
  version: DefinitionVersion
  document: Record<string, unknown>
  /** sha256 of `text`, hex: what skip-unchanged compares. */
  hash: string
  /** Declared in definition-variables but not in the file (worth a line in the log). */
  unusedVariables: string[]
}

export interface RefusedDefinition {
  ok: false
  problems: string[]
}

/** Parses YAML (the house's parseYaml, src/inputs/yaml.ts); throws a YAMLParseError. */
export type ParseYaml = (text: string) => unknown

const INPUT = 'api-definition'

export function prepareDefinition(input: {
  fileName: string
  content: string
  variables: Record<string, string>
  parseYaml: ParseYaml
}): PreparedDefinition | RefusedDefinition {
  const { fileName, variables } = input
  const content = input.content.replace(/^\uFEFF/, '')
  const at = (offset: number): string => {
    const { line, column } = lineColumn(content, offset)
    return `${fileName}:${line}:${column}`
  }
  const format = formatOf(fileName, content)
  const filled = fillPlaceholders(
    content,
    variables,
    format === 'json' ? value => JSON.stringify(value).slice(1, -1) : undefined
  )
  const problems = unfilledProblems(filled, content, at)
  const bytes = Buffer.byteLength(filled.text, 'utf8')
  if (bytes > MAX_DEFINITION_BYTES)
    problems.push(
      `Input "${INPUT}": ${fileName} is ${(bytes / 1024 / 1024).toFixed(1)} MB; PutRestApi takes at most 6 MB. Split the API, or drop what it does not need (examples, documentation).`
    )
  if (problems.length > 0) return { ok: false, problems }

  const parsed = format === 'json' ? parseJson(filled) : parseYamlText(filled, input.parseYaml)
  if ('error' in parsed) {
    const first = parsed.firstOffset === undefined ? '' : ` (the first is at ${at(parsed.firstOffset)})`
    return {
      ok: false,
      problems: [
        `Input "${INPUT}": ${at(parsed.offset)}: not valid ${format.toUpperCase()}: ${parsed.error}${first}.`
      ]
    }
  }
  const version = versionOf(parsed.value)
  if (typeof version !== 'object')
    return { ok: false, problems: [`Input "${INPUT}": ${fileName} ${version}`] }
  return {
    ok: true,
    fileName,
    text: filled.text,
    format,
    version: version.version,
    document: parsed.value as Record<string, unknown>,
    hash: definitionHash(filled.text),
    unusedVariables: Object.keys(variables).filter(name => !filled.used.has(name))
  }
}

export function definitionHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * PutRestApi names the API after `info.title`: a title other than the name the run finds the API by would
 * rename it, and the next run would not find it. Undefined when that cannot happen.
 */
export function titleProblem(
  restApiName: string | undefined,
  document: Record<string, unknown>
): string | undefined {
  const title = definitionTitle(document)
  if (restApiName === undefined || title === undefined || title === restApiName) return undefined
  return `Input "${INPUT}": its info.title is ${JSON.stringify(title)}, but the API is found by "rest-api-name: ${restApiName}". The import names the API after the title, so the next run would not find it: make info.title ${JSON.stringify(restApiName)}, or use "rest-api-id".`
}

/** The definition's info.title: the name PutRestApi gives the API. */
export function definitionTitle(document: Record<string, unknown>): string | undefined {
  const info = document.info
  const title =
    typeof info === 'object' && info !== null ? (info as Record<string, unknown>).title : undefined
  return typeof title === 'string' ? title : undefined
}

/** By the file's extension; otherwise JSON when it starts with "{", else YAML. */
function formatOf(fileName: string, content: string): DefinitionFormat {
  if (/\.json$/i.test(fileName)) return 'json'
  if (/\.ya?ml$/i.test(fileName)) return 'yaml'
  return content.trimStart().startsWith('{') ? 'json' : 'yaml'
}

function unfilledProblems(filled: Filled, content: string, at: (offset: number) => string): string[] {
  const byName = new Map<string, number[]>()
  for (const { name, offset } of filled.unfilled) byName.set(name, [...(byName.get(name) ?? []), offset])
  return [...byName].map(([name, offsets]) => {
    const lines = [...new Set(offsets.slice(1).map(offset => lineColumn(content, offset).line))]
    const also =
      lines.length > 0 ? ` It is also on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}.` : ''
    return `Input "${INPUT}": ${at(offsets[0])}: \${${name}} has no value: add ${name}=… to "definition-variables" (or write $\${${name}} to keep the text as it is).${also}`
  })
}

type Parsed = { value: unknown } | { error: string; offset: number; firstOffset?: number }

function parseJson(filled: Filled): Parsed {
  const found = findJsonError(filled.text)
  if (found)
    return {
      error: found.message,
      offset: filled.originalOffset(found.offset),
      firstOffset: found.firstOffset === undefined ? undefined : filled.originalOffset(found.firstOffset)
    }
  return { value: JSON.parse(filled.text) }
}

function parseYamlText(filled: Filled, parseYaml: ParseYaml): Parsed {
  try {
    return { value: parseYaml(filled.text) }
  } catch (error) {
    const e = error as { message?: string; pos?: [number, number] }
    const message = (e.message ?? String(error)).split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    return { error: message.replace(/\.$/, ''), offset: filled.originalOffset(e.pos?.[0] ?? 0) }
  }
}

/** The version, or what is wrong (a sentence that follows the file's name). */
function versionOf(value: unknown): { version: DefinitionVersion } | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `is not an OpenAPI 3.0 or Swagger 2.0 definition: its top level is ${value === null ? 'empty' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a map.`
  const doc = value as Record<string, unknown>
  const { openapi, swagger } = doc
  if (openapi !== undefined && swagger !== undefined)
    return 'has both "openapi" and "swagger" at its top level: keep the one its content follows.'
  if (openapi !== undefined) {
    if (typeof openapi !== 'string')
      return `has "openapi: ${String(openapi)}", which is not a string (YAML reads an unquoted 3.0 as the number 3): write openapi: "3.0.1".`
    if (/^3\.0(\.\d+)?$/.test(openapi)) return { version: 'oas30' }
    return `is OpenAPI ${openapi}: API Gateway imports REST APIs from OpenAPI 3.0.x and Swagger 2.0 only. Write it as 3.0.x.`
  }
  if (swagger !== undefined) {
    if (swagger === '2.0') return { version: 'swagger' }
    if (typeof swagger !== 'string')
      return `has "swagger: ${String(swagger)}", which is not a string (YAML reads an unquoted 2.0 as the number 2): write swagger: "2.0".`
    return `is Swagger ${swagger}: API Gateway imports Swagger 2.0 and OpenAPI 3.0.x only.`
  }
  return 'has neither "openapi: 3.0.x" nor "swagger: \'2.0\'" at its top level: it is not an OpenAPI 3.0 or Swagger 2.0 definition.'
}
