/**
 * What the import changes, before it changes: the stage's definition as it serves it now (GetExport, OpenAPI 3
 * JSON with the integrations extension, so integration URIs show), compared with the definition to import.
 */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { ActionError, errorMessage } from '../errors.js'
import type { PlannedChange } from '../stage-settings/plan.js'
import type { StageRef } from './artifacts.js'
import { diffDefinitions } from './diff.js'
import type { BasePathMode, ImportMode } from './options.js'

/** The stage's definition now, parsed. */
export async function servedDefinition(gateway: Gateway, stage: StageRef): Promise<unknown> {
  const body = await gateway.getExport({
    ...stage,
    exportType: 'oas30',
    accepts: 'application/json',
    parameters: { extensions: 'integrations' }
  })
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown
  } catch (error) {
    throw new ActionError(
      `GetExport of stage "${stage.stageName}" returned something other than JSON: ${errorMessage(error)}`,
      { operation: 'GetExport', cause: error }
    )
  }
}

export interface DefinitionChanges {
  changes: PlannedChange[]
  /** False when the stage's definition could not be read: `changes` is then empty, not "nothing". */
  known: boolean
}

/**
 * The changes, against the stage (none for a stage that does not exist: everything is added). In a dry run
 * they are the result, so a failed read fails the run; otherwise it is a warning and the run goes on.
 */
export async function planDefinitionChanges(
  gateway: Gateway,
  target: StageRef & { stageExists: boolean; signal?: AbortSignal },
  document: unknown,
  options: { mode: ImportMode; basepath?: BasePathMode; dryRun: boolean }
): Promise<DefinitionChanges> {
  let current: unknown
  if (target.stageExists)
    try {
      current = await servedDefinition(gateway, target)
    } catch (error) {
      if (options.dryRun || target.signal?.aborted) throw error
      core.warning(
        `What the import changes is not listed: the definition stage "${target.stageName}" serves could not be read (${errorMessage(error)}).`
      )
      return { changes: [], known: false }
    }
  return { changes: diffDefinitions(current, document, options), known: true }
}
