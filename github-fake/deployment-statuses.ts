/**
 * Deployment statuses: https://docs.github.com/en/rest/deployments/statuses
 * A deployment's state is its latest status. Lists are newest first.
 */
import { notFound, validationFailed } from './errors.js'
import { deploymentOf } from './deployments.js'
import type { Handler, HandlerContext } from './handler.js'
import { linkHeaders, paginate } from './pagination.js'
import { statusJson } from './shapes.js'
import {
  DEPLOYMENT_STATES,
  type DeploymentRecord,
  type StatusRecord,
  type Store,
  type UserRecord
} from './store.js'
import { checkBody } from './validate.js'

/** "The maximum description length is 140 characters." */
export const MAX_STATUS_DESCRIPTION = 140

const json = (ctx: HandlerContext, s: StatusRecord): Record<string, unknown> =>
  statusJson(s, ctx.store.identity, ctx.urls)

/** The environment a deployment is in now: its latest status's, else its own. */
export function currentEnvironment(store: Store, d: DeploymentRecord): string {
  return store.latestStatus(d.id)?.environment ?? d.environment
}

function addStatus(
  store: Store,
  d: DeploymentRecord,
  fields: Omit<StatusRecord, 'id' | 'deploymentId' | 'createdAt' | 'updatedAt'>
): StatusRecord {
  const now = store.now()
  const status: StatusRecord = {
    id: store.id('status'),
    deploymentId: d.id,
    createdAt: now,
    updatedAt: now,
    ...fields
  }
  store.statuses.get(d.id)?.push(status)
  d.updatedAt = now
  return status
}

/**
 * "When you set the state of a deployment to success, then all prior non-transient, non-production
 * environment deployments in the same repository with the same environment name will become inactive."
 * (https://docs.github.com/en/rest/deployments/deployments#inactive-deployments); and from auto_inactive:
 * "An inactive status is only added to deployments that had a success state."
 */
function inactivatePrior(
  store: Store,
  current: DeploymentRecord,
  environment: string,
  creator: UserRecord
): void {
  for (const d of store.deployments.values()) {
    if (d.id >= current.id || d.transient || d.production) continue
    if (currentEnvironment(store, d) !== environment) continue
    if (store.latestStatus(d.id)?.state !== 'success') continue
    addStatus(store, d, {
      state: 'inactive',
      description: '',
      environment,
      environmentUrl: '',
      logUrl: '',
      creator
    })
  }
}

/**
 * https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status
 * - `state` is required, one of error, failure, inactive, in_progress, queued, pending, success.
 * - `environment`: "If not defined, the environment of the previous status on the deployment will be used,
 *   if it exists. Otherwise, the environment of the deployment will be used."
 * - `log_url` "replaces target_url"; setting either sets both.
 * - `auto_inactive` (default true): see inactivatePrior.
 */
export const createDeploymentStatus: Handler = ctx => {
  const d = deploymentOf(ctx)
  const { body, docs } = ctx
  checkBody(
    body,
    {
      state: { type: { enum: DEPLOYMENT_STATES }, required: true },
      target_url: { type: 'string' },
      log_url: { type: 'string' },
      description: { type: 'string' },
      environment: { type: 'string' },
      environment_url: { type: 'string' },
      auto_inactive: { type: 'boolean' }
    },
    docs
  )
  const description = (body.description as string | undefined) ?? ''
  if (description.length > MAX_STATUS_DESCRIPTION) {
    throw validationFailed(docs, [
      {
        resource: 'DeploymentStatus',
        code: 'custom',
        field: 'description',
        message: `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`
      }
    ])
  }
  const environment = (body.environment as string | undefined) ?? currentEnvironment(ctx.store, d)
  const status = addStatus(ctx.store, d, {
    state: body.state as StatusRecord['state'],
    description,
    environment,
    environmentUrl: (body.environment_url as string | undefined) ?? '',
    logUrl: (body.log_url as string | undefined) ?? (body.target_url as string | undefined) ?? '',
    creator: ctx.grant.user
  })
  if (status.state === 'success' && body.auto_inactive !== false) {
    inactivatePrior(ctx.store, d, environment, ctx.grant.user)
  }
  const out = json(ctx, status)
  return { status: 201, body: out, headers: { location: String(out.url) } }
}

/** https://docs.github.com/en/rest/deployments/statuses#list-deployment-statuses */
export const listDeploymentStatuses: Handler = ctx => {
  const d = deploymentOf(ctx)
  const all = [...(ctx.store.statuses.get(d.id) ?? [])].reverse()
  const page = paginate(all, ctx.query, ctx.linkBase)
  return { status: 200, body: page.items.map(s => json(ctx, s)), headers: linkHeaders(page) }
}

/** https://docs.github.com/en/rest/deployments/statuses#get-a-deployment-status */
export const getDeploymentStatus: Handler = ctx => {
  const d = deploymentOf(ctx)
  const status = ctx.store.statuses.get(d.id)?.find(s => s.id === Number(ctx.params.status_id))
  if (!status) throw notFound(ctx.docs)
  return { status: 200, body: json(ctx, status) }
}
