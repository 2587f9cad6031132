/**
 * `command: prune-previews` (for a scheduled workflow, in case a `closed` run failed): deletes the preview
 * stages, by the stage-name-template's pattern, whose pull request is closed, and reports what it removed
 * and what it kept. A stage that does not match the pattern is never looked at.
 */
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import { previewEnvironment } from '../inputs/preview.js'
import { commentMarker, removedComment } from '../previews/comment.js'
import { openGitHub, warnOnFailure } from '../previews/preview-deploy.js'
import { previewStages } from '../previews/quota.js'
import { resultFor, type PlannedChange, type Result } from '../report/result.js'
import { removeStage } from '../stage-removal/remove.js'
import type { ApiContext } from './context.js'
import { dryRunResult } from './dry-run.js'

export async function prunePreviewsCommand(context: ApiContext, inputs: Inputs): Promise<Result> {
  const { gateway, restApiId } = context
  const { preview } = inputs
  const github = await openGitHub(inputs, context.signal)
  const previews = await previewStages(await gateway.getStages(restApiId), preview.template, github)
  const result: Result = {
    ...resultFor({ ...context, command: 'prune-previews', stageName: '', invokeUrl: '' }),
    deploymentId: '',
    stageCreated: false
  }
  const closed = previews.filter(p => p.state === 'closed')
  const notes: string[] = []
  for (const p of previews.filter(p => p.state !== 'closed'))
    notes.push(
      `Kept "${p.stage.stageName}": pull request #${p.number} is ${p.state === 'open' ? 'open' : 'of unknown state'}.`
    )
  if (previews.length === 0) notes.push(`No stage of REST API ${restApiId} matches "${preview.template}".`)
  if (inputs.dryRun)
    return {
      ...dryRunResult(
        result,
        closed.map(p => ({
          setting: `stage ${p.stage.stageName}`,
          from: `pull request #${p.number} closed`,
          to: undefined
        }))
      ),
      notes
    }
  const changes: PlannedChange[] = []
  let failures = 0
  for (const p of closed) {
    const stageName = p.stage.stageName ?? ''
    try {
      const removal = await removeStage({ gateway, restApiId, stageName }, p.stage, {
        replaceCanary: inputs.deployment.canaryExisting === 'replace'
      })
      changes.push(...removal.changes.map(c => ({ ...c, setting: `${stageName}: ${c.setting}` })))
      notes.push(`Removed "${stageName}": pull request #${p.number} is closed.`)
      if (github) {
        await warnOnFailure(`update the comment of pull request #${p.number}`, () =>
          github.upsertComment(
            p.number,
            commentMarker(restApiId, stageName),
            removedComment({ restApiId, stageName, at: new Date() })
          )
        )
        const environment = previewEnvironment(preview.environmentTemplate, { number: p.number })
        await warnOnFailure(`mark the deployments of ${environment} inactive`, () =>
          github.deactivate(environment)
        )
      }
    } catch (error) {
      failures++
      notes.push(`Could not remove "${stageName}" (pull request #${p.number}): ${errorMessage(error)}`)
      core.error(`Could not remove "${stageName}": ${errorMessage(error)}`)
    }
  }
  for (const note of notes) core.info(note)
  return {
    ...result,
    changes,
    notes,
    failure:
      failures > 0
        ? `${failures} of ${closed.length} closed previews could not be removed (see above).`
        : undefined
  }
}
