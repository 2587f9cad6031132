import { badRequest } from '../http/errors.js'
import { compact, optionalObject, optionalString, optionalStringMap, requiredString } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import { paginate } from './pagination.js'
import { parsePatchOperations } from './stage-patch.js'
import type { Store } from './state.js'
import { nonEmpty } from './stage-rules.js'
import { validateTags } from './tag-rules.js'
import { applyUsagePlanPatch } from './usage-plan-patch.js'
import { checkApiStage, parseApiStages, parseQuota, parseThrottle, usagePlan } from './usage-plan-rules.js'
import type { UsagePlanJson } from './usage-plan-types.js'

// Usage plans: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateUsagePlan.html and the
// neighbouring GetUsagePlans / GetUsagePlan / UpdateUsagePlan / DeleteUsagePlan pages.

export const createUsagePlan: Handler = ({ store, body }) => {
  const name = requiredString(body, 'name')
  const apiStages = parseApiStages(body, name)
  for (const apiStage of apiStages) checkApiStage(store, apiStage, name)
  const tags = optionalStringMap(body, 'tags')
  validateTags(tags)
  const plan: UsagePlanJson = compact({
    id: store.ids.next(6),
    name,
    description: optionalString(body, 'description'),
    apiStages,
    throttle: parseThrottle(optionalObject(body, 'throttle')),
    quota: parseQuota(optionalObject(body, 'quota')),
    tags: nonEmpty(tags)
  })
  store.usagePlans.set(plan.id, { plan, keyIds: [] })
  return { status: 201, body: plan }
}

// `keyId` keeps the plans that hold that API key.
export const getUsagePlans: Handler = ({ store, query }) => {
  const keyId = query.get('keyId')
  const plans = [...store.usagePlans.values()]
    .filter(e => !keyId || e.keyIds.includes(keyId))
    .map(e => e.plan)
  return { status: 200, body: paginate(plans, query) }
}

export const getUsagePlan: Handler = ({ store, params }) => ({
  status: 200,
  body: usagePlan(store, params.usagePlanId).plan
})

export const updateUsagePlan: Handler = ({ store, params, body }) => {
  const entry = usagePlan(store, params.usagePlanId)
  entry.plan = applyUsagePlanPatch(store, entry.plan, parsePatchOperations(body, 'updateUsagePlanInput'))
  return { status: 200, body: entry.plan }
}

// A plan still serving API stages cannot be deleted; AWS's message (aws/aws-sdk-js#3841).
export const deleteUsagePlan: Handler = ({ store, params }) => {
  const { plan } = usagePlan(store, params.usagePlanId)
  const first = plan.apiStages[0]
  if (first) {
    throw badRequest(
      `Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${first.apiId}:${first.stage}`
    )
  }
  store.usagePlans.delete(plan.id)
  return { status: 202 }
}

/**
 * Deleting a stage (or its API) takes it out of every usage plan: "stage recreation will remove downstream
 * resources such as ... aws_api_gateway_usage_plan associated with that stage" (a Terraform maintainer on
 * what AWS does, hashicorp/terraform-provider-aws#14100). Without `stageName`, every stage of the API.
 */
export function removeFromUsagePlans(store: Store, restApiId: string, stageName?: string): void {
  for (const { plan } of store.usagePlans.values()) {
    plan.apiStages = plan.apiStages.filter(
      s => !(s.apiId === restApiId && (stageName === undefined || s.stage === stageName))
    )
  }
}

const plan = '/usageplans/{usagePlanId}'

export const usagePlanRoutes: readonly Route[] = [
  { operation: 'CreateUsagePlan', method: 'POST', path: '/usageplans', handler: createUsagePlan },
  { operation: 'GetUsagePlans', method: 'GET', path: '/usageplans', handler: getUsagePlans },
  { operation: 'GetUsagePlan', method: 'GET', path: plan, handler: getUsagePlan },
  { operation: 'UpdateUsagePlan', method: 'PATCH', path: plan, handler: updateUsagePlan },
  { operation: 'DeleteUsagePlan', method: 'DELETE', path: plan, handler: deleteUsagePlan }
]
