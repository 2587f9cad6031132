// Deployment statuses and auto_inactive: https://docs.github.com/en/rest/deployments/statuses
import { describe, expect, it } from '@jest/globals'
import { httpError, OWNER, REPO, useGitHubFake, type Octokit } from './helpers.js'

const repo = { owner: OWNER, repo: REPO }

async function deploy(
  octokit: Octokit,
  environment: string,
  extra: { transient_environment?: boolean; production_environment?: boolean } = {}
): Promise<number> {
  const res = await octokit.rest.repos.createDeployment({
    ...repo,
    ref: 'main',
    environment,
    required_contexts: [],
    ...extra
  })
  return (res.data as { id: number }).id
}

describe('deployment statuses', () => {
  const t = useGitHubFake()
  const states = (id: number): string[] => t.fake.statuses(id).map(s => s.state)

  it('creates statuses with the fields GitHub returns; log_url sets target_url; Location header', async () => {
    const id = await deploy(t.octokit, 'pr-10')
    const res = await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success',
      environment_url: 'https://abc123.execute-api.us-east-1.amazonaws.com/pr10',
      log_url: 'https://github.com/octo/pets-api/actions/runs/4242',
      description: 'Preview stage pr10 is live'
    })
    expect(res.status).toBe(201)
    expect(res.data).toMatchObject({
      state: 'success',
      environment: 'pr-10',
      environment_url: 'https://abc123.execute-api.us-east-1.amazonaws.com/pr10',
      log_url: 'https://github.com/octo/pets-api/actions/runs/4242',
      target_url: 'https://github.com/octo/pets-api/actions/runs/4242',
      description: 'Preview stage pr10 is live',
      deployment_url: `${t.fake.url}/repos/${OWNER}/${REPO}/deployments/${id}`
    })
    expect(res.data.creator?.login).toBe('github-actions[bot]')
    expect(res.data.node_id).toMatch(/^DES_/)
    expect(res.headers.location).toBe(res.data.url)
    // Legacy target_url alone fills log_url too; fields left out are "".
    const legacy = await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'in_progress',
      target_url: 'https://ci.example/1'
    })
    expect(legacy.data).toMatchObject({
      log_url: 'https://ci.example/1',
      environment_url: '',
      description: ''
    })
  })

  it('lists newest first, and gets one', async () => {
    const id = await deploy(t.octokit, 'pr-11')
    for (const state of ['queued', 'in_progress', 'success'] as const) {
      await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state })
    }
    const list = await t.octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id })
    expect(list.data.map(s => s.state)).toEqual(['success', 'in_progress', 'queued'])
    const one = await t.octokit.rest.repos.getDeploymentStatus({
      ...repo,
      deployment_id: id,
      status_id: list.data[1].id
    })
    expect(one.data.state).toBe('in_progress')
    const page = await t.octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: id,
      per_page: 1
    })
    expect(page.headers.link).toContain('rel="next"')
  })

  it('a status without environment keeps the previous status’s, else the deployment’s; one can move it', async () => {
    const id = await deploy(t.octokit, 'pr-12')
    const first = await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'pending'
    })
    expect(first.data.environment).toBe('pr-12')
    await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'in_progress',
      environment: 'pr-12-renamed'
    })
    const third = await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success'
    })
    expect(third.data.environment).toBe('pr-12-renamed')
  })

  it('auto_inactive: a success marks prior successful deployments of the same environment inactive', async () => {
    const env = 'pr-13'
    const old = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: old, state: 'success' })
    const failed = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: failed, state: 'failure' })
    const other = await deploy(t.octokit, 'pr-14')
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: other, state: 'success' })

    const latest = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: latest,
      state: 'in_progress'
    })
    expect(states(old)).toEqual(['success']) // only success triggers it
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: latest, state: 'success' })

    expect(states(old)).toEqual(['inactive', 'success'])
    expect(states(failed)).toEqual(['failure']) // "only added to deployments that had a success state"
    expect(states(other)).toEqual(['success']) // another environment
    expect(states(latest)).toEqual(['success', 'in_progress'])
    const inactive = t.fake.statuses(old)[0]
    expect(inactive.environment).toBe(env)
  })

  it('auto_inactive: false leaves prior deployments active', async () => {
    const env = 'pr-15'
    const old = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: old, state: 'success' })
    const next = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: next,
      state: 'success',
      auto_inactive: false
    })
    expect(states(old)).toEqual(['success'])
  })

  it('auto_inactive skips prior transient and production deployments, as the docs say', async () => {
    const env = 'pr-16'
    const transient = await deploy(t.octokit, env, { transient_environment: true })
    const production = await deploy(t.octokit, env, { production_environment: true })
    const plain = await deploy(t.octokit, env)
    for (const id of [transient, production, plain]) {
      await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: id, state: 'success' })
    }
    const next = await deploy(t.octokit, env)
    await t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: next, state: 'success' })
    expect(states(transient)).toEqual(['success'])
    expect(states(production)).toEqual(['success'])
    // Only the plain one, the prior non-transient, non-production deployment, is made inactive.
    expect(states(plain)).toEqual(['inactive', 'success'])
  })

  it('refuses an unknown state, a missing state, and a description over 140 characters with 422', async () => {
    const id = await deploy(t.octokit, 'pr-17')
    const post = (body: Record<string, unknown>) =>
      httpError(() =>
        t.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          ...repo,
          deployment_id: id,
          ...body
        } as never)
      )
    const missing = await post({})
    expect(missing.status).toBe(422)
    expect(missing.data.message).toBe('Invalid request.\n\n"state" wasn\'t supplied.')
    const unknown = await post({ state: 'done' })
    expect(unknown.data.message).toBe(
      `Invalid request.\n\nFor 'properties/state', "done" is not one of ` +
        `["error", "failure", "inactive", "in_progress", "queued", "pending", "success"].`
    )
    const long = await post({ state: 'success', description: 'x'.repeat(141) })
    expect(long.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'DeploymentStatus',
          code: 'custom',
          field: 'description',
          message: 'description is too long (maximum is 140 characters)'
        }
      ]
    })
    expect(states(id)).toEqual([])
  })

  it('404s the statuses of an unknown deployment', async () => {
    const err = await httpError(() =>
      t.octokit.rest.repos.createDeploymentStatus({ ...repo, deployment_id: 42, state: 'success' })
    )
    expect(err.status).toBe(404)
    expect(err.data.documentation_url).toBe(
      'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status'
    )
  })
})
