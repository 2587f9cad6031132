/**
 * Runs the bundled action the way the GitHub runner does: `node dist/index.js` as a child process, inputs
 * as INPUT_* variables, and GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files it writes to.
 * Asynchronous on purpose: the emulator serves from this same (jest) process.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
/** The post: step's entry, as action.yml names it. */
export const POST_ACTION = fileURLToPath(new URL('../../dist/post.js', import.meta.url))

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** What the step saved with core.saveState, as the runner hands it to the post step. */
  state: Record<string, string>
  summary: string
  /** ::error:: lines, without the prefix. */
  errors: string[]
}

export interface RunOptions {
  env?: Record<string, string>
  /** Run the post: step (dist/post.js) instead of the main step. */
  post?: boolean
  /** Saved state of the main step, as the runner hands it to the post step. */
  state?: Record<string, string>
  /** Called once the process has started (e.g. to signal it later). */
  onStart?: (child: ChildProcess) => void
  timeoutMs?: number
}

/**
 * The environment the runner gives a step: INPUT_* variables, its command files (in `dir`), a commit and run,
 * and credentials for the SDK's default chain (the emulator accepts any signed request).
 */
export function runnerEnv(
  inputs: Record<string, string>,
  dir: string,
  options: { env?: Record<string, string>; state?: Record<string, string> } = {}
): {
  env: Record<string, string>
  files: Record<'GITHUB_OUTPUT' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>
} {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...files,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    // The SDK warns on Node 20 (GitHub runs node24); the warning is noise in every test's stderr.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_REPOSITORY: 'octo/pets-api',
    ...options.env
  }
  // The runner's rule: INPUT_ + name with spaces as underscores, upper-cased (hyphens stay).
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  return { env, files }
}

export function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const { env, files } = runnerEnv(inputs, dir, options)

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.post ? POST_ACTION : ACTION], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result: ActionRun = {
        code,
        signal,
        stdout,
        stderr,
        outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        errors: stdout
          .split('\n')
          .filter(line => line.startsWith('::error'))
          .map(line => unescapeCommandData(line.replace(/^::error[^:]*::/, '')))
      }
      rmSync(dir, { recursive: true, force: true })
      resolve(result)
    })
    options.onStart?.(child)
  })
}

/** Parses the runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER` (last write wins). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const end = lines.indexOf(match[2], i + 1)
    values[match[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return values
}

/** Workflow commands escape %, CR and LF in their data (see @actions/core's command.ts). */
export function unescapeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** Resolves when the child's stdout has printed `text`. */
export function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise(resolve => {
    let seen = ''
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString()
      if (seen.includes(text)) {
        child.stdout?.off('data', onData)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
  })
}
