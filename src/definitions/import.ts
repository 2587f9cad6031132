/**
 * The import: PutRestApi with the prepared definition, before the deployment. AWS's warnings come back for the
 * log (as annotations on the file); a refusal (errors, or warnings under fail-on-warnings) becomes an error that
 * lists them and says that nothing was imported or deployed: AWS applies an import whole or not at all.
 */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { errorFacts } from '../aws/classify.js'
import { ActionError } from '../errors.js'
import type { ImportMode, ImportParameters } from './options.js'

export interface ImportRequest {
  restApiId: string
  /** The file as the user named it, for messages. */
  fileName: string
  /** The definition as PutRestApi takes it (placeholders filled). */
  text: string
  mode: ImportMode
  failOnWarnings: boolean
  parameters: ImportParameters
}

export interface ImportOutcome {
  /** AWS's warnings (fail-on-warnings false); empty when there were none. */
  warnings: string[]
  /** The API's name after the import (its info.title). */
  name?: string
}

export async function importDefinition(gateway: Gateway, request: ImportRequest): Promise<ImportOutcome> {
  const parameters = Object.fromEntries(
    Object.entries(request.parameters).filter((entry): entry is [string, string] => entry[1] !== undefined)
  )
  try {
    const api = await gateway.putRestApi({
      restApiId: request.restApiId,
      body: new TextEncoder().encode(request.text),
      mode: request.mode,
      failOnWarnings: request.failOnWarnings,
      parameters
    })
    return { warnings: api.warnings ?? [], name: api.name }
  } catch (error) {
    throw importRefusal(error, request) ?? error
  }
}

/** AWS's warnings as workflow annotations on the definition file. */
export function annotateWarnings(warnings: string[], fileName: string): void {
  for (const warning of warnings)
    core.warning(warning, { title: 'API definition import warning', file: fileName })
}

/**
 * The refusal of an import (a 400 whose message lists errors or warnings), as an error that teaches; undefined
 * for any other failure, which keeps the message the call gave it. AWS's layouts: "Errors found during
 * import:\n\t...", then "\nAdditionally, these warnings were found:\n\t...", or, under failonwarnings, "Warnings
 * found during import:\n\t..." (see the emulator's import-messages.ts for the sources).
 */
export function importRefusal(
  error: unknown,
  request: Pick<ImportRequest, 'fileName' | 'failOnWarnings'>
): ActionError | undefined {
  if (!(error instanceof ActionError) || error.code !== 'BadRequestException') return undefined
  const message = errorFacts(error.cause).message ?? ''
  const file = request.fileName
  const nothing = 'Nothing was imported and nothing was deployed: the API and the stage are as they were.'
  const options = { operation: 'PutRestApi', code: error.code, cause: error.cause }
  const bullets = (lines: string[]): string => lines.map(line => `\n  - ${line}`).join('')
  const errors = section(message, 'Errors found during import:')
  if (errors) {
    const warnings = section(message, 'Additionally, these warnings were found:') ?? []
    return new ActionError(
      `Input "api-definition": AWS refused ${file} with ${count(errors.length, 'error')}:${bullets(errors)}${
        warnings.length > 0 ? `\nand ${count(warnings.length, 'warning')}:${bullets(warnings)}` : ''
      }\n${nothing} Fix the definition and run again.`,
      options
    )
  }
  const warnings = section(message, 'Warnings found during import:')
  if (warnings)
    return new ActionError(
      `Input "api-definition": AWS refused ${file} for ${count(warnings.length, 'warning')} ("fail-on-warnings" is ${request.failOnWarnings}):${bullets(warnings)}\n${nothing} Fix the definition, or set "fail-on-warnings: false" to import it despite them (they then show as annotations).`,
      options
    )
  if (/Invalid OpenAPI input/i.test(message))
    return new ActionError(
      `Input "api-definition": AWS could not read ${file} as an OpenAPI 3.0 or Swagger 2.0 definition (PutRestApi: ${message}). ${nothing}`,
      options
    )
  return new ActionError(`${error.message}\n${nothing}`, options)
}

/** The tab-indented lines after `heading`, up to the first line that is not. */
function section(message: string, heading: string): string[] | undefined {
  const lines = message.split('\n')
  const start = lines.findIndex(line => line.trim().startsWith(heading))
  if (start < 0) return undefined
  // Also a list on the heading's own line, should AWS ever write it so.
  const rest = lines[start].trim().slice(heading.length).trim()
  const items: string[] = rest ? [rest] : []
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('\t')) break
    items.push(line.trim())
  }
  return items
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
