/**
 * The GITHUB_* variables a runner sets for a step of a pull_request run, pointed at the fake, so a spawned
 * action sees the same context @actions/github builds on a runner.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/store-information-in-variables#default-environment-variables
 * https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request
 */
import type { PullRequestEvent } from './event-payload.js'
import type { PullRequestJson } from './types.js'

export interface ActionEnvOptions {
  /** The fake's API root: its `url`, or `ghesUrl` to test a GHES-style GITHUB_API_URL. */
  apiUrl: string
  serverUrl: string
  owner: string
  repo: string
  repoId: number
  pr: PullRequestJson
  /** The payload file (eventPayloadFile). */
  eventPath: string
  event?: PullRequestEvent
}

/**
 * For `pull_request`, GITHUB_REF is the PR's merge ref (refs/pull/N/merge) and GITHUB_SHA "Last merge commit
 * on the GITHUB_REF branch"; for `pull_request_target` they are the base branch and its last commit.
 * GITHUB_HEAD_REF and GITHUB_BASE_REF are set on both. The token is not here: it is an input
 * (`${{ github.token }}`), so the test passes it as INPUT_<NAME> or whatever the action reads.
 */
export function actionEnv(options: ActionEnvOptions): Record<string, string> {
  const { pr } = options
  const event = options.event ?? 'pull_request'
  const target = event === 'pull_request_target'
  return {
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_REPOSITORY: `${options.owner}/${options.repo}`,
    GITHUB_REPOSITORY_OWNER: options.owner,
    GITHUB_REPOSITORY_ID: String(options.repoId),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_REF: target ? `refs/heads/${pr.base.ref}` : `refs/pull/${pr.number}/merge`,
    GITHUB_REF_NAME: target ? pr.base.ref : `${pr.number}/merge`,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: target ? pr.base.sha : pr.merge_commit_sha,
    GITHUB_HEAD_REF: pr.head.ref,
    GITHUB_BASE_REF: pr.base.ref,
    GITHUB_ACTOR: pr.user.login,
    GITHUB_TRIGGERING_ACTOR: pr.user.login
  }
}
