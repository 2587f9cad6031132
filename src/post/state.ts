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
  /** The main step's retry-deadline-seconds, which the post step's calls honour too. */
  retryDeadlineSeconds: number
  /** The deployment the stage served before the canary: the one a rollback keeps. */
  baseDeploymentId: string
  /** Marks the canary's CreateDeployment, so the post step can find a deployment whose answer was lost. */
  canaryToken?: string
  /** Unknown only while CreateDeployment is under way. */
  canaryDeploymentId?: string
  /** The change sent last and not yet answered (e.g. "UpdateStage"): it may land after the post step starts. */
  inFlight?: string
}

/**
 * The main step's record of its canary, kept in the state file as it goes: every change is marked as in
 * flight before it is sent and unmarked once answered, so the post step knows what may still land.
 */
export class CanaryRecord {
  constructor(private pending: PendingCanary) {
    savePendingCanary(pending)
  }

  update(fields: Partial<PendingCanary>): void {
    this.pending = { ...this.pending, ...fields }
    savePendingCanary(this.pending)
  }

  /** Sends a change; an unanswered one (killed, failed) stays marked as in flight. */
  async sending<T>(what: string, send: () => Promise<T>): Promise<T> {
    this.update({ inFlight: what })
    const answer = await send()
    this.update({ inFlight: undefined })
    return answer
  }
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
    const pending = JSON.parse(raw) as PendingCanary
    // State saved by an older version of the action has no deadline: use the input's default.
    return { ...pending, retryDeadlineSeconds: pending.retryDeadlineSeconds || 120 }
  } catch {
    core.warning(`Ignoring unreadable saved state ${KEY}: ${raw}`)
    return undefined
  }
}
