/**
 * The dispatcher: opens the clients, finds the API and stage once, and hands that context to the command's
 * handler. Loaded with a dynamic import(), so the AWS SDK is only loaded once the inputs have passed
 * validation.
 */
import * as core from '@actions/core'
import { AlarmReader, CloudWatch } from '../aws/cloudwatch.js'
import { Gateway } from '../aws/gateway.js'
import { MetricDataReader } from '../aws/metric-data.js'
import type { Command, Inputs } from '../inputs/index.js'
import { resultFor, type Result } from '../report/result.js'
import { deployPreview } from '../previews/preview-deploy.js'
import { configureStageCommand } from './configure-stage.js'
import { locate, locateApi, type RunContext } from './context.js'
import { deleteStageCommand } from './delete-stage.js'
import { prunePreviewsCommand } from './prune-previews.js'
import { deploy } from './deploy.js'
import { dryRunResult, finishChanges } from './dry-run.js'
import { promoteCanaryCommand, rollbackCanaryCommand } from './finish-canary.js'

type Handler = (context: RunContext, inputs: Inputs) => Promise<Result>

const HANDLERS: Record<Exclude<Command, 'prune-previews'>, Handler> = {
  deploy: (context, inputs) =>
    inputs.preview.enabled ? deployPreview(context, inputs, deploy) : deploy(context, inputs),
  'delete-stage': (context, inputs) =>
    core.group(`delete-stage "${context.stageName}"`, () => deleteStageCommand(context, inputs)),
  'configure-stage': (context, inputs) =>
    core.group(`configure-stage on stage "${context.stageName}"`, () =>
      configureStageCommand(context, inputs)
    ),
  'promote-canary': (context, inputs) =>
    core.group(`promote-canary on stage "${context.stageName}"`, () =>
      inputs.dryRun
        ? finishDryRun(context, 'promote-canary')
        : promoteCanaryCommand(context, inputs.deployment.stageDescription)
    ),
  'rollback-canary': (context, inputs) =>
    core.group(`rollback-canary on stage "${context.stageName}"`, () =>
      inputs.dryRun ? finishDryRun(context, 'rollback-canary') : rollbackCanaryCommand(context)
    )
}

async function finishDryRun(
  context: RunContext,
  command: 'promote-canary' | 'rollback-canary'
): Promise<Result> {
  const { stage } = context
  return dryRunResult(
    {
      ...resultFor({ ...context, command }),
      deploymentId: stage?.deploymentId ?? '',
      previousDeploymentId: stage?.deploymentId,
      stageCreated: false,
      canaryDeploymentId: stage?.canarySettings?.deploymentId
    },
    finishChanges(stage, command)
  )
}

export async function dispatch(inputs: Inputs, signal: AbortSignal): Promise<Result> {
  const { target } = inputs
  const gateway = Gateway.open({ ...target, signal })
  // One CloudWatch client for the alarms and the canary analysis, loaded only when one of them is asked for.
  const cloudwatch = new CloudWatch({ ...target, endpointUrl: target.cloudwatchEndpointUrl, signal })
  const alarms =
    inputs.checks.alarmNames.length > 0 ? new AlarmReader(inputs.checks.alarmNames, cloudwatch) : undefined
  const metrics = inputs.checks.analysis ? new MetricDataReader(cloudwatch) : undefined
  try {
    if (await forkWithoutCredentials(gateway, inputs)) return skippedResult(inputs)
    const { command } = inputs
    if (command === 'prune-previews') {
      const api = await core.group('Find the REST API', () => locateApi({ gateway, alarms, signal }, target))
      return await core.group('prune-previews', () => prunePreviewsCommand(api, inputs))
    }
    const context = await core.group('Find the REST API and stage', () =>
      locate({ gateway, alarms, metrics, signal }, target, inputs.urls)
    )
    return await HANDLERS[command](context, inputs)
  } finally {
    gateway.destroy()
    cloudwatch.destroy()
  }
}

/**
 * A fork's pull request gets no secrets and no OIDC token on `pull_request`: its preview cannot deploy, and
 * that is not the author's failure. Without credentials it is skipped with a notice, before any AWS call.
 */
async function forkWithoutCredentials(gateway: Gateway, inputs: Inputs): Promise<boolean> {
  const pr = inputs.preview.pullRequest
  if (!inputs.preview.enabled || !pr?.fork) return false
  if (await gateway.hasCredentials()) return false
  core.notice(
    `Pull request #${pr.number} comes from a fork, and this run has no AWS credentials (GitHub gives a fork's pull_request run no secrets and no OIDC token): no preview is deployed. See the README's "Previews of pull requests from forks".`
  )
  return true
}

function skippedResult(inputs: Inputs): Result {
  return {
    ...resultFor({
      command: inputs.command,
      restApiId: 'id' in inputs.target.api ? inputs.target.api.id : '',
      stageName: inputs.target.stageName,
      invokeUrl: ''
    }),
    deploymentId: '',
    stageCreated: false,
    skipped: true,
    notes: ["Skipped: a fork's pull request without AWS credentials."]
  }
}
