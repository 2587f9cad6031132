/**
 * The GitHub side of a preview: its pull request comment, its GitHub deployment and statuses, and the
 * state of pull requests. The one module that talks to GitHub, through @actions/github's Octokit (loaded
 * only for previews). @actions/github retries nothing, so 5xx, 429 and rate-limit answers are retried here
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api: wait for
 * retry-after, or until x-ratelimit-reset).
 */
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { sleep } from '../sleep.js'

type Octokit = ReturnType<typeof import('@actions/github').getOctokit>

export interface GitHubTarget {
  token: string
  /** owner/repo (GITHUB_REPOSITORY). */
  repository: string
  signal?: AbortSignal
}

interface RequestFailure {
  status?: number
  response?: { headers?: Record<string, string | undefined> }
}

const ATTEMPTS = 4
const MAX_WAIT_MS = 20_000

export class GitHub {
  private constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
    private readonly signal?: AbortSignal
  ) {}

  static async open(target: GitHubTarget): Promise<GitHub> {
    const { getOctokit } = await import('@actions/github')
    const [owner, repo] = target.repository.split('/')
    return new GitHub(getOctokit(target.token), owner, repo, target.signal)
  }

  /** One REST call, retried on 5xx, 429 and rate limits. */
  private async send<T>(what: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call()
      } catch (error) {
        const wait = retryAfterMs(error as RequestFailure, attempt)
        if (wait === undefined || attempt >= ATTEMPTS || this.signal?.aborted) throw error
        core.info(`GitHub ${what}: ${errorMessage(error)}; retrying in ${(wait / 1000).toFixed(1)} s.`)
        await sleep(wait, this.signal)
      }
    }
  }

  /** The comments of an issue or pull request that carry `marker`, oldest first. */
  private async marked(issue: number, marker: string): Promise<{ id: number; html_url: string }[]> {
    const comments = await this.send('list comments', () =>
      this.octokit.paginate(this.octokit.rest.issues.listComments, {
        owner: this.owner,
        repo: this.repo,
        issue_number: issue,
        per_page: 100
      })
    )
    return comments.filter(c => c.body?.includes(marker)).sort((a, b) => a.id - b.id)
  }

  /**
   * Creates the pull request's comment once and updates it in place after, found by its hidden marker. Two
   * runs that race may both create one: each then keeps the oldest, deletes the others and writes its body
   * to the one kept, so the PR ends with one comment whoever wins.
   */
  async upsertComment(issue: number, marker: string, body: string): Promise<string> {
    const params = { owner: this.owner, repo: this.repo }
    const existing = await this.marked(issue, marker)
    let mine: { id: number; html_url: string }
    if (existing.length === 0)
      mine = (
        await this.send('create comment', () =>
          this.octokit.rest.issues.createComment({ ...params, issue_number: issue, body })
        )
      ).data
    else {
      mine = existing[0]
      await this.send('update comment', () =>
        this.octokit.rest.issues.updateComment({ ...params, comment_id: existing[0].id, body })
      )
    }
    const after = await this.marked(issue, marker)
    for (const extra of after.slice(1)) {
      try {
        await this.send('delete duplicate comment', () =>
          this.octokit.rest.issues.deleteComment({ ...params, comment_id: extra.id })
        )
      } catch (error) {
        // The other run deleted it first.
        if ((error as RequestFailure).status !== 404) throw error
      }
    }
    const kept = after[0] ?? mine
    if (kept.id !== mine.id)
      await this.send('update comment', () =>
        this.octokit.rest.issues.updateComment({ ...params, comment_id: kept.id, body })
      )
    return kept.html_url
  }

  /** A GitHub deployment of `ref` for a transient, non-production environment (a preview). */
  async createDeployment(args: { ref: string; environment: string; description: string }): Promise<number> {
    const answer = await this.send('create deployment', () =>
      this.octokit.rest.repos.createDeployment({
        owner: this.owner,
        repo: this.repo,
        ref: args.ref,
        environment: args.environment,
        description: args.description,
        // Not merged with the default branch, not held back by the PR's other checks: a preview deploys
        // the commit the workflow built.
        auto_merge: false,
        required_contexts: [],
        transient_environment: true,
        production_environment: false
      })
    )
    const id = (answer.data as { id?: number }).id
    if (id === undefined)
      throw new Error(`GitHub did not create the deployment: ${JSON.stringify(answer.data)}`)
    return id
  }

  async setStatus(
    deploymentId: number,
    state: 'in_progress' | 'success' | 'failure' | 'inactive',
    extra: { environmentUrl?: string; logUrl?: string; description?: string } = {}
  ): Promise<void> {
    await this.send(`deployment status ${state}`, () =>
      this.octokit.rest.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: deploymentId,
        state,
        ...(extra.environmentUrl ? { environment_url: extra.environmentUrl } : {}),
        ...(extra.logUrl ? { log_url: extra.logUrl } : {}),
        ...(extra.description ? { description: extra.description.slice(0, 140) } : {})
      })
    )
  }

  /** Marks every deployment of the environment inactive (the PR then shows no live preview); how many. */
  async deactivate(environment: string): Promise<number> {
    const deployments = await this.send('list deployments', () =>
      this.octokit.paginate(this.octokit.rest.repos.listDeployments, {
        owner: this.owner,
        repo: this.repo,
        environment,
        per_page: 100
      })
    )
    for (const deployment of deployments)
      await this.setStatus(deployment.id, 'inactive', { description: 'The preview stage was deleted.' })
    return deployments.length
  }

  /** Whether the pull request is open or closed. */
  async pullState(number: number): Promise<'open' | 'closed'> {
    const pr = await this.send(`read pull request #${number}`, () =>
      this.octokit.rest.pulls.get({ owner: this.owner, repo: this.repo, pull_number: number })
    )
    return pr.data.state === 'closed' ? 'closed' : 'open'
  }
}

/** How long to wait before trying again, or undefined when the error will not pass by waiting. */
function retryAfterMs(error: RequestFailure, attempt: number): number | undefined {
  const status = error.status ?? 0
  const headers = error.response?.headers ?? {}
  const limited =
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined))
  if (!limited && !(status >= 500 && status <= 504)) return undefined
  const retryAfter = Number(headers['retry-after'])
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000 + 100, MAX_WAIT_MS)
  const reset = Number(headers['x-ratelimit-reset'])
  if (limited && Number.isFinite(reset))
    return Math.min(Math.max(0, reset * 1000 - Date.now()) + 100, MAX_WAIT_MS)
  return Math.min(500 * 2 ** (attempt - 1), MAX_WAIT_MS)
}
