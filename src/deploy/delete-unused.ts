/** Deleting a deployment that no stage uses, so a failed or rolled-back run leaves nothing behind. */
import * as core from '@actions/core'
import type { Gateway } from '../aws/gateway.js'
import { ActionError, errorMessage } from '../errors.js'
import { recordLeftover } from '../post/state.js'

/**
 * Deletes the deployment; says what happened, never throws. One that cannot be deleted now is recorded for
 * the post step, which tries again (`leaveForPost: false` in the post step itself).
 */
export async function deleteQuietly(
  gateway: Gateway,
  restApiId: string,
  deploymentId: string,
  options: { leaveForPost?: boolean } = {}
): Promise<string> {
  try {
    await gateway.deleteDeployment(restApiId, deploymentId)
    return `Deleted the unused deployment ${deploymentId}.`
  } catch (error) {
    core.debug(`DeleteDeployment ${deploymentId}: ${errorMessage(error)}`)
    const code = (error as ActionError).code ?? 'error'
    if (options.leaveForPost === false)
      return `Deployment ${deploymentId} was not deleted (${code}); delete it once no stage uses it.`
    recordLeftover({ ...gateway.connection, restApiId }, deploymentId)
    return `Deployment ${deploymentId} was not deleted (${code}); the post step tries again.`
  }
}
