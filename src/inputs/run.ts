/**
 * The workflow run this step belongs to, from the variables the runner sets (GITHUB_SHA, GITHUB_REF,
 * GITHUB_RUN_ID, GITHUB_REPOSITORY: the same ones @actions/github's context reads), for the default
 * deployment description. Read here rather than through @actions/github, which would load Octokit.
 */
export interface RunInfo {
  sha?: string
  ref?: string
  runId?: string
  repository?: string
  /** https://github.com, or a GHES host: for links to the run. */
  serverUrl?: string
}

export type RunEnv = Partial<
  Record<'GITHUB_SHA' | 'GITHUB_REF' | 'GITHUB_RUN_ID' | 'GITHUB_REPOSITORY' | 'GITHUB_SERVER_URL', string>
>

export function readRun(env: RunEnv): RunInfo {
  return {
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
    runId: env.GITHUB_RUN_ID || undefined,
    repository: env.GITHUB_REPOSITORY || undefined,
    serverUrl: env.GITHUB_SERVER_URL || undefined
  }
}

/** The workflow run's page, when the runner said where it is. */
export function runUrl(run: RunInfo): string | undefined {
  if (!run.serverUrl || !run.repository || !run.runId) return undefined
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`
}

/** The default deployment description: the commit, ref and run that made it, on one line. */
export function describeRun(run: RunInfo): string {
  let text = `Deployed by GitHub Actions from ${run.sha ? run.sha.slice(0, 12) : 'an unknown commit'}`
  if (run.ref) text += ` on ${run.ref}`
  if (run.runId) text += ` (run ${run.runId}${run.repository ? ` of ${run.repository}` : ''})`
  return text
}
