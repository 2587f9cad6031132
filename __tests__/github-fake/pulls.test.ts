// Pull requests through the real Octokit: https://docs.github.com/en/rest/pulls/pulls
import { describe, expect, it } from '@jest/globals'
import { httpError, OWNER, REPO, useGitHubFake } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }

describe('pull requests', () => {
  const t = useGitHubFake()

  it('gets one with the fields GitHub returns: state, head and base with repos, html_url, merged', async () => {
    const added = t.fake.addPullRequest({
      number: 7,
      title: 'Add cats',
      user: 'alice',
      head: { ref: 'cats', sha: 'c'.repeat(40) },
      created_at: '2024-05-01T10:00:00Z'
    })
    const { data: pr } = await t.octokit.rest.pulls.get({ ...repo, pull_number: 7 })
    expect(pr).toEqual(added)
    expect(pr).toMatchObject({
      number: 7,
      state: 'open',
      title: 'Add cats',
      user: { login: 'alice', type: 'User' },
      html_url: `https://github.com/${OWNER}/${REPO}/pull/7`,
      merged: false,
      merged_at: null,
      closed_at: null,
      draft: false,
      created_at: '2024-05-01T10:00:00Z',
      head: { ref: 'cats', sha: 'c'.repeat(40), label: `${OWNER}:cats` },
      base: { ref: 'main', label: `${OWNER}:main` }
    })
    expect(pr.head.repo?.full_name).toBe(`${OWNER}/${REPO}`)
    expect(pr.head.repo?.fork).toBe(false)
    expect(pr.base.repo.owner.login).toBe(OWNER)
    expect(pr.base.repo.default_branch).toBe('main')
    expect(pr.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/)
  })

  it('a fork PR names the fork as its head repo', async () => {
    const pr = t.newPull({ user: 'mallory', fork: true })
    const { data } = await t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })
    expect(data.head.repo?.full_name).toBe(`mallory/${REPO}`)
    expect(data.head.repo?.fork).toBe(true)
    expect(data.head.label).toBe(`mallory:${pr.head.ref}`)
    expect(data.base.repo.full_name).toBe(`${OWNER}/${REPO}`)
  })

  it('setPullState closes (optionally merging) and reopens, moving closed_at and merged_at', async () => {
    const pr = t.newPull()
    const closed = t.fake.setPullState(pr.number, 'closed')
    expect(closed).toMatchObject({ state: 'closed', merged: false, merged_at: null })
    expect(closed.closed_at).toMatch(/Z$/)
    const reopened = t.fake.setPullState(pr.number, 'open')
    expect(reopened).toMatchObject({ state: 'open', closed_at: null })
    const merged = t.fake.setPullState(pr.number, 'closed', { merged: true })
    expect(merged.merged).toBe(true)
    expect(merged.merged_at).toBe(merged.closed_at)
    expect(() => t.fake.setPullState(pr.number, 'open')).toThrow(/merged/)
    expect((await t.octokit.rest.pulls.get({ ...repo, pull_number: pr.number })).data.state).toBe('closed')
  })

  it('pushToPullRequest moves the head SHA and the merge commit', () => {
    const pr = t.newPull()
    const pushed = t.fake.pushToPullRequest(pr.number)
    expect(pushed.head.sha).not.toBe(pr.head.sha)
    expect(pushed.merge_commit_sha).not.toBe(pr.merge_commit_sha)
  })

  it('404s an unknown number', async () => {
    const err = await httpError(() => t.octokit.rest.pulls.get({ ...repo, pull_number: 4040 }))
    expect(err.status).toBe(404)
    expect(err.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
      status: '404'
    })
  })
})

describe('listing pull requests (its own fake, for exact lists)', () => {
  const t = useGitHubFake()

  it('filters by state (default open), sorts newest first, and paginates for a prune sweep', async () => {
    for (let n = 1; n <= 12; n++) {
      t.fake.addPullRequest({
        number: n,
        head: { ref: `f${n}` },
        state: n % 3 === 0 ? 'closed' : 'open',
        created_at: `2024-01-${String(n).padStart(2, '0')}T00:00:00Z`
      })
    }
    const open = await t.octokit.rest.pulls.list({ ...repo })
    expect(open.data.map(p => p.number)).toEqual([11, 10, 8, 7, 5, 4, 2, 1])
    const closed = await t.octokit.rest.pulls.list({ ...repo, state: 'closed' })
    expect(closed.data.map(p => p.number)).toEqual([12, 9, 6, 3])
    const all = await t.octokit.rest.pulls.list({ ...repo, state: 'all', direction: 'asc' })
    expect(all.data.map(p => p.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    // The list form has no `merged` (GET one does).
    expect(all.data[0]).not.toHaveProperty('merged')

    const page = await t.octokit.rest.pulls.list({ ...repo, state: 'all', per_page: 5 })
    const base = `${t.fake.url}/repositories/${t.fake.repoId}/pulls`
    expect(page.headers.link).toBe(
      `<${base}?state=all&per_page=5&page=2>; rel="next", <${base}?state=all&per_page=5&page=3>; rel="last"`
    )
    t.fake.resetCalls()
    const swept = await t.octokit.paginate(t.octokit.rest.pulls.list, { ...repo, state: 'all', per_page: 5 })
    expect(swept.map(p => p.number)).toEqual(Array.from({ length: 12 }, (_, i) => 12 - i))
    expect(t.fake.calls.map(c => c.query.page)).toEqual([undefined, '2', '3'])

    // Closing one moves it between the lists.
    t.fake.setPullState(11, 'closed')
    expect((await t.octokit.rest.pulls.list({ ...repo })).data.map(p => p.number)).not.toContain(11)
  })

  it('filters by head (user:ref) and base, sorts by updated', async () => {
    const byHead = await t.octokit.rest.pulls.list({ ...repo, state: 'all', head: `${OWNER}:f4` })
    expect(byHead.data.map(p => p.number)).toEqual([4])
    const bare = await t.octokit.rest.pulls.list({ ...repo, state: 'all', head: 'f5' })
    expect(bare.data.map(p => p.number)).toEqual([5])
    expect((await t.octokit.rest.pulls.list({ ...repo, state: 'all', base: 'develop' })).data).toEqual([])
    t.fake.pushToPullRequest(1)
    const updated = await t.octokit.rest.pulls.list({ ...repo, sort: 'updated', direction: 'desc' })
    expect(updated.data[0].number).toBe(1)
  })

  it('refuses an unknown state with 422', async () => {
    const err = await httpError(() => t.octokit.rest.pulls.list({ ...repo, state: 'merged' as never }))
    expect(err.status).toBe(422)
    expect(err.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ field: 'state', code: 'invalid' }]
    })
  })
})
