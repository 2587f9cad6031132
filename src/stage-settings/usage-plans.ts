/**
 * Pure: which usage plans the stage joins, so that API keys work on it. `usage-plans` names plans by id or
 * name, or `inherit`: every plan that already includes another stage of the same API (a preview stage then
 * takes the keys of the stage it copies). A plan that already includes the stage is left alone.
 * UpdateUsagePlan path: https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html (UsagePlan:
 * add /apiStages, value "{restApiId}:{stageName}").
 */
import type { PatchOperation } from '@aws-sdk/client-api-gateway'

export interface UsagePlanSummary {
  id?: string
  name?: string
  apiStages?: { apiId?: string; stage?: string }[]
}

export interface UsagePlanChoice {
  /** Plans to add the stage to. */
  add: { id: string; name?: string }[]
  /** Plans that already include it. */
  already: { id: string; name?: string }[]
  problems: string[]
  notes: string[]
}

export function chooseUsagePlans(
  plans: UsagePlanSummary[],
  wanted: { inherit: boolean; refs: string[] },
  restApiId: string,
  stageName: string
): UsagePlanChoice {
  const problems: string[] = []
  const notes: string[] = []
  const chosen = new Map<string, UsagePlanSummary>()
  for (const ref of wanted.refs) {
    const byId = plans.filter(plan => plan.id === ref)
    const byName = plans.filter(plan => plan.name === ref)
    const found = byId.length > 0 ? byId : byName
    if (found.length === 1 && found[0].id) chosen.set(found[0].id, found[0])
    else if (found.length > 1)
      problems.push(
        `Input "usage-plans": ${found.length} usage plans are named "${ref}" (ids ${found.map(p => p.id).join(', ')}): name it by id.`
      )
    else
      problems.push(
        `Input "usage-plans": no usage plan has the id or name "${ref}". The account's plans: ${plans.map(p => `${p.name} (${p.id})`).join(', ') || 'none'}.`
      )
  }
  if (wanted.inherit) {
    const inherited = plans.filter(plan =>
      plan.apiStages?.some(s => s.apiId === restApiId && s.stage !== stageName)
    )
    if (inherited.length === 0)
      notes.push(
        `usage-plans: inherit: no usage plan includes another stage of REST API ${restApiId}; nothing to inherit.`
      )
    for (const plan of inherited) if (plan.id) chosen.set(plan.id, plan)
  }
  const add: UsagePlanChoice['add'] = []
  const already: UsagePlanChoice['already'] = []
  for (const [id, plan] of chosen) {
    const includes = plan.apiStages?.some(s => s.apiId === restApiId && s.stage === stageName)
    ;(includes ? already : add).push({ id, name: plan.name })
  }
  return { add, already, problems, notes }
}

export function addStageOps(restApiId: string, stageName: string): PatchOperation[] {
  return [{ op: 'add', path: '/apiStages', value: `${restApiId}:${stageName}` }]
}
