/**
 * Room for one more stage: API Gateway allows a number of stages per REST API (10 by default), and a
 * preview per pull request reaches it fast. At the limit, the run fails listing the preview stages and their
 * pull requests' states, or (prune-closed-previews) first deletes previews whose pull request is closed,
 * oldest first. A stage that does not match the preview pattern is never deleted.
 */
import * as core from '@actions/core'
import type { Stage } from '@aws-sdk/client-api-gateway'
import type { Gateway } from '../aws/gateway.js'
import { ActionError, errorMessage } from '../errors.js'
import { previewNumber } from '../inputs/preview.js'
import { removeStage } from '../stage-removal/remove.js'
import type { GitHub } from './github.js'

export interface PreviewStage {
  stage: Stage
  number: number
  state: 'open' | 'closed' | 'unknown'
}

/** The API's preview stages with the state of their pull requests, oldest stage first. */
export async function previewStages(
  stages: Stage[],
  template: string,
  github?: GitHub
): Promise<PreviewStage[]> {
  const previews: PreviewStage[] = []
  for (const stage of stages) {
    const number = previewNumber(template, stage.stageName ?? '')
    if (number === undefined) continue
    let state: PreviewStage['state'] = 'unknown'
    try {
      if (github) state = await github.pullState(number)
    } catch (error) {
      core.warning(
        `Pull request #${number} (stage "${stage.stageName}"): its state could not be read: ${errorMessage(error)}`
      )
    }
    previews.push({ stage, number, state })
  }
  return previews.sort(
    (a, b) => (a.stage.createdDate?.getTime() ?? 0) - (b.stage.createdDate?.getTime() ?? 0)
  )
}

export async function ensureStageRoom(
  target: { gateway: Gateway; restApiId: string; stageName: string },
  options: { quota: number; template: string; pruneClosed: boolean; github?: GitHub }
): Promise<string[]> {
  const { gateway, restApiId } = target
  const stages = await gateway.getStages(restApiId)
  if (stages.length < options.quota) return []
  const previews = await previewStages(stages, options.template, options.github)
  const pruned: string[] = []
  if (options.pruneClosed) {
    let count = stages.length
    for (const preview of previews.filter(p => p.state === 'closed')) {
      if (count < options.quota) break
      const name = preview.stage.stageName ?? ''
      core.info(
        `At the ${options.quota}-stage quota: deleting preview "${name}" of closed pull request #${preview.number}.`
      )
      await removeStage({ gateway, restApiId, stageName: name }, preview.stage, { replaceCanary: true })
      pruned.push(name)
      count--
    }
    if (count < options.quota) return pruned
  }
  const list = previews.map(p => `  ${p.stage.stageName}: pull request #${p.number} ${p.state}`).join('\n')
  throw new ActionError(
    `REST API ${restApiId} has ${stages.length - pruned.length} stages, its quota of ${options.quota} ("stage-quota"): there is no room for stage "${target.stageName}". Nothing was created.\n` +
      (previews.length > 0 ? `Its preview stages:\n${list}\n` : 'None of its stages is a preview.\n') +
      (options.pruneClosed
        ? 'No preview of a closed pull request was left to delete: close some, or ask AWS for a higher quota (Service Quotas).'
        : 'Set "prune-closed-previews: true" to delete the previews of closed pull requests first, run "command: prune-previews", or ask AWS for a higher quota.')
  )
}
