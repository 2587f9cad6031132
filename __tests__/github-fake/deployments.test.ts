// Deployments through the real Octokit: https://docs.github.com/en/rest/deployments/deployments
import { describe, expect, it } from '@jest/globals'
import { httpError, OWNER, REPO, useGitHubFake } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }

describe('deployments', () => {
  const t = useGitHubFake()

  it('creates a deployment with GitHub defaults: task deploy, production, not transient, payload {}', async () => {
    const res = await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main' })
    expect(res.status).toBe(201)
    const d = res.data as Record<string, unknown>
    expect(d).toMatchObject({
      ref: 'main',
      task: 'deploy',
      environment: 'production',
      original_environment: 'production',
      production_environment: true,
      transient_environment: false,
      payload: {},
      description: ''
    })
    expect(d.sha).toMatch(/^[0-9a-f]{40}$/)
    expect((d.creator as { login: string }).login).toBe('github-actions[bot]')
    expect(d.statuses_url).toBe(`${t.fake.url}/repos/${OWNER}/${REPO}/deployments/${String(d.id)}/statuses`)
    expect(res.headers.location).toBe(d.url)
  })

  it('stores what the action sends: environment, description, payload, transient and production flags', async () => {
    const pr = t.newPull()
    const res = await t.octokit.rest.repos.createDeployment({
      ...repo,
      ref: pr.head.ref,
      environment: `pr-${pr.number}`,
      description: 'Preview stage pr-1',
      auto_merge: false,
      required_contexts: [],
      transient_environment: true,
      payload: { stage: `pr${pr.number}`, restApiId: 'abc123' }
    })
    const d = res.data as Record<string, unknown>
    expect(d).toMatchObject({
      ref: pr.head.ref,
      sha: pr.head.sha,
      environment: `pr-${pr.number}`,
      description: 'Preview stage pr-1',
      transient_environment: true,
      // "Default: true when environment is production and false otherwise."
      production_environment: false,
      payload: { stage: `pr${pr.number}`, restApiId: 'abc123' }
    })
    expect(t.fake.calls[0].body).toMatchObject({ auto_merge: false, required_contexts: [] })
  })

  it('resolves a branch, refs/heads/x, a known SHA and refs/pull/N/head or /merge; else 422 No ref found', async () => {
    const pr = t.newPull()
    const sha = t.fake.addBranch('release', { sha: 'a'.repeat(40) })
    for (const [ref, expected] of [
      ['release', sha],
      ['refs/heads/release', sha],
      [pr.head.sha, pr.head.sha],
      [`refs/pull/${pr.number}/head`, pr.head.sha],
      [`refs/pull/${pr.number}/merge`, pr.merge_commit_sha]
    ]) {
      const d = await t.octokit.rest.repos.createDeployment({ ...repo, ref, required_contexts: [] })
      expect((d.data as { sha: string }).sha).toBe(expected)
    }
    const err = await httpError(() =>
      t.octokit.rest.repos.createDeployment({ ...repo, ref: 'no-such-branch' })
    )
    expect(err.status).toBe(422)
    expect(err.data).toEqual({
      message: 'No ref found for: no-such-branch',
      documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
      status: '422'
    })
    const unknownSha = await httpError(() =>
      t.octokit.rest.repos.createDeployment({ ...repo, ref: 'f'.repeat(40) })
    )
    expect(unknownSha.status).toBe(422)
  })

  it("a fork's head branch is not in the repository: only its SHA or refs/pull/N/head deploys it", async () => {
    const pr = t.newPull({ fork: 'mallory', head: { ref: 'patch-1' } })
    expect(pr.head.repo.fork).toBe(true)
    expect(pr.head.repo.full_name).toBe(`mallory/${REPO}`)
    expect(
      (await httpError(() => t.octokit.rest.repos.createDeployment({ ...repo, ref: 'patch-1' }))).status
    ).toBe(422)
    const d = await t.octokit.rest.repos.createDeployment({ ...repo, ref: pr.head.sha })
    expect(d.status).toBe(201)
  })

  it('auto_merge (default true) merges a branch behind the default branch instead: 202, then deploys', async () => {
    const pr = t.newPull({ head: { ref: 'behind-main', merge: 'behind' } })
    const merged = await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'behind-main' })
    expect(merged.status).toBe(202)
    expect(merged.data).toEqual({ message: 'Auto-merged main into behind-main on deployment.' })
    expect(t.fake.deployments().some(d => d.ref === 'behind-main')).toBe(false)
    // The branch (and the PR's head) moved to the merge commit; asking again deploys it.
    const moved = t.fake.pull(pr.number)?.head.sha
    expect(moved).not.toBe(pr.head.sha)
    const again = await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'behind-main' })
    expect(again.status).toBe(201)
    expect((again.data as { sha: string }).sha).toBe(moved)
  })

  it('auto_merge false deploys a branch that is behind as it is; a conflicting one is 409 unless auto_merge is false', async () => {
    t.newPull({ head: { ref: 'stale', merge: 'behind' } })
    expect(
      (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'stale', auto_merge: false })).status
    ).toBe(201)
    t.newPull({ head: { ref: 'conflicted', merge: 'conflict' } })
    const err = await httpError(() => t.octokit.rest.repos.createDeployment({ ...repo, ref: 'conflicted' }))
    expect(err.status).toBe(409)
    expect(err.data.message).toBe('Conflict merging main into conflicted')
    expect(
      (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'conflicted', auto_merge: false })).status
    ).toBe(201)
  })

  it('required_contexts: by default every commit status must be success; [] skips the check', async () => {
    const pr = t.newPull()
    t.fake.setCommitStatus(pr.head.sha, 'ci/build', 'success')
    t.fake.setCommitStatus(pr.head.sha, 'ci/lint', 'pending')
    const err = await httpError(() => t.octokit.rest.repos.createDeployment({ ...repo, ref: pr.head.ref }))
    expect(err.status).toBe(409)
    expect(err.data.message).toBe(`Conflict: Commit status checks failed for ${pr.head.ref}.`)
    const subset = await t.octokit.rest.repos.createDeployment({
      ...repo,
      ref: pr.head.ref,
      required_contexts: ['ci/build']
    })
    expect(subset.status).toBe(201)
    // A context that has no status yet is not success either.
    const missing = await httpError(() =>
      t.octokit.rest.repos.createDeployment({ ...repo, ref: pr.head.ref, required_contexts: ['ci/deploy'] })
    )
    expect(missing.status).toBe(409)
    expect(
      (await t.octokit.rest.repos.createDeployment({ ...repo, ref: pr.head.ref, required_contexts: [] }))
        .status
    ).toBe(201)
  })

  it('validates the body against the schema: ref required, types checked', async () => {
    const missing = await httpError(() =>
      t.octokit.request('POST /repos/{owner}/{repo}/deployments', { ...repo } as never)
    )
    expect(missing.status).toBe(422)
    expect(missing.data.message).toBe('Invalid request.\n\n"ref" wasn\'t supplied.')
    const badType = await httpError(() =>
      t.octokit.request('POST /repos/{owner}/{repo}/deployments', {
        ...repo,
        ref: 'main',
        auto_merge: 'no'
      } as never)
    )
    expect(badType.data.message).toBe(
      `Invalid request.\n\nFor 'properties/auto_merge', "no" is not a boolean.`
    )
  })

  it('lists newest first, filtered by environment, ref, sha and task, paginated with Link headers', async () => {
    const { fake } = t
    const envA = `list-a-${Date.now()}`
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const d = await t.octokit.rest.repos.createDeployment({
        ...repo,
        ref: 'main',
        environment: envA,
        task: i === 4 ? 'deploy:migrations' : 'deploy'
      })
      ids.push((d.data as { id: number }).id)
    }
    const all = await t.octokit.rest.repos.listDeployments({ ...repo, environment: envA })
    expect(all.data.map(d => d.id)).toEqual([...ids].reverse())
    const tasks = await t.octokit.rest.repos.listDeployments({
      ...repo,
      environment: envA,
      task: 'deploy:migrations'
    })
    expect(tasks.data.map(d => d.id)).toEqual([ids[4]])
    expect((await t.octokit.rest.repos.listDeployments({ ...repo, environment: 'nope' })).data).toEqual([])
    const sha = fake.deployments({ environment: envA })[0].sha
    expect(
      (await t.octokit.rest.repos.listDeployments({ ...repo, environment: envA, sha })).data
    ).toHaveLength(5)

    const page = await t.octokit.rest.repos.listDeployments({ ...repo, environment: envA, per_page: 2 })
    expect(page.headers.link).toContain(
      `/repositories/${fake.repoId}/deployments?environment=${envA}&per_page=2&page=2>; rel="next"`
    )
    const paged = await t.octokit.paginate(t.octokit.rest.repos.listDeployments, {
      ...repo,
      environment: envA,
      per_page: 2
    })
    expect(paged.map(d => d.id)).toEqual([...ids].reverse())
  })

  it('gets one; 404 for an unknown id', async () => {
    const created = (
      await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'get-one' })
    ).data as { id: number }
    const got = await t.octokit.rest.repos.getDeployment({ ...repo, deployment_id: created.id })
    expect(got.data.environment).toBe('get-one')
    const err = await httpError(() => t.octokit.rest.repos.getDeployment({ ...repo, deployment_id: 999 }))
    expect(err.status).toBe(404)
    expect(err.data.documentation_url).toBe(
      'https://docs.github.com/rest/deployments/deployments#get-a-deployment'
    )
  })
})

describe('deleting deployments (its own fake: the rule counts the repository’s deployments)', () => {
  const t = useGitHubFake()

  it('deletes the only deployment regardless of its status', async () => {
    const d = (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment: 'solo' }))
      .data as {
      id: number
    }
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: d.id, state: 'success' })
    const res = await t.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: d.id })
    expect(res.status).toBe(204)
    expect(t.fake.deployments()).toEqual([])
  })

  it('with others present, refuses an active one (success, or no status yet) and deletes an inactive one', async () => {
    const create = async (environment: string) =>
      (
        (await t.octokit.rest.repos.createDeployment({ ...repo, ref: 'main', environment })).data as {
          id: number
        }
      ).id
    const a = await create('pr-1')
    const b = await create('pr-2')
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: a, state: 'success' })

    for (const id of [a, b]) {
      const err = await httpError(() => t.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: id }))
      expect(err.status).toBe(422)
      expect(err.data).toEqual({
        message:
          'We cannot delete an active deployment unless it is the only deployment in a given environment.',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#delete-a-deployment',
        status: '422'
      })
    }
    // "Mark the active deployment as inactive by adding any non-successful deployment status."
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: a, state: 'inactive' })
    expect((await t.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: a })).status).toBe(204)
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: b, state: 'failure' })
    expect((await t.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: b })).status).toBe(204)
    expect(t.fake.deployments()).toEqual([])
    const err = await httpError(() => t.octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: a }))
    expect(err.status).toBe(404)
  })
})
