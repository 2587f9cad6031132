/**
 * The JSON GitHub returns for each kind of object, built from the store's records. Fields follow the response
 * schemas of the REST docs (and @octokit/openapi-types, generated from them); `url`-style fields point at the
 * fake itself, as GitHub's point at api.github.com (or https://HOST/api/v3 on GHES).
 */
import type {
  CommentRecord,
  DeploymentRecord,
  PullRecord,
  RepoIdentity,
  StatusRecord,
  UserRecord
} from './store.js'

export interface Urls {
  /** The API root the request came in on: the fake's URL, plus /api/v3 when addressed GHES-style. */
  api: string
  /** The web UI root for html_url fields (GITHUB_SERVER_URL); https://github.com by default. */
  html: string
}

const nodeId = (prefix: string, id: number): string =>
  `${prefix}_kwDO${Buffer.from(`fake:${prefix}:${id}`).toString('base64url')}`

/** https://docs.github.com/en/rest/users/users (the `simple-user` schema) */
export function userJson(user: UserRecord, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(user.login)}`
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      user.type === 'Bot'
        ? `${urls.html}/apps/${user.login.replace(/\[bot\]$/, '')}`
        : `${urls.html}/${user.login}`,
    followers_url: `${api}/followers`,
    repos_url: `${api}/repos`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false
  }
}

/** A user record for a login that only appears as a name (PR authors, fork owners). */
export function userFor(login: string): UserRecord {
  if (login === 'github-actions[bot]') return { login, id: 41898282, type: 'Bot' }
  // Stable per login so the same author has the same id in every payload.
  let hash = 0
  for (const ch of login) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  return { login, id: 10_000 + (hash % 9_000_000), type: login.endsWith('[bot]') ? 'Bot' : 'User' }
}

/** https://docs.github.com/en/rest/repos/repos#get-a-repository (the `repository` schema, abridged) */
export function repoJson(
  identity: Pick<RepoIdentity, 'id' | 'private' | 'defaultBranch'> & {
    owner: string
    repo: string
    fork?: boolean
  },
  urls: Urls
): Record<string, unknown> {
  const fullName = `${identity.owner}/${identity.repo}`
  const api = `${urls.api}/repos/${fullName}`
  return {
    id: identity.id,
    node_id: nodeId('R', identity.id),
    name: identity.repo,
    full_name: fullName,
    private: identity.private,
    owner: userJson(userFor(identity.owner), urls),
    html_url: `${urls.html}/${fullName}`,
    description: null,
    fork: identity.fork ?? false,
    url: api,
    deployments_url: `${api}/deployments`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    default_branch: identity.defaultBranch,
    visibility: identity.private ? 'private' : 'public'
  }
}

/** https://docs.github.com/en/rest/issues/comments#get-an-issue-comment (the `issue-comment` schema) */
export function commentJson(
  comment: CommentRecord,
  identity: RepoIdentity,
  isPull: boolean,
  urls: Urls
): Record<string, unknown> {
  const fullName = `${identity.owner}/${identity.repo}`
  return {
    url: `${urls.api}/repos/${fullName}/issues/comments/${comment.id}`,
    // A pull request's comments link to the /pull/ page, an issue's to /issues/.
    html_url: `${urls.html}/${fullName}/${isPull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${urls.api}/repos/${fullName}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: userJson(comment.user, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    body: comment.body,
    reactions: {
      url: `${urls.api}/repos/${fullName}/issues/comments/${comment.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    },
    performed_via_github_app: comment.user.type === 'Bot' ? actionsApp() : null
  }
}

/** The GitHub Actions app, as `performed_via_github_app` names it on what a GITHUB_TOKEN creates. */
function actionsApp(): Record<string, unknown> {
  return { id: 15368, slug: 'github-actions', node_id: 'MDM6QXBwMTUzNjg=', name: 'GitHub Actions' }
}

/** https://docs.github.com/en/rest/deployments/deployments#get-a-deployment (the `deployment` schema) */
export function deploymentJson(
  d: DeploymentRecord,
  identity: RepoIdentity,
  urls: Urls
): Record<string, unknown> {
  const repoApi = `${urls.api}/repos/${identity.owner}/${identity.repo}`
  return {
    url: `${repoApi}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('DE', d.id),
    task: d.task,
    original_environment: d.originalEnvironment,
    environment: d.environment,
    description: d.description,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
    statuses_url: `${repoApi}/deployments/${d.id}/statuses`,
    repository_url: repoApi,
    creator: userJson(d.creator, urls),
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient,
    production_environment: d.production,
    performed_via_github_app: d.creator.type === 'Bot' ? actionsApp() : null
  }
}

/** https://docs.github.com/en/rest/deployments/statuses#get-a-deployment-status (the `deployment-status` schema) */
export function statusJson(s: StatusRecord, identity: RepoIdentity, urls: Urls): Record<string, unknown> {
  const repoApi = `${urls.api}/repos/${identity.owner}/${identity.repo}`
  return {
    url: `${repoApi}/deployments/${s.deploymentId}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DES', s.id),
    state: s.state,
    creator: userJson(s.creator, urls),
    description: s.description,
    environment: s.environment,
    // "Setting log_url will automatically set target_url to the same value."
    target_url: s.logUrl,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    deployment_url: `${repoApi}/deployments/${s.deploymentId}`,
    repository_url: repoApi,
    environment_url: s.environmentUrl,
    log_url: s.logUrl,
    performed_via_github_app: s.creator.type === 'Bot' ? actionsApp() : null
  }
}

/**
 * https://docs.github.com/en/rest/pulls/pulls#get-a-pull-request (the `pull-request` schema, abridged). With
 * `full` false it is the list form (`pull-request-simple`), which lacks merged, mergeable, the counts, etc.
 */
export function pullJson(
  pr: PullRecord,
  identity: RepoIdentity,
  urls: Urls,
  full: boolean
): Record<string, unknown> {
  const fullName = `${identity.owner}/${identity.repo}`
  const api = `${urls.api}/repos/${fullName}`
  const html = `${urls.html}/${fullName}/pull/${pr.number}`
  const baseRepo = repoJson({ ...identity }, urls)
  const headRepo = pr.head.fork
    ? repoJson(
        {
          ...identity,
          owner: pr.head.owner,
          id: identity.id + pr.number,
          private: identity.private,
          fork: true
        },
        urls
      )
    : baseRepo
  const json: Record<string, unknown> = {
    url: `${api}/pulls/${pr.number}`,
    id: pr.id,
    node_id: nodeId('PR', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.head.sha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: userJson(pr.user, urls),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${pr.head.owner}:${pr.head.ref}`,
      ref: pr.head.ref,
      sha: pr.head.sha,
      user: userJson(userFor(pr.head.owner), urls),
      repo: headRepo
    },
    base: {
      label: `${identity.owner}:${pr.base.ref}`,
      ref: pr.base.ref,
      sha: pr.base.sha,
      user: userJson(userFor(identity.owner), urls),
      repo: baseRepo
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pr.draft
  }
  if (full) {
    Object.assign(json, {
      merged: pr.mergedAt !== null,
      mergeable: pr.state === 'open' ? true : null,
      rebaseable: pr.state === 'open' ? true : null,
      mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: pr.head.fork,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1
    })
  }
  return json
}
