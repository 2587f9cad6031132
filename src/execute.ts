/**
 * Everything after the inputs are valid. `main.ts` loads this module with a dynamic import(), so the AWS
 * SDK is only loaded once the inputs have passed validation.
 */
import * as core from '@actions/core'
import { context } from '@actions/github'
import { AlarmWatcher } from './alarms.js'
import { deployCanary } from './canary.js'
import { finishCanary } from './canary-commands.js'
import { deployPlain } from './deploy.js'
import { Gateway } from './gateway.js'
import type { Inputs } from './inputs.js'
import type { Result } from './result.js'

export async function execute(inputs: Inputs, signal: AbortSignal): Promise<Result> {
  const gateway = new Gateway(inputs)
  const alarms =
    inputs.alarmNames.length > 0
      ? new AlarmWatcher(inputs.alarmNames, { ...inputs, endpointUrl: inputs.cloudwatchEndpointUrl })
      : undefined
  try {
    const { restApiId, stage } = await core.group('Find the REST API and stage', async () => {
      const id = 'id' in inputs.api ? inputs.api.id : await gateway.findRestApiId(inputs.api.name)
      if ('name' in inputs.api) core.info(`REST API "${inputs.api.name}" is ${id}.`)
      gateway.restApiId = id
      const found = await gateway.getStage(id, inputs.stageName)
      core.info(
        found
          ? `Stage "${inputs.stageName}" serves deployment ${found.deploymentId}${found.canarySettings ? ` and has a canary (deployment ${found.canarySettings.deploymentId}, ${found.canarySettings.percentTraffic ?? 0}%)` : ''}.`
          : `Stage "${inputs.stageName}" does not exist.`
      )
      return { restApiId: id, stage: found }
    })
    if (inputs.command !== 'deploy') {
      return await core.group(`${inputs.command} on stage "${inputs.stageName}"`, () =>
        finishCanary(gateway, inputs, restApiId, stage)
      )
    }
    const target = { restApiId, deploymentDescription: inputs.deploymentDescription ?? describeRun() }
    if (inputs.canary)
      return await deployCanary({ gateway, alarms, signal }, inputs, inputs.canary, target, stage)
    return await core.group(`Deploy to stage "${inputs.stageName}"`, () =>
      deployPlain(gateway, inputs, target, stage)
    )
  } finally {
    gateway.destroy()
    alarms?.destroy()
  }
}

/** The default deployment description: the commit, ref and run that made it, on one line. */
export function describeRun(): string {
  let text = `Deployed by GitHub Actions from ${context.sha ? context.sha.slice(0, 12) : 'an unknown commit'}`
  if (context.ref) text += ` on ${context.ref}`
  if (context.runId) {
    let repository = ''
    try {
      repository = ` of ${context.repo.owner}/${context.repo.repo}`
    } catch {
      // context.repo throws without GITHUB_REPOSITORY; the run id alone still helps.
    }
    text += ` (run ${context.runId}${repository})`
  }
  return text
}
