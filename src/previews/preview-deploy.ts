/**
 * A pull request's preview: the deploy itself, with the GitHub side around it. A GitHub deployment goes
 * in_progress before anything changes and success (with the URL, the PR's "View deployment") or failure
 * after; the PR comment is created once and updated in place; the preview's previous deployment is deleted
 * once no stage uses it, so a closed preview leaves nothing behind. GitHub failures are warnings: the stage
 * is deployed whatever GitHub answers.
 */
import * as core from '@actions/core'
import type { RunContext } from '../commands/context.js'
import { stagesUsing } from '../deploy/stages-using.js'
import { errorMessage } from '../errors.js'
import type { Inputs } from '../inputs/index.js'
import { runUrl } from '../inputs/run.js'
import type { Result } from '../report/result.js'
import { commentMarker, liveComment } from './comment.js'
import { GitHub } from './github.js'
import { ensureStageRoom } from './quota.js'

export async function deployPreview(
  context: RunContext,
  inputs: Inputs,
  deploy: (context: RunContext, inputs: Inputs) => Promise<Result>
): Promise<Result> {
  const { preview, run } = inputs
  const pr = preview.pullRequest
  if (!pr || inputs.dryRun) return deploy(context, inputs)
  const github = await openGitHub(inputs, context.signal)
  if (!context.stage)
    await ensureStageRoom(context, {
      quota: preview.stageQuota,
      template: preview.template,
      pruneClosed: preview.pruneClosed,
      github
    })
  const ref = pr.headSha ?? run.sha
  const deployment =
    github && ref && preview.environment
      ? await warnOnFailure('create the GitHub deployment', () =>
          github.createDeployment({
            ref,
            environment: preview.environment as string,
            description: `API Gateway stage ${context.stageName}`
          })
        )
      : undefined
  const logUrl = runUrl(run)
  if (github && deployment)
    await warnOnFailure('mark the GitHub deployment in progress', () =>
      github.setStatus(deployment, 'in_progress', { logUrl })
    )

  let result: Result
  try {
    result = await deploy(context, inputs)
  } catch (error) {
    if (github && deployment)
      await warnOnFailure('mark the GitHub deployment failed', () =>
        github.setStatus(deployment, 'failure', { logUrl })
      )
    throw error
  }
  if (result.failure) {
    if (github && deployment)
      await warnOnFailure('mark the GitHub deployment failed', () =>
        github.setStatus(deployment, 'failure', { logUrl })
      )
    return result
  }
  await deleteReplaced(context, result)
  const url = result.baseUrl ?? result.invokeUrl
  if (github && deployment)
    await warnOnFailure('mark the GitHub deployment successful', () =>
      github.setStatus(deployment, 'success', {
        environmentUrl: url,
        logUrl,
        description: `Deployment ${result.deploymentId}`
      })
    )
  if (github) {
    const body = liveComment({
      restApiId: result.restApiId,
      restApiName: result.restApiName,
      stageName: result.stageName,
      url,
      deploymentId: result.deploymentId,
      sha: ref,
      runUrl: logUrl,
      at: new Date()
    })
    const commentUrl = await warnOnFailure('write the pull request comment', () =>
      github.upsertComment(pr.number, commentMarker(result.restApiId, result.stageName), body)
    )
    if (commentUrl) core.info(`Pull request #${pr.number}: ${commentUrl}`)
  }
  return result
}

/** The GitHub client, or undefined (with a warning) when the run has no token. */
export async function openGitHub(inputs: Inputs, signal?: AbortSignal): Promise<GitHub | undefined> {
  const { token } = inputs.preview
  const repository = inputs.run.repository
  if (!token || !repository) {
    core.warning(
      `No ${token ? 'GITHUB_REPOSITORY' : '"github-token"'}: the preview gets no pull request comment and no GitHub deployment.`
    )
    return undefined
  }
  return GitHub.open({ token, repository, signal })
}

/** The deployment the preview served before this run, deleted once no stage uses it. */
async function deleteReplaced(context: RunContext, result: Result): Promise<void> {
  const old = result.previousDeploymentId
  if (!old || old === result.deploymentId) return
  const { gateway, restApiId } = context
  try {
    const users = stagesUsing(await gateway.getStages(restApiId), old)
    if (users.length > 0)
      return core.info(`Kept the preview's previous deployment ${old}: stage ${users.join(', ')} uses it.`)
    await gateway.deleteDeployment(restApiId, old)
    core.info(`Deleted the preview's previous deployment ${old}: no stage uses it.`)
  } catch (error) {
    core.warning(`The preview's previous deployment ${old} was not deleted: ${errorMessage(error)}`)
  }
}

export async function warnOnFailure<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call()
  } catch (error) {
    const status = (error as { status?: number }).status
    const hint =
      status === 403 || status === 404
        ? ' The workflow needs "permissions: pull-requests: write, deployments: write" (a fork\'s pull_request token is read-only).'
        : ''
    core.warning(`Could not ${what}: ${errorMessage(error)}.${hint} The stage is unaffected.`)
    return undefined
  }
}
