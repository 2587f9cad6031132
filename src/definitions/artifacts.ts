/**
 * What a deployment leaves behind for the workflow: the stage's definition (GetExport) and a client SDK (GetSdk),
 * each written to a file as the bytes AWS sent, with its directories created. Runs after a successful release.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Gateway } from '../aws/gateway.js'
import { ActionError, errorMessage } from '../errors.js'
import type { ExportInputs, SdkInputs } from '../inputs/definitions.js'
import { EXPORT_ACCEPTS } from './options.js'

export interface StageRef {
  restApiId: string
  stageName: string
}

/** GetExport of what the stage serves, as bytes (JSON or YAML text, written as it came). */
export async function exportStage(
  gateway: Gateway,
  stage: StageRef,
  options: Pick<ExportInputs, 'type' | 'format' | 'extensions'>
): Promise<Uint8Array> {
  return gateway.getExport({
    ...stage,
    exportType: options.type,
    accepts: EXPORT_ACCEPTS[options.format],
    parameters: options.extensions.length > 0 ? { extensions: options.extensions.join(',') } : {}
  })
}

/** GetSdk for the stage: the zip's bytes. */
export async function generateSdk(
  gateway: Gateway,
  stage: StageRef,
  options: Pick<SdkInputs, 'type' | 'parameters'>
): Promise<Uint8Array> {
  return gateway.getSdk({ ...stage, sdkType: options.type, parameters: options.parameters })
}

/**
 * Writes the bytes to `path` (relative to `baseDir`, the workspace, or absolute), creating its directories;
 * returns the absolute path, for the step's output. `input` names the path's input in a failure.
 */
export async function writeArtifact(
  path: string,
  body: Uint8Array,
  baseDir: string,
  input: string
): Promise<string> {
  const file = resolve(baseDir, path)
  try {
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, body)
  } catch (error) {
    throw new ActionError(
      `Input "${input}": could not write ${file}: ${errorMessage(error)}. Check the path (a directory there, or no permission).`,
      { cause: error }
    )
  }
  return file
}

/** The export, written: returns the file's absolute path (the `export-file` output). */
export async function saveExport(
  gateway: Gateway,
  stage: StageRef,
  options: ExportInputs,
  baseDir: string
): Promise<string> {
  return writeArtifact(options.path, await exportStage(gateway, stage, options), baseDir, 'export-path')
}

/** The SDK, written: returns the zip's absolute path (the `sdk-file` output). */
export async function saveSdk(
  gateway: Gateway,
  stage: StageRef,
  options: SdkInputs,
  baseDir: string
): Promise<string> {
  return writeArtifact(options.path, await generateSdk(gateway, stage, options), baseDir, 'sdk-path')
}
