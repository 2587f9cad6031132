/**
 * What the main step leaves for the `post:` step (core.saveState): the canary it started and has not
 * finished. The post step reads it, and rolls that canary back if the main step was killed mid-way.
 */
import * as core from '@actions/core'
import { LEFTOVERS_KEY, PENDING_CANARY_KEY, type Leftovers, type PendingCanary } from './pending.js'

export type { PendingCanary } from './pending.js'

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

function savePendingCanary(pending: PendingCanary): void {
  core.saveState(PENDING_CANARY_KEY, JSON.stringify(pending))
}

/** The canary is finished (promoted, rolled back, or left running on purpose): nothing for the post step. */
export function clearPendingCanary(): void {
  core.saveState(PENDING_CANARY_KEY, '')
}

let leftovers: Leftovers | undefined

/** A deployment the run could not delete: saved for the post step, which deletes it once no stage uses it. */
export function recordLeftover(connection: Omit<Leftovers, 'deploymentIds'>, deploymentId: string): void {
  leftovers ??= { ...connection, deploymentIds: [] }
  if (!leftovers.deploymentIds.includes(deploymentId)) leftovers.deploymentIds.push(deploymentId)
  core.saveState(LEFTOVERS_KEY, JSON.stringify(leftovers))
}
