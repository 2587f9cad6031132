/**
 * What one campaign run does, drawn from its own seeded PRNG: the scenario, the faults the emulator injects,
 * and the signal the "runner" sends. Pure: the same (campaign seed, run index) always gives the same plan,
 * so one run can be replayed alone (`--first N --runs 1`).
 */

import { Prng } from '../../emulator/index.js'

/** The emulator's seeded PRNG (mulberry32), with the picks a campaign plan needs. */
export class Rng extends Prng {
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** `count` distinct items, in the order given. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>()
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length))
    return [...chosen].sort((a, b) => a - b).map(i => items[i])
  }
}

/**
 * The run's own seed, from the campaign seed and the run index (a 32-bit hash, so neighbouring runs do
 * not get neighbouring streams).
 */
export function runSeed(campaignSeed: number, index: number): number {
  let h = Math.imul((campaignSeed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

export const FAULT_OPERATIONS = [
  'GetStage',
  'GetRestApi',
  'CreateDeployment',
  'UpdateStage',
  'DeleteDeployment',
  'GetDeployments',
  // Stage configuration and releases of an existing deployment.
  'TagResource',
  'CreateStage',
  // Removing a stage.
  'DeleteStage',
  'GetStages',
  // Importing a definition.
  'PutRestApi',
  'GetExport'
] as const

export type FaultPlan =
  | { kind: 'throttle'; op: string; count: number }
  | { kind: 'fail'; op: string; status: 500 | 502 | 503 | 504 }
  | { kind: 'conflict'; op: string }
  | { kind: 'drop-response'; op: string }
  | { kind: 'latency'; op: string; ms: number; after: boolean }
  | { kind: 'hang'; op: string }

export type FaultKind = FaultPlan['kind']
export const FAULT_KINDS: FaultKind[] = ['throttle', 'fail', 'conflict', 'drop-response', 'latency', 'hang']

export type Scenario =
  | 'new-stage'
  | 'existing-stage'
  | 'canary'
  | 'canary-then-finish'
  /** A plain deploy that also configures the stage (stage-wide and per-method settings, tags). */
  | 'configured-stage'
  /** from-stage: the stage is pointed at another stage's deployment, plainly or through a canary. */
  | 'from-stage'
  /** A plain deploy checked after the switch (probes), its deployment healthy or not. */
  | 'checked-plain'
  /** delete-stage of a stage, alone on its deployment or sharing it with a sibling stage. */
  | 'delete-stage'
  /** A plain deploy that imports an OpenAPI file first (merge, so the worker's API keeps its routes). */
  | 'openapi-import'

export interface CanaryPlan {
  /** canary-percent, then canary-steps. */
  steps: number[]
  bakeSeconds: number
  /** How the canary's deployment answers once it is on the stage; undefined: healthy. */
  degrade?: { status: 503 } | { failRatio: 0.5 }
  /** promote: false, then a later run finishes it with this command. */
  finish?: 'promote-canary' | 'rollback-canary'
  /** Which run the faults are armed for: the canary run, or the run that finishes it. */
  faultsOn: 'deploy' | 'finish'
  /** canary-analysis on (5XXError, the probes as traffic), with or without a GetMetricData fault. */
  analysis?: boolean
}

export interface RunPlan {
  index: number
  seed: number
  scenario: Scenario
  canary?: CanaryPlan
  faults: FaultPlan[]
  retryDeadlineSeconds: number
  /** Sent to the (first) deploy run this long after it started. */
  signal?: { name: 'SIGTERM' | 'SIGKILL'; afterMs: number }
  /** The health-check header's secret (canary scenarios, where probes run). */
  secret?: string
  /** checked-plain: how the new deployment answers once the stage serves it; undefined: healthy. */
  degradePlain?: { status: 503 }
  /** from-stage: whether the source's deployment goes through a canary (1 step). */
  fromStageCanary?: boolean
  /** delete-stage: another stage serves the same deployment, which must then stay. */
  sibling?: boolean
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const PERCENTS = [5, 10, 25, 50, 75, 100]

export function planRun(campaignSeed: number, index: number): RunPlan {
  const seed = runSeed(campaignSeed, index)
  const rng = new Rng(seed)
  const scenario = rng.pick<Scenario>([
    'new-stage',
    'existing-stage',
    'canary',
    'canary',
    'canary-then-finish',
    'configured-stage',
    'from-stage',
    'checked-plain',
    'delete-stage',
    'openapi-import'
  ])
  let canary: CanaryPlan | undefined
  if (scenario === 'canary' || scenario === 'canary-then-finish') {
    const finish =
      scenario === 'canary-then-finish' ? rng.pick(['promote-canary', 'rollback-canary'] as const) : undefined
    canary = {
      steps: rng.sample(PERCENTS, rng.int(1, 3)),
      bakeSeconds: rng.int(0, 2),
      degrade: rng.chance(0.5)
        ? undefined
        : rng.pick([{ status: 503 as const }, { failRatio: 0.5 as const }]),
      finish,
      faultsOn: finish && rng.chance(0.5) ? 'finish' : 'deploy'
    }
  }
  const faults = rng.sample(FAULT_OPERATIONS, rng.int(1, 3)).map(op => pickFault(rng, op))
  // A hung call is only given up when the deadline passes: keep it short so the run stays bounded.
  const retryDeadlineSeconds = faults.some(f => f.kind === 'hang') ? 3 : rng.int(3, 10)
  const signalRoll = rng.next()
  const afterMs = rng.int(200, 3000)
  const signal =
    signalRoll < 0.2
      ? { name: 'SIGTERM' as const, afterMs }
      : signalRoll < 0.4
        ? { name: 'SIGKILL' as const, afterMs }
        : undefined
  const probed = canary || scenario === 'checked-plain'
  const secret = probed
    ? Array.from({ length: 24 }, () => rng.pick([...SECRET_ALPHABET])).join('')
    : undefined
  const degradePlain = scenario === 'checked-plain' && rng.chance(0.5) ? { status: 503 as const } : undefined
  const fromStageCanary = scenario === 'from-stage' ? rng.chance(0.5) : undefined
  const sibling = scenario === 'delete-stage' ? rng.chance(0.5) : undefined
  // Drawn last, so that adding it left every earlier draw (and so every older plan) as it was.
  // Not at a first step of 100%: the analysis refuses it (the base would serve nothing).
  if (canary && canary.bakeSeconds > 0 && canary.steps[0] < 100 && rng.chance(0.5)) {
    canary.analysis = true
    if (rng.chance(0.5)) faults.push(pickFault(rng, 'GetMetricData'))
  }
  return {
    index,
    seed,
    scenario,
    canary,
    faults,
    retryDeadlineSeconds,
    signal,
    secret,
    ...(degradePlain ? { degradePlain } : {}),
    ...(fromStageCanary !== undefined ? { fromStageCanary } : {}),
    ...(sibling !== undefined ? { sibling } : {})
  }
}

function pickFault(rng: Rng, op: string): FaultPlan {
  switch (rng.pick(FAULT_KINDS)) {
    case 'throttle':
      return { kind: 'throttle', op, count: rng.int(1, 3) }
    case 'fail':
      return { kind: 'fail', op, status: rng.pick([500, 502, 503, 504] as const) }
    case 'conflict':
      return { kind: 'conflict', op }
    case 'drop-response':
      return { kind: 'drop-response', op }
    case 'latency':
      return { kind: 'latency', op, ms: rng.int(100, 1500), after: rng.chance(0.5) }
    case 'hang':
      return { kind: 'hang', op }
  }
}

/** How many calls a fault may hit: for the cross-check against what the emulator recorded. */
export function faultCapacity(fault: FaultPlan): number {
  return fault.kind === 'throttle' ? fault.count : 1
}

export function describeFault(f: FaultPlan): string {
  switch (f.kind) {
    case 'throttle':
      return `throttle(${f.op}, ${f.count})`
    case 'fail':
      return `fail(${f.op}, ${f.status})`
    case 'conflict':
      return `fail(${f.op}, 409 ConflictException)`
    case 'drop-response':
      return `dropResponse(${f.op})`
    case 'latency':
      return `latency(${f.op}, ${f.ms} ms${f.after ? ', after' : ''})`
    case 'hang':
      return `hang(${f.op})`
  }
}

export function describePlan(plan: RunPlan): string {
  const parts: string[] = [plan.scenario]
  const { canary } = plan
  if (canary) {
    parts.push(`steps ${canary.steps.join('→')}%`, `bake ${canary.bakeSeconds} s`)
    if (canary.degrade) parts.push('status' in canary.degrade ? 'canary answers 503' : 'canary fails 50%')
    if (canary.finish) parts.push(`then ${canary.finish} (faults on the ${canary.faultsOn} run)`)
    if (canary.analysis) parts.push('judged on its metrics')
  }
  if (plan.degradePlain) parts.push('new deployment answers 503')
  if (plan.fromStageCanary !== undefined) parts.push(plan.fromStageCanary ? 'through a canary' : 'plain')
  if (plan.sibling !== undefined) parts.push(plan.sibling ? 'a sibling stage shares the deployment' : 'alone')
  parts.push(`deadline ${plan.retryDeadlineSeconds} s`)
  if (plan.signal) parts.push(`${plan.signal.name} at ${plan.signal.afterMs} ms`)
  return parts.join(', ')
}
