/**
 * The main and post steps, thin: inputs are read and validated, and signals watched, before anything heavy
 * loads. Only valid input loads execute.ts (and with it @actions/core and the AWS SDK), so bad input fails
 * in about the time node itself takes to start. Nothing below here reads process.env or the inputs.
 */
import { ActionError, InputError } from './errors.js'
import { readFileSync } from 'node:fs'
import { readInputs, type EventPayload, type Inputs } from './inputs/index.js'
import { LEFTOVERS_KEY, parseLeftovers, parsePendingCanary, PENDING_CANARY_KEY } from './post/pending.js'
import { renderFailureSummary } from './report/html.js'
import { appendSummary, getInput, getState, issue, setFailed } from './runner.js'

export async function run(): Promise<void> {
  const started = Date.now()
  const controller = new AbortController()
  const progress = { finished: false }
  // Installed first and kept until the process exits: a signal at any instant is reported and acted on
  // (a canary in progress is rolled back), never left to kill the process mid-change or after it.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (progress.finished)
      return issue('warning', `Received ${signal} after the work was done: finishing the step.`)
    issue(
      'warning',
      `Received ${signal}: stopping; a canary in progress is rolled back, nothing new is sent.`
    )
    controller.abort(new ActionError(`received ${signal}`))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  let inputs
  try {
    // YAML (for method-settings and api-definition) is loaded only when needed: most runs never pay for it.
    const yaml =
      getInput('method-settings') || getInput('api-definition') ? await import('./inputs/yaml.js') : undefined
    inputs = readInputs(getInput, process.env, { structured: yaml?.parseYaml, event: readEvent(process.env) })
    if (inputs.definitions.import && yaml) inputs = await withDefinitionFile(inputs, yaml.parseYaml)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return failInputs(error.problems)
  }
  for (const warning of inputs.warnings) issue('warning', warning)
  const { execute } = await import('./execute.js')
  await execute(inputs, { signal: controller.signal, started, env: process.env, progress })
}

/**
 * The api-definition file, read and checked (syntax with line and column, placeholders, version) before any
 * AWS code loads, so a broken file fails in node's start-up time and changes nothing.
 */
async function withDefinitionFile(inputs: Inputs, parseYaml: (text: string) => unknown): Promise<Inputs> {
  const options = inputs.definitions.import
  if (!options) return inputs
  const { loadDefinition } = await import('./definitions/file.js')
  const { titleProblem } = await import('./definitions/load.js')
  const loaded = loadDefinition({
    path: options.path,
    baseDir: process.env.GITHUB_WORKSPACE || process.cwd(),
    variables: options.variables,
    parseYaml
  })
  if (!loaded.ok) throw new InputError(loaded.problems)
  // PutRestApi renames the API after info.title: a rest-api-name that no longer matches would not find it.
  const title =
    'name' in inputs.target.api ? titleProblem(inputs.target.api.name, loaded.document) : undefined
  if (title) throw new InputError([title])
  if (loaded.unusedVariables.length > 0)
    process.stdout.write(
      `definition-variables not used in ${options.path}: ${loaded.unusedVariables.join(', ')}\n`
    )
  return { ...inputs, definitionFile: loaded }
}

/** The post: step. Does nothing, and loads nothing heavy, unless the main step left something unfinished. */
export async function runPost(): Promise<void> {
  const raw = { canary: getState(PENDING_CANARY_KEY), leftovers: getState(LEFTOVERS_KEY) }
  if (!raw.canary && !raw.leftovers) return issue('debug', 'Nothing unfinished: nothing to clean up.')
  const pending = raw.canary ? parsePendingCanary(raw.canary) : undefined
  const leftovers = raw.leftovers ? parseLeftovers(raw.leftovers) : undefined
  if (raw.canary && !pending)
    issue('warning', `Ignoring unreadable saved state ${PENDING_CANARY_KEY}: ${raw.canary}`)
  if (raw.leftovers && !leftovers)
    issue('warning', `Ignoring unreadable saved state ${LEFTOVERS_KEY}: ${raw.leftovers}`)
  if (!pending && !leftovers) return
  const { executePost } = await import('./execute.js')
  await executePost(pending, leftovers)
}

/**
 * The workflow's event payload (GITHUB_EVENT_PATH, written by the runner), read only when a preview may
 * need its pull request. Unreadable: as if there were none (the inputs then say what is missing).
 */
function readEvent(env: NodeJS.ProcessEnv): EventPayload | undefined {
  const wanted =
    ['true', 'True', 'TRUE'].includes(getInput('preview')) || getInput('command') === 'prune-previews'
  if (!wanted || !env.GITHUB_EVENT_PATH) return undefined
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload
  } catch (error) {
    issue(
      'warning',
      `The event payload ${env.GITHUB_EVENT_PATH} could not be read: ${(error as Error).message}`
    )
    return undefined
  }
}

function failInputs(problems: string[]): void {
  for (const problem of problems) issue('error', problem)
  setFailed(`${problems.length === 1 ? 'Invalid input' : 'Invalid inputs'}: nothing was changed.`)
  appendSummary(
    renderFailureSummary('❌ API Gateway deploy failed: invalid input, nothing was changed', problems)
  )
}
