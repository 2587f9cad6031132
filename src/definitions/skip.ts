/**
 * `skip-unchanged`: the sha256 of the definition a stage serves is kept as a stage tag after each successful
 * release, and a run whose definition has the same hash imports and deploys nothing. Pure. The tag is on the
 * stage, not the API: a stage keeps serving the deployment it was given, whatever is imported for another.
 */
import { ACTION_TAG_PREFIX } from '../stage-settings/action-tags.js'

/** The stage tag that holds the hash (the prefix is the action's own: the `tags` input cannot set or remove it). */
export const DEFINITION_HASH_TAG = `${ACTION_TAG_PREFIX}definition-sha256`

/** What skipDecision reads of a stage (GetStage's fields). */
export interface TaggedStage {
  deploymentId?: string
  tags?: Record<string, string>
  canarySettings?: { deploymentId?: string }
}

export type SkipDecision =
  { skip: true; deploymentId: string; reason: string } | { skip: false; reason: string }

export function skipDecision(stage: TaggedStage | undefined, stageName: string, hash: string): SkipDecision {
  const short = (value: string): string => value.slice(0, 12)
  if (!stage?.deploymentId)
    return { skip: false, reason: `Stage "${stageName}" does not exist yet: importing and deploying.` }
  if (stage.canarySettings)
    return {
      skip: false,
      reason: `Stage "${stageName}" has a canary (deployment ${stage.canarySettings.deploymentId ?? 'unknown'}): importing and deploying, as the canary inputs say.`
    }
  const served = stage.tags?.[DEFINITION_HASH_TAG]
  if (served === undefined)
    return {
      skip: false,
      reason: `Stage "${stageName}" has no ${DEFINITION_HASH_TAG} tag (no definition released with skip-unchanged yet): importing and deploying.`
    }
  if (served !== hash)
    return {
      skip: false,
      reason: `The definition changed since stage "${stageName}" was released (sha256 ${short(served)}… then, ${short(hash)}… now): importing and deploying.`
    }
  return {
    skip: true,
    deploymentId: stage.deploymentId,
    reason: `Stage "${stageName}" already serves this definition (sha256 ${short(hash)}…, deployment ${stage.deploymentId}): no import, no deployment.`
  }
}

/** The tag to set after a release: TagResource on the stage's ARN. */
export function definitionTag(hash: string): Record<string, string> {
  return { [DEFINITION_HASH_TAG]: hash }
}

/**
 * Whether the release leaves the stage serving the imported definition, so that the hash may be recorded: a plain
 * release or a promoted canary, not a dry run, not a failure (a rolled-back release), not a canary left running
 * (the stage still serves the old definition).
 */
export function servesImported(result: { dryRun: boolean; failure?: string; canaryResult: string }): boolean {
  const served = result.canaryResult === 'none' || result.canaryResult === 'promoted'
  return served && !result.dryRun && result.failure === undefined
}
