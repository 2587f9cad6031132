/**
 * The pull_request payload file and the runner variables, and a child process that uses @actions/github as
 * the bundled action will: GITHUB_API_URL, GITHUB_REPOSITORY and GITHUB_EVENT_PATH, no baseUrl.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN, eventPayloadFile } from '../../github-fake/index.js'
import { OWNER, REPO, useGitHubFake } from './helpers.js'

const SCRIPT = fileURLToPath(new URL('./fixtures/comment-on-pr.mjs', import.meta.url))

function runScript(
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Only what a runner step would have: no proxy variables, no jest environment.
    const child = spawn(process.execPath, [SCRIPT], { env: { PATH: process.env.PATH ?? '', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

describe('pull_request event payloads', () => {
  const t = useGitHubFake()
  const dir = mkdtempSync(join(tmpdir(), 'github-fake-events-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the payload GitHub sends: action, number, pull_request, repository, sender', () => {
    const pr = t.newPull({ user: 'alice', title: 'Add cats' })
    const path = eventPayloadFile(dir, 'pull_request', pr, 'opened')
    const payload = JSON.parse(readFileSync(path, 'utf8'))
    expect(payload).toMatchObject({
      action: 'opened',
      number: pr.number,
      pull_request: {
        number: pr.number,
        state: 'open',
        title: 'Add cats',
        html_url: `https://github.com/${OWNER}/${REPO}/pull/${pr.number}`,
        merged: false,
        head: { ref: pr.head.ref, sha: pr.head.sha, repo: { full_name: `${OWNER}/${REPO}`, fork: false } },
        base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } } }
      },
      repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } },
      sender: { login: 'alice' }
    })
  })

  it('marks a fork, closes with merged, carries before/after on synchronize, and refuses a state that does not fit', () => {
    const pr = t.newPull({ fork: 'mallory' })
    const forked = JSON.parse(readFileSync(eventPayloadFile(dir, 'pull_request', pr, 'opened'), 'utf8'))
    expect(forked.pull_request.head.repo).toMatchObject({ full_name: `mallory/${REPO}`, fork: true })
    expect(forked.repository.full_name).toBe(`${OWNER}/${REPO}`)

    const pushed = t.fake.pushToPullRequest(pr.number)
    const sync = JSON.parse(
      readFileSync(
        eventPayloadFile(dir, 'pull_request', pushed, 'synchronize', { before: pr.head.sha }),
        'utf8'
      )
    )
    expect(sync).toMatchObject({ before: pr.head.sha, after: pushed.head.sha })

    expect(() => eventPayloadFile(dir, 'pull_request', pushed, 'closed')).toThrow(/needs a closed/)
    const closed = t.fake.setPullState(pr.number, 'closed', { merged: true })
    const payload = JSON.parse(readFileSync(eventPayloadFile(dir, 'pull_request', closed, 'closed'), 'utf8'))
    expect(payload.pull_request).toMatchObject({ state: 'closed', merged: true })
    expect(() => eventPayloadFile(dir, 'pull_request', closed, 'reopened')).toThrow(/needs a open/)
  })

  it('actionEnv: the merge ref and merge commit for pull_request, the base branch for pull_request_target', () => {
    const pr = t.newPull()
    const env = t.fake.actionEnv({ pr, eventPath: '/tmp/event.json' })
    expect(env).toMatchObject({
      GITHUB_API_URL: t.fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: '/tmp/event.json',
      GITHUB_REF: `refs/pull/${pr.number}/merge`,
      GITHUB_SHA: pr.merge_commit_sha,
      GITHUB_HEAD_REF: pr.head.ref,
      GITHUB_BASE_REF: 'main'
    })
    const target = t.fake.actionEnv({
      pr,
      eventPath: '/tmp/e.json',
      event: 'pull_request_target',
      ghes: true
    })
    expect(target).toMatchObject({
      GITHUB_API_URL: `${t.fake.url}/api/v3`,
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: pr.base.sha
    })
  })

  it('a child using @actions/github with only the runner variables talks to the fake', async () => {
    const pr = t.newPull({ fork: true })
    const eventPath = eventPayloadFile(dir, 'pull_request', pr, 'opened')
    const run = await runScript({
      ...t.fake.actionEnv({ pr, eventPath }),
      'INPUT_GITHUB-TOKEN': DEFAULT_TOKEN
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const seen = JSON.parse(run.stdout)
    expect(seen).toEqual({
      eventName: 'pull_request',
      action: 'opened',
      repo: { owner: OWNER, repo: REPO },
      number: pr.number,
      ref: `refs/pull/${pr.number}/merge`,
      sha: pr.merge_commit_sha,
      apiUrl: t.fake.url,
      fork: true,
      headSha: pr.head.sha,
      commentUrl: expect.stringMatching(
        new RegExp(`^${t.fake.url}/repos/${OWNER}/${REPO}/issues/comments/\\d+$`)
      ),
      listed: 1
    })
    expect(t.fake.comments(pr.number).map(c => c.body)).toEqual([
      `<!-- marker -->\nPreview for ${pr.head.ref}`
    ])
  })

  it('with a GHES-style GITHUB_API_URL (…/api/v3) every call and link keeps the prefix', async () => {
    const pr = t.newPull()
    t.fake.addComment(pr.number, 'an earlier comment')
    const eventPath = eventPayloadFile(dir, 'pull_request', pr, 'opened')
    const run = await runScript({
      ...t.fake.actionEnv({ pr, eventPath, ghes: true }),
      'INPUT_GITHUB-TOKEN': DEFAULT_TOKEN
    })
    expect(run.code).toBe(0)
    const seen = JSON.parse(run.stdout)
    expect(seen.commentUrl).toMatch(new RegExp(`^${t.fake.url}/api/v3/repos/`))
    // Two comments at per_page 1: the second page came through the Link header's /api/v3/repositories/{id} URL.
    expect(seen.listed).toBe(2)
    expect(t.fake.calls.map(c => c.path)).toEqual([
      `/api/v3/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`,
      `/api/v3/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`,
      `/api/v3/repositories/${t.fake.repoId}/issues/${pr.number}/comments`
    ])
  })
})
