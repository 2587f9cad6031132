/**
 * The fake's in-memory repository. Handlers read and change it synchronously, so each request's change is
 * atomic (Node runs one handler at a time) while concurrent requests still interleave between each other's
 * reads and writes, as they do on GitHub. Nothing here merges or dedupes what clients send.
 */
import { createHash } from 'node:crypto'

export interface UserRecord {
  login: string
  id: number
  type: 'User' | 'Bot'
}

/** The user a GITHUB_TOKEN acts as. https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication */
export const ACTIONS_BOT: UserRecord = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export interface CommentRecord {
  id: number
  issueNumber: number
  body: string
  user: UserRecord
  createdAt: string
  updatedAt: string
}

export interface PullRecord {
  id: number
  number: number
  state: 'open' | 'closed'
  title: string
  body: string | null
  user: UserRecord
  draft: boolean
  head: { ref: string; sha: string; owner: string; fork: boolean }
  base: { ref: string; sha: string }
  mergeCommitSha: string
  createdAt: string
  updatedAt: string
  closedAt: string | null
  mergedAt: string | null
}

export interface DeploymentRecord {
  id: number
  sha: string
  ref: string
  task: string
  payload: unknown
  environment: string
  originalEnvironment: string
  description: string | null
  creator: UserRecord
  transient: boolean
  production: boolean
  createdAt: string
  updatedAt: string
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export const DEPLOYMENT_STATES: readonly DeploymentState[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success'
]

export interface StatusRecord {
  id: number
  deploymentId: number
  state: DeploymentState
  description: string
  environment: string
  environmentUrl: string
  logUrl: string
  creator: UserRecord
  createdAt: string
  updatedAt: string
}

/**
 * How a branch relates to the default branch, for Create a deployment's `auto_merge`:
 * 'current' contains it, 'behind' can be merged cleanly, 'conflict' cannot.
 */
export type MergeState = 'current' | 'behind' | 'conflict'

export interface BranchRecord {
  sha: string
  merge: MergeState
}

export interface RepoIdentity {
  owner: string
  repo: string
  /** The numeric id GitHub also serves the repository under, as /repositories/{id}/... (its Link headers use it). */
  id: number
  defaultBranch: string
  private: boolean
}

/** A deterministic 40-hex SHA for `seed`: fakes have no commits, only names for them. */
export const fakeSha = (seed: string): string => createHash('sha1').update(seed).digest('hex')

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
export const timestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

export class Store {
  readonly branches = new Map<string, BranchRecord>()
  readonly pulls = new Map<number, PullRecord>()
  /** Plain issues (not pull requests); they share one number sequence with pull requests, as on GitHub. */
  readonly issues = new Map<number, { title: string; user: UserRecord }>()
  readonly comments = new Map<number, CommentRecord>()
  readonly deployments = new Map<number, DeploymentRecord>()
  /** Per deployment, oldest first. */
  readonly statuses = new Map<number, StatusRecord[]>()
  /** Commit statuses by SHA, context -> state (https://docs.github.com/en/rest/commits/statuses). */
  readonly commitStatuses = new Map<string, Map<string, string>>()
  // Separate id ranges per kind, so a test passing a comment id where a deployment id belongs gets a 404.
  private nextId = { comment: 1_000_001, deployment: 2_000_001, status: 3_000_001, pull: 4_000_001 }

  constructor(
    readonly identity: RepoIdentity,
    private readonly clock: () => Date
  ) {
    this.branches.set(identity.defaultBranch, {
      sha: fakeSha(`branch:${identity.defaultBranch}`),
      merge: 'current'
    })
  }

  now(): string {
    return timestamp(this.clock())
  }

  id(kind: keyof Store['nextId']): number {
    return this.nextId[kind]++
  }

  /** "Every pull request is an issue, but not every issue is a pull request." */
  issueExists(issueNumber: number): boolean {
    return this.pulls.has(issueNumber) || this.issues.has(issueNumber)
  }

  /** Latest status of a deployment, if it has any. */
  latestStatus(deploymentId: number): StatusRecord | undefined {
    const list = this.statuses.get(deploymentId)
    return list?.[list.length - 1]
  }

  /**
   * What a ref names, as Create a deployment resolves `ref` ("a branch, tag, or SHA"): a branch (also as
   * refs/heads/x), a pull request's refs/pull/N/head or refs/pull/N/merge, or a SHA the fake knows.
   */
  resolveRef(ref: string): { sha: string; branch?: string } | undefined {
    const branchName = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref
    const branch = this.branches.get(branchName)
    if (branch) return { sha: branch.sha, branch: branchName }
    const pullRef = /^refs\/pull\/(\d+)\/(head|merge)$/.exec(ref)
    if (pullRef) {
      const pull = this.pulls.get(Number(pullRef[1]))
      if (pull) return { sha: pullRef[2] === 'head' ? pull.head.sha : pull.mergeCommitSha }
    }
    if (/^[0-9a-f]{40}$/.test(ref) && this.knownShas().has(ref)) return { sha: ref }
    return undefined
  }

  private knownShas(): Set<string> {
    const shas = new Set<string>()
    for (const branch of this.branches.values()) shas.add(branch.sha)
    for (const pull of this.pulls.values())
      shas.add(pull.head.sha).add(pull.base.sha).add(pull.mergeCommitSha)
    return shas
  }
}
