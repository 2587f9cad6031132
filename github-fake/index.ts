// The GitHub fake's public entry: tests and scripts import from here only.
import { actionEnv } from './action-env.js'
import { DEFAULT_TOKEN, Tokens, WRITE_ALL, type Permissions } from './auth.js'
import type { PullRequestEvent } from './event-payload.js'
import { Faults, type FaultInjector } from './faults.js'
import { close, listen } from './http.js'
import { RateLimits } from './rate-limit.js'
import * as seed from './seed.js'
import { handleRequest, type GitHubCall } from './server.js'
import { fullPullJson } from './pulls.js'
import { commentJson, deploymentJson, statusJson, userFor, type Urls } from './shapes.js'
import { Store, type MergeState } from './store.js'
import type { DeploymentJson, DeploymentStatusJson, IssueCommentJson, PullRequestJson } from './types.js'

export { DEFAULT_TOKEN, READ_ALL, WRITE_ALL } from './auth.js'
export type { PermissionLevel, PermissionName, Permissions } from './auth.js'
export { eventPayloadFile, pullRequestPayload } from './event-payload.js'
export type { PayloadOptions, PullRequestAction, PullRequestEvent } from './event-payload.js'
export type { FailOptions, FaultInjector, FaultName, LatencyOptions, RateLimitOptions } from './faults.js'
export { ROUTE_NAMES, type RouteName } from './route-names.js'
export type { PullRequestSpec } from './seed.js'
export type { GitHubCall } from './server.js'
export type { MergeState } from './store.js'
export type * from './types.js'

export interface GitHubFakeOptions {
  owner: string
  repo: string
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** Accepted tokens and their permissions; default `{ [DEFAULT_TOKEN]: WRITE_ALL }`. */
  tokens?: Record<string, Permissions>
  /** The repository's numeric id (its /repositories/{id} form); default 1296269. */
  repoId?: number
  /** Default 'main'. */
  defaultBranch?: string
  /** Default true: a GITHUB_TOKEN's repository is usually private, and the fake answers as for one. */
  private?: boolean
  /** GITHUB_SERVER_URL, where html_url fields point; default https://github.com. */
  serverUrl?: string
  /** Requests per token per hour before 403 "API rate limit exceeded"; default 1000 (a GITHUB_TOKEN's). */
  rateLimit?: number
  /** The clock for created_at / updated_at; default the real one. */
  now?: () => Date
  /** Log every request to stderr. */
  log?: boolean
}

export interface ActionEnvFor {
  pr: PullRequestJson
  /** The payload file eventPayloadFile wrote. */
  eventPath: string
  event?: PullRequestEvent
  /** Point GITHUB_API_URL at `ghesUrl` (GHES style) instead of `url`. */
  ghes?: boolean
}

export interface GitHubFake {
  /** e.g. http://127.0.0.1:54321: GITHUB_API_URL, or Octokit's `baseUrl`. */
  readonly url: string
  /** `${url}/api/v3`: the same API addressed as on GitHub Enterprise Server. */
  readonly ghesUrl: string
  readonly serverUrl: string
  readonly owner: string
  readonly repo: string
  readonly repoId: number
  readonly defaultBranch: string
  /** Every request so far, in arrival order (the array is live; resetCalls() empties it). */
  readonly calls: readonly GitHubCall[]
  resetCalls(): void
  readonly faults: FaultInjector
  /** Stops the server; delayed calls are cut off rather than waited for. */
  stop(): Promise<void>

  /** Registers (or replaces) a token; `login` is who it acts as (default github-actions[bot]). */
  addToken(token: string, permissions: Permissions, login?: string): void
  removeToken(token: string): void

  addPullRequest(spec: seed.PullRequestSpec): PullRequestJson
  setPullState(number: number, state: 'open' | 'closed', options?: { merged?: boolean }): PullRequestJson
  /** A push to the PR's head: new head SHA and merge commit. */
  pushToPullRequest(number: number, sha?: string): PullRequestJson
  pull(number: number): PullRequestJson | undefined
  addIssue(number: number, title?: string): void
  /** Adds a branch (or moves it); returns its SHA. `merge` is how it stands against the default branch. */
  addBranch(name: string, options?: { sha?: string; merge?: MergeState }): string
  setCommitStatus(sha: string, context: string, state: 'error' | 'failure' | 'pending' | 'success'): void
  /** A comment the action did not write (default author 'octocat'). */
  addComment(issueNumber: number, body: string, options?: { user?: string; at?: Date }): IssueCommentJson

  /** The issue's comments, as the API lists them (ascending id). */
  comments(issueNumber: number): IssueCommentJson[]
  /** Deployments, newest first, as the API lists them; optionally one environment's. */
  deployments(filter?: { environment?: string }): DeploymentJson[]
  /** A deployment's statuses, newest first, as the API lists them. */
  statuses(deploymentId: number): DeploymentStatusJson[]

  /** The GITHUB_* variables of a pull_request step pointed at this fake (see action-env.ts). */
  actionEnv(options: ActionEnvFor): Record<string, string>
}

export async function startGitHubFake(options: GitHubFakeOptions): Promise<GitHubFake> {
  const clock = options.now ?? (() => new Date())
  const store = new Store(
    {
      owner: options.owner,
      repo: options.repo,
      id: options.repoId ?? 1296269,
      defaultBranch: options.defaultBranch ?? 'main',
      private: options.private ?? true
    },
    clock
  )
  const tokens = new Tokens()
  for (const [token, permissions] of Object.entries(options.tokens ?? { [DEFAULT_TOKEN]: WRITE_ALL })) {
    tokens.add(token, permissions)
  }
  const rateLimit = options.rateLimit ?? 1000
  const faults = new Faults(rateLimit)
  const calls: GitHubCall[] = []
  const lifetime = new AbortController()
  const serverUrl = options.serverUrl ?? 'https://github.com'
  const deps = {
    store,
    tokens,
    faults,
    rateLimits: new RateLimits(rateLimit),
    calls,
    serverUrl,
    signal: lifetime.signal,
    log: options.log ?? false
  }
  const { server, url } = await listen((req, res) => {
    handleRequest(req, res, deps).catch(err => {
      console.error('[github-fake] request failed:', err)
      if (!res.headersSent && !res.destroyed) res.writeHead(500).end()
      else res.destroy()
    })
  }, options.port ?? 0)

  // What the accessors return: the API's own JSON, as a dotcom-style request to the fake would get it.
  const urls: Urls = { api: url, html: serverUrl }
  const pullOut = (n: number): PullRequestJson => {
    const pr = store.pulls.get(n)
    if (!pr) throw new TypeError(`no pull request #${n}`)
    return fullPullJson(store, pr, urls) as unknown as PullRequestJson
  }
  const commentOut = (id: number): IssueCommentJson => {
    const c = store.comments.get(id)
    if (!c) throw new TypeError(`no comment ${id}`)
    return commentJson(c, store.identity, store.pulls.has(c.issueNumber), urls) as IssueCommentJson
  }

  let stopping: Promise<void> | undefined
  return {
    url,
    ghesUrl: `${url}/api/v3`,
    serverUrl,
    owner: options.owner,
    repo: options.repo,
    repoId: store.identity.id,
    defaultBranch: store.identity.defaultBranch,
    calls,
    resetCalls: () => {
      calls.length = 0
    },
    faults,
    stop: () => {
      // Wakes latency faults so nothing outlives the server.
      stopping ??= (lifetime.abort(), close(server))
      return stopping
    },
    addToken: (token, permissions, login) =>
      tokens.add(token, permissions, login ? userFor(login) : undefined),
    removeToken: token => tokens.remove(token),
    addPullRequest: spec => pullOut(seed.addPullRequest(store, spec).number),
    setPullState: (n, state, opts) => pullOut(seed.setPullState(store, n, state, opts).number),
    pushToPullRequest: (n, sha) => pullOut(seed.pushToPull(store, n, sha).number),
    pull: n => (store.pulls.has(n) ? pullOut(n) : undefined),
    addIssue: (n, title) => seed.addIssue(store, n, title),
    addBranch: (name, opts) => seed.addBranch(store, name, opts),
    setCommitStatus: (sha, context, state) => seed.setCommitStatus(store, sha, context, state),
    addComment: (n, body, opts = {}) =>
      commentOut(seed.addComment(store, n, body, userFor(opts.user ?? 'octocat'), opts.at)),
    comments: n =>
      [...store.comments.values()]
        .filter(c => c.issueNumber === n)
        .sort((a, b) => a.id - b.id)
        .map(c => commentOut(c.id)),
    deployments: (filter = {}) =>
      [...store.deployments.values()]
        .filter(d => filter.environment === undefined || d.environment === filter.environment)
        .sort((a, b) => b.id - a.id)
        .map(d => deploymentJson(d, store.identity, urls) as DeploymentJson),
    statuses: deploymentId =>
      [...(store.statuses.get(deploymentId) ?? [])]
        .reverse()
        .map(s => statusJson(s, store.identity, urls) as DeploymentStatusJson),
    actionEnv: ({ pr, eventPath, event, ghes }) =>
      actionEnv({
        apiUrl: ghes ? `${url}/api/v3` : url,
        serverUrl,
        owner: options.owner,
        repo: options.repo,
        repoId: store.identity.id,
        pr,
        eventPath,
        event
      })
  }
}
