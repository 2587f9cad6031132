/** What a run did, for the step's outputs and the job summary. */
import type { Command, Inputs } from './inputs.js'
import { invokeUrl } from './urls.js'

export type CanaryResult = 'promoted' | 'rolled-back' | 'active' | 'none'

export interface LatencySummary {
  p50: number
  p95: number
  max: number
}

export interface StepReport {
  percent: number
  probes: number
  failures: number
  latencyMs?: LatencySummary
  /** Alarms seen in ALARM during the step. */
  alarms: string[]
  verdict: 'passed' | 'failed'
  /** Why the step failed, or what the log should say about it. */
  note?: string
}

export interface Result {
  command: Command
  restApiId: string
  stageName: string
  invokeUrl: string
  /** The deployment the stage serves at the end of the run. */
  deploymentId: string
  previousDeploymentId?: string
  stageCreated: boolean
  canaryDeploymentId?: string
  canaryResult: CanaryResult
  steps: StepReport[]
  /** Set when the run ended in a safe state but must fail the step (e.g. a rolled-back canary). */
  failure?: string
}

/** The part of a result every command fills the same way: where it deployed, nothing done yet. */
export function resultFor(
  inputs: Inputs,
  restApiId: string
): Pick<Result, 'command' | 'restApiId' | 'stageName' | 'invokeUrl' | 'canaryResult' | 'steps'> {
  return {
    command: inputs.command,
    restApiId,
    stageName: inputs.stageName,
    invokeUrl: invokeUrl(restApiId, inputs.stageName, inputs.region, inputs.endpointUrl),
    canaryResult: 'none',
    steps: []
  }
}
