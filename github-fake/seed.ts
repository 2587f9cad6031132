/**
 * In-process changes a test makes to the repository, standing for what happens on GitHub outside the API the
 * action uses: pull requests opened and closed, branches pushed, comments written by people, CI statuses.
 */
import { userFor } from './shapes.js'
import { fakeSha, timestamp, type MergeState, type PullRecord, type Store, type UserRecord } from './store.js'

export interface PullRequestSpec {
  number: number
  state?: 'open' | 'closed'
  /** The head branch. `sha` defaults to one derived from the ref; `merge` says how it stands against the
   * default branch for Create a deployment's auto_merge (default 'current'). */
  head: { ref: string; sha?: string; merge?: MergeState }
  /** The base branch; default the repository's default branch at its current SHA. */
  base?: { ref?: string; sha?: string }
  title?: string
  body?: string | null
  /** The author's login; default 'octocat'. */
  user?: string
  draft?: boolean
  /** From a fork: true (the author's fork) or the fork owner's login. Its head branch is not in this
   * repository, so only its SHA and refs/pull/N/head name its commits here. */
  fork?: boolean | string
  created_at?: string
  updated_at?: string
  /** For a closed PR; default: when it was added. */
  closed_at?: string | null
  /** For a closed PR: merged (merged_at = closed_at) or not. Default false. */
  merged?: boolean
}

export function addPullRequest(store: Store, spec: PullRequestSpec): PullRecord {
  if (!Number.isInteger(spec.number) || spec.number < 1) throw new TypeError(`bad PR number ${spec.number}`)
  if (store.issueExists(spec.number)) throw new TypeError(`#${spec.number} already exists`)
  const now = store.now()
  const user = userFor(spec.user ?? 'octocat')
  const state = spec.state ?? 'open'
  const forkOwner = typeof spec.fork === 'string' ? spec.fork : spec.fork ? user.login : undefined
  const baseRef = spec.base?.ref ?? store.identity.defaultBranch
  const baseSha = spec.base?.sha ?? store.branches.get(baseRef)?.sha ?? fakeSha(`branch:${baseRef}`)
  const headSha = spec.head.sha ?? fakeSha(`head:${spec.number}:${spec.head.ref}`)
  if (!store.branches.has(baseRef)) store.branches.set(baseRef, { sha: baseSha, merge: 'current' })
  // A same-repository PR's head branch is a branch of this repository; a fork's is not.
  if (!forkOwner) store.branches.set(spec.head.ref, { sha: headSha, merge: spec.head.merge ?? 'current' })
  const closedAt = state === 'closed' ? (spec.closed_at ?? now) : null
  const pr: PullRecord = {
    id: store.id('pull'),
    number: spec.number,
    state,
    title: spec.title ?? `Pull request #${spec.number}`,
    body: spec.body ?? null,
    user,
    draft: spec.draft ?? false,
    head: {
      ref: spec.head.ref,
      sha: headSha,
      owner: forkOwner ?? store.identity.owner,
      fork: forkOwner !== undefined
    },
    base: { ref: baseRef, sha: baseSha },
    mergeCommitSha: fakeSha(`merge:${spec.number}:${headSha}`),
    createdAt: spec.created_at ?? now,
    updatedAt: spec.updated_at ?? spec.closed_at ?? spec.created_at ?? now,
    closedAt,
    mergedAt: state === 'closed' && spec.merged ? closedAt : null
  }
  store.pulls.set(pr.number, pr)
  return pr
}

function pullOf(store: Store, n: number): PullRecord {
  const pr = store.pulls.get(n)
  if (!pr) throw new TypeError(`no pull request #${n}`)
  return pr
}

/** Closes (optionally merging) or reopens a PR; closed_at, merged_at and updated_at move as on GitHub. */
export function setPullState(
  store: Store,
  n: number,
  state: 'open' | 'closed',
  options: { merged?: boolean } = {}
): PullRecord {
  const pr = pullOf(store, n)
  if (pr.mergedAt !== null && state === 'open') throw new TypeError(`#${n} is merged and cannot be reopened`)
  const now = store.now()
  pr.state = state
  pr.updatedAt = now
  pr.closedAt = state === 'closed' ? now : null
  pr.mergedAt = state === 'closed' && options.merged ? now : null
  return pr
}

/** A push to a PR's head branch: a new head SHA (and merge commit), as a `synchronize` event reports. */
export function pushToPull(store: Store, n: number, sha?: string): PullRecord {
  const pr = pullOf(store, n)
  pr.head.sha = sha ?? fakeSha(`push:${n}:${pr.head.sha}`)
  pr.mergeCommitSha = fakeSha(`merge:${n}:${pr.head.sha}`)
  pr.updatedAt = store.now()
  if (!pr.head.fork) {
    const branch = store.branches.get(pr.head.ref)
    if (branch) branch.sha = pr.head.sha
  }
  return pr
}

export function addBranch(
  store: Store,
  name: string,
  options: { sha?: string; merge?: MergeState } = {}
): string {
  const sha = options.sha ?? fakeSha(`branch:${name}`)
  store.branches.set(name, { sha, merge: options.merge ?? 'current' })
  return sha
}

export function addIssue(store: Store, n: number, title?: string, login = 'octocat'): void {
  if (store.issueExists(n)) throw new TypeError(`#${n} already exists`)
  store.issues.set(n, { title: title ?? `Issue #${n}`, user: userFor(login) })
}

/** A comment written outside the action (by a person, or a bot), e.g. one quoting the action's marker. */
export function addComment(
  store: Store,
  issueNumber: number,
  body: string,
  user: UserRecord,
  at?: Date
): number {
  if (!store.issueExists(issueNumber)) throw new TypeError(`no issue or pull request #${issueNumber}`)
  const when = at ? timestamp(at) : store.now()
  const id = store.id('comment')
  store.comments.set(id, { id, issueNumber, body, user, createdAt: when, updatedAt: when })
  return id
}

/** A commit status (CI) on a SHA, which Create a deployment's required_contexts checks. */
export function setCommitStatus(
  store: Store,
  sha: string,
  context: string,
  state: 'error' | 'failure' | 'pending' | 'success'
): void {
  let contexts = store.commitStatuses.get(sha)
  if (!contexts) store.commitStatuses.set(sha, (contexts = new Map()))
  contexts.set(context, state)
}
