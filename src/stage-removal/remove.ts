/**
 * Deletes a stage and what only it used, in the order AWS requires: the base path mappings that point at
 * it, the stage (AWS takes it out of its usage plans), then the deployments it served (its own and its
 * canary's) once no other stage uses them: AWS refuses to delete a deployment a stage still uses, and the
 * API's other deployments are other stages' rollback history, never touched. Deleting what is gone
 * succeeds and says so.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import { ActionError } from '../errors.js'
import { stagesUsing } from '../deploy/stages-using.js'
import type { PlannedChange } from '../stage-settings/plan.js'

export interface Removal {
  /** False when the stage did not exist. */
  removed: boolean
  changes: PlannedChange[]
  /** What was done and left, one line each, for the log and the summary. */
  lines: string[]
}

export async function removeStage(
  target: { gateway: Gateway; restApiId: string; stageName: string },
  stage: Stage | undefined,
  options: { replaceCanary: boolean; domainName?: string }
): Promise<Removal> {
  const { gateway, restApiId, stageName } = target
  if (!stage) {
    const line = `Stage "${stageName}" of REST API ${restApiId} does not exist (deleted already?): nothing to delete.`
    core.info(line)
    return { removed: false, changes: [], lines: [line] }
  }
  const canary = stage.canarySettings
  if (canary && !options.replaceCanary)
    throw new ActionError(
      `Stage "${stageName}" has a canary (deployment ${canary.deploymentId}, ${canary.percentTraffic ?? 0}% of traffic). Nothing was deleted. Set "canary-existing: replace" to delete the stage with its canary.`
    )
  const changes: PlannedChange[] = []
  const lines: string[] = []
  const note = (line: string): void => {
    core.info(line)
    lines.push(line)
  }

  const domains = options.domainName
    ? [options.domainName]
    : (await gateway.getDomainNames()).flatMap(d => (d.domainName ? [d.domainName] : []))
  for (const domain of domains) {
    for (const mapping of await gateway.getBasePathMappings(domain)) {
      if (mapping.restApiId !== restApiId || mapping.stage !== stageName) continue
      const path = mapping.basePath === '(none)' ? '' : (mapping.basePath ?? '')
      await gateway.deleteBasePathMapping(domain, path)
      changes.push({
        setting: `base path mapping ${domain}/${path}`,
        from: `${restApiId}:${stageName}`,
        to: undefined
      })
      note(
        `Deleted the base path mapping https://${domain}${path ? `/${path}` : ''} to stage "${stageName}".`
      )
    }
  }

  const gone = await gateway.deleteStage(restApiId, stageName)
  changes.push({ setting: 'stage', from: `serving deployment ${stage.deploymentId}`, to: undefined })
  note(gone === 'deleted' ? `Deleted stage "${stageName}".` : `Stage "${stageName}" was deleted meanwhile.`)

  const served = [...new Set([stage.deploymentId, canary?.deploymentId].filter((id): id is string => !!id))]
  const others = (await gateway.getStages(restApiId)).filter(s => s.stageName !== stageName)
  for (const id of served) {
    const users = stagesUsing(others, id)
    if (users.length > 0) {
      note(`Kept deployment ${id}: stage ${users.map(name => `"${name}"`).join(', ')} uses it.`)
      continue
    }
    const existed = await gateway.deleteDeploymentIfAny(restApiId, id)
    changes.push({ setting: `deployment ${id}`, from: existed ? 'exists' : undefined, to: undefined })
    note(
      existed ? `Deleted deployment ${id}, which only this stage used.` : `Deployment ${id} is gone already.`
    )
  }
  return { removed: true, changes, lines }
}
