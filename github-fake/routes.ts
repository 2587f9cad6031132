/**
 * The route table: each endpoint's path (as @octokit/plugin-rest-endpoint-methods sends it), the permissions
 * a GITHUB_TOKEN needs for it, and its page in GitHub's REST docs (which error bodies link to).
 * Permission sets follow the docs' "Fine-grained access tokens for ..." section of each endpoint: any one
 * set suffices (issue comments take either `issues` or `pull-requests`).
 */
import type { Requirement } from './auth.js'
import { createComment, deleteComment, getComment, listComments, updateComment } from './comments.js'
import { createDeploymentStatus, getDeploymentStatus, listDeploymentStatuses } from './deployment-statuses.js'
import { createDeployment, deleteDeployment, getDeployment, listDeployments } from './deployments.js'
import type { Handler } from './handler.js'
import { getPull, listPulls } from './pulls.js'
import type { RouteName } from './route-names.js'

export type { RouteName } from './route-names.js'

export interface Route {
  name: RouteName
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Path template under /repos/{owner}/{repo}, e.g. /issues/{issue_number}/comments. */
  path: string
  permissions: Requirement
  /** As GitHub writes it in error bodies: https://docs.github.com/rest/<category>/<sub>#<operation>. */
  docs: string
  handler: Handler
}

const DOCS = 'https://docs.github.com/rest'

const issuesRead: Requirement = [[['issues', 'read']], [['pull-requests', 'read']]]
const issuesWrite: Requirement = [[['issues', 'write']], [['pull-requests', 'write']]]
const deploymentsRead: Requirement = [[['deployments', 'read']]]
const deploymentsWrite: Requirement = [[['deployments', 'write']]]
const pullsRead: Requirement = [[['pull-requests', 'read']]]

export const ROUTES: readonly Route[] = [
  {
    name: 'issues.listComments',
    method: 'GET',
    path: '/issues/{issue_number}/comments',
    permissions: issuesRead,
    docs: `${DOCS}/issues/comments#list-issue-comments`,
    handler: listComments
  },
  {
    name: 'issues.createComment',
    method: 'POST',
    path: '/issues/{issue_number}/comments',
    permissions: issuesWrite,
    docs: `${DOCS}/issues/comments#create-an-issue-comment`,
    handler: createComment
  },
  {
    name: 'issues.getComment',
    method: 'GET',
    path: '/issues/comments/{comment_id}',
    permissions: issuesRead,
    docs: `${DOCS}/issues/comments#get-an-issue-comment`,
    handler: getComment
  },
  {
    name: 'issues.updateComment',
    method: 'PATCH',
    path: '/issues/comments/{comment_id}',
    permissions: issuesWrite,
    docs: `${DOCS}/issues/comments#update-an-issue-comment`,
    handler: updateComment
  },
  {
    name: 'issues.deleteComment',
    method: 'DELETE',
    path: '/issues/comments/{comment_id}',
    permissions: issuesWrite,
    docs: `${DOCS}/issues/comments#delete-an-issue-comment`,
    handler: deleteComment
  },
  {
    name: 'repos.listDeployments',
    method: 'GET',
    path: '/deployments',
    permissions: deploymentsRead,
    docs: `${DOCS}/deployments/deployments#list-deployments`,
    handler: listDeployments
  },
  {
    name: 'repos.createDeployment',
    method: 'POST',
    path: '/deployments',
    permissions: deploymentsWrite,
    docs: `${DOCS}/deployments/deployments#create-a-deployment`,
    handler: createDeployment
  },
  {
    name: 'repos.getDeployment',
    method: 'GET',
    path: '/deployments/{deployment_id}',
    permissions: deploymentsRead,
    docs: `${DOCS}/deployments/deployments#get-a-deployment`,
    handler: getDeployment
  },
  {
    name: 'repos.deleteDeployment',
    method: 'DELETE',
    path: '/deployments/{deployment_id}',
    permissions: deploymentsWrite,
    docs: `${DOCS}/deployments/deployments#delete-a-deployment`,
    handler: deleteDeployment
  },
  {
    name: 'repos.listDeploymentStatuses',
    method: 'GET',
    path: '/deployments/{deployment_id}/statuses',
    permissions: deploymentsRead,
    docs: `${DOCS}/deployments/statuses#list-deployment-statuses`,
    handler: listDeploymentStatuses
  },
  {
    name: 'repos.createDeploymentStatus',
    method: 'POST',
    path: '/deployments/{deployment_id}/statuses',
    permissions: deploymentsWrite,
    docs: `${DOCS}/deployments/statuses#create-a-deployment-status`,
    handler: createDeploymentStatus
  },
  {
    name: 'repos.getDeploymentStatus',
    method: 'GET',
    path: '/deployments/{deployment_id}/statuses/{status_id}',
    permissions: deploymentsRead,
    docs: `${DOCS}/deployments/statuses#get-a-deployment-status`,
    handler: getDeploymentStatus
  },
  {
    name: 'pulls.list',
    method: 'GET',
    path: '/pulls',
    permissions: pullsRead,
    docs: `${DOCS}/pulls/pulls#list-pull-requests`,
    handler: listPulls
  },
  {
    name: 'pulls.get',
    method: 'GET',
    path: '/pulls/{pull_number}',
    permissions: pullsRead,
    docs: `${DOCS}/pulls/pulls#get-a-pull-request`,
    handler: getPull
  }
]

export interface RouteMatch {
  route: Route
  owner: string
  repo: string
  params: Record<string, string>
}

/**
 * Matches `/repos/{owner}/{repo}<route path>` (the path already stripped of /api/v3 and with
 * /repositories/{id} rewritten). Segments are split before decoding, as Octokit percent-encodes labels.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const segments = path.split('/').slice(1)
  if (segments.length < 3 || segments[0] !== 'repos' || !segments[1] || !segments[2]) return undefined
  const rest = segments.slice(3)
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const template = route.path.split('/').slice(1)
    if (template.length !== rest.length) continue
    const params: Record<string, string> = {}
    const ok = template.every((part, i) => {
      if (part.startsWith('{')) {
        params[part.slice(1, -1)] = decodeURIComponent(rest[i])
        return rest[i] !== ''
      }
      return part === rest[i]
    })
    if (ok) {
      return { route, owner: decodeURIComponent(segments[1]), repo: decodeURIComponent(segments[2]), params }
    }
  }
  return undefined
}
