/**
 * The state the main step saves for the post step (see state.ts): its shape and its parsing, with no
 * dependency, so the post step can tell whether it has anything to do before @actions/core loads.
 */

export const PENDING_CANARY_KEY = 'pending-canary'

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
  /** The canary runs a deployment the run did not create (from-stage, to-deployment): never delete it. */
  keepDeployment?: boolean
  /** The change sent last and not yet answered (e.g. "UpdateStage"): it may land after the post step starts. */
  inFlight?: string
}

/** The saved state, or undefined when it is not what this action saves. Pure: read before core loads. */
export function parsePendingCanary(raw: string): PendingCanary | undefined {
  try {
    const pending = JSON.parse(raw) as Partial<PendingCanary>
    if (typeof pending?.restApiId !== 'string' || typeof pending.stageName !== 'string') return undefined
    if (typeof pending.region !== 'string' || typeof pending.baseDeploymentId !== 'string') return undefined
    // State saved by an older version of the action has no deadline: use the input's default.
    return { ...pending, retryDeadlineSeconds: pending.retryDeadlineSeconds || 120 } as PendingCanary
  } catch {
    return undefined
  }
}

export const LEFTOVERS_KEY = 'leftover-deployments'

/** Deployments the main step meant to delete and could not (the delete failed): the post step tries again. */
export interface Leftovers {
  restApiId: string
  region: string
  endpointUrl?: string
  retryDeadlineSeconds: number
  deploymentIds: string[]
}

export function parseLeftovers(raw: string): Leftovers | undefined {
  try {
    const leftovers = JSON.parse(raw) as Partial<Leftovers>
    if (typeof leftovers?.restApiId !== 'string' || typeof leftovers.region !== 'string') return undefined
    if (!Array.isArray(leftovers.deploymentIds) || leftovers.deploymentIds.length === 0) return undefined
    return { ...leftovers, retryDeadlineSeconds: leftovers.retryDeadlineSeconds || 120 } as Leftovers
  } catch {
    return undefined
  }
}
