/**
 * The runner's protocol for the first moments of a run, before @actions/core is loaded: reading inputs and
 * state, and reporting invalid inputs. @actions/core brings its OIDC HTTP client (undici) and @actions/exec
 * with it, about 130 ms of loading on a 100 ms node start (docs/benchmarks.md has the profile); bad input
 * should fail in about the time node takes to start. Everything here follows @actions/core 3 exactly
 * (core.js getInput/getState, command.js escapeData); once the inputs are valid, core does the rest.
 */
import { appendFileSync } from 'node:fs'

/** core.getInput: `INPUT_` + the name with spaces as underscores, upper-cased; trimmed; '' when unset. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** core.getState: what the main step saved with core.saveState, as the runner hands it to the post step. */
export function getState(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`STATE_${name}`] ?? ''
}

/** A workflow command's data, escaped as @actions/core escapes it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function issue(command: 'error' | 'warning' | 'debug', message: string): void {
  process.stdout.write(`::${command}::${escapeData(message)}\n`)
}

/** core.setFailed: an error annotation, and the step's exit code 1. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

/** Appends to the job summary; a runner without one gets a warning, never a failure of its own. */
export function appendSummary(html: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY
  if (!file) return issue('warning', 'The job summary was not written: GITHUB_STEP_SUMMARY is not set.')
  try {
    appendFileSync(file, html, 'utf8')
  } catch (error) {
    issue('warning', `The job summary was not written: ${(error as Error).message}`)
  }
}
