// Issue comments through the real Octokit: https://docs.github.com/en/rest/issues/comments
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_TOKEN } from '../../github-fake/index.js'
import { httpError, OWNER, REPO, useGitHubFake } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }
const MARKER = '<!-- apigateway-deploy-action:preview -->'

describe('issue comments', () => {
  const t = useGitHubFake()

  it('creates a comment on a pull request with the fields GitHub returns, and a Location header', async () => {
    const pr = t.newPull()
    const res = await t.octokit.rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: `${MARKER}\nhi`
    })
    expect(res.status).toBe(201)
    const c = res.data
    expect(c.id).toBeGreaterThan(1_000_000)
    expect(c.node_id).toMatch(/^IC_/)
    expect(c.body).toBe(`${MARKER}\nhi`)
    expect(c.user?.login).toBe('github-actions[bot]')
    expect(c.user?.type).toBe('Bot')
    expect(c.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(c.updated_at).toBe(c.created_at)
    // A PR's comment links to its /pull/ page; API URLs point at the fake.
    expect(c.html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/${pr.number}#issuecomment-${c.id}`)
    expect(c.url).toBe(`${t.fake.url}/repos/${OWNER}/${REPO}/issues/comments/${c.id}`)
    expect(c.issue_url).toBe(`${t.fake.url}/repos/${OWNER}/${REPO}/issues/${pr.number}`)
    expect(res.headers.location).toBe(c.url)
    expect(t.fake.comments(pr.number)).toEqual([c])
  })

  it('lists in ascending id order, gets one, updates it in place, and deletes it', async () => {
    const pr = t.newPull()
    const first = t.fake.addComment(pr.number, 'a human wrote this', { user: 'alice' })
    const mine = (
      await t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `${MARKER} v1` })
    ).data
    const listed = await t.octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })
    expect(listed.data.map(c => c.id)).toEqual([first.id, mine.id])
    expect(listed.headers.link).toBeUndefined()

    const found = listed.data.find(c => c.body?.includes(MARKER))
    expect(found?.id).toBe(mine.id)
    const updated = await t.octokit.rest.issues.updateComment({
      ...repo,
      comment_id: mine.id,
      body: `${MARKER} v2`
    })
    expect(updated.status).toBe(200)
    expect(updated.data.id).toBe(mine.id)
    expect(updated.data.body).toBe(`${MARKER} v2`)
    expect(updated.data.created_at).toBe(mine.created_at)
    expect((await t.octokit.rest.issues.getComment({ ...repo, comment_id: mine.id })).data.body).toBe(
      `${MARKER} v2`
    )

    const deleted = await t.octokit.rest.issues.deleteComment({ ...repo, comment_id: mine.id })
    expect(deleted.status).toBe(204)
    expect(t.fake.comments(pr.number).map(c => c.id)).toEqual([first.id])
    const gone = await httpError(() => t.octokit.rest.issues.getComment({ ...repo, comment_id: mine.id }))
    expect(gone.status).toBe(404)
  })

  it('updated_at moves on update (with the fake clock)', async () => {
    const pr = t.newPull()
    const c = t.fake.addComment(pr.number, 'x', { at: new Date('2024-01-01T00:00:00Z') })
    expect(c.created_at).toBe('2024-01-01T00:00:00Z')
    const updated = await t.octokit.rest.issues.updateComment({ ...repo, comment_id: c.id, body: 'y' })
    expect(updated.data.created_at).toBe('2024-01-01T00:00:00Z')
    expect(updated.data.updated_at).not.toBe('2024-01-01T00:00:00Z')
  })

  it('paginates as GitHub does: per_page, page and a Link header with prev, next, last, first', async () => {
    const pr = t.newPull()
    for (let i = 1; i <= 7; i++) t.fake.addComment(pr.number, `c${i}`)
    const base = `${t.fake.url}/repositories/${t.fake.repoId}/issues/${pr.number}/comments`

    const p1 = await t.octokit.rest.issues.listComments({ ...repo, issue_number: pr.number, per_page: 3 })
    expect(p1.data.map(c => c.body)).toEqual(['c1', 'c2', 'c3'])
    expect(p1.headers.link).toBe(
      `<${base}?per_page=3&page=2>; rel="next", <${base}?per_page=3&page=3>; rel="last"`
    )

    const p2 = await t.octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      per_page: 3,
      page: 2
    })
    expect(p2.data.map(c => c.body)).toEqual(['c4', 'c5', 'c6'])
    expect(p2.headers.link).toBe(
      `<${base}?per_page=3&page=1>; rel="prev", <${base}?per_page=3&page=3>; rel="next", ` +
        `<${base}?per_page=3&page=3>; rel="last", <${base}?per_page=3&page=1>; rel="first"`
    )

    const p3 = await t.octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      per_page: 3,
      page: 3
    })
    expect(p3.data.map(c => c.body)).toEqual(['c7'])
    expect(p3.headers.link).toBe(
      `<${base}?per_page=3&page=2>; rel="prev", <${base}?per_page=3&page=1>; rel="first"`
    )

    // Past the end: an empty page, still linked back.
    const p9 = await t.octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      per_page: 3,
      page: 9
    })
    expect(p9.data).toEqual([])
  })

  it('defaults to 30 a page and caps per_page at 100; octokit.paginate follows the links to the end', async () => {
    const pr = t.newPull()
    for (let i = 1; i <= 250; i++) t.fake.addComment(pr.number, `c${i}`)
    const first = await t.octokit.rest.issues.listComments({ ...repo, issue_number: pr.number })
    expect(first.data).toHaveLength(30)
    const capped = await t.octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      per_page: 500
    })
    expect(capped.data).toHaveLength(100)

    t.fake.resetCalls()
    const all = await t.octokit.paginate(t.octokit.rest.issues.listComments, {
      ...repo,
      issue_number: pr.number,
      per_page: 100
    })
    expect(all.map(c => c.body)).toEqual(Array.from({ length: 250 }, (_, i) => `c${i + 1}`))
    // Three pages; the second and third through the /repositories/{id} URLs of the Link header.
    expect(t.fake.calls.map(c => [c.route, c.path, c.query.page])).toEqual([
      ['issues.listComments', `/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`, undefined],
      ['issues.listComments', `/repositories/${t.fake.repoId}/issues/${pr.number}/comments`, '2'],
      ['issues.listComments', `/repositories/${t.fake.repoId}/issues/${pr.number}/comments`, '3']
    ])
  })

  it('filters by since (updated at or after)', async () => {
    const pr = t.newPull()
    t.fake.addComment(pr.number, 'old', { at: new Date('2024-01-01T00:00:00Z') })
    t.fake.addComment(pr.number, 'new', { at: new Date('2024-06-01T00:00:00Z') })
    const res = await t.octokit.rest.issues.listComments({
      ...repo,
      issue_number: pr.number,
      since: '2024-03-01T00:00:00Z'
    })
    expect(res.data.map(c => c.body)).toEqual(['new'])
  })

  it('comments on a plain issue link to /issues/', async () => {
    t.fake.addIssue(900)
    const c = (await t.octokit.rest.issues.createComment({ ...repo, issue_number: 900, body: 'on an issue' }))
      .data
    expect(c.html_url).toBe(`https://github.com/${OWNER}/${REPO}/issues/900#issuecomment-${c.id}`)
  })

  it('404s an issue or comment that does not exist, in GitHub shape', async () => {
    const err = await httpError(() => t.octokit.rest.issues.listComments({ ...repo, issue_number: 12345 }))
    expect(err.status).toBe(404)
    expect(err.data).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
      status: '404'
    })
    const update = await httpError(() =>
      t.octokit.rest.issues.updateComment({ ...repo, comment_id: 1, body: 'x' })
    )
    expect(update.status).toBe(404)
    expect(update.data.documentation_url).toBe(
      'https://docs.github.com/rest/issues/comments#update-an-issue-comment'
    )
  })

  it('refuses a missing, non-string, blank or over-long body with 422', async () => {
    const pr = t.newPull()
    const request = (body: unknown) =>
      httpError(() =>
        t.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo,
          issue_number: pr.number,
          ...(body !== undefined && { body })
        } as never)
      )
    const missing = await request(undefined)
    expect(missing.status).toBe(422)
    expect(missing.data.message).toBe('Invalid request.\n\n"body" wasn\'t supplied.')
    expect(missing.data.errors).toBeUndefined()
    expect((await request(42)).data.message).toBe(
      "Invalid request.\n\nFor 'properties/body', 42 is not a string."
    )
    const blank = await request('  ')
    expect(blank.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body cannot be blank' }
      ]
    })
    const long = await request('x'.repeat(65537))
    expect(long.status).toBe(422)
    expect(long.data.errors).toEqual([
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: 'Body is too long (maximum is 65536 characters)'
      }
    ])
    expect(t.fake.comments(pr.number)).toEqual([])
    // Exactly at the limit is fine.
    await t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'x'.repeat(65536) })
  })

  it('answers a body that is not JSON with 400 Problems parsing JSON', async () => {
    const pr = t.newPull()
    const res = await fetch(`${t.fake.url}/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`, {
      method: 'POST',
      headers: { authorization: `token ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
      body: '{"body": '
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      message: 'Problems parsing JSON',
      documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      status: '400'
    })
  })

  it('records each call with its route, body, status and token', async () => {
    const pr = t.newPull()
    await t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: 'logged' })
    expect(t.fake.calls).toEqual([
      expect.objectContaining({
        route: 'issues.createComment',
        method: 'POST',
        path: `/repos/${OWNER}/${REPO}/issues/${pr.number}/comments`,
        body: { body: 'logged' },
        status: 201,
        token: DEFAULT_TOKEN
      })
    ])
  })
})
