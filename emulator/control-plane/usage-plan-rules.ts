import { badRequest, notFound } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalNumber, optionalObject, optionalString } from '../http/input.js'
import type { Store } from './state.js'
import type { ApiStageJson, QuotaJson, ThrottleJson, UsagePlanEntry } from './usage-plan-types.js'

// What a usage plan's parts must be: https://docs.aws.amazon.com/apigateway/latest/api/API_UsagePlan.html,
// API_QuotaSettings.html (period DAY, WEEK or MONTH) and API_ThrottleSettings.html.

export const QUOTA_PERIODS = ['DAY', 'WEEK', 'MONTH']

export function usagePlan(store: Store, usagePlanId: string): UsagePlanEntry {
  const entry = store.usagePlans.get(usagePlanId)
  // AWS's message (LocalStack snapshot "update-wrong-id" of test_usage_plan_crud).
  if (!entry) throw notFound('Invalid Usage Plan ID specified')
  return entry
}

/**
 * An API stage a plan may list: it must exist. AWS's message for one that does not is recorded for
 * UpdateUsagePlan (LocalStack snapshots "update-wrong-api-stages-wrong-api" / "-wrong-stage"), naming the
 * plan's id; CreateUsagePlan gets the same here, naming the plan by its name (it has no id yet).
 */
export function checkApiStage(store: Store, apiStage: ApiStageJson, planRef: string): void {
  const entry = store.apis.get(apiStage.apiId)
  if (!entry || !entry.stages.has(apiStage.stage)) {
    throw notFound(
      `Invalid API Stage {api: ${apiStage.apiId}, stage: ${apiStage.stage}} specified for usageplan ${planRef}`
    )
  }
}

/** Parses "{restApiId}:{stageName}", the value of add/remove on /apiStages. */
export function parseApiStageValue(value: string | undefined): ApiStageJson {
  const parts = (value ?? '').split(':')
  // AWS's message for a missing or malformed value (LocalStack snapshot "update-wrong-api-stages-no-value").
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw badRequest('Invalid API Stage specified')
  return { apiId: parts[0], stage: parts[1] }
}

export function parseApiStages(body: Body, planName: string): ApiStageJson[] {
  const raw = body.apiStages
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw badRequest("Invalid value for 'apiStages': expected a list")
  const stages: ApiStageJson[] = []
  for (const item of raw) {
    const o = (item ?? {}) as Body
    const apiId = optionalString(o, 'apiId')
    const stage = optionalString(o, 'stage')
    if (!apiId || !stage) {
      // AWS's answer, unformatted placeholders and all (aws/aws-sdk#354).
      throw badRequest('Invalid API Stage {api: %s, stage: %s} specified for usageplan %s')
    }
    if (stages.some(s => s.apiId === apiId && s.stage === stage)) {
      throw badRequest(
        `Duplicate API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${planName}`
      )
    }
    const throttle = optionalObject(o, 'throttle') as Record<string, Body> | undefined
    stages.push(
      compact({
        apiId,
        stage,
        throttle: throttle
          ? Object.fromEntries(Object.entries(throttle).map(([k, v]) => [k, parseThrottle(v) ?? {}]))
          : undefined
      })
    )
  }
  return stages
}

export function parseThrottle(body: Body | undefined): ThrottleJson | undefined {
  if (!body) return undefined
  const throttle = compact({
    burstLimit: optionalNumber(body, 'burstLimit'),
    rateLimit: optionalNumber(body, 'rateLimit')
  })
  validateThrottle(throttle)
  return throttle
}

export function validateThrottle(throttle: ThrottleJson): void {
  if (
    throttle.burstLimit !== undefined &&
    (!Number.isInteger(throttle.burstLimit) || throttle.burstLimit < 0)
  ) {
    throw badRequest(`Invalid throttle burst limit: ${throttle.burstLimit}`)
  }
  if (throttle.rateLimit !== undefined && throttle.rateLimit < 0) {
    throw badRequest(`Invalid throttle rate limit: ${throttle.rateLimit}`)
  }
}

export function parseQuota(body: Body | undefined): QuotaJson | undefined {
  if (!body) return undefined
  const quota = compact({
    limit: optionalNumber(body, 'limit'),
    offset: optionalNumber(body, 'offset') ?? 0,
    period: optionalString(body, 'period')
  })
  validateQuota(quota)
  return quota
}

export function validateQuota(quota: QuotaJson): void {
  if (quota.period === undefined || !QUOTA_PERIODS.includes(quota.period)) {
    throw badRequest(
      `Invalid quota period: ${String(quota.period)}. Must be one of: ${QUOTA_PERIODS.join(', ')}`
    )
  }
  if (quota.limit !== undefined && (!Number.isInteger(quota.limit) || quota.limit < 0)) {
    throw badRequest(`Invalid quota limit: ${quota.limit}`)
  }
  if (quota.offset !== undefined && (!Number.isInteger(quota.offset) || quota.offset < 0)) {
    throw badRequest(`Invalid quota offset: ${quota.offset}`)
  }
}
