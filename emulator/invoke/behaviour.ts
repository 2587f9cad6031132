import type { Prng } from '../harness/random.js'
import type { InvokeResponse } from './mock-integration.js'

/** Overrides how one deployment answers on invoke URLs (for health-check / rollback tests). */
export interface DeploymentBehaviour {
  /** Status of the overridden answers; default 500 with failRatio, else 200 (a body-only override). */
  status?: number
  /** Added to every request this deployment serves, overridden or not. */
  latencyMs?: number
  /** Body of the overridden answers (objects are sent as JSON). */
  body?: string | object
  /**
   * Share (0..1) of requests that get the override, drawn from a seeded PRNG so runs repeat; the rest
   * are served normally. Without it every request is overridden when `status` or `body` is set.
   */
  failRatio?: number
}

/** What one invoke request of a deployment gets: a delay, and an answer that replaces the real one. */
interface BehaviourDecision {
  latencyMs: number
  override?: InvokeResponse
}

function validate(b: DeploymentBehaviour): void {
  const { status, latencyMs, failRatio } = b
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new TypeError(`behaviour status must be an HTTP status, got ${status}`)
  }
  if (latencyMs !== undefined && !(typeof latencyMs === 'number' && latencyMs >= 0)) {
    throw new TypeError(`behaviour latencyMs must be >= 0, got ${latencyMs}`)
  }
  if (failRatio !== undefined && !(typeof failRatio === 'number' && failRatio >= 0 && failRatio <= 1)) {
    throw new TypeError(`behaviour failRatio must be between 0 and 1, got ${failRatio}`)
  }
}

/** The behaviours set with emu.setDeploymentBehaviour; setting one again replaces it from the next request. */
export class DeploymentBehaviours {
  private readonly byDeployment = new Map<string, DeploymentBehaviour>()

  /** `rng` decides which requests a failRatio hits; it is separate from the canary split's. */
  constructor(private readonly rng: Prng) {}

  set(restApiId: string, deploymentId: string, behaviour: DeploymentBehaviour | undefined): void {
    const key = `${restApiId}/${deploymentId}`
    if (!behaviour) return void this.byDeployment.delete(key)
    validate(behaviour)
    this.byDeployment.set(key, { ...behaviour })
  }

  reseed(seed: number): void {
    this.rng.reseed(seed)
  }

  decide(restApiId: string, deploymentId: string): BehaviourDecision {
    const b = this.byDeployment.get(`${restApiId}/${deploymentId}`)
    if (!b) return { latencyMs: 0 }
    const latencyMs = b.latencyMs ?? 0
    // Draw only for a ratio, so plain overrides never move the failure stream.
    const hit =
      b.failRatio !== undefined
        ? this.rng.next() < b.failRatio
        : b.status !== undefined || b.body !== undefined
    if (!hit) return { latencyMs }
    const text = typeof b.body === 'object' ? JSON.stringify(b.body) : b.body
    return {
      latencyMs,
      override: {
        status: b.status ?? (b.failRatio !== undefined ? 500 : 200),
        // Lets tests count the answers a behaviour replaced.
        headers: { 'content-type': 'application/json', 'x-emulator-fault': 'deployment-behaviour' },
        body: text ?? JSON.stringify({ message: 'Emulated deployment failure' })
      }
    }
  }
}
