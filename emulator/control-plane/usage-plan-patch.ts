import { badRequest } from '../http/errors.js'
import { parseNumber } from './method-settings.js'
import type { PatchOperation } from './stage-patch.js'
import type { Store } from './state.js'
import { checkApiStage, parseApiStageValue, validateQuota, validateThrottle } from './usage-plan-rules.js'
import type { UsagePlanJson } from './usage-plan-types.js'

// UpdateUsagePlan patch semantics: the "UpdateUsagePlan" entry of
// https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html. add/remove on /apiStages take
// "{restApiId}:{stageName}" and need the stage to exist; replace sets the name, description, product code
// and the throttle and quota fields; remove on /throttle or /quota drops them. Per-method throttles of an API
// stage (/apiStages/{apiId:stage}/throttle/...) are not modelled.

// AWS's answer for other paths, recorded for a remove (boto/boto3#2629); two spaces after "path" included.
const invalidPath = (op: PatchOperation): Error =>
  badRequest(
    `Invalid patch path  '${op.path}' specified for op '${op.op}'. Must be one of: [/apiStages, /quota, /throttle, /productCode, /apiStages/<apidId:stageName>/throttle/<resourcePath>/<httpMethod>, /apiStages/<apidId:stageName>/throttle]`
  )

const REPLACEABLE = ['/name', '/description', '/productCode']
const THROTTLE = { '/throttle/burstLimit': 'burstLimit', '/throttle/rateLimit': 'rateLimit' } as const
const QUOTA = { '/quota/limit': 'limit', '/quota/offset': 'offset', '/quota/period': 'period' } as const

/** Applies operations in order to a copy of the plan; any failure leaves the stored plan untouched. */
export function applyUsagePlanPatch(store: Store, plan: UsagePlanJson, ops: PatchOperation[]): UsagePlanJson {
  const next = structuredClone(plan)
  for (const op of ops) applyOne(store, next, op)
  if (next.throttle) validateThrottle(next.throttle)
  if (next.quota) validateQuota(next.quota)
  return next
}

function applyOne(store: Store, plan: UsagePlanJson, op: PatchOperation): void {
  if (op.path === '/apiStages' && (op.op === 'add' || op.op === 'remove')) {
    const apiStage = parseApiStageValue(op.value)
    checkApiStage(store, apiStage, plan.id)
    const same = (s: { apiId: string; stage: string }) =>
      s.apiId === apiStage.apiId && s.stage === apiStage.stage
    // Adding a stage the plan has, or removing one it lacks, changes nothing (AWS's answer is not on record).
    if (op.op === 'remove') plan.apiStages = plan.apiStages.filter(s => !same(s))
    else if (!plan.apiStages.some(same)) plan.apiStages = [...plan.apiStages, apiStage]
    return
  }
  if (op.op === 'remove' && (op.path === '/throttle' || op.path === '/quota')) {
    delete plan[op.path === '/throttle' ? 'throttle' : 'quota']
    return
  }
  if (op.op !== 'replace') throw invalidPath(op)
  if (REPLACEABLE.includes(op.path)) {
    const field = op.path.slice(1) as 'name' | 'description' | 'productCode'
    if (field === 'name' && !op.value) throw badRequest('Usage plan name must not be empty')
    if (op.value) plan[field] = op.value
    else delete plan[field]
    return
  }
  if (op.path in THROTTLE) {
    const field = THROTTLE[op.path as keyof typeof THROTTLE]
    plan.throttle = { ...plan.throttle, [field]: parseNumber(op.value ?? '', field === 'burstLimit') }
    return
  }
  if (op.path in QUOTA) {
    const field = QUOTA[op.path as keyof typeof QUOTA]
    const value = field === 'period' ? (op.value ?? '') : parseNumber(op.value ?? '', true)
    plan.quota = { offset: 0, ...plan.quota, [field]: value }
    return
  }
  throw invalidPath(op)
}
