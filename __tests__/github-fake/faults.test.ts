// Injected faults: failures, rate limits, latency and lost answers, per route.
import { describe, expect, it } from '@jest/globals'
import { startGitHubFake } from '../../github-fake/index.js'
import { httpError, octokitFor, OWNER, REPO, sleep, until, useGitHubFake } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }

describe('faults', () => {
  const t = useGitHubFake()

  it('fail: the next N calls of the route get the status and GitHub’s error body; nothing changes', async () => {
    const pr = t.newPull()
    t.fake.faults.fail('issues.createComment', 502, { count: 2 })
    for (let i = 0; i < 2; i++) {
      const err = await httpError(() =>
        t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' })
      )
      expect(err.status).toBe(502)
      expect(err.data).toEqual({
        message: 'Server Error',
        documentation_url: 'https://docs.github.com/rest',
        status: '502'
      })
    }
    expect(t.fake.comments(pr.number)).toEqual([])
    // Other routes were not affected, and the third call goes through.
    await t.octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })
    await t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' })
    expect(t.fake.comments(pr.number)).toHaveLength(1)
    expect(t.fake.calls.map(c => [c.route, c.status, c.faults])).toEqual([
      ['issues.createComment', 502, ['fail']],
      ['issues.createComment', 502, ['fail']],
      ['issues.listComments', 200, undefined],
      ['issues.createComment', 201, undefined]
    ])
  })

  it('fail with skip lets the first calls through; a message can be given; "*" matches any route', async () => {
    const pr = t.newPull()
    t.fake.faults.fail('repos.createDeploymentStatus', 500, { skip: 1, message: 'Something went wrong' })
    const d = (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'skip' }))
      .data as {
      id: number
    }
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: 'in_progress' })
    const err = await httpError(() =>
      t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: 'success' })
    )
    expect(err.status).toBe(500)
    expect(err.data.message).toBe('Something went wrong')
    expect(t.fake.statuses(d.id).map(s => s.state)).toEqual(['in_progress'])

    t.fake.faults.fail('*', 503)
    expect(
      (await httpError(() => t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number }))).status
    ).toBe(503)
    expect((await t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).status).toBe(200)
  })

  it('barrier: the next N calls wait until all N have arrived, then all proceed', async () => {
    const pr = t.newPull()
    t.fake.faults.barrier('pulls.get', 2)
    let first = false
    const a = t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number }).then(() => (first = true))
    await sleep(100)
    expect(first).toBe(false) // still waiting for its partner
    expect(t.fake.calls).toEqual([])
    await Promise.all([a, t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })])
    expect(t.fake.calls.map(c => c.faults)).toEqual([['barrier'], ['barrier']])
    // A third call is not held.
    await t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })
    expect(() => t.fake.faults.barrier('pulls.get', 1)).toThrow(/2 parties/)
  })

  it('rejects faults on unknown routes and bad statuses', () => {
    expect(() => t.fake.faults.fail('issues.createCommnet' as never, 500)).toThrow(/unknown route/)
    expect(() => t.fake.faults.fail('*', 200)).toThrow(/4xx or 5xx/)
    expect(() => t.fake.faults.latency('*', -1)).toThrow()
  })

  it('rateLimit primary: 403 (or 429) with x-ratelimit-remaining 0, x-ratelimit-reset, optional retry-after', async () => {
    t.fake.faults.rateLimit('pulls.list')
    const primary = await httpError(() => t.octokit.rest.pulls.list({ ...repo }))
    expect(primary.status).toBe(403)
    expect(primary.data.message).toBe('API rate limit exceeded for installation ID 1.')
    expect(primary.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(primary.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000 + 3000)
    expect(primary.headers['retry-after']).toBeUndefined()

    t.fake.faults.rateLimit('pulls.list', { status: 429, retryAfterSeconds: 2, resetInSeconds: 2 })
    const with429 = await httpError(() => t.octokit.rest.pulls.list({ ...repo }))
    expect(with429.status).toBe(429)
    expect(with429.headers['retry-after']).toBe('2')
    expect(with429.headers['x-ratelimit-remaining']).toBe('0')
  })

  it('rateLimit secondary: 403 with retry-after and the secondary-limit message', async () => {
    t.fake.faults.rateLimit('issues.createComment', { kind: 'secondary', retryAfterSeconds: 30 })
    const pr = t.newPull()
    const err = await httpError(() =>
      t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x' })
    )
    expect(err.status).toBe(403)
    expect(err.headers['retry-after']).toBe('30')
    expect(err.data.message).toMatch(/secondary rate limit/)
    expect(t.fake.calls[0].faults).toEqual(['rate-limit'])
  })

  it('latency delays the answer; with after, the change is visible while the client waits', async () => {
    const pr = t.newPull()
    t.fake.faults.latency('pulls.get', 150, { count: 1 })
    const started = Date.now()
    await t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)

    t.fake.faults.latency('issues.createComment', 1000, { count: 1, after: true })
    let answered = false
    const pending = t.octokit.rest.issues
      .createComment({ ...repo, issue_number: pr.number, body: 'slow' })
      .finally(() => (answered = true))
    // The call is recorded once applied, before its delayed answer.
    await until(() => t.fake.calls.some(c => c.route === 'issues.createComment'))
    expect(t.fake.comments(pr.number).map(c => c.body)).toEqual(['slow'])
    expect(answered).toBe(false)
    expect((await pending).status).toBe(201)
  })

  it('dropResponse applies the call, then resets the connection: the client errors, the comment exists', async () => {
    const pr = t.newPull()
    t.fake.faults.dropResponse('issues.createComment')
    const err = await httpError(() =>
      t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'lost' })
    )
    // Octokit turns a network error into a RequestError with status 500.
    expect(err.status).toBe(500)
    expect(t.fake.comments(pr.number).map(c => c.body)).toEqual(['lost'])
    expect(t.fake.calls[0]).toMatchObject({ status: 201, faults: ['drop-response'] })
  })

  it('stop() cuts a long latency short instead of waiting for it', async () => {
    const fake = await startGitHubFake({ owner: OWNER, repo: REPO })
    fake.faults.latency('*', 60_000)
    const pending = httpError(() => octokitFor(fake).rest.pulls.list({ ...repo }))
    await sleep(50)
    const started = Date.now()
    await fake.stop()
    expect(Date.now() - started).toBeLessThan(2000)
    await pending
  })
})
