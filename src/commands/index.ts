/**
 * The dispatcher: opens the clients, finds the API and stage once, and hands that context to the command's
 * handler. Loaded with a dynamic import(), so the AWS SDK is only loaded once the inputs have passed
 * validation.
 */
import * as core from '@actions/core'
import { AlarmReader } from '../aws/cloudwatch.js'
import { Gateway } from '../aws/gateway.js'
import type { Command, Inputs } from '../inputs/index.js'
import { resultFor, type Result } from '../report/result.js'
import { configureStageCommand } from './configure-stage.js'
import { locate, type RunContext } from './context.js'
import { deploy } from './deploy.js'
import { dryRunResult, finishChanges } from './dry-run.js'
import { promoteCanaryCommand, rollbackCanaryCommand } from './finish-canary.js'

type Handler = (context: RunContext, inputs: Inputs) => Promise<Result>

const HANDLERS: Record<Command, Handler> = {
  deploy: (context, inputs) => deploy(context, inputs),
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
  const alarms =
    inputs.checks.alarmNames.length > 0
      ? new AlarmReader(inputs.checks.alarmNames, {
          ...target,
          endpointUrl: target.cloudwatchEndpointUrl,
          signal
        })
      : undefined
  try {
    const context = await core.group('Find the REST API and stage', () =>
      locate({ gateway, alarms, signal }, target, inputs.urls)
    )
    return await HANDLERS[inputs.command](context, inputs)
  } finally {
    gateway.destroy()
    alarms?.destroy()
  }
}
