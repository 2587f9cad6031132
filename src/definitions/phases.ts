/**
 * Where the API definition joins the deploy pipeline: before anything (skip-unchanged), in the planning
 * (what the import changes), first phase of the release (the import: CreateDeployment snapshots the API),
 * and after a successful release (the hash tag, the export and the SDK files).
 */
import * as core from '@actions/core'
import type { RunContext } from '../commands/context.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import type { Result } from '../report/result.js'
import type { PlannedChange } from '../stage-settings/plan.js'
import { stageArn } from '../urls.js'
import { saveExport, saveSdk } from './artifacts.js'
import { planDefinitionChanges } from './changes.js'
import { annotateWarnings, importDefinition } from './import.js'
import { definitionHash } from './load.js'
import { definitionTag, servesImported, skipDecision } from './skip.js'

/**
 * What skip-unchanged compares: the definition as imported and how it is imported (mode, parameters), so a
 * changed mode or basepath is a change too.
 */
export function releaseHash(inputs: Inputs): string | undefined {
  const file = inputs.definitionFile
  const options = inputs.definitions.import
  if (!file || !options) return undefined
  return definitionHash(`${file.hash}\n${options.mode}\n${JSON.stringify(options.parameters)}`)
}

/** skip-unchanged: the stage already serves this definition, imported this way. */
export function unchanged(context: RunContext, inputs: Inputs): string | undefined {
  const hash = releaseHash(inputs)
  if (!hash || !inputs.definitions.import?.skipUnchanged) return undefined
  const decision = skipDecision(context.stage, context.stageName, hash)
  core.info(decision.reason)
  return decision.skip ? decision.deploymentId : undefined
}

/** What the import changes against what the stage serves, listed before it changes. */
export async function definitionChanges(context: RunContext, inputs: Inputs): Promise<PlannedChange[]> {
  const file = inputs.definitionFile
  const options = inputs.definitions.import
  if (!file || !options) return []
  return core.group(`What ${file.fileName} changes`, async () => {
    const { changes } = await planDefinitionChanges(
      context.gateway,
      {
        restApiId: context.restApiId,
        stageName: context.stageName,
        stageExists: !!context.stage,
        signal: context.signal
      },
      file.document,
      { mode: options.mode, basepath: options.parameters.basepath, dryRun: inputs.dryRun }
    )
    if (changes.length === 0)
      core.info('The definition changes no path, method or integration the stage serves.')
    for (const change of changes)
      core.info(`  ${change.setting}: ${change.from ?? '(none)'} → ${change.to ?? '(none)'}`)
    return changes
  })
}

/** The import, before the release: a refusal stops the run with nothing deployed. */
export async function importPhase(context: RunContext, inputs: Inputs): Promise<void> {
  const file = inputs.definitionFile
  const options = inputs.definitions.import
  if (!file || !options) return
  await core.group(`Import ${file.fileName} (${options.mode})`, async () => {
    const { warnings } = await importDefinition(context.gateway, {
      restApiId: context.restApiId,
      fileName: file.fileName,
      text: file.text,
      mode: options.mode,
      failOnWarnings: options.failOnWarnings,
      parameters: options.parameters
    })
    annotateWarnings(warnings, file.fileName)
    core.info(
      `Imported ${file.fileName} into REST API ${context.restApiId}${warnings.length > 0 ? ` with ${warnings.length} warnings` : ''}.`
    )
  })
}

/**
 * After a successful release: the hash tag (skip-unchanged), then the export and the SDK. The stage is
 * deployed whatever happens here; a file that could not be written fails the step and says only that.
 */
export async function afterRelease(context: RunContext, inputs: Inputs, result: Result): Promise<Result> {
  if (result.failure || result.dryRun) return result
  const { export: exporting, sdk } = inputs.definitions
  const baseDir = process.env.GITHUB_WORKSPACE || process.cwd()
  const stage = { restApiId: context.restApiId, stageName: context.stageName }
  const hash = releaseHash(inputs)
  let next = result
  try {
    if (hash && inputs.definitions.import?.skipUnchanged && servesImported(result))
      await context.gateway.tagResource(
        stageArn(context.restApiId, context.stageName, context.connection.region),
        definitionTag(hash),
        context.restApiId
      )
    if (exporting) {
      const file = await saveExport(context.gateway, stage, exporting, baseDir)
      core.info(`Exported the stage's definition to ${file}.`)
      next = { ...next, exportFile: file }
    }
    if (sdk) {
      const file = await saveSdk(context.gateway, stage, sdk, baseDir)
      core.info(`Wrote the ${sdk.type} SDK to ${file}.`)
      next = { ...next, sdkFile: file }
    }
    return next
  } catch (error) {
    return {
      ...next,
      failure: `Stage "${context.stageName}" serves deployment ${result.deploymentId}, but what follows the release failed: ${errorMessage(error)}`
    }
  }
}
