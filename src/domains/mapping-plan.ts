/**
 * Pure: what to do about the custom domain's mapping for this stage, from the mappings the domain has.
 * A path mapped to this API and stage is left alone; a free one is created; one mapped elsewhere is only
 * taken over when asked (`base-path-takeover`), and the refusal names its owner.
 */

export interface MappingView {
  /** '' for the root. */
  basePath: string
  restApiId: string
  stage: string
  /** API Gateway v2's id of the mapping (multi-level paths). */
  apiMappingId?: string
}

export type MappingPlan =
  | { action: 'none' }
  | { action: 'create' }
  | { action: 'update'; current: MappingView }
  | { action: 'refuse'; current: MappingView }

export function planMapping(
  existing: MappingView[],
  wanted: { basePath: string; restApiId: string; stage: string },
  takeover: boolean
): MappingPlan {
  const current = existing.find(m => m.basePath === wanted.basePath)
  if (!current) return { action: 'create' }
  if (current.restApiId === wanted.restApiId && current.stage === wanted.stage) return { action: 'none' }
  return takeover ? { action: 'update', current } : { action: 'refuse', current }
}

/** v1 lists the root as "(none)", v2 as an empty key: one form here. */
export function normalBasePath(basePath: string | undefined): string {
  return !basePath || basePath === '(none)' ? '' : basePath
}

export function isMultiLevel(basePath: string): boolean {
  return basePath.includes('/')
}
