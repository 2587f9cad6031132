/**
 * Rules every workflow in this repository, and every workflow example in the README, must follow. Each
 * returns problems as readable strings (empty when the document is fine), so a test can show all of them
 * at once and can also check the rules against bad samples.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const root = (file: string): string => fileURLToPath(new URL(`../../${file}`, import.meta.url))

interface ActionInputs {
  declared: Set<string>
  required: string[]
}

/** The inputs action.yml declares, and which of them are required. */
export function actionInputs(actionYaml = readFileSync(root('action.yml'), 'utf8')): ActionInputs {
  const inputs = (parse(actionYaml) as { inputs: Record<string, { required?: boolean }> }).inputs
  return {
    declared: new Set(Object.keys(inputs)),
    required: Object.entries(inputs)
      .filter(([, input]) => input.required === true)
      .map(([name]) => name)
  }
}

/**
 * A major version tag (`@v4`) or a full commit SHA: what a workflow may pin another action to. A branch or
 * a minor tag would be a moving or a too-narrow target; `./` is this repository's own action.
 */
const PINNED = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._/-]+)?@(v\d+|[0-9a-f]{40})$/

export function usesProblem(uses: string): string | undefined {
  if (uses === './' || PINNED.test(uses)) return undefined
  return `uses: ${uses} is neither ./ nor pinned to a major tag (@v4) or a full commit SHA`
}

interface Step {
  name?: string
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Job {
  uses?: string
  steps?: Step[]
}

/**
 * What is wrong with one workflow. `thisAction` names the `uses:` values that mean this action: their
 * `with:` may only pass inputs action.yml declares, and must pass the required ones.
 */
export function workflowProblems(
  doc: unknown,
  inputs: ActionInputs,
  thisAction: readonly string[] = ['./']
): string[] {
  if (typeof doc !== 'object' || doc === null) return ['not a YAML mapping']
  const workflow = doc as Record<string, unknown>
  const problems = ['name', 'on', 'permissions', 'jobs']
    .filter(key => !(key in workflow))
    .map(key => `no "${key}:"`)
  const jobs = (workflow.jobs ?? {}) as Record<string, Job>
  for (const [jobId, job] of Object.entries(jobs)) {
    if (job.uses) problems.push(...prefixed(jobId, [usesProblem(job.uses)]))
    for (const [index, step] of (job.steps ?? []).entries()) {
      const where = `${jobId}, step ${step.id ?? step.name ?? index + 1}`
      problems.push(...prefixed(where, stepProblems(step, inputs, thisAction)))
    }
  }
  return problems
}

function stepProblems(
  step: Step,
  inputs: ActionInputs,
  thisAction: readonly string[]
): (string | undefined)[] {
  const problems: (string | undefined)[] = []
  if (step.uses) problems.push(usesProblem(step.uses))
  // Expressions inside a script are pasted in before the shell parses it: an output or input could run as
  // code. Values reach scripts through env: instead.
  if (typeof step.run === 'string' && step.run.includes('${{'))
    problems.push('run: contains ${{ }}; pass the value through env:')
  if (step.uses && thisAction.includes(step.uses)) {
    const given = Object.keys(step.with ?? {})
    for (const name of given)
      if (!inputs.declared.has(name)) problems.push(`with: ${name} is not an input in action.yml`)
    for (const name of inputs.required)
      if (!given.includes(name)) problems.push(`with: the required input ${name} is missing`)
    // stage-name is optional in action.yml only because a preview names its stage, and prune-previews none.
    const w = (step.with ?? {}) as Record<string, unknown>
    if (!given.includes('stage-name') && String(w.preview) !== 'true' && w.command !== 'prune-previews')
      problems.push(
        'with: the required input stage-name is missing (or preview: true, or command: prune-previews)'
      )
  }
  return problems
}

function prefixed(where: string, problems: (string | undefined)[]): string[] {
  return problems.filter((p): p is string => p !== undefined).map(p => `${where}: ${p}`)
}
