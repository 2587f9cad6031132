/**
 * Pure planning of a stage's configuration: (the inputs, the stage as GetStage returned it) -> the
 * UpdateStage patch operations that differ, the tags to set and remove, the web ACL to associate. A setting
 * already as asked is not sent, so a second identical run plans nothing.
 * Paths: https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html (Stage).
 */
import type { PatchOperation } from '@aws-sdk/client-api-gateway'
import type { MethodSettingsEntry, StageSettingsInputs } from '../inputs/index.js'
import { ACCESS_LOG_PRESETS } from './access-log-formats.js'
import { ACTION_TAG_PREFIX } from './action-tags.js'
import { METHOD_SETTING_FIELDS, type MethodSettings } from './fields.js'

/** What the plan reads of a stage (GetStage's fields). */
export interface ConfigurableStage {
  deploymentId?: string
  description?: string
  variables?: Record<string, string>
  methodSettings?: Record<string, Partial<Record<keyof MethodSettings, unknown>>>
  cacheClusterEnabled?: boolean
  cacheClusterSize?: string
  cacheClusterStatus?: string
  tracingEnabled?: boolean
  clientCertificateId?: string
  accessLogSettings?: { destinationArn?: string; format?: string }
  tags?: Record<string, string>
  webAclArn?: string
  canarySettings?: { deploymentId?: string; percentTraffic?: number }
}

export type CacheClusterChange = 'create' | 'resize' | 'delete'

export interface StageSettingsPlan {
  ops: PatchOperation[]
  tags: { set: Record<string, string>; remove: string[] }
  /** The web ACL to associate, when the stage has another or none. */
  webAclArn?: string
  /** The cache cluster is created, resized or deleted: that takes AWS minutes. */
  cacheCluster?: CacheClusterChange
}

/** A change as the log, the summary and the `plan` output show it. */
export interface PlannedChange {
  setting: string
  from?: string
  to?: string
}

export function planStageSettings(
  stage: ConfigurableStage,
  settings: StageSettingsInputs
): StageSettingsPlan {
  const ops: PatchOperation[] = []
  const replace = (path: string, value: string, now: unknown): void => {
    if (now === undefined || String(now) !== value) ops.push({ op: 'replace', path, value })
  }
  // The cluster first: the method caching settings that may follow need it.
  const cacheCluster = planCacheCluster(stage, settings, ops)
  if (settings.tracingEnabled !== undefined)
    replace('/tracingEnabled', String(settings.tracingEnabled), stage.tracingEnabled ?? false)
  if (settings.clientCertificateId !== undefined)
    replace('/clientCertificateId', settings.clientCertificateId, stage.clientCertificateId)
  const { destinationArn, format } = settings.accessLog
  if (destinationArn !== undefined)
    replace('/accessLogSettings/destinationArn', destinationArn, stage.accessLogSettings?.destinationArn)
  // A destination needs a format: keep the stage's, or start with the common log format.
  const wantedFormat =
    format ?? (destinationArn && !stage.accessLogSettings?.format ? ACCESS_LOG_PRESETS.clf : undefined)
  if (wantedFormat !== undefined)
    replace('/accessLogSettings/format', wantedFormat, stage.accessLogSettings?.format)
  for (const name of settings.variablesRemove)
    if (stage.variables?.[name] !== undefined) ops.push({ op: 'remove', path: `/variables/${name}` })
  const methods: MethodSettingsEntry[] = [
    ...(Object.keys(settings.stageWide).length > 0
      ? [{ key: '*/*', resourcePath: '*', httpMethod: '*', settings: settings.stageWide }]
      : []),
    ...settings.methods
  ]
  // An entry for "*/*" in method-settings adds to (and wins over) the stage-wide inputs.
  const merged = new Map<string, MethodSettingsEntry>()
  for (const entry of methods) {
    const id = methodKey(entry)
    const earlier = merged.get(id)
    merged.set(id, earlier ? { ...entry, settings: { ...earlier.settings, ...entry.settings } } : entry)
  }
  for (const entry of merged.values()) ops.push(...planMethod(stage, entry))
  return {
    ops,
    tags: planTags(stage.tags ?? {}, settings.tags),
    webAclArn:
      settings.webAclArn !== undefined && settings.webAclArn !== stage.webAclArn
        ? settings.webAclArn
        : undefined,
    cacheCluster
  }
}

function planCacheCluster(
  stage: ConfigurableStage,
  settings: StageSettingsInputs,
  ops: PatchOperation[]
): CacheClusterChange | undefined {
  const enabled = stage.cacheClusterEnabled ?? false
  const wanted = settings.cacheClusterEnabled ?? enabled
  if (wanted !== enabled) ops.push({ op: 'replace', path: '/cacheClusterEnabled', value: String(wanted) })
  const resized =
    wanted && settings.cacheClusterSize !== undefined && settings.cacheClusterSize !== stage.cacheClusterSize
  if (resized)
    ops.push({ op: 'replace', path: '/cacheClusterSize', value: settings.cacheClusterSize as string })
  if (wanted && !enabled) return 'create'
  if (!wanted && enabled) return 'delete'
  return resized ? 'resize' : undefined
}

/** The stage's methodSettings key of an entry: "*\/*", "pets/{id}/GET", "/GET" for the root. */
export function methodKey(entry: Pick<MethodSettingsEntry, 'resourcePath' | 'httpMethod'>): string {
  return entry.resourcePath === '*' ? '*/*' : `${entry.resourcePath.slice(1)}/${entry.httpMethod}`
}

/** The patch path prefix of a method: "/*\/*", or the resource path with "/" escaped as "~1". */
export function methodPathPrefix(entry: Pick<MethodSettingsEntry, 'resourcePath' | 'httpMethod'>): string {
  if (entry.resourcePath === '*') return '/*/*'
  return `/${entry.resourcePath.replace(/~/g, '~0').replace(/\//g, '~1')}/${entry.httpMethod}`
}

function planMethod(stage: ConfigurableStage, entry: MethodSettingsEntry): PatchOperation[] {
  // A method without settings of its own has no entry yet: everything named is sent, once.
  const current = stage.methodSettings?.[methodKey(entry)]
  const prefix = methodPathPrefix(entry)
  const ops: PatchOperation[] = []
  for (const field of METHOD_SETTING_FIELDS) {
    const wanted = entry.settings[field.field]
    if (wanted === undefined) continue
    const now = current?.[field.field]
    if (now === undefined || !sameValue(now, wanted))
      ops.push({ op: 'replace', path: `${prefix}/${field.path}`, value: String(wanted) })
  }
  return ops
}

function sameValue(now: unknown, wanted: unknown): boolean {
  return typeof wanted === 'number' ? Number(now) === wanted : now === wanted
}

export { ACTION_TAG_PREFIX } from './action-tags.js'

/**
 * Tags that differ, and those to remove: the input is the whole set, AWS's own `aws:` tags and the
 * action's own aside.
 */
export function planTags(
  current: Record<string, string>,
  wanted: Record<string, string> | undefined
): StageSettingsPlan['tags'] {
  if (wanted === undefined) return { set: {}, remove: [] }
  const reserved = (key: string): boolean => /^aws:/i.test(key) || key.startsWith(ACTION_TAG_PREFIX)
  return {
    set: Object.fromEntries(Object.entries(wanted).filter(([key, value]) => current[key] !== value)),
    remove: Object.keys(current).filter(key => !(key in wanted) && !reserved(key))
  }
}

export function isEmptyPlan(plan: StageSettingsPlan): boolean {
  return (
    plan.ops.length === 0 &&
    Object.keys(plan.tags.set).length === 0 &&
    plan.tags.remove.length === 0 &&
    plan.webAclArn === undefined
  )
}

/**
 * UpdateStage calls for the operations, at most `max` each: AWS refuses long lists ("Update size too
 * large. Try updating stage in multiple UpdateStage operations"; it publishes no limit, and 80 is what
 * serverless-api-gateway-caching found to pass). `last` (the deployment switch) goes in the final call,
 * so the new deployment is served only once every setting is in place.
 */
export function batchOperations(
  ops: PatchOperation[],
  max: number,
  last: PatchOperation[] = []
): PatchOperation[][] {
  const all = [...ops, ...last]
  if (all.length === 0) return []
  const batches: PatchOperation[][] = []
  // The tail batch holds `last` whole, with as many settings as fit before it.
  const tailRoom = Math.max(0, max - last.length)
  const head = ops.length > tailRoom ? ops.slice(0, ops.length - tailRoom) : []
  const tail = ops.slice(head.length)
  for (let i = 0; i < head.length; i += max) batches.push(head.slice(i, i + max))
  batches.push([...tail, ...last])
  return batches
}

export const MAX_OPERATIONS_PER_UPDATE = 80

/** Each operation against the stage as it is: what it changes, from what, to what. */
export function describeOperations(stage: ConfigurableStage, ops: PatchOperation[]): PlannedChange[] {
  return ops.map(op => {
    const path = op.path ?? ''
    const setting = settingLabel(path)
    const from = currentValue(stage, path)
    if (op.op === 'remove') return { setting, from, to: undefined }
    if (op.op === 'copy') return { setting, from, to: `(from ${settingLabel(op.from ?? '')})` }
    return { setting, from, to: op.value }
  })
}

function settingLabel(path: string): string {
  if (path === '/deploymentId') return 'deployment'
  if (path.startsWith('/variables/')) return `variable ${path.slice('/variables/'.length)}`
  if (path.startsWith('/canarySettings'))
    return `canary ${path.slice('/canarySettings'.length).replace(/^\//, '') || 'settings'}`.trim()
  if (path.startsWith('/accessLogSettings'))
    return `access log ${path.slice('/accessLogSettings/'.length) || 'settings'}`
  const method = parseMethodPath(path)
  if (method) return `${method.label} ${method.setting}`
  return path.slice(1)
}

function parseMethodPath(path: string): { label: string; key: string; setting: string } | undefined {
  const [, resource, httpMethod, ...rest] = path.split('/')
  if (!resource || !httpMethod || rest.length === 0) return undefined
  if (resource === '*' && httpMethod === '*')
    return { label: 'stage-wide', key: '*/*', setting: rest.join('/') }
  if (!resource.startsWith('~1')) return undefined
  const resourcePath = resource.replace(/~1/g, '/').replace(/~0/g, '~')
  return {
    label: `${resourcePath} ${httpMethod}`,
    key: `${resourcePath.slice(1)}/${httpMethod}`,
    setting: rest.join('/')
  }
}

function currentValue(stage: ConfigurableStage, path: string): string | undefined {
  const show = (value: unknown): string | undefined => (value === undefined ? undefined : String(value))
  if (path.startsWith('/variables/')) return stage.variables?.[path.slice('/variables/'.length)]
  if (path === '/accessLogSettings/destinationArn') return stage.accessLogSettings?.destinationArn
  if (path === '/accessLogSettings/format') return stage.accessLogSettings?.format
  if (path === '/canarySettings/percentTraffic') return show(stage.canarySettings?.percentTraffic)
  if (path === '/canarySettings')
    return stage.canarySettings ? `deployment ${stage.canarySettings.deploymentId}` : undefined
  const method = parseMethodPath(path)
  if (method) {
    const field = METHOD_SETTING_FIELDS.find(f => f.path === method.setting)
    return field ? show(stage.methodSettings?.[method.key]?.[field.field]) : undefined
  }
  const top: Record<string, unknown> = {
    '/deploymentId': stage.deploymentId,
    '/description': stage.description,
    '/cacheClusterEnabled': stage.cacheClusterEnabled ?? false,
    '/cacheClusterSize': stage.cacheClusterSize,
    '/tracingEnabled': stage.tracingEnabled ?? false,
    '/clientCertificateId': stage.clientCertificateId
  }
  return show(top[path])
}

/** Tag and web ACL changes, for the same list. */
export function describeExtras(stage: ConfigurableStage, plan: StageSettingsPlan): PlannedChange[] {
  const changes: PlannedChange[] = []
  for (const [key, value] of Object.entries(plan.tags.set))
    changes.push({ setting: `tag ${key}`, from: stage.tags?.[key], to: value })
  for (const key of plan.tags.remove)
    changes.push({ setting: `tag ${key}`, from: stage.tags?.[key], to: undefined })
  if (plan.webAclArn) changes.push({ setting: 'web ACL', from: stage.webAclArn, to: plan.webAclArn })
  return changes
}
