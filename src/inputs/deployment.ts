/** What the new deployment and the stage it lands on should say: descriptions, variables, an earlier canary. */
import type { Readers } from './readers.js'

export type ExistingCanaryPolicy = 'fail' | 'replace'

export interface DeploymentInputs {
  stageDescription?: string
  /** Undefined: the run's default (commit, ref, run). */
  deploymentDescription?: string
  stageVariables: Record<string, string>
  canaryExisting: ExistingCanaryPolicy
}

// CreateDeployment and UpdateStage take descriptions of any length in the model; the console caps them at
// 1024 characters, and a longer one is certainly a mistake (a pasted file).
const MAX_DESCRIPTION = 1024

export function readDeployment(read: Readers): DeploymentInputs {
  const description = (input: string): string | undefined => {
    const value = read.text(input)
    if (value !== undefined && value.length > MAX_DESCRIPTION)
      return read.problems.add(
        `Input "${input}": at most ${MAX_DESCRIPTION} characters (it has ${value.length}).`
      )
    return value
  }
  return {
    stageDescription: description('stage-description'),
    deploymentDescription: description('deployment-description'),
    stageVariables: read.variables('stage-variables'),
    canaryExisting: read.oneOf<ExistingCanaryPolicy>('canary-existing', ['fail', 'replace'], 'fail')
  }
}
