/**
 * `command: delete-stage`: removes a stage with its base path mappings and the deployments only it used
 * (stage-removal/remove.ts). For a preview it also updates the pull request comment and marks its GitHub
 * deployments inactive. Deleting a stage that is gone succeeds, and says so.
 */
import * as core from '@actions/core'
import type { Inputs } from '../inputs/index.js'
import { commentMarker, removedComment } from '../previews/comment.js'
import { openGitHub, warnOnFailure } from '../previews/preview-deploy.js'
import { resultFor, type Result } from '../report/result.js'
import { removeStage } from '../stage-removal/remove.js'
import type { RunContext } from './context.js'
import { dryRunResult } from './dry-run.js'

export async function deleteStageCommand(context: RunContext, inputs: Inputs): Promise<Result> {
  const { stage } = context
  const result: Result = {
    ...resultFor({ ...context, command: 'delete-stage' }),
    deploymentId: '',
    previousDeploymentId: stage?.deploymentId,
    stageCreated: false
  }
  const replaceCanary = inputs.deployment.canaryExisting === 'replace'
  if (inputs.dryRun)
    return dryRunResult(
      result,
      stage ? [{ setting: 'stage', from: `serving deployment ${stage.deploymentId}`, to: undefined }] : []
    )
  const removal = await removeStage(context, stage, {
    replaceCanary,
    domainName: inputs.urls.domain?.domainName
  })
  const pr = inputs.preview.enabled ? inputs.preview.pullRequest : undefined
  if (pr) {
    const github = await openGitHub(inputs, context.signal)
    if (github) {
      const at = new Date()
      await warnOnFailure('update the pull request comment', () =>
        github.upsertComment(
          pr.number,
          commentMarker(context.restApiId, context.stageName),
          removedComment({ ...context, at })
        )
      )
      const environment = inputs.preview.environment
      if (environment) {
        const count = await warnOnFailure('mark the GitHub deployments inactive', () =>
          github.deactivate(environment)
        )
        if (count)
          core.info(`Marked ${count} GitHub deployment${count === 1 ? '' : 's'} of ${environment} inactive.`)
      }
    }
  }
  return { ...result, changes: removal.changes, stageRemoved: removal.removed, notes: removal.lines }
}
