/**
 * Concurrent runs against one fake: each request is handled on its own and changes the state atomically,
 * and the fake never merges what clients do, so races come out as they would on GitHub.
 */
import { describe, expect, it } from '@jest/globals'
import { octokitFor, OWNER, REPO, useGitHubFake, type Octokit } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }
const MARKER = '<!-- apigateway-deploy-action:preview -->'

async function markerComments(octokit: Octokit, issue: number) {
  const all = await octokit.paginate(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100
  })
  return all.filter(c => c.body?.includes(MARKER))
}

/** Find the marker comment, update it, or create it: what a naive action does. */
async function naiveUpsert(octokit: Octokit, issue: number, body: string): Promise<void> {
  const [mine] = await markerComments(octokit, issue)
  if (mine) await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body })
  else await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body })
}

/**
 * The same, then converge: re-list, keep the oldest marker comment (lowest id, the same for every run) with
 * this run's body, delete the rest; a 404 on delete means the other run already removed it.
 */
async function convergingUpsert(octokit: Octokit, issue: number, body: string): Promise<void> {
  await naiveUpsert(octokit, issue, body)
  const [keep, ...extra] = (await markerComments(octokit, issue)).sort((a, b) => a.id - b.id)
  for (const c of extra) {
    await octokit.rest.issues
      .deleteComment({ ...repo, comment_id: c.id })
      .catch((err: { status?: number }) => {
        if (err.status !== 404) throw err
      })
  }
  if (keep.body !== body) await octokit.rest.issues.updateComment({ ...repo, comment_id: keep.id, body })
}

describe('races between concurrent runs', () => {
  const t = useGitHubFake()

  it('two naive runs that both list before either creates end with two marker comments (no dedupe)', async () => {
    const pr = t.newPull()
    // Neither list is answered until both have arrived, so both see no comment yet.
    t.fake.faults.barrier('issues.listComments', 2)
    const a = octokitFor(t.fake)
    const b = octokitFor(t.fake)
    await Promise.all([
      naiveUpsert(a, pr.number, `${MARKER} run A`),
      naiveUpsert(b, pr.number, `${MARKER} run B`)
    ])
    expect(
      t.fake
        .comments(pr.number)
        .map(c => c.body)
        .sort()
    ).toEqual([`${MARKER} run A`, `${MARKER} run B`])
  })

  it('runs that handle the race converge on one comment', async () => {
    const pr = t.newPull()
    t.fake.faults.barrier('issues.listComments', 2)
    await Promise.all([
      convergingUpsert(octokitFor(t.fake), pr.number, `${MARKER} run A`),
      convergingUpsert(octokitFor(t.fake), pr.number, `${MARKER} run B`)
    ])
    const left = t.fake.comments(pr.number)
    expect(left).toHaveLength(1)
    expect([`${MARKER} run A`, `${MARKER} run B`]).toContain(left[0].body)
    // Both runs created, and one of the deletes (or both runs' attempts at the same one) happened.
    expect(t.fake.calls.filter(c => c.route === 'issues.createComment')).toHaveLength(2)
  })

  it('a sequential second run finds the marker and updates in place', async () => {
    const pr = t.newPull()
    await naiveUpsert(t.octokit, pr.number, `${MARKER} first`)
    await naiveUpsert(t.octokit, pr.number, `${MARKER} second`)
    expect(t.fake.comments(pr.number).map(c => c.body)).toEqual([`${MARKER} second`])
  })

  it('many concurrent creates each get their own comment and id; concurrent updates: last write wins', async () => {
    const pr = t.newPull()
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.octokit.rest.issues.createComment({ ...repo, issue_number: pr.number, body: `c${i}` })
      )
    )
    expect(new Set(created.map(r => r.data.id)).size).toBe(40)
    expect(t.fake.comments(pr.number)).toHaveLength(40)

    const target = created[0].data.id
    const bodies = Array.from({ length: 20 }, (_, i) => `u${i}`)
    await Promise.all(
      bodies.map(body => t.octokit.rest.issues.updateComment({ ...repo, comment_id: target, body }))
    )
    const final = t.fake.comments(pr.number).find(c => c.id === target)?.body
    // The fake applied them one at a time, in arrival order: the last call recorded is the body that stayed.
    const updates = t.fake.calls.filter(c => c.route === 'issues.updateComment')
    expect(final).toBe((updates[updates.length - 1].body as { body: string }).body)
  })

  it('auto_inactive only looks back: if the newer deployment succeeds first, both stay active', async () => {
    const env = 'pr-race'
    const create = async () =>
      (
        (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: env })).data as {
          id: number
        }
      ).id
    const older = await create()
    const newer = await create()
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: newer, state: 'success' })
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: older, state: 'success' })
    const active = t.fake
      .deployments({ environment: env })
      .filter(d => t.fake.statuses(d.id)[0]?.state === 'success')
    expect(active.map(d => d.id).sort()).toEqual([older, newer].sort())
  })
})
