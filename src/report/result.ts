/** What a run did, for the step's outputs and the job summary. */
import type { Command } from '../inputs/index.js'
import type { PlannedChange } from '../stage-settings/plan.js'

export type { PlannedChange } from '../stage-settings/plan.js'

export type CanaryResult = 'promoted' | 'rolled-back' | 'active' | 'none'

export interface LatencySummary {
  p50: number
  p95: number
  max: number
}

/** One group's figures in a canary analysis (the canary's or the base's, over the same window). */
export interface AnalysisFigures {
  requests: number
  errors: number
  /** errors / requests; null without requests. */
  errorRate: number | null
  /** Minutes with requests. */
  minutes: number
  /** Median over the minutes of each latency percentile, ms. */
  latencyMs: { p50?: number; p90?: number; p99?: number }
}

/** The canary analysis of a step: its last verdict, with the figures and tests it rests on. */
export interface AnalysisReport {
  verdict: 'pass' | 'fail' | 'inconclusive'
  reason: string
  /** The tests that ran, by name. */
  tests: string[]
  canary: AnalysisFigures
  base: AnalysisFigures
  findings: { check: string; verdict: string; statistic?: number; pValue?: number; alpha: number }[]
  /** The window judged: from the canary's start to the last read (ISO 8601). */
  window: { start: string; end: string }
  /** Seconds the step ran past its bake for a conclusive verdict (on-inconclusive: wait). */
  waitedSeconds: number
}

export interface StepReport {
  percent: number
  /** Seconds the step ran its checks (its bake), until it passed, failed or was cancelled. */
  bakeSeconds: number
  probes: number
  failures: number
  latencyMs?: LatencySummary
  /** Alarms seen in ALARM during the step. */
  alarms: string[]
  verdict: 'passed' | 'failed'
  /** Why the step failed, or what the log should say about it. */
  note?: string
  /** canary-analysis: the metrics verdict. */
  analysis?: AnalysisReport
}

export interface Result {
  command: Command
  restApiId: string
  /** Unknown when the role may not read the API itself. */
  restApiName?: string
  stageName: string
  invokeUrl: string
  /** https://{domain-name}/{base-path}, with a custom domain. */
  baseUrl?: string
  /** The deployment the stage serves at the end of the run. */
  deploymentId: string
  /** The description of the deployment this run created, if it created one. */
  deploymentDescription?: string
  /** What the stage served before the run (undefined for a new stage). */
  previousDeploymentId?: string
  stageCreated: boolean
  canaryDeploymentId?: string
  canaryResult: CanaryResult
  steps: StepReport[]
  /** The stage changes this run made (or, in a dry run, would make), each from -> to. */
  changes: PlannedChange[]
  /** A dry run: `changes` were planned, nothing was written. */
  dryRun: boolean
  /** delete-stage: whether there was a stage to delete. */
  stageRemoved?: boolean
  /** The run did nothing on purpose (a fork's preview without credentials), and says why in `notes`. */
  skipped?: boolean
  /** What a removal did and kept, one line each (delete-stage, prune-previews). */
  notes?: string[]
  /** Absolute paths of the files written after the release (export-path, sdk-path). */
  exportFile?: string
  sdkFile?: string
  /** Set when the run ended in a safe state but must fail the step (e.g. a rolled-back canary). */
  failure?: string
}

/** Where a run works: the part of every result that the command does not change. */
export interface ResultTarget {
  command: Command
  restApiId: string
  restApiName?: string
  stageName: string
  invokeUrl: string
  baseUrl?: string
}

/** The common part of every result: where it deployed, nothing done yet. */
export function resultFor(
  target: ResultTarget
): Pick<Result, keyof ResultTarget | 'canaryResult' | 'steps' | 'changes' | 'dryRun'> {
  const { command, restApiId, restApiName, stageName, invokeUrl, baseUrl } = target
  return {
    command,
    restApiId,
    restApiName,
    stageName,
    invokeUrl,
    baseUrl,
    canaryResult: 'none',
    steps: [],
    changes: [],
    dryRun: false
  }
}
