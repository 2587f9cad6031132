import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { getOctokit } from '@actions/github'
import {
  DEFAULT_TOKEN,
  startGitHubFake,
  type GitHubFake,
  type GitHubFakeOptions,
  type PullRequestJson,
  type PullRequestSpec
} from '../../github-fake/index.js'

export type Octokit = ReturnType<typeof getOctokit>

/**
 * The real client the action will use (@actions/github's getOctokit, REST methods and paginate), pointed at
 * the fake through `baseUrl`. GITHUB_API_URL would do the same, but @actions/github reads it once, when it is
 * first imported, so in-process tests pass baseUrl; github-api-url.test.ts covers the variable in a child.
 */
export function octokitFor(
  fake: GitHubFake,
  token: string = DEFAULT_TOKEN,
  baseUrl: string = fake.url
): Octokit {
  // @actions/github picks its fetch's proxy from the *default* base URL at import. With GITHUB_API_URL unset
  // and a proxy variable set, that is a proxy for api.github.com, which would carry loopback calls too; Node's
  // own fetch (undici as well) goes direct.
  const proxied = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some(name => process.env[name])
  return getOctokit(token, { baseUrl, ...(proxied && { request: { fetch: globalThis.fetch } }) })
}

export interface HttpError {
  status: number
  message: string
  data: Record<string, unknown>
  headers: Record<string, string>
}

/** Runs `fn` expecting Octokit's RequestError and returns what the response said. */
export async function httpError(fn: () => Promise<unknown>): Promise<HttpError> {
  try {
    await fn()
  } catch (err) {
    const e = err as {
      status: number
      message: string
      response?: { data: unknown; headers: Record<string, string> }
    }
    return {
      status: e.status,
      message: e.message,
      data: (e.response?.data ?? {}) as Record<string, unknown>,
      headers: e.response?.headers ?? {}
    }
  }
  throw new Error('expected the call to fail')
}

export interface FakeFixture {
  readonly fake: GitHubFake
  readonly octokit: Octokit
  /** A new open PR with the next free number (tests in a file share one fake), head branch feature-<n>. */
  newPull(spec?: Partial<PullRequestSpec>): PullRequestJson
}

export const OWNER = 'octo'
export const REPO = 'pets-api'

/** Starts a fake for a test file (octo/pets-api unless told otherwise); clears faults and calls before each test. */
export function useGitHubFake(options: Partial<GitHubFakeOptions> = {}): FakeFixture {
  let fake: GitHubFake | undefined
  let octokit: Octokit | undefined
  let numbers = 0
  beforeAll(async () => {
    fake = await startGitHubFake({ owner: OWNER, repo: REPO, ...options })
    octokit = octokitFor(fake, Object.keys(options.tokens ?? { [DEFAULT_TOKEN]: {} })[0])
  })
  afterAll(async () => fake?.stop())
  beforeEach(() => {
    fake?.faults.clear()
    fake?.resetCalls()
  })
  const fixture: FakeFixture = {
    newPull(spec = {}) {
      const number = spec.number ?? ++numbers
      return fixture.fake.addPullRequest({ head: { ref: `feature-${number}` }, ...spec, number })
    },
    get fake() {
      if (!fake) throw new Error('the fake starts in beforeAll')
      return fake
    },
    get octokit() {
      if (!octokit) throw new Error('the client is made in beforeAll')
      return octokit
    }
  }
  return fixture
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Polls `condition` every 10 ms until it holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(10)
  }
}
