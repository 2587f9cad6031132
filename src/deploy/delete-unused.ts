/** Deleting a deployment that no stage uses, so a failed or rolled-back run leaves nothing behind. */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { ActionError, errorMessage } from '../errors.js'

/** Deletes the deployment; says what happened, never throws (a leftover snapshot serves nothing). */
export async function deleteQuietly(
  gateway: Gateway,
  restApiId: string,
  deploymentId: string
): Promise<string> {
  try {
    await gateway.deleteDeployment(restApiId, deploymentId)
    return `Deleted the unused deployment ${deploymentId}.`
  } catch (error) {
    core.debug(`DeleteDeployment ${deploymentId}: ${errorMessage(error)}`)
    return `Deployment ${deploymentId} was not deleted (${(error as ActionError).code ?? 'error'}); delete it once no stage uses it.`
  }
}
