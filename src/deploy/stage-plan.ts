/**
 * Pure builders: (inputs, the stage as it is) -> the API Gateway requests that deploy to it.
 * Nothing here sends anything.
 */
import type { PatchOperation } from '@aws-sdk/client-api-gateway'

/** What the action knows of a stage (the fields of GetStage it reads). */
export interface StageState {
  deploymentId?: string
  description?: string
  variables?: Record<string, string>
  canarySettings?: {
    deploymentId?: string
    percentTraffic?: number
    stageVariableOverrides?: Record<string, string>
    useStageCache?: boolean
  }
}

export interface StageChanges {
  description?: string
  variables: Record<string, string>
}

/**
 * Patch operations that point an existing stage at `deploymentId` and apply the named changes in one
 * UpdateStage call, so the new deployment never serves with the old variables. Settings the user did not
 * name are not touched; values that already match are not sent.
 * Paths: https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html (Stage)
 */
export function planStageSwitch(
  current: StageState,
  deploymentId: string,
  changes: StageChanges,
  options: { removeCanary?: boolean } = {}
): PatchOperation[] {
  const ops: PatchOperation[] = []
  if (options.removeCanary && current.canarySettings) ops.push({ op: 'remove', path: '/canarySettings' })
  ops.push({ op: 'replace', path: '/deploymentId', value: deploymentId })
  ops.push(...planSettingChanges(current, changes))
  return ops
}

/** Description and variables that differ from the stage's, as patch operations. */
export function planSettingChanges(current: StageState, changes: StageChanges): PatchOperation[] {
  const ops: PatchOperation[] = []
  if (changes.description !== undefined && changes.description !== current.description)
    ops.push({ op: 'replace', path: '/description', value: changes.description })
  for (const [name, value] of Object.entries(changes.variables)) {
    if (current.variables?.[name] !== value) ops.push({ op: 'replace', path: `/variables/${name}`, value })
  }
  return ops
}

/** Variables of `changes` that the stage does not already have, for the canary's overrides. */
export function changedVariables(
  current: StageState,
  variables: Record<string, string>
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).filter(([name, value]) => current.variables?.[name] !== value)
  )
}

/**
 * Switches a stage back to what it served before a release whose checks failed: its deployment, and the
 * variables and description the release changed (a variable it added is removed). One UpdateStage; stage
 * settings applied by the run stay.
 */
export function planSwitchBack(before: StageState, changes: StageChanges): PatchOperation[] {
  const ops: PatchOperation[] = [{ op: 'replace', path: '/deploymentId', value: before.deploymentId }]
  if (changes.description !== undefined && changes.description !== before.description)
    ops.push({ op: 'replace', path: '/description', value: before.description ?? '' })
  for (const [name, value] of Object.entries(changes.variables)) {
    const old = before.variables?.[name]
    if (old === value) continue
    ops.push(
      old === undefined
        ? { op: 'remove', path: `/variables/${name}` }
        : { op: 'replace', path: `/variables/${name}`, value: old }
    )
  }
  return ops
}
