/**
 * The fault campaign inside the normal suite: a short seeded slice end to end (the full one is
 * `npx tsx scripts/fault-campaign.ts`), and the invariant checker fed planted violations, so that a campaign
 * reporting 0 violations means the checks ran, not that they cannot fail.
 */
import { describe, expect, it } from '@jest/globals'
import type { DeploymentJson, StageJson } from '../../emulator/control-plane/types.js'
import type { ActionRun } from '../e2e/run-action.js'
import { formatStats, runCampaign } from './campaign.js'
import { checkInvariants, type Observation, type StepRecord } from './invariants.js'
import { planRun } from './plan.js'

// A slice of the default campaign (scripts/fault-campaign.ts) that covers every scenario and fault kind, a
// SIGTERM mid-canary and a SIGKILL mid-deploy, in about 25 s.
const SEED = 20240611
const FIRST_RUN = 319
const RUNS = 12

describe('the fault campaign, a seeded slice', () => {
  it(`runs ${RUNS} runs with random faults and signals, and no invariant is violated`, async () => {
    const stats = await runCampaign({ seed: SEED, runs: RUNS, workers: 1, firstRun: FIRST_RUN })
    // The table names each violation with the command that replays it.
    expect({ violations: stats.violations.length, table: formatStats(stats) }).toMatchObject({
      violations: 0
    })
    expect(Object.values(stats.scenarios).reduce((a, b) => a + b, 0)).toBe(RUNS)
    // Not vacuous: the faults fired, and the post step had something to clean up at least once.
    expect(Object.values(stats.faults).reduce((sum, f) => sum + f.fired, 0)).toBeGreaterThan(5)
  }, 120_000)

  it('runs canaries judged on their metrics, with GetMetricData faults, and no invariant is violated', async () => {
    // Run 22: a canary answering 503 while GetMetricData hangs; run 81: a healthy one, an answer lost.
    for (const firstRun of [22, 81]) {
      const plan = planRun(SEED, firstRun)
      expect(plan.canary?.analysis).toBe(true)
      expect(plan.faults.map(f => f.op)).toContain('GetMetricData')
      const stats = await runCampaign({ seed: SEED, runs: 1, workers: 1, firstRun })
      expect({ violations: stats.violations.length, table: formatStats(stats) }).toMatchObject({
        violations: 0
      })
    }
  }, 60_000)

  it('plans are a function of the seed and the run index alone (so one run replays alone)', () => {
    expect(planRun(SEED, 7)).toEqual(planRun(SEED, 7))
    expect(planRun(SEED, 7)).not.toEqual(planRun(SEED, 8))
    expect(planRun(SEED, 7)).not.toEqual(planRun(SEED + 1, 7))
  })
})

describe('the invariant checker catches planted violations', () => {
  const secret = 'S3cretS3cretS3cretS3cret'
  const prefix = 'fault campaign run 7'
  const base: DeploymentJson = { id: 'base01', description: 'campaign base for run 7', createdDate: 0 }
  const mine: DeploymentJson = { id: 'new001', description: `${prefix} [0123abcd]`, createdDate: 1 }
  const stage = (
    deploymentId: string,
    canary?: { deploymentId: string; percentTraffic: number }
  ): StageJson =>
    ({
      stageName: 'run7',
      deploymentId,
      ...(canary ? { canarySettings: { ...canary, useStageCache: false } } : {})
    }) as StageJson
  const run = (over: Partial<ActionRun> = {}): ActionRun => ({
    code: 0,
    signal: null,
    stdout: `::add-mask::${secret}\nPromoted: stage "run7" now serves deployment new001.\n`,
    stderr: '',
    outputs: { 'deployment-id': 'new001', 'canary-deployment-id': 'new001', 'canary-result': 'promoted' },
    state: { 'pending-canary': '' },
    summary: 'Canary promoted',
    errors: [],
    ...over
  })
  const step = (over: Partial<StepRecord> = {}): StepRecord => ({
    role: 'deploy',
    command: 'deploy',
    run: run(),
    stage: stage('new001'),
    calls: 5,
    ...over
  })
  /** A canary promoted cleanly, then its (idle) post step. */
  const promoted = (over: Partial<Observation> = {}): Observation => ({
    descriptionPrefix: prefix,
    canary: true,
    baseDeploymentId: 'base01',
    steps: [step(), step({ role: 'post', run: run({ stdout: '', outputs: {}, summary: '' }), calls: 0 })],
    stage: stage('new001'),
    deployments: [base, mine],
    secret,
    ...over
  })
  const invariants = (obs: Observation): string[] => checkInvariants(obs).violations.map(v => v.invariant)

  it('passes a clean run (the add-mask line is not a leak)', () => {
    expect(checkInvariants(promoted())).toEqual({ violations: [], documented: [] })
  })

  it('a canary left on the stage by a run that did not leave it active', () => {
    const left = stage('base01', { deploymentId: 'new001', percentTraffic: 10 })
    const failed = run({
      code: 1,
      errors: ['Canary not rolled back: ...'],
      outputs: { 'deployment-id': 'base01' }
    })
    expect(invariants(promoted({ stage: left, steps: [step({ run: failed, stage: left })] }))).toEqual([
      'no-canary-left'
    ])
    // Left on purpose (promote: false) and said so: fine.
    const active = run({
      outputs: { 'deployment-id': 'base01', 'canary-deployment-id': 'new001', 'canary-result': 'active' }
    })
    expect(invariants(promoted({ stage: left, steps: [step({ run: active, stage: left })] }))).toEqual([])
  })

  it('a deployment nothing uses, allowed only once for a plain deploy killed by SIGKILL', () => {
    const orphan: DeploymentJson = { id: 'new002', description: `${prefix} [89abcdef]`, createdDate: 2 }
    expect(invariants(promoted({ deployments: [base, mine, orphan] }))).toEqual(['no-unused-deployment'])
    const killed = step({
      run: run({ code: null, signal: 'SIGKILL', outputs: {} }),
      signalSent: 'SIGKILL',
      stage: stage('base01')
    })
    const plainKilled = { canary: false, stage: stage('base01'), steps: [killed] }
    expect(invariants(promoted({ ...plainKilled, deployments: [base, orphan] }))).toEqual([])
    expect(invariants(promoted({ ...plainKilled, deployments: [base, mine, orphan] }))).toEqual([
      'no-unused-deployment'
    ])
  })

  it('a secret in the log, the outputs, the state or the summary', () => {
    for (const leak of [
      { stdout: `::debug::Authorization: Bearer ${secret}\n` },
      { stderr: secret },
      { summary: `<td>${secret}</td>` },
      { state: { 'pending-canary': JSON.stringify({ header: secret }) } }
    ])
      expect(invariants(promoted({ steps: [step({ run: run(leak) })] }))).toEqual(['no-secret-leak'])
  })

  it('a stage that serves nothing it should, and endings that do not say what happened', () => {
    expect(
      invariants(promoted({ stage: stage('gone99'), steps: [step({ stage: stage('gone99') })] }))
    ).toContain('stage-serves')
    // A failure naming no operation and no outcome.
    const vague = run({ code: 1, errors: ['Something went wrong'], outputs: {} })
    expect(
      invariants(
        promoted({
          stage: stage('base01'),
          deployments: [base],
          steps: [step({ run: vague, stage: stage('base01') })]
        })
      )
    ).toEqual(['exit-matches'])
    // Success whose outputs disagree with the stage (deployment-id, and canary-result "promoted").
    expect(invariants(promoted({ steps: [step({ stage: stage('base01') })] }))).toEqual([
      'exit-matches',
      'exit-matches'
    ])
    // A step that timed out (killed by the harness, not by the campaign's signal).
    const stuck = run({ code: null, signal: 'SIGKILL', outputs: {} })
    expect(
      invariants(
        promoted({
          stage: stage('base01'),
          deployments: [base],
          steps: [step({ run: stuck, stage: stage('base01') })]
        })
      )
    ).toEqual(['exit-matches'])
  })

  it("another stage's deployment deleted, and a configured stage without its settings", () => {
    const source: DeploymentJson = { id: 'src001', description: 'campaign source for run 7', createdDate: 0 }
    const plain = run({ outputs: { 'deployment-id': 'src001', 'canary-result': 'none' } })
    const onSource = {
      stage: stage('src001'),
      steps: [step({ run: plain, stage: stage('src001') })],
      canary: false
    }
    expect(
      invariants(promoted({ ...onSource, sourceDeploymentId: 'src001', deployments: [base, source] }))
    ).toEqual([])
    // Rolled back to the base, and the source deployment gone with it.
    const back = {
      stage: stage('base01'),
      steps: [
        step({
          run: run({ code: 1, errors: ['Canary rolled back: x'], outputs: { 'deployment-id': 'base01' } }),
          stage: stage('base01')
        })
      ]
    }
    expect(invariants(promoted({ ...back, sourceDeploymentId: 'src001', deployments: [base] }))).toEqual([
      'source-kept'
    ])

    const plainMine = run({ outputs: { 'deployment-id': 'new001', 'canary-result': 'none' } })
    const configured = (settings: Partial<StageJson>): Observation =>
      promoted({
        canary: false,
        expectSettings: true,
        stage: { ...stage('new001'), ...settings } as StageJson,
        steps: [step({ run: plainMine, stage: stage('new001') })]
      })
    const complete = {
      tracingEnabled: true,
      tags: { campaign: 'yes' },
      methodSettings: {
        '*/*': { throttlingRateLimit: 50 },
        'health/GET': { cacheTtlInSeconds: 5, metricsEnabled: true }
      }
    } as unknown as Partial<StageJson>
    expect(invariants(configured(complete))).toEqual([])
    expect(invariants(configured({ ...complete, tags: {} }))).toEqual(['settings-applied'])
    expect(checkInvariants(configured({ tracingEnabled: true })).violations[0].seen).toContain(
      'throttling-rate-limit, method-settings, tags'
    )
  })

  it('a deleted stage still there, its deployment left, or a sibling stage losing its deployment', () => {
    const deleted = run({ outputs: { 'deployment-id': '', 'canary-result': 'none' } })
    const deleting = (over: Partial<Observation>, sibling?: StageJson): Observation =>
      promoted({
        canary: false,
        deleting: { sibling, siblingExpected: sibling !== undefined },
        steps: [step({ command: 'delete-stage', run: deleted, stage: undefined })],
        stage: undefined,
        deployments: [],
        ...over
      })
    expect(invariants(deleting({}))).toEqual([])
    expect(invariants(deleting({ stage: stage('base01'), deployments: [base] }))).toEqual([
      'stage-deleted',
      'stage-deleted'
    ])
    expect(invariants(deleting({ deployments: [base] }))).toEqual(['stage-deleted'])
    // A sibling on the same deployment keeps it; losing it is a violation.
    expect(invariants(deleting({ deployments: [base] }, stage('base01')))).toEqual([])
    expect(invariants(deleting({ deployments: [] }, stage('base01')))).toEqual(['stage-deleted'])
  })
})
