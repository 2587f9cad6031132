/**
 * The fault campaign: a seeded, bounded loop of end-to-end runs of the bundled action (dist/index.js, and
 * dist/post.js as the runner's post step) against the emulator, which injects faults at random points;
 * after each run the invariants (invariants.ts) are checked against the emulator's state.
 *
 * Each worker has its own emulator, because faults are armed per operation for the whole emulator: two
 * runs sharing one would steal each other's faults. Runs in a worker are sequential, each on its own stage.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { APIGatewayClient, CreateDeploymentCommand, CreateStageCommand } from '@aws-sdk/client-api-gateway'
import { createSampleApi, startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction } from '../e2e/run-action.js'
import { checkInvariants, type Invariant, type Observation, type StepRecord } from './invariants.js'
import {
  describeFault,
  describePlan,
  faultCapacity,
  FAULT_KINDS,
  planRun,
  type FaultPlan,
  type RunPlan
} from './plan.js'

export interface CampaignOptions {
  seed: number
  runs: number
  workers: number
  /** Index of the first run (runs are firstRun .. firstRun + runs - 1): replays one run alone. */
  firstRun?: number
  /** Progress lines (one every 25 runs) and violations as they are found. */
  log?: (line: string) => void
  /** Per process (step) timeout. */
  stepTimeoutMs?: number
  /** Write each run with a violation (plan, steps with their logs, final state) here as JSON, to diagnose it. */
  dumpDir?: string
  /** Dump every run, not only those with a violation. */
  dumpAll?: boolean
}

export interface Violation {
  run: number
  seed: number
  scenario: string
  faults: string[]
  invariant: Invariant
  seen: string
}

export interface CampaignStats {
  seed: number
  runs: number
  workers: number
  firstRun: number
  durationMs: number
  scenarios: Record<string, number>
  /** Per fault kind: faults armed, calls they could hit, calls the emulator recorded them hitting. */
  faults: Record<string, { armed: number; capacity: number; fired: number }>
  signals: { planned: Record<string, number>; delivered: Record<string, number> }
  /** Post steps run, and how many had saved state to act on. */
  postSteps: { run: number; withState: number }
  /** How the deploy step ended: "exit 0", "exit 1", "SIGKILL", ... */
  deployEndings: Record<string, number>
  /** canary-result of the last deploy/finish step of each run ("-" when it wrote none). */
  canaryResults: Record<string, number>
  documented: Record<string, number>
  /** Builds of dist/ the runs tested (fingerprint: runs), and runs repeated because dist/ changed under them. */
  builds: Record<string, number>
  rerunForDist: number
  /** The longest step that was not stuck, to size the step timeout: ms, run index and role. */
  slowestStep: { ms: number; run: number; role: string }
  stepTimeoutMs: number
  violations: Violation[]
}

// A step never needs this long: the slowest plan (3 canary steps, 10 s deadlines, a 6 s post-step grace)
// takes about 30 s; beyond it the step is stuck, which the invariants report.
const STEP_TIMEOUT_MS = 45_000
// A call delayed by a latency fault (1.5 s at most) still lands after its killed caller is gone: wait for it
// before reading the final state.
const LATE_LANDING_MS = 1_600
const CONFLICT_MESSAGE =
  'Unable to complete operation due to concurrent modification. Please try again later.'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const MAX_ATTEMPTS = 4

/** Whether dist/ is there, and when each file was written: '' while an entry is missing. */
function distFingerprint(): string {
  try {
    const files = readdirSync(DIST).sort()
    if (!files.includes('index.js') || !files.includes('post.js')) return ''
    return files.map(f => `${f}:${statSync(join(DIST, f)).mtimeMs}`).join(',')
  } catch {
    return ''
  }
}

/** Which build of dist/ ran, by content: a rebuild that changes nothing is the same build. */
function distBuild(): string {
  const hash = createHash('sha1')
  for (const f of readdirSync(DIST).sort())
    if (f.endsWith('.js')) hash.update(f).update(readFileSync(join(DIST, f)))
  return hash.digest('hex').slice(0, 8)
}

/** Resolves once dist/ has both entries and has not changed for 3 s. */
async function distSettled(): Promise<void> {
  for (let last = distFingerprint(); ;) {
    await sleep(3_000)
    const now = distFingerprint()
    if (now && now === last) return
    last = now
  }
}

interface Worker {
  emu: Emulator
  restApiId: string
  client: APIGatewayClient
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignStats> {
  const { seed, runs, log = () => {} } = options
  const firstRun = options.firstRun ?? 0
  const workers = Math.max(1, Math.min(options.workers, runs))
  const stats = emptyStats(seed, runs, workers, firstRun)
  stats.stepTimeoutMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS
  const started = Date.now()
  let next = firstRun
  let done = 0
  const work = async (w: number): Promise<void> => {
    const worker = await startWorker(seed + w)
    try {
      while (next < firstRun + runs) {
        const plan = planRun(seed, next++)
        let observation: ScenarioResult
        for (let attempt = 1; ; attempt++) {
          const build = distFingerprint()
          observation = await runScenario(worker, plan, stats.stepTimeoutMs, attempt)
          if (
            build &&
            build === distFingerprint() &&
            !observation.steps.some(s => /Cannot find module.*dist/.test(s.run.stderr))
          ) {
            bump(stats.builds, distBuild())
            break
          }
          // dist/ was rebuilt under the run (`npm run bundle` elsewhere): the run tested no one build. Wait for
          // the new build to settle and run it again, on a fresh stage.
          if (attempt === MAX_ATTEMPTS) throw new Error(`dist/ kept changing during run ${plan.index}`)
          stats.rerunForDist++
          log(`run ${plan.index}: dist/ changed during the run; running it again once dist/ is settled`)
          await distSettled()
        }
        const violated = record(stats, plan, observation, log)
        if ((violated || options.dumpAll) && options.dumpDir) {
          mkdirSync(options.dumpDir, { recursive: true })
          writeFileSync(
            join(options.dumpDir, `run-${plan.index}.json`),
            JSON.stringify({ plan, ...observation }, null, 2)
          )
        }
        if (++done % 25 === 0 || done === runs)
          log(
            `${done}/${runs} runs, ${stats.violations.length} violations, ${((Date.now() - started) / 1000).toFixed(0)} s`
          )
      }
    } finally {
      worker.client.destroy()
      await worker.emu.stop()
    }
  }
  await Promise.all(Array.from({ length: workers }, (_, w) => work(w)))
  stats.durationMs = Date.now() - started
  stats.violations.sort((a, b) => a.run - b.run)
  return stats
}

async function startWorker(seed: number): Promise<Worker> {
  const emu = await startEmulator({ seed, quotas: { createDeploymentIntervalMs: 0, stagesPerApi: 1000 } })
  const { restApiId } = await createSampleApi({ endpoint: emu.url, region: emu.region, name: 'campaign' })
  const client = new APIGatewayClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // The campaign's own setup calls (faults are cleared for them) keep the SDK's retries: an idle keep-alive
    // connection the server closes just as it is reused answers ECONNRESET, and the 232nd run crashed so.
    maxAttempts: 3
  })
  return { emu, restApiId, client }
}

interface ScenarioResult extends Observation {
  /** Control-plane calls during the run: the faults that fired are recorded on them. */
  firedFaults: string[]
  armed: FaultPlan[]
}

/** Runs one plan: the base stage, the deploy step with its faults and signal, post steps, later jobs. */
async function runScenario(
  worker: Worker,
  plan: RunPlan,
  timeoutMs: number,
  attempt: number
): Promise<ScenarioResult> {
  const { emu, restApiId, client } = worker
  emu.faults.clear()
  emu.seed(plan.seed) // the canary split and failRatio draws repeat when the run is replayed
  // A rerun (dist/ changed) gets its own stage and prefix, so the first attempt's leftovers are not its own.
  const suffix = attempt > 1 ? `-${attempt}` : ''
  const stageName = `run${plan.index}${suffix}`
  const descriptionPrefix = `fault campaign run ${plan.index}${suffix}`
  let baseDeploymentId: string | undefined
  if (plan.scenario !== 'new-stage') {
    const base = await client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName,
        description: `campaign base for run ${plan.index}`
      })
    )
    baseDeploymentId = base.id
  }
  // from-stage releases what another stage serves: made here, not by the run, so never the run's to delete.
  let sourceDeploymentId: string | undefined
  if (plan.scenario === 'from-stage') {
    const source = await client.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: `${stageName}-src`,
        description: `campaign source for run ${plan.index}`
      })
    )
    sourceDeploymentId = source.id
  }
  // delete-stage with a sibling: another stage on the same deployment, which must keep it.
  const siblingStage = plan.scenario === 'delete-stage' && plan.sibling ? `${stageName}-sib` : undefined
  if (siblingStage && baseDeploymentId)
    await client.send(
      new CreateStageCommand({ restApiId, stageName: siblingStage, deploymentId: baseDeploymentId })
    )
  const callsFrom = emu.calls.length
  const common = {
    'rest-api-id': restApiId,
    'aws-region': emu.region,
    'endpoint-url': emu.url,
    'stage-name': stageName,
    'retry-deadline-seconds': String(plan.retryDeadlineSeconds)
  }
  const { canary } = plan
  const deployInputs: Record<string, string> = { ...common, 'deployment-description': descriptionPrefix }
  const probes = {
    // 1 s is the input's minimum.
    'health-check-interval': '1',
    'health-check-path': '/health',
    'health-check-headers': `Authorization: Bearer ${plan.secret}`
  }
  if (plan.scenario === 'configured-stage') Object.assign(deployInputs, CONFIGURED_SETTINGS)
  if (plan.scenario === 'checked-plain') Object.assign(deployInputs, probes, { 'bake-time': '1' })
  if (plan.scenario === 'openapi-import')
    Object.assign(deployInputs, { 'api-definition': PETS_DEFINITION, 'api-definition-mode': 'merge' })
  if (plan.scenario === 'delete-stage') {
    delete deployInputs['deployment-description']
    deployInputs.command = 'delete-stage'
  }
  if (plan.scenario === 'from-stage') {
    // No deployment is created, so none is described.
    delete deployInputs['deployment-description']
    Object.assign(deployInputs, {
      'from-stage': `${stageName}-src`,
      ...(plan.fromStageCanary ? { 'canary-percent': '50', 'bake-time': '1' } : {})
    })
  }
  if (canary) {
    const [percent, ...more] = canary.steps
    Object.assign(deployInputs, {
      'canary-percent': String(percent),
      ...(more.length > 0 ? { 'canary-steps': more.join(',') } : {}),
      'bake-time': String(canary.bakeSeconds),
      ...probes,
      ...(canary.finish ? { promote: 'false' } : {}),
      // The probes are the traffic the emulator records; too few canary requests roll back at once.
      ...(canary.analysis
        ? {
            'canary-analysis': 'true',
            'analysis-metrics': '5XXError',
            'min-canary-requests': '10',
            'on-inconclusive': 'fail',
            'metrics-enabled': 'true'
          }
        : {})
    })
  }

  const steps: StepRecord[] = []
  const armed: FaultPlan[] = []
  const arm = (): void => {
    for (const fault of plan.faults) armFault(emu, fault)
    armed.push(...plan.faults)
  }
  const step = async (
    role: StepRecord['role'],
    inputs: Record<string, string>,
    extra: { post?: boolean; state?: Record<string, string>; signal?: RunPlan['signal'] } = {}
  ): Promise<StepRecord> => {
    let signalSent: StepRecord['signalSent']
    let timer: NodeJS.Timeout | undefined
    const from = emu.calls.length
    const started = Date.now()
    const run = await runAction(inputs, {
      post: extra.post,
      state: extra.state,
      timeoutMs,
      onStart: child => {
        const { signal } = extra
        if (!signal) return
        timer = setTimeout(() => {
          // Only a signal that reached a running process counts: a finished step cannot be killed.
          if (child.exitCode === null && child.signalCode === null && child.kill(signal.name))
            signalSent = signal.name
        }, signal.afterMs)
      }
    })
    clearTimeout(timer)
    // A signal sent while the process was exiting on its own did nothing: SIGKILL cannot be survived, and a
    // handled SIGTERM is always logged.
    if (signalSent === 'SIGKILL' && run.signal !== 'SIGKILL') signalSent = undefined
    if (signalSent === 'SIGTERM' && run.signal !== 'SIGTERM' && !run.stdout.includes('Received SIGTERM'))
      signalSent = undefined
    const command = (inputs.command ?? 'deploy') as StepRecord['command']
    const record: StepRecord = {
      role,
      command,
      run,
      signalSent,
      stage: emu.getStage(restApiId, stageName),
      calls: emu.calls.length - from,
      ms: Date.now() - started
    }
    steps.push(record)
    return record
  }
  // The runner runs the post step after every main step (post-if: always()), with the state it saved. The
  // faults stop first: they model trouble during the main step, so a post step or a later job that fails
  // against a healthy API is the action's failure, not the campaign's.
  const mainStep = async (
    role: StepRecord['role'],
    inputs: Record<string, string>,
    signal?: RunPlan['signal']
  ): Promise<StepRecord> => {
    const main = await step(role, inputs, { signal })
    emu.faults.clear()
    await step('post', inputs, { post: true, state: main.run.state })
    return main
  }

  const stopDegrading = canary?.degrade
    ? degradeCanary(emu, restApiId, stageName, baseDeploymentId, canary.degrade)
    : plan.degradePlain
      ? degradeServed(emu, restApiId, stageName, baseDeploymentId, plan.degradePlain)
      : undefined
  try {
    if (canary?.faultsOn !== 'finish') arm()
    const deploy = await mainStep('deploy', deployInputs, plan.signal)
    // As the README's approval workflow: promote (or roll back) a canary left active; if that job fails,
    // its rollback job (or a rerun) removes the canary.
    if (canary?.finish && deploy.run.code === 0 && deploy.run.outputs['canary-result'] === 'active') {
      if (canary.faultsOn === 'finish') arm()
      const finish = await mainStep('finish', { ...common, command: canary.finish })
      if (finish.run.code !== 0) await mainStep('rollback-job', { ...common, command: 'rollback-canary' })
    }
  } finally {
    stopDegrading?.()
    emu.faults.clear()
  }
  if (steps.some(s => s.run.signal)) await sleep(LATE_LANDING_MS)
  return {
    descriptionPrefix,
    canary: !!canary || !!plan.fromStageCanary,
    baseDeploymentId,
    sourceDeploymentId,
    expectSettings: plan.scenario === 'configured-stage',
    ...(plan.scenario === 'delete-stage'
      ? {
          deleting: {
            sibling: siblingStage ? emu.getStage(restApiId, siblingStage) : undefined,
            siblingExpected: !!siblingStage
          }
        }
      : {}),
    steps,
    stage: emu.getStage(restApiId, stageName),
    deployments: emu.getDeployments(restApiId),
    secret: plan.secret,
    firedFaults: emu.calls.slice(callsFrom).flatMap(call => call.faults ?? []),
    armed
  }
}

function armFault(emu: Emulator, fault: FaultPlan): void {
  const { faults } = emu
  switch (fault.kind) {
    case 'throttle':
      return faults.throttle(fault.op, fault.count, 1)
    case 'fail':
      return faults.fail(fault.op, { status: fault.status })
    case 'conflict':
      return faults.fail(fault.op, { status: 409, code: 'ConflictException', message: CONFLICT_MESSAGE })
    case 'drop-response':
      return faults.dropResponse(fault.op)
    case 'latency':
      return faults.latency(fault.op, fault.ms, 1, { after: fault.after })
    case 'hang':
      return faults.hang(fault.op)
  }
}

/**
 * The canary's deployment starts failing as soon as it is on the stage: polled, since the run is another
 * process. The base deployment keeps answering normally.
 */
function degradeCanary(
  emu: Emulator,
  restApiId: string,
  stageName: string,
  baseDeploymentId: string | undefined,
  behaviour: { status: 503 } | { failRatio: 0.5 }
): () => void {
  const degraded = new Set<string>()
  const timer = setInterval(() => {
    const canaryId = emu.getStage(restApiId, stageName)?.canarySettings?.deploymentId
    if (canaryId && canaryId !== baseDeploymentId && !degraded.has(canaryId)) {
      degraded.add(canaryId)
      emu.setDeploymentBehaviour(restApiId, canaryId, behaviour)
    }
  }, 20)
  return () => clearInterval(timer)
}

/** The emulator's sample OpenAPI file (MOCK routes, /health among them), imported by openapi-import runs. */
const PETS_DEFINITION = fileURLToPath(
  new URL('../emulator/fixtures/definitions/pets.oas30.yaml', import.meta.url)
)

/** What a configured-stage run asks for, and the invariants check on success (invariants.ts). */
export const CONFIGURED_SETTINGS = {
  'throttling-rate-limit': '50',
  'tracing-enabled': 'true',
  'method-settings': '"/health GET": { cache-ttl: 5, metrics-enabled: true }',
  tags: 'campaign=yes'
}

/** A plain deploy's new deployment starts failing as soon as the stage serves it (checked-plain). */
function degradeServed(
  emu: Emulator,
  restApiId: string,
  stageName: string,
  baseDeploymentId: string | undefined,
  behaviour: { status: 503 }
): () => void {
  const degraded = new Set<string>()
  const timer = setInterval(() => {
    const served = emu.getStage(restApiId, stageName)?.deploymentId
    if (served && served !== baseDeploymentId && !degraded.has(served)) {
      degraded.add(served)
      emu.setDeploymentBehaviour(restApiId, served, behaviour)
    }
  }, 20)
  return () => clearInterval(timer)
}

function emptyStats(seed: number, runs: number, workers: number, firstRun: number): CampaignStats {
  return {
    seed,
    runs,
    workers,
    firstRun,
    durationMs: 0,
    scenarios: {},
    faults: Object.fromEntries(FAULT_KINDS.map(kind => [kind, { armed: 0, capacity: 0, fired: 0 }])),
    signals: { planned: {}, delivered: {} },
    postSteps: { run: 0, withState: 0 },
    deployEndings: {},
    canaryResults: {},
    documented: {},
    builds: {},
    rerunForDist: 0,
    slowestStep: { ms: 0, run: -1, role: '' },
    stepTimeoutMs: STEP_TIMEOUT_MS,
    violations: []
  }
}

const bump = (counts: Record<string, number>, key: string, by = 1): void => {
  counts[key] = (counts[key] ?? 0) + by
}

/** Adds the run to the stats; whether it violated an invariant. */
function record(
  stats: CampaignStats,
  plan: RunPlan,
  result: ScenarioResult,
  log: (line: string) => void
): boolean {
  bump(stats.scenarios, plan.canary?.analysis ? `${plan.scenario} (judged on metrics)` : plan.scenario)
  for (const fault of result.armed) {
    stats.faults[fault.kind].armed++
    stats.faults[fault.kind].capacity += faultCapacity(fault)
  }
  // The emulator names a 409 conflict "fail" like any other error: fired counts go by the emulator's names,
  // so the conflict row's fired count is included in "fail" (see formatStats).
  for (const name of result.firedFaults) if (stats.faults[name]) stats.faults[name].fired++
  if (plan.signal) bump(stats.signals.planned, plan.signal.name)
  for (const step of result.steps) {
    if (step.signalSent) bump(stats.signals.delivered, step.signalSent)
    const stuck = step.run.signal === 'SIGKILL' && step.signalSent !== 'SIGKILL' // killed by the timeout
    if ((step.ms ?? 0) > stats.slowestStep.ms && !stuck)
      stats.slowestStep = { ms: step.ms ?? 0, run: plan.index, role: step.role }
    if (step.role === 'post') {
      stats.postSteps.run++
      if (step.run.state['pending-canary'] || step.calls > 0) stats.postSteps.withState++
    }
  }
  const deploy = result.steps.find(s => s.role === 'deploy')
  if (deploy) bump(stats.deployEndings, deploy.run.signal ?? `exit ${deploy.run.code}`)
  const last = [...result.steps].reverse().find(s => s.role !== 'post')
  bump(stats.canaryResults, last?.run.outputs['canary-result'] || '-')
  const { violations, documented } = checkInvariants(result)
  for (const what of documented) bump(stats.documented, what)
  for (const finding of violations) {
    const violation: Violation = {
      run: plan.index,
      seed: plan.seed,
      scenario: describePlan(plan),
      faults: plan.faults.map(describeFault),
      ...finding
    }
    stats.violations.push(violation)
    log(`VIOLATION run ${plan.index}: ${finding.invariant}: ${finding.seen}`)
  }
  return violations.length > 0
}

/** Fired faults per emulator name: "fail" covers both the 5xx and the 409 conflict plans. */
export function crossCheck(stats: CampaignStats): string[] {
  const problems: string[] = []
  for (const kind of FAULT_KINDS) {
    if (kind === 'conflict') continue
    const { capacity, fired } = stats.faults[kind]
    const cap = kind === 'fail' ? capacity + stats.faults.conflict.capacity : capacity
    if (fired > cap) problems.push(`${kind}: the emulator recorded ${fired} hits, more than the ${cap} armed`)
  }
  return problems
}

export function replayCommand(seed: number, run: number | string): string {
  return `npx tsx scripts/fault-campaign.ts --seed ${seed} --first ${run} --runs 1 --workers 1`
}

/** The stats as small Markdown tables (they read as well in a terminal). */
export function formatStats(stats: CampaignStats): string {
  const lines: string[] = []
  const table = (head: string[], rows: (string | number)[][]): void => {
    const cells = [head, ...rows.map(r => r.map(String))]
    const widths = head.map((_, i) => Math.max(...cells.map(r => r[i].length)))
    const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
    lines.push(
      line(head),
      `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`,
      ...cells.slice(1).map(line),
      ''
    )
  }
  const entries = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ') || 'none'
  const f = stats.faults
  table(
    ['fault', 'armed', 'calls it could hit', 'calls hit (emulator)'],
    [
      ['throttle (429, 1-3 calls)', f.throttle.armed, f.throttle.capacity, f.throttle.fired],
      ['fail (500/502/503/504)', f.fail.armed, f.fail.capacity, `${f.fail.fired} (with 409s)`],
      ['fail (409 ConflictException)', f.conflict.armed, f.conflict.capacity, '(in fail)'],
      ['dropResponse', f['drop-response'].armed, f['drop-response'].capacity, f['drop-response'].fired],
      ['latency (100-1500 ms)', f.latency.armed, f.latency.capacity, f.latency.fired],
      ['hang', f.hang.armed, f.hang.capacity, f.hang.fired]
    ]
  )
  table(
    ['what', 'counts'],
    [
      ['seed', stats.seed],
      ['runs', `${stats.runs} (from run ${stats.firstRun}, ${stats.workers} workers)`],
      ['scenarios', entries(stats.scenarios)],
      ['signals sent (planned)', `${entries(stats.signals.delivered)} (${entries(stats.signals.planned)})`],
      ['post steps (that called AWS)', `${stats.postSteps.run} (${stats.postSteps.withState})`],
      ['deploy step ended', entries(stats.deployEndings)],
      ['final canary-result', entries(stats.canaryResults)],
      ['documented leftovers', entries(stats.documented)],
      ['fault cross-check', crossCheck(stats).join('; ') || 'ok'],
      [
        'dist/ builds tested (runs)',
        `${entries(stats.builds)}${stats.rerunForDist ? `; ${stats.rerunForDist} runs repeated as dist/ changed` : ''}`
      ],
      [
        'slowest step (not stuck)',
        `${(stats.slowestStep.ms / 1000).toFixed(1)} s (run ${stats.slowestStep.run}, ${stats.slowestStep.role}); timeout ${stats.stepTimeoutMs / 1000} s`
      ],
      ['invariant violations', stats.violations.length],
      ['duration', `${(stats.durationMs / 1000).toFixed(0)} s`]
    ]
  )
  for (const v of stats.violations)
    lines.push(
      `- run ${v.run} (run seed ${v.seed}; ${v.scenario}; faults ${v.faults.join(', ')}): ${v.invariant}: ${v.seen}`,
      `  replay: ${replayCommand(stats.seed, v.run)}`
    )
  return lines.join('\n')
}
