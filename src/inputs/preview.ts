/**
 * Pull-request previews: the stage is named from the pull request (`stage-name-template`), the PR gets a
 * comment and a GitHub deployment, and `delete-stage` / `prune-previews` remove what closed PRs leave. The
 * pull request comes from the event payload the runner writes (GITHUB_EVENT_PATH), read by main.ts.
 */
import type { Readers } from './readers.js'

export interface PullRequestRef {
  number: number
  /** The head commit the preview deploys (GitHub deployments are made for it). */
  headSha?: string
  headRef?: string
  /** A fork's PR gets no secrets or OIDC token on `pull_request`. */
  fork: boolean
}

export interface PreviewInputs {
  /** preview: true. */
  enabled: boolean
  template: string
  /** GitHub environment of the deployment, e.g. "preview/pr-7". */
  environment?: string
  /** The `environment` input, for previews of other pull requests (prune-previews). */
  environmentTemplate: string
  token?: string
  pullRequest?: PullRequestRef
  /** At the stage quota, delete preview stages whose PR is closed (oldest first) instead of failing. */
  pruneClosed: boolean
  /** Stages per REST API the account has (AWS's default quota: 10). */
  stageQuota: number
}

/** The `pull_request` / `pull_request_target` payload's fields the action reads. */
export interface EventPayload {
  number?: number
  pull_request?: {
    number?: number
    head?: { sha?: string; ref?: string; repo?: { full_name?: string; fork?: boolean } | null }
    base?: { repo?: { full_name?: string } }
  }
}

const DEFAULT_TEMPLATE = 'pr-{number}'
const DEFAULT_ENVIRONMENT = 'preview/pr-{number}'
// Literal parts of a template must already be valid in a stage name; placeholders are filled and sanitised.
const TEMPLATE = /^([A-Za-z0-9_-]|\{number\}|\{branch\})+$/
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html: 10 stages per API by default.
const DEFAULT_STAGE_QUOTA = 10

export function readPreview(read: Readers, event: EventPayload | undefined): PreviewInputs {
  const { problems } = read
  const enabled = read.boolean('preview', false)
  const template = read.get('stage-name-template') || DEFAULT_TEMPLATE
  if (!TEMPLATE.test(template) || !template.includes('{number}'))
    problems.bad(
      'stage-name-template',
      template,
      'must contain {number} (and may contain {branch}), with letters, digits, - and _ around it, like "pr-{number}".'
    )
  const explicit = read.get('pull-request')
  let pullRequest = fromEvent(event)
  if (explicit) {
    if (!/^[1-9]\d{0,9}$/.test(explicit))
      problems.bad('pull-request', explicit, 'must be a pull request number.')
    else
      pullRequest = {
        ...(pullRequest?.number === Number(explicit) ? pullRequest : { fork: false }),
        number: Number(explicit)
      }
  }
  const environmentTemplate = read.get('environment') || DEFAULT_ENVIRONMENT
  return {
    enabled,
    template,
    environment: pullRequest ? previewEnvironment(environmentTemplate, pullRequest) : undefined,
    environmentTemplate,
    token: read.text('github-token'),
    pullRequest,
    pruneClosed: read.boolean('prune-closed-previews', false),
    stageQuota: read.number('stage-quota', DEFAULT_STAGE_QUOTA, 1, 1000, true)
  }
}

function fromEvent(event: EventPayload | undefined): PullRequestRef | undefined {
  const pr = event?.pull_request
  const number = pr?.number ?? event?.number
  if (!pr || !number) return undefined
  const head = pr.head
  const fork =
    head?.repo?.fork === true || (!!head?.repo?.full_name && head.repo.full_name !== pr.base?.repo?.full_name)
  return { number, headSha: head?.sha, headRef: head?.ref, fork }
}

/** The GitHub environment of a pull request's preview: the template filled in. */
export function previewEnvironment(template: string, pr: Pick<PullRequestRef, 'number' | 'headRef'>): string {
  return template.replace(/\{number\}/g, String(pr.number)).replace(/\{branch\}/g, pr.headRef ?? 'head')
}

/**
 * The preview stage's name: the template filled, then made a valid stage name (letters, digits, - and _,
 * at most 128; https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html).
 */
export function previewStageName(template: string, pr: PullRequestRef): string {
  const branch = (pr.headRef ?? 'head').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'head'
  return template
    .replace(/\{number\}/g, String(pr.number))
    .replace(/\{branch\}/g, branch)
    .slice(0, 128)
}

/** Which stages are previews by the template, and the PR each is for: the pattern prune-previews uses. */
export function previewPattern(template: string): RegExp {
  const parts = template
    .split(/(\{number\}|\{branch\})/)
    .map(part =>
      part === '{number}' ? '(\\d+)' : part === '{branch}' ? '[A-Za-z0-9_-]+?' : part.replace(/[-]/g, '\\-')
    )
  return new RegExp(`^${parts.join('')}$`)
}

/** The PR number of a preview stage's name, or undefined when the stage is not a preview. */
export function previewNumber(template: string, stageName: string): number | undefined {
  const match = previewPattern(template).exec(stageName)
  return match ? Number(match[1]) : undefined
}
