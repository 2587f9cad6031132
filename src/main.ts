/**
 * The main and post steps: inputs -> (dynamically loaded) AWS work -> outputs, then summary. Nothing below
 * here reads process.env or core.getInput.
 */
import * as core from '@actions/core'
import { ActionError, InputError, errorMessage } from './errors.js'
import { readInputs, secretsOf } from './inputs/index.js'
import { loadPendingCanary } from './post/state.js'
import { proxySecrets, registerSecret } from './secrets.js'
import { setOutputs } from './report/outputs.js'
import { renderFailureSummary, renderSummary, writeSummary } from './report/summary.js'

export async function run(): Promise<void> {
  const started = Date.now()
  const controller = new AbortController()
  let finished = false
  // Installed first and kept until the process exits: a signal at any instant is reported and acted on
  // (a canary in progress is rolled back), never left to kill the process mid-change or after it.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (finished) return core.warning(`Received ${signal} after the work was done: finishing the step.`)
    core.warning(`Received ${signal}: stopping; a canary in progress is rolled back, nothing new is sent.`)
    controller.abort(new ActionError(`received ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    // Validated before any AWS code loads: bad input fails in about the time node takes to start.
    const inputs = readInputs(name => core.getInput(name), process.env)
    for (const secret of [...secretsOf(inputs), ...proxySecrets(process.env)]) registerSecret(secret)
    const { execute } = await import('./commands/index.js')
    const result = await execute(inputs, controller.signal)
    finished = true
    setOutputs(result)
    const { region, endpointUrl } = inputs.target
    await writeSummary(renderSummary(result, { region, endpointUrl, durationMs: Date.now() - started }))
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    await reportFailure(error, 'API Gateway deploy failed')
  }
}

/** The post: step. Does nothing (and loads no AWS code) unless the main step left a canary unfinished. */
export async function runPost(): Promise<void> {
  const pending = loadPendingCanary()
  if (!pending) {
    core.debug('No unfinished canary: nothing to clean up.')
    return
  }
  try {
    const { cleanUpPendingCanary } = await import('./post/cleanup.js')
    const { action, done } = await cleanUpPendingCanary(pending)
    if (action !== 'none')
      await writeSummary(renderFailureSummary('↩️ API Gateway deploy: post step', [done]))
  } catch (error) {
    await reportFailure(error, 'API Gateway deploy: post step failed')
  }
}

/** User-facing errors become one clear failure line (and a summary); others keep their stack in debug. */
async function reportFailure(error: unknown, title: string): Promise<void> {
  if (error instanceof InputError) {
    for (const problem of error.problems) core.error(problem)
    core.setFailed(
      `${error.problems.length === 1 ? 'Invalid input' : 'Invalid inputs'}: nothing was changed.`
    )
    await writeSummary(
      renderFailureSummary(`❌ ${title}: invalid input, nothing was changed`, error.problems)
    )
    return
  }
  const message = error instanceof ActionError ? error.message : `Unexpected error: ${errorMessage(error)}`
  if (!(error instanceof ActionError)) core.debug((error as Error)?.stack ?? String(error))
  core.setFailed(message)
  await writeSummary(renderFailureSummary(`❌ ${title}`, [message]))
}
