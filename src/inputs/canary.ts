/** The canary release: its traffic steps, its own variables, the bake, and whether to promote. */
import { parseDecimal, splitList, type Readers } from './readers.js'

export interface CanaryInputs {
  /** Traffic percentages in order: the first creates the canary, each later one shifts traffic to it. */
  steps: number[]
  stageVariables: Record<string, string>
  useStageCache: boolean
  bakeSeconds: number
  promote: boolean
}

/** The canary, or undefined when neither canary-percent nor canary-steps is set. */
export function readCanary(read: Readers, bakeSeconds: number): CanaryInputs | undefined {
  const { problems } = read
  const stageVariables = read.variables('canary-stage-variables')
  const useStageCache = read.boolean('canary-use-stage-cache', false)
  const promote = read.boolean('promote', true)
  const percentRaw = read.get('canary-percent')
  const stepsRaw = read.get('canary-steps')
  if (percentRaw === '' && stepsRaw === '') return undefined

  const steps: number[] = []
  if (percentRaw !== '') {
    const first = percent(percentRaw)
    if (first === undefined)
      problems.bad(
        'canary-percent',
        percentRaw,
        'must be a percentage greater than 0 and at most 100 (decimals allowed).'
      )
    else steps.push(first)
  }
  const later = splitList(stepsRaw).map(raw => ({ raw, value: percent(raw) }))
  for (const { raw } of later.filter(step => step.value === undefined))
    problems.bad(
      'canary-steps',
      raw,
      'is not a percentage greater than 0 and at most 100 (decimals allowed).'
    )
  const values = later.flatMap(step => (step.value === undefined ? [] : [step.value]))
  const increasing = values.every((value, i) => i === 0 || value > values[i - 1])
  if (!increasing)
    problems.bad(
      'canary-steps',
      stepsRaw,
      'must list percentages in strictly increasing order, each once (like "25,50").'
    )
  else if (steps.length > 0 && values.length > 0 && values[0] <= steps[0])
    // Only compared with a valid canary-percent: an error never quotes another input's bad value.
    problems.bad(
      'canary-steps',
      stepsRaw,
      `must start above canary-percent (${steps[0]}%): each step raises the canary's share.`
    )
  else steps.push(...values)
  return { steps, stageVariables, useStageCache, bakeSeconds, promote }
}

/** percentTraffic is a double from 0.0 to 100.0; 0 would send the canary nothing. */
function percent(raw: string): number | undefined {
  const value = parseDecimal(raw)
  return value !== undefined && value > 0 && value <= 100 ? value : undefined
}
