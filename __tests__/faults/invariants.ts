/**
 * What must hold after every campaign run, whatever faults and signals hit it: checked against the
 * emulator's state (read after the last step, post steps included) and what each step printed. Pure, so a
 * planted violation can be fed to it directly (campaign.test.ts does).
 */
import type { DeploymentJson, StageJson } from '../../emulator/control-plane/types.js'
import type { ActionRun } from '../e2e/run-action.js'

export type StepRole = 'deploy' | 'post' | 'finish' | 'rollback-job'

/** One process the campaign started (a main step, a post step, a later job), and what it left. */
export interface StepRecord {
  role: StepRole
  command: 'deploy' | 'promote-canary' | 'rollback-canary' | 'delete-stage'
  run: ActionRun
  /** A signal the campaign delivered while the process was running. */
  signalSent?: 'SIGTERM' | 'SIGKILL'
  /** The stage right after this step ended (before the next step started). */
  stage: StageJson | undefined
  /** How many control-plane calls reached the emulator while the step ran. */
  calls: number
  /** How long the process ran. */
  ms?: number
}

export interface Observation {
  /** Deployments this run made carry it at the start of their description (deployment-description). */
  descriptionPrefix: string
  /** Whether the deploy run was a canary release (a killed plain deploy may leave one deployment). */
  canary: boolean
  /** What the stage served before the run; undefined when the run was to create it. */
  baseDeploymentId?: string
  /** from-stage: the other stage's deployment, which the run may serve and must never delete. */
  sourceDeploymentId?: string
  /** configured-stage: a successful deploy leaves the stage with CONFIGURED_SETTINGS (campaign.ts). */
  expectSettings?: boolean
  /** delete-stage: the run removes the stage; a sibling on the same deployment must keep it. */
  deleting?: { sibling?: StageJson; siblingExpected: boolean }
  steps: StepRecord[]
  /** After the last step. */
  stage: StageJson | undefined
  deployments: DeploymentJson[]
  /** The secret among the inputs, which must appear nowhere the step wrote. */
  secret?: string
}

export type Invariant =
  | 'stage-serves'
  | 'no-canary-left'
  | 'no-unused-deployment'
  | 'exit-matches'
  | 'no-secret-leak'
  | 'source-kept'
  | 'settings-applied'
  | 'stage-deleted'

export interface Finding {
  invariant: Invariant
  seen: string
}

export interface CheckResult {
  violations: Finding[]
  /** Leftovers the README documents as safe, counted rather than failed. */
  documented: string[]
}

// What a failed step's ::error:: lines must name: the AWS call that failed, or how the canary ended.
const FAILURE_NAMES =
  /\b(GetStages?|GetRestApis?|CreateDeployment|UpdateStage|DeleteDeployment|GetDeployments?|TagResource|CreateStage|DeleteStage|GetDomainNames|DeleteBasePathMapping|PutRestApi|GetExport|GetMetricData)\b|Canary rolled back|Canary not rolled back|Release rolled back|failed its checks|cancelled/

const PROMOTED_LEFTOVER = 'promoted but its settings could not be removed'

export function checkInvariants(obs: Observation): CheckResult {
  const violations: Finding[] = []
  const documented: string[] = []
  const flag = (invariant: Invariant, seen: string): void => void violations.push({ invariant, seen })
  const { stage } = obs
  const ids = new Set(obs.deployments.map(d => d.id))
  const own = obs.deployments.filter(d => d.description?.startsWith(`${obs.descriptionPrefix} [`))
  const deploy = obs.steps.find(s => s.role === 'deploy')
  const last = [...obs.steps].reverse().find(s => s.role !== 'post')

  // 1. The stage serves what it served before the run, or this run's deployment, and that exists.
  if (stage) {
    const allowed = [obs.baseDeploymentId, obs.sourceDeploymentId, ...own.map(d => d.id)]
    if (!ids.has(stage.deploymentId))
      flag('stage-serves', `stage serves deployment ${stage.deploymentId}, which does not exist`)
    else if (!allowed.includes(stage.deploymentId))
      flag('stage-serves', `stage serves ${stage.deploymentId}: neither the base nor one of this run's`)
    const canaryId = stage.canarySettings?.deploymentId
    if (canaryId && !ids.has(canaryId))
      flag('stage-serves', `the stage's canary is deployment ${canaryId}, which does not exist`)
  } else if (obs.baseDeploymentId && !obs.deleting)
    flag('stage-serves', 'the stage existed before the run and is gone')
  else if (deploy?.run.code === 0 && !obs.deleting)
    flag('stage-serves', 'the deploy step succeeded but the stage does not exist')

  // 2. A canary is left only on purpose: the last run left it running (promote: false) and succeeded. The
  // README documents one more: a promotion whose settings could not be removed leaves a 0% canary.
  if (stage?.canarySettings && last) {
    const { deploymentId, percentTraffic } = stage.canarySettings
    const active = last.run.code === 0 && last.run.outputs['canary-result'] === 'active'
    const promotedLeftover =
      last.run.code === 0 &&
      last.run.outputs['canary-result'] === 'promoted' &&
      deploymentId === stage.deploymentId &&
      !(percentTraffic > 0) &&
      last.run.stdout.includes(PROMOTED_LEFTOVER)
    if (promotedLeftover) documented.push('0% canary left after a promotion (warned)')
    else if (!active)
      flag(
        'no-canary-left',
        `canary ${deploymentId} at ${percentTraffic}% remains; the last step (${last.role}) ${ending(last)}, canary-result "${last.run.outputs['canary-result'] ?? ''}"`
      )
  }

  // 3. Every deployment this run made is used by the stage (as its deployment or its canary), except the
  // documented one: a plain deploy killed with SIGKILL may leave one, carrying the run's token.
  const used = new Set([stage?.deploymentId, stage?.canarySettings?.deploymentId])
  const unused = own.filter(d => !used.has(d.id))
  const killedPlain = !obs.canary && deploy?.signalSent === 'SIGKILL' && deploy.run.signal === 'SIGKILL'
  const tokenised = new RegExp(`^${escapeRegExp(obs.descriptionPrefix)} \\[[0-9a-f]{8}\\]$`)
  if (killedPlain && unused.length === 1 && tokenised.test(unused[0].description ?? ''))
    documented.push('unused deployment left by a killed plain deploy')
  else if (unused.length > 0)
    flag(
      'no-unused-deployment',
      `unused deployment(s) ${unused.map(d => `${d.id} "${d.description}"`).join(', ')}${killedPlain ? ' (killed plain deploy: at most one allowed)' : ''}`
    )

  // 3b. A deployment the run released but did not create is never deleted (from-stage).
  if (obs.sourceDeploymentId && !ids.has(obs.sourceDeploymentId))
    flag('source-kept', `the source stage's deployment ${obs.sourceDeploymentId} was deleted`)

  // 3c. A configured stage that deployed successfully has its settings.
  if (obs.expectSettings && deploy?.run.code === 0 && !deploy.run.signal) {
    const wide = stage?.methodSettings?.['*/*']
    const method = stage?.methodSettings?.['health/GET']
    const missing = [
      wide?.throttlingRateLimit === 50 ? '' : 'throttling-rate-limit',
      stage?.tracingEnabled ? '' : 'tracing-enabled',
      method?.cacheTtlInSeconds === 5 && method.metricsEnabled ? '' : 'method-settings',
      stage?.tags?.campaign === 'yes' ? '' : 'tags'
    ].filter(Boolean)
    if (missing.length > 0)
      flag('settings-applied', `the deploy step succeeded but the stage lacks ${missing.join(', ')}`)
  }

  // 3d. delete-stage: a success leaves no stage, and the deployment only it used gone; a sibling stage on the
  // same deployment keeps it, whatever happened.
  if (obs.deleting) {
    const { sibling, siblingExpected } = obs.deleting
    if (siblingExpected && (!sibling || !ids.has(sibling.deploymentId)))
      flag(
        'stage-deleted',
        `the sibling stage ${sibling ? `lost its deployment ${sibling.deploymentId}` : 'is gone'}`
      )
    if (deploy?.run.code === 0 && !deploy.run.signal) {
      if (stage) flag('stage-deleted', 'delete-stage succeeded but the stage is still there')
      const baseLeft = obs.baseDeploymentId !== undefined && ids.has(obs.baseDeploymentId)
      if (!siblingExpected && baseLeft)
        flag(
          'stage-deleted',
          `delete-stage succeeded but the deployment ${obs.baseDeploymentId} only it used is left`
        )
    }
  }

  // 4. Each step's ending says what happened.
  for (const step of obs.steps) checkEnding(step, flag)

  // 5. The secret appears nowhere the step wrote (the ::add-mask:: lines are how the runner learns it).
  if (obs.secret)
    for (const step of obs.steps) {
      const { run } = step
      const places: Record<string, string> = {
        stdout: run.stdout
          .split('\n')
          .filter(line => !line.startsWith('::add-mask::'))
          .join('\n'),
        stderr: run.stderr,
        outputs: JSON.stringify(run.outputs),
        state: JSON.stringify(run.state),
        summary: run.summary
      }
      for (const [place, text] of Object.entries(places))
        if (text.includes(obs.secret))
          flag('no-secret-leak', `the ${step.role} step's ${place} contains the secret`)
    }

  return { violations, documented }
}

function checkEnding(step: StepRecord, flag: (invariant: Invariant, seen: string) => void): void {
  const { run, role } = step
  const errors = run.errors.join(' | ')
  if (step.signalSent === 'SIGKILL') {
    if (run.signal !== 'SIGKILL')
      flag('exit-matches', `the ${role} step was sent SIGKILL but ${ending(step)}`)
    return
  }
  if (run.signal === 'SIGTERM' && step.signalSent === 'SIGTERM') {
    // Node died of the signal before the action's handler was installed: acceptable only if nothing was sent.
    if (step.calls > 0)
      flag(
        'exit-matches',
        `the ${role} step died of SIGTERM after ${step.calls} AWS calls instead of handling it`
      )
    return
  }
  if (run.signal) {
    flag('exit-matches', `the ${role} step ${ending(step)}, which the campaign did not send (it timed out)`)
    return
  }
  if (run.code === 1) {
    if (!FAILURE_NAMES.test(errors))
      flag(
        'exit-matches',
        `the ${role} step failed without naming the operation or the outcome: ${errors || '(no ::error::)'}`
      )
    // Outputs written by a failed step still describe the stage (a rolled-back canary: the base).
    const id = run.outputs['deployment-id']
    if (id && role !== 'post' && id !== step.stage?.deploymentId)
      flag(
        'exit-matches',
        `the ${role} step failed with deployment-id ${id}, but the stage serves ${step.stage?.deploymentId}`
      )
    return
  }
  if (run.code !== 0) {
    flag('exit-matches', `the ${role} step exited ${run.code}`)
    return
  }
  if (role === 'post') return
  const stage = step.stage
  const out = run.outputs
  const result = out['canary-result']
  // delete-stage leaves no stage, and names no deployment.
  if (step.command === 'delete-stage') return
  if (out['deployment-id'] !== stage?.deploymentId)
    flag(
      'exit-matches',
      `the ${role} step succeeded with deployment-id "${out['deployment-id']}", but the stage serves ${stage?.deploymentId}`
    )
  const canary = stage?.canarySettings
  const consistent =
    result === 'none'
      ? !canary
      : result === 'rolled-back'
        ? // Only the rollback-canary command succeeds with a rollback, and the stage must not serve that canary.
          !canary && step.command === 'rollback-canary' && stage?.deploymentId !== out['canary-deployment-id']
        : result === 'active'
          ? canary?.deploymentId === out['canary-deployment-id'] && !!canary?.deploymentId
          : result === 'promoted'
            ? stage?.deploymentId === out['canary-deployment-id'] &&
              (!canary ||
                (canary.deploymentId === stage?.deploymentId && run.stdout.includes(PROMOTED_LEFTOVER)))
            : false
  if (!consistent)
    flag(
      'exit-matches',
      `the ${role} step succeeded with canary-result "${result}" (canary-deployment-id "${out['canary-deployment-id']}"), but the stage serves ${stage?.deploymentId} with ${canary ? `canary ${canary.deploymentId} at ${canary.percentTraffic}%` : 'no canary'}`
    )
}

function ending(step: StepRecord): string {
  return step.run.signal ? `was killed by ${step.run.signal}` : `exited ${step.run.code}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
