/**
 * Pull-request previews, end to end: the bundled action against the API Gateway emulator and the GitHub
 * fake, with the event payload and GITHUB_* variables a runner gives a pull_request step.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TOKEN, eventPayloadFile, startGitHubFake, type GitHubFake } from '../../github-fake/index.js'
import { useActionFixture } from './fixture.js'

const region = 'eu-west-1'
// The default stage quota (10): the quota test fills it.
const fixture = useActionFixture({ region, apiName: 'previews', emulator: { quotas: { stagesPerApi: 10 } } })
let gh: GitHubFake
const dir = mkdtempSync(join(tmpdir(), 'previews-'))

beforeAll(async () => {
  gh = await startGitHubFake({ owner: 'octo', repo: 'pets-api' })
})
afterAll(async () => {
  await gh?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** Runs the action for pull request `number` as its workflow would, for `action` (opened, closed, ...). */
function runFor(
  pr: ReturnType<GitHubFake['addPullRequest']>,
  action: 'opened' | 'synchronize' | 'closed',
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  const eventPath = eventPayloadFile(dir, 'pull_request', gh.pull(pr.number) ?? pr, action, {
    fileName: `event-${pr.number}-${action}-${Math.random()}.json`
  })
  return fixture.run(
    { preview: 'true', 'github-token': DEFAULT_TOKEN, ...inputs },
    { env: { ...gh.actionEnv({ pr: gh.pull(pr.number) ?? pr, eventPath }), ...env } }
  )
}

let next = 100
const newPull = (fork?: string) =>
  gh.addPullRequest({ number: ++next, head: { ref: `feature-${next}` }, ...(fork ? { fork } : {}) })
const comments = (n: number) =>
  gh.comments(n).filter(c => c.body.includes('apigateway-deploy-action preview'))

describe('pull request previews', () => {
  it('opened: deploys pr-N, comments once and marks the GitHub deployment successful; synchronize updates both in place', async () => {
    const pr = newPull()
    const opened = await runFor(pr, 'opened')
    expect(opened.errors).toEqual([])
    expect(opened.code).toBe(0)
    const stageName = `pr-${pr.number}`
    expect(opened.outputs['stage-name']).toBe(stageName)
    const first = fixture.emu.getStage(fixture.restApiId, stageName)
    expect(first?.deploymentId).toBe(opened.outputs['deployment-id'])
    expect(comments(pr.number)).toHaveLength(1)
    expect(comments(pr.number)[0].body).toContain(opened.outputs['invoke-url'])
    expect(comments(pr.number)[0].body).toContain(opened.outputs['deployment-id'])
    const [deployment] = gh.deployments({ environment: `preview/pr-${pr.number}` })
    expect(deployment).toMatchObject({
      transient_environment: true,
      production_environment: false,
      sha: pr.head.sha
    })
    expect(gh.statuses(deployment.id).map(s => s.state)).toEqual(['success', 'in_progress'])
    expect(gh.statuses(deployment.id)[0].environment_url).toBe(opened.outputs['invoke-url'])

    gh.pushToPullRequest(pr.number)
    const pushed = await runFor(pr, 'synchronize')
    expect(pushed.code).toBe(0)
    expect(comments(pr.number)).toHaveLength(1)
    expect(comments(pr.number)[0].body).toContain(pushed.outputs['deployment-id'])
    // The preview's previous deployment is gone once nothing uses it.
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).not.toContain(first?.deploymentId)
    expect(pushed.stdout).toContain(`Deleted the preview's previous deployment ${first?.deploymentId}`)
  })

  it('two runs racing for the same pull request still leave one comment', async () => {
    const pr = newPull()
    await runFor(pr, 'opened')
    expect(comments(pr.number)).toHaveLength(1)
    // Both runs list the comments before either writes: the fake holds the first two list calls together.
    const other = newPull()
    gh.resetCalls()
    gh.faults.barrier('issues.listComments', 2)
    const [a, b] = await Promise.all([runFor(other, 'opened'), runFor(other, 'opened')])
    expect([a.code, b.code]).toEqual([0, 0])
    // Not vacuous: both created one, and the duplicate was deleted.
    const routes = gh.calls.map(c => c.route)
    expect(routes.filter(r => r === 'issues.createComment')).toHaveLength(2)
    expect(routes.filter(r => r === 'issues.deleteComment').length).toBeGreaterThanOrEqual(1)
    expect(comments(other.number)).toHaveLength(1)
  })

  it('closed: delete-stage removes the stage and its own deployments, leaves other stages, updates the comment and deactivates', async () => {
    const { stageName: other, base: otherBase } = await fixture.baseStage()
    const pr = newPull()
    const opened = await runFor(pr, 'opened')
    const stageName = `pr-${pr.number}`
    gh.setPullState(pr.number, 'closed')
    fixture.emu.resetCalls()
    const closed = await runFor(pr, 'closed', { command: 'delete-stage' })
    expect(closed.errors).toEqual([])
    expect(closed.code).toBe(0)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toBeUndefined()
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).not.toContain(
      opened.outputs['deployment-id']
    )
    expect(fixture.emu.getStage(fixture.restApiId, other)?.deploymentId).toBe(otherBase)
    expect(fixture.emu.getDeployments(fixture.restApiId).map(d => d.id)).toContain(otherBase)
    expect(comments(pr.number)).toHaveLength(1)
    expect(comments(pr.number)[0].body).toContain('removed')
    const [deployment] = gh.deployments({ environment: `preview/pr-${pr.number}` })
    expect(gh.statuses(deployment.id)[0].state).toBe('inactive')
    expect(closed.summary).toContain(`Deleted stage ${stageName}`)

    const again = await runFor(pr, 'closed', { command: 'delete-stage' })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('does not exist (deleted already?): nothing to delete.')
  })

  it('refuses to delete a stage with a canary unless canary-existing: replace', async () => {
    const { stageName } = await fixture.baseStage()
    await fixture.run({ 'stage-name': stageName, 'canary-percent': '10', promote: 'false' })
    const refused = await fixture.run({ 'stage-name': stageName, command: 'delete-stage' })
    expect(refused.code).toBe(1)
    expect(refused.errors.join()).toContain('canary-existing: replace')
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toBeDefined()
    const deleted = await fixture.run({
      'stage-name': stageName,
      command: 'delete-stage',
      'canary-existing': 'replace'
    })
    expect(deleted.code).toBe(0)
    expect(fixture.emu.getStage(fixture.restApiId, stageName)).toBeUndefined()
  })

  it('skips a fork pull request without AWS credentials, with a notice instead of a failure', async () => {
    const pr = newPull('mallory')
    fixture.emu.resetCalls()
    const run = await runFor(
      pr,
      'opened',
      {},
      {
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent'
      }
    )
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::notice::Pull request #\d+ comes from a fork/)
    expect(run.outputs.skipped).toBe('true')
    expect(fixture.emu.calls).toEqual([])
  })
})

describe('the stage quota and prune-previews', () => {
  it('fails at the quota listing the previews, prunes closed ones on request, and never touches other stages', async () => {
    // Fill the API to its 10 stages: prod, and previews of open and closed pull requests.
    expect((await fixture.run({ 'stage-name': 'prod' })).code).toBe(0)
    const pulls: ReturnType<typeof newPull>[] = []
    // Stages made by the earlier tests count too: fill up to 10.
    for (let i = 0; ; i++) {
      const pr = newPull()
      const run = await runFor(pr, 'opened')
      if (run.code !== 0) {
        expect(run.errors.join('\n')).toContain('its quota of 10')
        expect(run.errors.join('\n')).toContain(
          `pr-${pulls[0]?.number}: pull request #${pulls[0]?.number} open`
        )
        expect(run.errors.join('\n')).toContain('prune-closed-previews: true')
        break
      }
      pulls.push(pr)
      if (i > 12) throw new Error('the quota never stopped a preview')
    }
    // Close the two oldest previews; a new preview with prune-closed-previews deletes the oldest closed one.
    gh.setPullState(pulls[0].number, 'closed')
    gh.setPullState(pulls[1].number, 'closed')
    const late = newPull()
    const made = await runFor(late, 'opened', { 'prune-closed-previews': 'true' })
    expect(made.errors).toEqual([])
    expect(made.code).toBe(0)
    expect(fixture.emu.getStage(fixture.restApiId, `pr-${pulls[0].number}`)).toBeUndefined()
    expect(fixture.emu.getStage(fixture.restApiId, `pr-${pulls[1].number}`)).toBeDefined()
    // prune-previews removes the other closed one, keeps the open ones and prod.
    const pruned = await fixture.run(
      { command: 'prune-previews', 'github-token': DEFAULT_TOKEN },
      { env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'octo/pets-api' } }
    )
    expect(pruned.errors).toEqual([])
    expect(pruned.code).toBe(0)
    expect(fixture.emu.getStage(fixture.restApiId, `pr-${pulls[1].number}`)).toBeUndefined()
    expect(fixture.emu.getStage(fixture.restApiId, `pr-${pulls[2].number}`)).toBeDefined()
    expect(fixture.emu.getStage(fixture.restApiId, 'prod')).toBeDefined()
    expect(pruned.stdout).toContain(
      `Removed "pr-${pulls[1].number}": pull request #${pulls[1].number} is closed.`
    )
    expect(pruned.stdout).toContain(`Kept "pr-${pulls[2].number}": pull request #${pulls[2].number} is open.`)
    expect(pruned.summary).toContain('Pruned previews of previews')
  })
})
