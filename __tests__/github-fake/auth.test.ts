// Tokens and permissions: https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api
import { describe, expect, it } from '@jest/globals'
import { READ_ALL, WRITE_ALL } from '../../github-fake/index.js'
import { httpError, octokitFor, OWNER, REPO, useGitHubFake } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }

describe('authentication and permissions', () => {
  const t = useGitHubFake({
    tokens: {
      ghs_writer: WRITE_ALL,
      ghs_fork: READ_ALL,
      // The action's minimum for comments and deployments, without pull-requests: write.
      ghs_no_pr_write: { 'pull-requests': 'read', deployments: 'write' },
      ghs_issues_write: { issues: 'write' },
      ghs_nothing: {}
    }
  })

  it('accepts `token X` (what Octokit sends) and `Bearer X`, in any case', async () => {
    const pr = t.newPull()
    expect(
      (await octokitFor(t.fake, 'ghs_writer').rest.pulls.get({ ...repo, pull_number: pr.number })).status
    ).toBe(200)
    for (const scheme of ['Bearer', 'bearer', 'TOKEN']) {
      const res = await fetch(`${t.fake.url}/repos/${OWNER}/${REPO}/pulls/${pr.number}`, {
        headers: { authorization: `${scheme} ghs_writer` }
      })
      expect(res.status).toBe(200)
    }
  })

  it('an unknown token is 401 Bad credentials; no token at all is 401 Requires authentication', async () => {
    const pr = t.newPull()
    const bad = await httpError(() =>
      octokitFor(t.fake, 'ghs_unknown').rest.pulls.get({ ...repo, pull_number: pr.number })
    )
    expect(bad.status).toBe(401)
    expect(bad.data).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401'
    })

    const anonymous = await fetch(`${t.fake.url}/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'x' })
    })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '401'
    })
    const malformed = await fetch(`${t.fake.url}/repos/${OWNER}/${REPO}/pulls`, {
      headers: { authorization: 'Basic abc' }
    })
    expect(malformed.status).toBe(401)
    expect(t.fake.comments(pr.number)).toEqual([])
  })

  it('a token without pull-requests: write (or issues: write) gets 403 on comment writes, as a GITHUB_TOKEN does', async () => {
    const pr = t.newPull()
    const octokit = octokitFor(t.fake, 'ghs_no_pr_write')
    // Reading is fine with pull-requests: read.
    expect((await octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })).data).toEqual([])
    const err = await httpError(() =>
      octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' })
    )
    expect(err.status).toBe(403)
    expect(err.data).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '403'
    })
    expect(err.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write')
    expect(err.message).toBe(
      'Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment'
    )
    const c = t.fake.addComment(pr.number, 'someone else')
    expect(
      (await httpError(() => octokit.rest.issues.updateComment({ ...repo, comment_id: c.id, body: 'y' })))
        .status
    ).toBe(403)
    expect(
      (await httpError(() => octokit.rest.issues.deleteComment({ ...repo, comment_id: c.id }))).status
    ).toBe(403)
    // Its deployments: write still works.
    expect((await octokit.rest.repos.createDeployment({ ...repo, ref: 'main' })).status).toBe(201)
  })

  it('issues: write alone also allows PR comments (the docs accept either permission)', async () => {
    const pr = t.newPull()
    const res = await octokitFor(t.fake, 'ghs_issues_write').rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: 'via issues: write'
    })
    expect(res.status).toBe(201)
  })

  it('a fork PR’s read-only token reads but cannot comment or deploy', async () => {
    const pr = t.newPull({ fork: true })
    const octokit = octokitFor(t.fake, 'ghs_fork')
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).status).toBe(200)
    expect((await octokit.rest.repos.listDeployments({ ...repo })).status).toBe(200)
    const comment = await httpError(() =>
      octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' })
    )
    expect(comment.status).toBe(403)
    const deployment = await httpError(() =>
      octokit.rest.repos.createDeployment({ ...repo, ref: pr.head.sha })
    )
    expect(deployment.status).toBe(403)
    expect(deployment.headers['x-accepted-github-permissions']).toBe('deployments=write')
  })

  it('a token with no permissions cannot even read', async () => {
    const err = await httpError(() => octokitFor(t.fake, 'ghs_nothing').rest.pulls.list({ ...repo }))
    expect(err.status).toBe(403)
    expect(err.headers['x-accepted-github-permissions']).toBe('pull_requests=read')
  })

  it('tokens can be added (acting as a given user) and removed while running', async () => {
    const pr = t.newPull()
    t.fake.addToken('ghp_alice', WRITE_ALL, 'alice')
    const c = await octokitFor(t.fake, 'ghp_alice').rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: 'hi'
    })
    expect(c.data.user?.login).toBe('alice')
    expect(c.data.user?.type).toBe('User')
    t.fake.removeToken('ghp_alice')
    expect((await httpError(() => octokitFor(t.fake, 'ghp_alice').rest.pulls.list({ ...repo }))).status).toBe(
      401
    )
  })

  it('another repository, or an unknown route, is 404 Not Found', async () => {
    const octokit = octokitFor(t.fake, 'ghs_writer')
    const other = await httpError(() => octokit.rest.pulls.list({ owner: OWNER, repo: 'other' }))
    expect(other.status).toBe(404)
    expect(other.data.message).toBe('Not Found')
    // Owner and name match case-insensitively, as on GitHub.
    expect((await octokit.rest.pulls.list({ owner: OWNER.toUpperCase(), repo: REPO })).status).toBe(200)
    const route = await httpError(() => octokit.request('GET /repos/{owner}/{repo}/releases', { ...repo }))
    expect(route.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404'
    })
  })

  it('every answer carries x-ratelimit-* headers for the token', async () => {
    const res = await octokitFor(t.fake, 'ghs_writer').rest.pulls.list({ ...repo })
    expect(res.headers['x-ratelimit-limit']).toBe('1000')
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(1000)
    expect(res.headers['x-ratelimit-resource']).toBe('core')
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })
})

describe('the hourly quota (a fake with rateLimit 3)', () => {
  const t = useGitHubFake({ rateLimit: 3 })

  it('answers the fourth request with 403 API rate limit exceeded and x-ratelimit-remaining 0', async () => {
    for (let i = 0; i < 3; i++) await t.octokit.rest.pulls.list({ ...repo })
    const err = await httpError(() => t.octokit.rest.pulls.list({ ...repo }))
    expect(err.status).toBe(403)
    expect(err.data.message).toBe('API rate limit exceeded for installation ID 1.')
    expect(err.headers['x-ratelimit-remaining']).toBe('0')
    expect(err.headers['x-ratelimit-limit']).toBe('3')
  })
})
