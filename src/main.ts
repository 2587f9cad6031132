/**
 * The action's one entry: inputs -> (dynamically loaded) AWS work -> outputs and summary. The same bundle
 * is the `post:` step, which cleans up a canary that a killed main step left behind.
 */
import * as core from '@actions/core'
import { ActionError, InputError } from './errors.js'
import { readInputs } from './inputs.js'
import { setOutputs, writeSummary } from './report.js'
import { isPostStep, markMainStepStarted } from './run-state.js'

export async function run(): Promise<void> {
  if (isPostStep()) {
    const { cleanUpPendingCanary } = await import('./post.js')
    return report(cleanUpPendingCanary)
  }
  markMainStepStarted()
  await report(async () => {
    // Validated before any AWS code loads: bad input fails in about the time node takes to start.
    const inputs = readInputs(name => core.getInput(name), process.env)
    // Probe headers often carry tokens; keep them out of every later log line.
    for (const value of Object.values(inputs.healthCheck?.headers ?? {})) if (value) core.setSecret(value)
    const controller = new AbortController()
    const onSignal = (signal: NodeJS.Signals): void => {
      core.warning(`Received ${signal}: stopping; a canary in progress is rolled back.`)
      controller.abort(new ActionError(`received ${signal}`))
    }
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      const { execute } = await import('./execute.js')
      const result = await execute(inputs, controller.signal)
      setOutputs(result)
      await writeSummary(result, inputs.region, inputs.endpointUrl)
      if (result.failure) core.setFailed(result.failure)
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  })
}

/** Runs the work; user-facing errors become one clear failure line, others keep their stack in debug. */
async function report(work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    if (error instanceof InputError) {
      for (const problem of error.problems) core.error(problem)
      core.setFailed(
        `${error.problems.length === 1 ? 'Invalid input' : 'Invalid inputs'}: nothing was changed.`
      )
    } else {
      const message =
        error instanceof ActionError
          ? error.message
          : `Unexpected error: ${(error as Error)?.message ?? String(error)}`
      if (!(error instanceof ActionError)) core.debug((error as Error)?.stack ?? String(error))
      core.setFailed(message)
      await writeFailureSummary(message)
    }
  }
}

/** A failed run still tells the job summary's reader what happened (input errors stay in the log). */
async function writeFailureSummary(message: string): Promise<void> {
  try {
    await core.summary.addHeading('❌ API Gateway deploy failed', 3).addCodeBlock(message).write()
  } catch (error) {
    core.debug(`No job summary written: ${(error as Error).message}`)
  }
}
