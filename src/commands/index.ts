/**
 * The dispatcher: opens the clients, finds the API and stage once, and hands that context to the command's
 * handler. Loaded with a dynamic import(), so the AWS SDK is only loaded once the inputs have passed
 * validation.
 */
import * as core from '@actions/core'
import { AlarmReader } from '../aws/cloudwatch.js'
import { Gateway } from '../aws/gateway.js'
import type { Command, Inputs } from '../inputs/index.js'
import type { Result } from '../report/result.js'
import { locate, type RunContext } from './context.js'
import { deploy } from './deploy.js'
import { promoteCanaryCommand, rollbackCanaryCommand } from './finish-canary.js'

type Handler = (context: RunContext, inputs: Inputs) => Promise<Result>

const HANDLERS: Record<Command, Handler> = {
  deploy: (context, inputs) => deploy(context, inputs),
  'promote-canary': (context, inputs) =>
    core.group(`promote-canary on stage "${context.stageName}"`, () =>
      promoteCanaryCommand(context, inputs.deployment.stageDescription)
    ),
  'rollback-canary': context =>
    core.group(`rollback-canary on stage "${context.stageName}"`, () => rollbackCanaryCommand(context))
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
      locate({ gateway, alarms, signal }, target)
    )
    return await HANDLERS[inputs.command](context, inputs)
  } finally {
    gateway.destroy()
    alarms?.destroy()
  }
}
