/**
 * The deployment a release without rebuilding points the stage at: the one `from-stage` serves, or the
 * one `to-deployment` names. Both are read before anything is written, so a missing one changes nothing.
 */
import * as core from '@actions/core'
import type { Deployment } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import { ActionError } from '../errors.js'
import type { ReleaseSource } from '../inputs/index.js'

export interface ExistingDeployment {
  deploymentId: string
  /** For the log: where it comes from. */
  label: string
}

/** How many deployments an unknown `to-deployment` lists, newest first. */
const LISTED = 5

export async function resolveSource(
  gateway: Gateway,
  restApiId: string,
  source: ReleaseSource
): Promise<ExistingDeployment | undefined> {
  if (source.kind === 'new') return undefined
  if (source.kind === 'stage') {
    const from = await gateway.getStage(restApiId, source.stageName)
    if (!from?.deploymentId)
      throw new ActionError(
        `Input "from-stage": stage "${source.stageName}" does not exist on REST API ${restApiId}, so there is nothing to promote from. Nothing was changed.`
      )
    if (from.canarySettings)
      core.warning(
        `Stage "${source.stageName}" has a canary (deployment ${from.canarySettings.deploymentId}, ${from.canarySettings.percentTraffic ?? 0}%): promoting the deployment it serves, ${from.deploymentId}, not its canary.`
      )
    core.info(
      `Stage "${source.stageName}" serves deployment ${from.deploymentId}: releasing that one, no new deployment.`
    )
    return {
      deploymentId: from.deploymentId,
      label: `stage "${source.stageName}"'s deployment ${from.deploymentId}`
    }
  }
  const found = await gateway.getDeployment(restApiId, source.deploymentId)
  if (!found) {
    const recent = newestFirst(await gateway.getDeployments(restApiId)).slice(0, LISTED)
    throw new ActionError(
      `Input "to-deployment": REST API ${restApiId} has no deployment ${source.deploymentId}. Nothing was changed. ` +
        (recent.length === 0
          ? 'It has no deployments at all.'
          : `Its most recent deployments:\n${recent.map(describe).join('\n')}`)
    )
  }
  core.info(
    `Releasing the existing deployment ${source.deploymentId}${found.description ? ` (${found.description})` : ''}.`
  )
  return { deploymentId: source.deploymentId, label: `deployment ${source.deploymentId}` }
}

/** AWS does not document GetDeployments' order: sort by date, newest first. */
export function newestFirst(deployments: Deployment[]): Deployment[] {
  return [...deployments].sort((a, b) => (b.createdDate?.getTime() ?? 0) - (a.createdDate?.getTime() ?? 0))
}

function describe(deployment: Deployment): string {
  const date = deployment.createdDate?.toISOString().replace('.000Z', 'Z') ?? 'unknown date'
  return `  ${deployment.id}  ${date}  ${deployment.description ?? ''}`.trimEnd()
}
