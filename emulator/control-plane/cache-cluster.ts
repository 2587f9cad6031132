import type { ApiEntry } from './state.js'
import type { StageJson } from './types.js'

// A stage's cache cluster takes time to change: "API Gateway enables caching by creating a dedicated cache
// instance. This process can take up to 4 minutes", and it "changes the caching capacity by deleting the
// existing cache instance and creating a new one with a modified capacity"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html). The statuses are
// the Stage's cacheClusterStatus values (https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html).
// While that runs, GetStage reports CREATE_IN_PROGRESS (enabling, or resizing: the new instance is being
// created) or DELETE_IN_PROGRESS (disabling); after `delayMs` the stage shows AVAILABLE or NOT_AVAILABLE.

type Status =
  'AVAILABLE' | 'CREATE_IN_PROGRESS' | 'DELETE_IN_PROGRESS' | 'NOT_AVAILABLE' | 'FLUSH_IN_PROGRESS'

const SETTLED: Partial<Record<string, Status>> = {
  CREATE_IN_PROGRESS: 'AVAILABLE',
  FLUSH_IN_PROGRESS: 'AVAILABLE',
  DELETE_IN_PROGRESS: 'NOT_AVAILABLE'
}

/** The status a change of the cluster's enabled flag or size starts in; undefined when nothing changes. */
export function transitionStatus(
  before: Pick<StageJson, 'cacheClusterEnabled' | 'cacheClusterSize'> | undefined,
  after: Pick<StageJson, 'cacheClusterEnabled' | 'cacheClusterSize'>
): Status | undefined {
  const was = before?.cacheClusterEnabled ?? false
  if (after.cacheClusterEnabled && !was) return 'CREATE_IN_PROGRESS'
  if (!after.cacheClusterEnabled && was) return 'DELETE_IN_PROGRESS'
  if (after.cacheClusterEnabled && before?.cacheClusterSize !== after.cacheClusterSize)
    return 'CREATE_IN_PROGRESS'
  return undefined
}

/** Moves stages out of *_IN_PROGRESS after `delayMs` (0: at once, within the call that started it). */
export class CacheClusters {
  delayMs = 0
  private readonly timers = new Map<string, NodeJS.Timeout>()

  /**
   * Call once a stage whose cluster just started changing is stored: finishes its in-progress status now or
   * after the delay. A later change replaces a pending one; unrelated updates leave it running.
   */
  start(entry: ApiEntry, stageName: string): void {
    const key = `${entry.api.id}/${stageName}`
    const stage = entry.stages.get(stageName)
    const final = stage && SETTLED[stage.cacheClusterStatus]
    this.cancelKey(key)
    if (!stage || !final) return
    if (this.delayMs <= 0) {
      stage.cacheClusterStatus = final
      return
    }
    const timer = setTimeout(() => {
      this.timers.delete(key)
      // UpdateStage stores a new object: change whatever the stage is by then, if it still exists.
      const current = entry.stages.get(stageName)
      if (current && SETTLED[current.cacheClusterStatus] === final) current.cacheClusterStatus = final
    }, this.delayMs)
    // Never keeps a test process alive; stop() clears what is left.
    timer.unref()
    this.timers.set(key, timer)
  }

  /** A deleted stage's pending change goes with it. */
  forget(entry: ApiEntry, stageName: string): void {
    this.cancelKey(`${entry.api.id}/${stageName}`)
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private cancelKey(key: string): void {
    clearTimeout(this.timers.get(key))
    this.timers.delete(key)
  }
}
