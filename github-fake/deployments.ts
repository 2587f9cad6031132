/**
 * Deployments: https://docs.github.com/en/rest/deployments/deployments
 * A deployment is a request to deploy a ref to an environment; its state lives in its statuses
 * (deployment-statuses.ts). Lists are newest first.
 */
import { GitHubError, notFound } from './errors.js'
import type { Handler, HandlerContext } from './handler.js'
import { linkHeaders, paginate } from './pagination.js'
import { deploymentJson } from './shapes.js'
import { fakeSha, type DeploymentRecord } from './store.js'
import { checkBody } from './validate.js'

const json = (ctx: HandlerContext, d: DeploymentRecord): Record<string, unknown> =>
  deploymentJson(d, ctx.store.identity, ctx.urls)

export function deploymentOf(ctx: HandlerContext): DeploymentRecord {
  const d = ctx.store.deployments.get(Number(ctx.params.deployment_id))
  if (!d) throw notFound(ctx.docs)
  return d
}

/**
 * https://docs.github.com/en/rest/deployments/deployments#create-a-deployment
 * - `ref`: "a branch, tag, or SHA"; an unknown one is 422 "No ref found for: <ref>".
 * - `auto_merge` (default true): a branch behind the default branch is merged instead of deployed: 202
 *   "Auto-merged <default> into <ref> on deployment." (the branch moves to the merge commit; asking again
 *   deploys it), or 409 "Conflict merging <default> into <ref>" when it cannot be merged.
 * - `required_contexts` (default: every context with a commit status on the SHA) must all be `success`,
 *   else 409 "Conflict: Commit status checks failed for <ref>."; `[]` skips the check.
 * - `environment` defaults to production, `production_environment` to (environment === 'production'),
 *   `transient_environment` to false, `task` to deploy, `payload` to {}.
 */
export const createDeployment: Handler = ctx => {
  const { store, body, docs } = ctx
  checkBody(
    body,
    {
      ref: { type: 'string', required: true },
      task: { type: 'string' },
      auto_merge: { type: 'boolean' },
      required_contexts: { type: 'string[]' },
      payload: { type: 'object|string' },
      environment: { type: 'string' },
      description: { type: 'string', nullable: true },
      transient_environment: { type: 'boolean' },
      production_environment: { type: 'boolean' }
    },
    docs
  )
  const ref = body.ref as string
  const resolved = store.resolveRef(ref)
  if (!resolved) throw new GitHubError(422, `No ref found for: ${ref}`, docs)

  const defaultBranch = store.identity.defaultBranch
  const branch = resolved.branch === undefined ? undefined : store.branches.get(resolved.branch)
  if (
    branch &&
    resolved.branch !== defaultBranch &&
    body.auto_merge !== false &&
    branch.merge !== 'current'
  ) {
    if (branch.merge === 'conflict') {
      throw new GitHubError(409, `Conflict merging ${defaultBranch} into ${resolved.branch}`, docs)
    }
    // GitHub merged the default branch into the ref instead of deploying it.
    const merged = fakeSha(`merge:${defaultBranch}:${branch.sha}`)
    for (const pr of store.pulls.values()) {
      if (!pr.head.fork && pr.head.ref === resolved.branch) pr.head.sha = merged
    }
    branch.sha = merged
    branch.merge = 'current'
    return {
      status: 202,
      body: { message: `Auto-merged ${defaultBranch} into ${resolved.branch} on deployment.` }
    }
  }

  const statuses = store.commitStatuses.get(resolved.sha) ?? new Map<string, string>()
  const required = (body.required_contexts as string[] | undefined) ?? [...statuses.keys()]
  if (required.some(context => statuses.get(context) !== 'success')) {
    throw new GitHubError(409, `Conflict: Commit status checks failed for ${ref}.`, docs)
  }

  const environment = (body.environment as string | undefined) ?? 'production'
  const now = store.now()
  const d: DeploymentRecord = {
    id: store.id('deployment'),
    sha: resolved.sha,
    ref,
    task: (body.task as string | undefined) ?? 'deploy',
    payload: body.payload ?? {},
    environment,
    originalEnvironment: environment,
    description: body.description === undefined ? '' : (body.description as string | null),
    creator: ctx.grant.user,
    transient: (body.transient_environment as boolean | undefined) ?? false,
    production: (body.production_environment as boolean | undefined) ?? environment === 'production',
    createdAt: now,
    updatedAt: now
  }
  store.deployments.set(d.id, d)
  store.statuses.set(d.id, [])
  const out = json(ctx, d)
  return { status: 201, body: out, headers: { location: String(out.url) } }
}

/** https://docs.github.com/en/rest/deployments/deployments#list-deployments (sha, ref, task, environment) */
export const listDeployments: Handler = ctx => {
  const filters = (['sha', 'ref', 'task', 'environment'] as const)
    .map(name => [name, ctx.query.get(name)] as const)
    .filter((f): f is readonly [(typeof f)[0], string] => f[1] !== null)
  const all = [...ctx.store.deployments.values()]
    .filter(d => filters.every(([name, value]) => d[name] === value))
    .sort((a, b) => b.id - a.id)
  const page = paginate(all, ctx.query, ctx.linkBase)
  return { status: 200, body: page.items.map(d => json(ctx, d)), headers: linkHeaders(page) }
}

/** https://docs.github.com/en/rest/deployments/deployments#get-a-deployment */
export const getDeployment: Handler = ctx => ({ status: 200, body: json(ctx, deploymentOf(ctx)) })

/**
 * https://docs.github.com/en/rest/deployments/deployments#delete-a-deployment
 * "If the repository only has one deployment, you can delete the deployment regardless of its status. If the
 * repository has more than one deployment, you can only delete inactive deployments." and "Mark the active
 * deployment as inactive by adding any non-successful deployment status." So a deployment whose latest status
 * is not `success` can go; one that is `success` (or has no status yet) cannot, while others exist: 422 with
 * the message GitHub sends (which speaks of an environment where the docs speak of the repository; the fake
 * follows the docs, the stricter reading).
 */
export const deleteDeployment: Handler = ctx => {
  const d = deploymentOf(ctx)
  const latest = ctx.store.latestStatus(d.id)
  const inactive = latest !== undefined && latest.state !== 'success'
  if (ctx.store.deployments.size > 1 && !inactive) {
    throw new GitHubError(
      422,
      'We cannot delete an active deployment unless it is the only deployment in a given environment.',
      ctx.docs
    )
  }
  ctx.store.deployments.delete(d.id)
  ctx.store.statuses.delete(d.id)
  return { status: 204 }
}
