/**
 * Releases without rebuilding: the deployment the stage is pointed at comes from another stage
 * (`from-stage`, the guide's "promote the test stage to prod") or is any existing one (`to-deployment`,
 * the one-step rollback); without either, the run creates a new deployment.
 */
import type { Readers } from './readers.js'
import { STAGE_NAME } from './target.js'

export type ReleaseSource =
  { kind: 'new' } | { kind: 'stage'; stageName: string } | { kind: 'deployment'; deploymentId: string }

// Deployment ids are like REST API ids: https://docs.aws.amazon.com/apigateway/latest/api/API_Deployment.html
const DEPLOYMENT_ID = /^[a-z0-9]{1,32}$/
const NEW: ReleaseSource = { kind: 'new' }

export function readReleaseSource(read: Readers, stageName: string): ReleaseSource {
  const { problems } = read
  const fromStage = read.get('from-stage')
  const toDeployment = read.get('to-deployment')
  if (fromStage && toDeployment) {
    problems.add('Inputs "from-stage" and "to-deployment": set one of them, not both.')
    return NEW
  }
  if (fromStage) {
    if (!STAGE_NAME.test(fromStage)) {
      problems.bad('from-stage', fromStage, 'is not a valid stage name: letters, digits, - and _.')
      return NEW
    }
    if (fromStage === stageName) {
      problems.add(
        `Input "from-stage": "${fromStage}" is the stage being deployed; name the stage to promote from.`
      )
      return NEW
    }
    return { kind: 'stage', stageName: fromStage }
  }
  if (toDeployment) {
    if (!DEPLOYMENT_ID.test(toDeployment)) {
      problems.bad(
        'to-deployment',
        toDeployment,
        'is not a deployment id (lowercase letters and digits, like "a1b2c3").'
      )
      return NEW
    }
    return { kind: 'deployment', deploymentId: toDeployment }
  }
  return NEW
}
