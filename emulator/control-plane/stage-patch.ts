import { badRequest } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { validateDestinationArn, validateFormat } from './access-log.js'
import { requireCloudWatchRole } from './account.js'
import { transitionStatus } from './cache-cluster.js'
import {
  enablesLogging,
  initialMethodSetting,
  isKnownSetting,
  parseBoolean,
  parseMethodSettingPath,
  parseNumber,
  setMethodSetting
} from './method-settings.js'
import {
  cannotRemove,
  emptyAccessLogValue,
  invalidAccessLogPath,
  invalidMethodSettingPath,
  unsupportedOp
} from './stage-patch-errors.js'
import {
  nonEmpty,
  validateCacheClusterSize,
  validatePercentTraffic,
  validateVariable
} from './stage-rules.js'
import type { ApiEntry, Store } from './state.js'
import type { CanarySettingsJson, StageJson } from './types.js'

// UpdateStage patch semantics. Supported paths/ops follow the "Stage" entry of
// https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html, with canary behaviour from
// https://docs.aws.amazon.com/apigateway/latest/developerguide/create-canary-deployment.html (replace on
// /canarySettings/* of a stage without a canary creates one on the stage's deployment),
// .../promote-canary-deployment.html (copy ops) and .../delete-canary-deployment.html (remove /canarySettings).

export interface PatchOperation {
  op: string
  path: string
  value?: string
  from?: string
}

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test']

/**
 * Reads `patchOperations`. `input` names the request in AWS's validation message for an unknown op, e.g.
 * "1 validation error detected: Value 'wrong' at 'updateStageInput.patchOperations.1.member.op' failed to
 * satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]"
 * (recorded for UpdateRestApi and UpdateMethodResponse in LocalStack's AWS snapshots).
 */
export function parsePatchOperations(body: Body, input = 'updateStageInput'): PatchOperation[] {
  const raw = body.patchOperations
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw badRequest('patchOperations must be a list')
  const objects = raw.map(item => (item ?? {}) as Record<string, unknown>)
  const badOps = objects
    .map((o, i) => ({ op: o.op, index: i + 1 }))
    .filter(({ op }) => typeof op !== 'string' || !OPS.includes(op))
  if (badOps.length > 0) {
    const details = badOps.map(
      ({ op, index }) =>
        `Value '${String(op)}' at '${input}.patchOperations.${index}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]`
    )
    const count = badOps.length === 1 ? '1 validation error' : `${badOps.length} validation errors`
    throw badRequest(`${count} detected: ${details.join('; ')}`)
  }
  return objects.map(o => {
    // AWS's message for a missing path (LocalStack snapshot of UpdateIntegrationResponse).
    if (typeof o.path !== 'string') throw badRequest('Invalid patch path null')
    return {
      op: o.op as string,
      path: o.path,
      value: typeof o.value === 'string' ? o.value : undefined,
      from: typeof o.from === 'string' ? o.from : undefined
    }
  })
}

interface PatchContext {
  store: Store
  entry: ApiEntry
  stage: StageJson
}

/**
 * Applies operations in order to a copy of the stage; any failure leaves the stored stage untouched. A
 * change to the cache cluster leaves it in an *_IN_PROGRESS status: the caller starts the clock once the
 * stage is stored (see cache-cluster.ts).
 */
export function applyStagePatch(
  store: Store,
  entry: ApiEntry,
  stage: StageJson,
  ops: PatchOperation[]
): StageJson {
  const ctx: PatchContext = { store, entry, stage: structuredClone(stage) }
  for (const op of ops) applyOne(ctx, op)
  const s = ctx.stage
  // AWS omits maps that became empty.
  if (!nonEmpty(s.variables)) delete s.variables
  if (s.canarySettings && !nonEmpty(s.canarySettings.stageVariableOverrides)) {
    delete s.canarySettings.stageVariableOverrides
  }
  if (s.accessLogSettings && Object.keys(s.accessLogSettings).length === 0) delete s.accessLogSettings
  const status = transitionStatus(stage, s)
  if (status) s.cacheClusterStatus = status
  return s
}

/** A known path with an op it does not take. */
const invalidPath = (op: PatchOperation): Error => unsupportedOp(op.path, op.op)

/** JSON-pointer unescaping of one path segment. */
const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~')

function requireValue(op: PatchOperation): string {
  if (op.value === undefined) {
    throw badRequest(`Invalid null or empty value in patch operation for path ${op.path}`)
  }
  return op.value
}

function requireDeployment(ctx: PatchContext, deploymentId: string): void {
  if (!ctx.entry.deployments.has(deploymentId)) {
    throw badRequest(`Deployment id ${deploymentId} does not exist`)
  }
}

function existingCanary(ctx: PatchContext, op: PatchOperation): CanarySettingsJson {
  if (!ctx.stage.canarySettings) {
    throw badRequest(
      `Stage ${ctx.stage.stageName} has no canary settings; cannot apply '${op.op}' on ${op.from ?? op.path}`
    )
  }
  return ctx.stage.canarySettings
}

/** `replace` on a canary field of a stage without one creates the canary, pointed at the stage's deployment. */
function canaryForReplace(ctx: PatchContext): CanarySettingsJson {
  ctx.stage.canarySettings ??= {
    deploymentId: ctx.stage.deploymentId,
    percentTraffic: 0,
    useStageCache: false
  }
  return ctx.stage.canarySettings
}

function applyOne(ctx: PatchContext, op: PatchOperation): void {
  if (op.op === 'copy') return applyCopy(ctx, op)
  if (op.path.startsWith('/canarySettings')) return applyCanary(ctx, op)
  if (op.path.startsWith('/variables/')) return applyVariable(ctx, op)
  if (op.path === '/accessLogSettings' || op.path.startsWith('/accessLogSettings/')) {
    return applyAccessLog(ctx, op)
  }
  if (applyTopLevel(ctx, op)) return
  applyMethodSetting(ctx, op)
}

function applyTopLevel(ctx: PatchContext, op: PatchOperation): boolean {
  const s = ctx.stage
  const fields = [
    '/description',
    '/deploymentId',
    '/clientCertificateId',
    '/cacheClusterEnabled',
    '/cacheClusterSize',
    '/tracingEnabled'
  ]
  if (!fields.includes(op.path)) return false
  if (op.op !== 'replace') throw invalidPath(op)
  switch (op.path) {
    case '/description':
      if (op.value) s.description = op.value
      else delete s.description
      break
    case '/deploymentId':
      requireDeployment(ctx, requireValue(op))
      s.deploymentId = requireValue(op)
      break
    case '/clientCertificateId':
      // An empty value detaches the certificate.
      s.clientCertificateId = op.value || undefined
      if (s.clientCertificateId === undefined) delete s.clientCertificateId
      break
    case '/cacheClusterEnabled':
      // The status follows at the end of the patch (transitionStatus); AWS's default size is 0.5 GB.
      s.cacheClusterEnabled = parseBoolean(requireValue(op))
      if (s.cacheClusterEnabled) s.cacheClusterSize ??= '0.5'
      break
    case '/cacheClusterSize':
      validateCacheClusterSize(requireValue(op))
      s.cacheClusterSize = requireValue(op)
      break
    case '/tracingEnabled':
      s.tracingEnabled = parseBoolean(requireValue(op))
      break
  }
  return true
}

function applyVariable(ctx: PatchContext, op: PatchOperation): void {
  const name = unescape(op.path.slice('/variables/'.length))
  if (!name) throw invalidPath(op)
  const variables = { ...ctx.stage.variables }
  if (op.op === 'replace') {
    validateVariable(name, requireValue(op))
    variables[name] = requireValue(op)
  } else if (op.op === 'remove') {
    delete variables[name]
  } else {
    throw invalidPath(op)
  }
  ctx.stage.variables = variables
}

// Access logs take add or replace on their two fields and remove of the whole settings; the errors for
// anything else are AWS's (LocalStack's AWS-validated test_stage_access_log_settings_validation).
function applyAccessLog(ctx: PatchContext, op: PatchOperation): void {
  const s = ctx.stage
  if (op.op === 'remove') {
    if (op.path !== '/accessLogSettings') throw cannotRemove(op.path)
    delete s.accessLogSettings
    return
  }
  if (op.op !== 'add' && op.op !== 'replace') throw invalidPath(op)
  const field = {
    '/accessLogSettings/destinationArn': 'destinationArn',
    '/accessLogSettings/format': 'format'
  }[op.path] as 'destinationArn' | 'format' | undefined
  if (!field) throw invalidAccessLogPath()
  if (!op.value) throw emptyAccessLogValue()
  if (field === 'destinationArn') validateDestinationArn(ctx.store, op.value)
  else validateFormat(op.value)
  s.accessLogSettings = { ...s.accessLogSettings, [field]: op.value }
}

function applyCanary(ctx: PatchContext, op: PatchOperation): void {
  const overridePrefix = '/canarySettings/stageVariableOverrides/'
  if (op.path === '/canarySettings' && op.op === 'remove') {
    existingCanary(ctx, op)
    delete ctx.stage.canarySettings
    return
  }
  if (op.path.startsWith(overridePrefix)) {
    const name = unescape(op.path.slice(overridePrefix.length))
    if (!name || (op.op !== 'replace' && op.op !== 'remove')) throw invalidPath(op)
    const canary = op.op === 'replace' ? canaryForReplace(ctx) : existingCanary(ctx, op)
    const overrides = { ...canary.stageVariableOverrides }
    if (op.op === 'replace') {
      validateVariable(name, requireValue(op))
      overrides[name] = requireValue(op)
    } else {
      delete overrides[name]
    }
    canary.stageVariableOverrides = overrides
    return
  }
  const fields = [
    '/canarySettings/percentTraffic',
    '/canarySettings/deploymentId',
    '/canarySettings/useStageCache'
  ]
  // AWS's answers for other canary paths and ops (LocalStack's AWS snapshots of the canary tests).
  if (!fields.includes(op.path)) {
    throw op.op === 'remove' ? cannotRemove(op.path) : invalidMethodSettingPath(op.path)
  }
  if (op.op !== 'replace') throw badRequest(`Invalid ${op.op} operation with path: ${op.path}`)
  const value = requireValue(op)
  if (op.path === '/canarySettings/percentTraffic') {
    const percent = parseNumber(value)
    validatePercentTraffic(percent)
    canaryForReplace(ctx).percentTraffic = percent
  } else if (op.path === '/canarySettings/deploymentId') {
    requireDeployment(ctx, value)
    canaryForReplace(ctx).deploymentId = value
  } else {
    canaryForReplace(ctx).useStageCache = parseBoolean(value)
  }
}

// The two documented copy operations, which together with percentTraffic=0 promote a canary.
function applyCopy(ctx: PatchContext, op: PatchOperation): void {
  if (op.from === '/canarySettings/deploymentId' && op.path === '/deploymentId') {
    ctx.stage.deploymentId = existingCanary(ctx, op).deploymentId
    return
  }
  if (op.from === '/canarySettings/stageVariableOverrides' && op.path === '/variables') {
    // Overrides are merged into the stage variables (promote-canary-deployment.html example).
    const overrides = existingCanary(ctx, op).stageVariableOverrides
    ctx.stage.variables = { ...ctx.stage.variables, ...overrides }
    return
  }
  throw badRequest(`Invalid patch path '${op.path}' specified for op 'copy' from '${op.from ?? ''}'`)
}

function applyMethodSetting(ctx: PatchContext, op: PatchOperation): void {
  const parsed = parseMethodSettingPath(op.path)
  if (!parsed) throw invalidMethodSettingPath(op.path)
  const settings = ctx.stage.methodSettings
  if (parsed.setting === undefined) {
    // "/{resourcePath}/{httpMethod}" with remove drops that method's settings (what Terraform sends for
    // "/*/*"); AWS refuses it for a method without settings (LocalStack snapshot "delete-error").
    if (op.op !== 'remove') throw invalidMethodSettingPath(op.path)
    if (!settings[parsed.key]) throw cannotRemove(op.path)
    delete settings[parsed.key]
    return
  }
  if (!isKnownSetting(parsed.setting)) throw invalidMethodSettingPath(op.path)
  if (op.op !== 'replace') throw invalidPath(op)
  const value = requireValue(op)
  const target = settings[parsed.key] ?? initialMethodSetting(settings, parsed.key)
  setMethodSetting(target, parsed.setting, value)
  if (enablesLogging(parsed.setting, value)) requireCloudWatchRole(ctx.store)
  settings[parsed.key] = target
}
