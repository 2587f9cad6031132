/**
 * Everything after the inputs are valid, loaded by main.ts with a dynamic import() (one chunk with
 * @actions/core and the AWS SDK; importing them statically here keeps them in that one chunk): the
 * secrets masked, the command run, then the outputs (first) and the summary; failures become one line.
 */
import * as core from '@actions/core'
import { dispatch } from './commands/index.js'
import { ActionError, errorMessage } from './errors.js'
import { secretsOf, type Inputs } from './inputs/index.js'
import { cleanUpLeftovers, cleanUpPendingCanary } from './post/cleanup.js'
import type { Leftovers, PendingCanary } from './post/pending.js'
import { setOutputs } from './report/outputs.js'
import { renderFailureSummary, renderSummary } from './report/summary.js'
import { writeSummary } from './report/write-summary.js'
import { proxySecrets, registerSecret } from './secrets.js'

export interface RunControl {
  signal: AbortSignal
  /** When the run started (ms), for the summary's duration. */
  started: number
  /** The runner's environment, for the secrets in proxy URLs. */
  env: NodeJS.ProcessEnv
  /** Set once the work is done: a signal after that no longer interrupts. */
  progress: { finished: boolean }
}

export async function execute(inputs: Inputs, control: RunControl): Promise<void> {
  for (const secret of [...secretsOf(inputs), ...proxySecrets(control.env)]) registerSecret(secret)
  try {
    const result = await dispatch(inputs, control.signal)
    control.progress.finished = true
    setOutputs(result)
    const { region, endpointUrl } = inputs.target
    await writeSummary(
      renderSummary(result, { region, endpointUrl, durationMs: Date.now() - control.started })
    )
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    await reportFailure(error, 'API Gateway deploy failed')
  }
}

export async function executePost(pending?: PendingCanary, leftovers?: Leftovers): Promise<void> {
  try {
    const done: string[] = []
    if (pending) {
      const { action, done: what } = await cleanUpPendingCanary(pending)
      if (action !== 'none') done.push(what)
    }
    if (leftovers) done.push(...(await cleanUpLeftovers(leftovers)))
    if (done.length > 0) await writeSummary(renderFailureSummary('↩️ API Gateway deploy: post step', done))
  } catch (error) {
    await reportFailure(error, 'API Gateway deploy: post step failed')
  }
}

/** User-facing errors become one clear failure line (and a summary); others keep their stack in debug. */
async function reportFailure(error: unknown, title: string): Promise<void> {
  const message = error instanceof ActionError ? error.message : `Unexpected error: ${errorMessage(error)}`
  if (!(error instanceof ActionError)) core.debug((error as Error)?.stack ?? String(error))
  core.setFailed(message)
  await writeSummary(renderFailureSummary(`❌ ${title}`, [message]))
}
