/**
 * Writes a `pull_request` (or `pull_request_target`) event payload as the runner hands it to a step in the
 * file named by GITHUB_EVENT_PATH, which @actions/github's `context.payload` reads.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PullRequestJson } from './types.js'

export type PullRequestEvent = 'pull_request' | 'pull_request_target'

/** The activity types of the pull_request event that a preview-stage workflow reacts to. */
export type PullRequestAction =
  | 'opened'
  | 'synchronize'
  | 'reopened'
  | 'closed'
  | 'edited'
  | 'labeled'
  | 'unlabeled'
  | 'ready_for_review'
  | 'converted_to_draft'

export interface PayloadOptions {
  /** For `synchronize`: the head SHA before the push (GitHub sends `before` and `after`). */
  before?: string
  /** The file name inside `dir`; default `<event>-<number>-<action>.json`. */
  fileName?: string
}

/**
 * Builds the payload: `action`, `number`, `pull_request` (the PR as GET /pulls/{n} returns it, so with head
 * and base repos, html_url and merged), `repository` (the base repository) and `sender`. `pr` is what
 * addPullRequest / setPullState / pull() return; its state must fit the action (closed for `closed`, open
 * for opened, reopened and synchronize), as GitHub's would.
 */
export function pullRequestPayload(
  pr: PullRequestJson,
  action: PullRequestAction,
  options: PayloadOptions = {}
): Record<string, unknown> {
  const wanted =
    action === 'closed'
      ? 'closed'
      : ['opened', 'reopened', 'synchronize'].includes(action)
        ? 'open'
        : undefined
  if (wanted && pr.state !== wanted) {
    throw new TypeError(`a '${action}' event needs a ${wanted} pull request; #${pr.number} is ${pr.state}`)
  }
  return {
    action,
    number: pr.number,
    ...(action === 'synchronize' && { before: options.before ?? '0'.repeat(40), after: pr.head.sha }),
    pull_request: pr,
    repository: pr.base.repo,
    sender: pr.user
  }
}

/** Writes the payload to `dir` and returns its path, for GITHUB_EVENT_PATH. */
export function eventPayloadFile(
  dir: string,
  event: PullRequestEvent,
  pr: PullRequestJson,
  action: PullRequestAction,
  options: PayloadOptions = {}
): string {
  const path = join(dir, options.fileName ?? `${event}-${pr.number}-${action}.json`)
  writeFileSync(path, `${JSON.stringify(pullRequestPayload(pr, action, options), null, 2)}\n`)
  return path
}
