/**
 * API definitions in and out: a definition file imported before the deployment (PutRestApi), the stage's
 * definition exported after it (GetExport), a client SDK generated for it (GetSdk). Every problem is recorded
 * with the input's name; nothing here reads the file itself (src/definitions/load.ts does, from what main.ts read).
 */
import {
  BASE_PATH_MODES,
  ENDPOINT_TYPES,
  endpointTypesNotOffered,
  EXPORT_EXTENSIONS,
  EXPORT_FORMATS,
  EXPORT_TYPES,
  IGNORE_VALUES,
  IMPORT_MODES,
  SDK_PARAMETER_ALIASES,
  SDK_REQUIRED_PARAMETERS,
  SDK_TYPES,
  sdkTypesNotOffered,
  type ExportExtension,
  type ExportFormat,
  type ExportType,
  type ImportMode,
  type ImportParameters,
  type SdkType
} from '../definitions/options.js'
import { splitLines, type Problems, type Readers } from './readers.js'

export interface DefinitionImportInputs {
  /** The file as given: relative to the workspace, or absolute. */
  path: string
  mode: ImportMode
  failOnWarnings: boolean
  /** PutRestApi's `parameters`: only the documented ones. */
  parameters: ImportParameters
  /** `${NAME}` placeholders in the file and their values (which may be secrets). */
  variables: Record<string, string>
  /** Skip the import and the deployment when the stage's tag says it serves this definition already. */
  skipUnchanged: boolean
}

export interface ExportInputs {
  type: ExportType
  format: ExportFormat
  extensions: ExportExtension[]
  /** Where the file goes: relative to the workspace, or absolute. */
  path: string
}

export interface SdkInputs {
  type: SdkType
  parameters: Record<string, string>
  /** Where the zip goes: relative to the workspace, or absolute. */
  path: string
}

export interface DefinitionInputs {
  /** Undefined: no import; the deployment takes the API as it is. */
  import?: DefinitionImportInputs
  export?: ExportInputs
  sdk?: SdkInputs
}

// A placeholder's name as ${NAME} writes it. Only upper-case names are placeholders unless declared (see
// src/definitions/placeholders.ts), so mapping templates' ${lowerCase} references are left alone.
export const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/
// GetSdk's parameter names: java.package-name, groupId, service.name.
const SDK_PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,127}$/

export function readDefinitionInputs(read: Readers, region: string): DefinitionInputs {
  const definitionPath = readPath(read, 'api-definition', false)
  const importing = readImport(read, region, definitionPath)
  const exporting = readExport(read)
  const sdk = readSdk(read, region)
  const { problems } = read
  if (definitionPath !== undefined && exporting && samePath(definitionPath, exporting.path))
    problems.add(
      'Inputs "export-path" and "api-definition" name the same file: the export would overwrite the definition. Write the export elsewhere.'
    )
  if (exporting && sdk && samePath(exporting.path, sdk.path))
    problems.add('Inputs "export-path" and "sdk-path" name the same file: give each its own.')
  return { import: importing, export: exporting, sdk }
}

/**
 * Rules across areas, for src/inputs/rules.ts: definitions are part of `command: deploy`, and an imported
 * definition is released as a new deployment.
 */
export function checkDefinitionsAcross(
  problems: Problems,
  definitions: DefinitionInputs,
  areas: { command: string; releasesNewDeployment: boolean }
): void {
  const set = [
    definitions.import && '"api-definition"',
    definitions.export && '"export-type"',
    definitions.sdk && '"sdk-type"'
  ].filter((name): name is string => typeof name === 'string')
  if (areas.command !== 'deploy' && set.length > 0)
    problems.add(
      `${set.length === 1 ? 'Input' : 'Inputs'} ${set.join(', ')} ${set.length === 1 ? 'applies' : 'apply'} to "command: deploy", not "${areas.command}".`
    )
  else if (definitions.import && !areas.releasesNewDeployment)
    problems.add(
      'Input "api-definition": the definition is imported into the API and released as a new deployment, but "from-stage" or "to-deployment" releases an existing one. Remove one of them.'
    )
}

/**
 * The definition variables' values, for core.setSecret: they may hold account ids or keys. AWS region names
 * and values under 4 characters are left out: masking them would hide every URL and number in the log.
 */
export function definitionSecretsOf(definitions: DefinitionInputs): string[] {
  const values = Object.values(definitions.import?.variables ?? {})
  return [...new Set(values)].filter(value => value.length >= 4 && !REGION_NAME.test(value))
}

const REGION_NAME = /^[a-z]{2,4}(-[a-z]+)+-\d+$/

function readImport(
  read: Readers,
  region: string,
  path: string | undefined
): DefinitionImportInputs | undefined {
  const mode = read.oneOf<ImportMode>('api-definition-mode', IMPORT_MODES, 'overwrite')
  const failOnWarnings = read.boolean('fail-on-warnings', true)
  const parameters = readImportParameters(read, region)
  const variables = readPlaceholderValues(read)
  const skipUnchanged = read.boolean('skip-unchanged', false)
  if (path !== undefined) return { path, mode, failOnWarnings, parameters, variables, skipUnchanged }
  // A path given but refused has its problem already.
  if (read.get('api-definition') !== '') return undefined
  // Without a file these do nothing: most likely the file's input was forgotten or misspelt.
  const orphans = [
    mode !== 'overwrite' && 'api-definition-mode',
    !failOnWarnings && 'fail-on-warnings',
    read.get('definition-parameters') !== '' && 'definition-parameters',
    read.get('definition-variables') !== '' && 'definition-variables',
    skipUnchanged && 'skip-unchanged'
  ].filter((name): name is string => typeof name === 'string')
  for (const name of orphans)
    read.problems.add(`Input "${name}" applies to an imported definition: set "api-definition" (the file).`)
  return undefined
}

function readImportParameters(read: Readers, region: string): ImportParameters {
  const input = 'definition-parameters'
  const allowed: Record<keyof ImportParameters, readonly string[]> = {
    basepath: BASE_PATH_MODES,
    endpointConfigurationTypes: ENDPOINT_TYPES,
    ignore: IGNORE_VALUES
  }
  const parameters: Record<string, string> = {}
  for (const [name, value] of readPairs(read, input)) {
    const values = (allowed as Record<string, readonly string[] | undefined>)[name]
    if (name === 'mode' || name === 'failonwarnings')
      read.problems.add(
        `Input "${input}": set "${name}" with the input "${name === 'mode' ? 'api-definition-mode' : 'fail-on-warnings'}", not here.`
      )
    else if (!values)
      read.problems.bad(
        input,
        name,
        `is not a parameter PutRestApi documents: use ${Object.keys(allowed).join(', ')}.`
      )
    else if (!values.includes(value))
      read.problems.bad(input, value, `(parameter ${name}) is not one of: ${values.join(', ')}.`)
    else if (name in parameters) read.problems.bad(input, name, 'is set twice.')
    else parameters[name] = value
  }
  const type = parameters.endpointConfigurationTypes
  if (type && (endpointTypesNotOffered(region) as string[]).includes(type))
    read.problems.add(
      `Input "${input}": endpointConfigurationTypes=${type} is not offered in ${region} (the China regions have no edge-optimized APIs): use REGIONAL or PRIVATE.`
    )
  return parameters as ImportParameters
}

function readPlaceholderValues(read: Readers): Record<string, string> {
  const input = 'definition-variables'
  const variables: Record<string, string> = {}
  for (const [name, value] of readPairs(read, input, { secret: true })) {
    if (!PLACEHOLDER_NAME.test(name))
      read.problems.bad(
        input,
        name,
        'is not a placeholder name: letters, digits and _, not starting with a digit (the file writes ${NAME}).'
      )
    else if (value === '')
      // Never echoed: the value may be a secret, and an empty one is usually a secret that is not set.
      read.problems.add(
        `Input "${input}": ${name} is empty (a secret or variable that is not set?); the file would get an empty string.`
      )
    else if (name in variables) read.problems.bad(input, name, 'is set twice.')
    else variables[name] = value
  }
  return variables
}

function readExport(read: Readers): ExportInputs | undefined {
  const rawType = read.get('export-type')
  const knownType = (EXPORT_TYPES as readonly string[]).includes(rawType)
  if (rawType !== '' && !knownType)
    read.problems.bad('export-type', rawType, `is not one of: ${EXPORT_TYPES.join(', ')}.`)
  const rawFormat = read.get('export-format')
  if (rawFormat !== '' && !(EXPORT_FORMATS as readonly string[]).includes(rawFormat))
    read.problems.bad('export-format', rawFormat, `is not one of: ${EXPORT_FORMATS.join(', ')}.`)
  const extensions = readExtensions(read)
  const path = readPath(read, 'export-path', true)
  if (rawType === '') {
    if (path !== undefined)
      read.problems.add('Input "export-path" needs "export-type" (oas30 or swagger): what to export.')
    // "json" may be action.yml's default: only another value shows intent.
    if (rawFormat !== '' && rawFormat !== 'json')
      read.problems.add('Input "export-format" needs "export-type" (oas30 or swagger).')
    if (extensions.length > 0)
      read.problems.add('Input "export-extensions" needs "export-type" (oas30 or swagger).')
    return undefined
  }
  if (!knownType) return undefined
  if (path === undefined) {
    if (read.get('export-path') === '')
      read.problems.add('Input "export-type" needs "export-path": the file to write the export to.')
    return undefined
  }
  const byName = formatOfPath(path)
  const format = (EXPORT_FORMATS as readonly string[]).includes(rawFormat)
    ? (rawFormat as ExportFormat)
    : (byName ?? 'json')
  if (byName && byName !== format)
    read.problems.add(
      `Inputs "export-format" and "export-path": the export is ${format} but ${JSON.stringify(path)} ends as a ${byName} file. Make them agree.`
    )
  return { type: rawType as ExportType, format, extensions, path }
}

function readExtensions(read: Readers): ExportExtension[] {
  const extensions: ExportExtension[] = []
  for (const name of read.list('export-extensions'))
    if (!(EXPORT_EXTENSIONS as readonly string[]).includes(name))
      read.problems.bad('export-extensions', name, `is not one of: ${EXPORT_EXTENSIONS.join(', ')}.`)
    else if (!extensions.includes(name as ExportExtension)) extensions.push(name as ExportExtension)
  return extensions
}

function readSdk(read: Readers, region: string): SdkInputs | undefined {
  const rawType = read.get('sdk-type')
  const knownType = (SDK_TYPES as readonly string[]).includes(rawType)
  if (rawType !== '' && !knownType)
    read.problems.bad('sdk-type', rawType, `is not one of: ${SDK_TYPES.join(', ')}.`)
  const given = read.get('sdk-parameters') !== ''
  const parameters: Record<string, string> = {}
  for (const [name, value] of readPairs(read, 'sdk-parameters')) {
    if (!SDK_PARAMETER_NAME.test(name))
      read.problems.bad(
        'sdk-parameters',
        name,
        'is not an SDK parameter name (like classPrefix or service.name).'
      )
    else if (value === '') read.problems.add(`Input "sdk-parameters": ${name} is empty.`)
    else if (name in parameters) read.problems.bad('sdk-parameters', name, 'is set twice.')
    else parameters[name] = value
  }
  const path = readPath(read, 'sdk-path', true)
  if (rawType === '') {
    if (path !== undefined)
      read.problems.add(`Input "sdk-path" needs "sdk-type" (${SDK_TYPES.join(', ')}): which SDK to generate.`)
    if (given) read.problems.add('Input "sdk-parameters" needs "sdk-type".')
    return undefined
  }
  if (!knownType) return undefined
  const type = rawType as SdkType
  if (sdkTypesNotOffered(region).includes(type))
    read.problems.add(
      `Input "sdk-type": AWS does not generate ${type} SDKs in ${region} (the China regions generate no java or ruby SDKs). Choose another type, or generate it from a copy of the API in another region.`
    )
  const missing = SDK_REQUIRED_PARAMETERS[type].filter(name => !(name in parameters))
  if (missing.length > 0) {
    const aliases = Object.entries(SDK_PARAMETER_ALIASES)
      .filter(([alias, name]) => alias in parameters && missing.includes(name))
      .map(
        ([alias, name]) => ` "${alias}" (the API reference's name) is not what GetSdk reads: write "${name}".`
      )
    read.problems.add(
      `Input "sdk-parameters": a ${type} SDK needs ${SDK_REQUIRED_PARAMETERS[type].join(', ')}; missing: ${missing.join(', ')} (one name=value a line).${aliases.join('')}`
    )
  }
  if (path === undefined) {
    if (read.get('sdk-path') === '')
      read.problems.add('Input "sdk-type" needs "sdk-path": the zip file to write the SDK to.')
    return undefined
  }
  if (!/\.zip$/i.test(path))
    read.problems.bad(
      'sdk-path',
      path,
      'is where the SDK zip is written: end it with .zip (it is not unpacked).'
    )
  return { type, parameters, path }
}

/** `name=value` lines; the value may hold "=". `secret`: a bad line is not echoed. */
function* readPairs(
  read: Readers,
  input: string,
  options: { secret?: boolean } = {}
): Generator<[string, string]> {
  // A generator, so that a bad line is reported in its place among the caller's own problems.
  for (const line of splitLines(read.get(input))) {
    const eq = line.indexOf('=')
    if (eq > 0) yield [line.slice(0, eq).trim(), line.slice(eq + 1).trim()]
    else if (options.secret) read.problems.add(`Input "${input}": every line must be NAME=value.`)
    else read.problems.bad(input, line, 'must be a name=value line.')
  }
}

/**
 * A file path: relative to the workspace, or absolute. `output`: a file the action writes, so not a directory.
 */
function readPath(read: Readers, input: string, output: boolean): string | undefined {
  const path = read.get(input)
  if (path === '') return undefined
  if (path.includes('\0')) return read.problems.add(`Input "${input}": a path cannot hold a NUL character.`)
  if (/[\r\n]/.test(path)) return read.problems.bad(input, path, 'must be one path, on one line.')
  if (/^~(?=$|[\\/])/.test(path))
    return read.problems.bad(
      input,
      path,
      'starts with "~", which only a shell expands: write it relative to the workspace, or absolute.'
    )
  if (output && /[\\/]$|(^|[\\/])\.{1,2}$/.test(path))
    return read.problems.bad(input, path, 'names a directory: give the file name too, like "out/api.json".')
  return path
}

function formatOfPath(path: string): ExportFormat | undefined {
  if (/\.json$/i.test(path)) return 'json'
  if (/\.ya?ml$/i.test(path)) return 'yaml'
  return undefined
}

/** The same file, as far as the text tells (./a and a, a//b and a/b). */
function samePath(a: string, b: string): boolean {
  const norm = (path: string): string =>
    path
      .replace(/\\/g, '/')
      .replace(/\/{2,}/g, '/')
      .replace(/^(\.\/)+/, '')
      .replace(/\/(\.\/)+/g, '/')
  return norm(a) === norm(b)
}
