/**
 * What the main step leaves for the `post:` step (core.saveState): the canary it started and has not
 * finished. The post step reads it, and rolls that canary back if the main step was killed mid-way.
 */
import * as core from '@actions/core'

const KEY = 'pending-canary'

export interface PendingCanary {
  restApiId: string
  stageName: string
  region: string
  endpointUrl?: string
  /** The deployment the stage served before the canary: the one a rollback keeps. */
  baseDeploymentId: string
  /** Unknown only while CreateDeployment is under way. */
  canaryDeploymentId?: string
}

export function savePendingCanary(pending: PendingCanary): void {
  core.saveState(KEY, JSON.stringify(pending))
}

/** The canary is finished (promoted, rolled back, or left running on purpose): nothing for the post step. */
export function clearPendingCanary(): void {
  core.saveState(KEY, '')
}

export function loadPendingCanary(): PendingCanary | undefined {
  const raw = core.getState(KEY)
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as PendingCanary
  } catch {
    core.warning(`Ignoring unreadable saved state ${KEY}: ${raw}`)
    return undefined
  }
}

const POST_FLAG = 'isPost'

/** The same bundle runs as main and post step (like actions/checkout); the main step marks its state. */
export function isPostStep(): boolean {
  return core.getState(POST_FLAG) === 'true'
}

export function markMainStepStarted(): void {
  core.saveState(POST_FLAG, 'true')
}
