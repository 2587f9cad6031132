/**
 * Reads the definition file named by `api-definition`, for main.ts before any AWS code loads, and prepares it:
 * a missing file or a broken one fails the step with the input's name before any call.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { errorMessage } from '../errors.js'
import { prepareDefinition, type ParseYaml, type PreparedDefinition, type RefusedDefinition } from './load.js'

/** The file's text, or why it cannot be read. `baseDir`: the workspace, which relative paths start from. */
export function readDefinitionFile(
  path: string,
  baseDir: string
): { ok: true; content: string } | RefusedDefinition {
  const file = resolve(baseDir, path)
  try {
    return { ok: true, content: readFileSync(file, 'utf8') }
  } catch (error) {
    const code = (error as { code?: string }).code
    const why =
      code === 'ENOENT'
        ? `there is no file ${file}. Check the path (relative to the workspace, ${baseDir}) and that the repository is checked out before this step.`
        : code === 'EISDIR'
          ? `${file} is a directory: name the definition file in it.`
          : `${file} cannot be read: ${errorMessage(error)}`
    return { ok: false, problems: [`Input "api-definition": ${why}`] }
  }
}

/** readDefinitionFile, then prepareDefinition: what main.ts calls. */
export function loadDefinition(options: {
  path: string
  baseDir: string
  variables: Record<string, string>
  parseYaml: ParseYaml
}): PreparedDefinition | RefusedDefinition {
  const read = readDefinitionFile(options.path, options.baseDir)
  if (!read.ok) return read
  return prepareDefinition({
    fileName: options.path,
    content: read.content,
    variables: options.variables,
    parseYaml: options.parseYaml
  })
}
