/** The canary release: its traffic steps, its own variables, the bake, and whether to promote. */
import { expandPreset, PRESET_NAMES, presetName } from '../canary-analysis/presets.js'
import { parseDecimal, splitList, type Readers } from './readers.js'

export interface CanaryInputs {
  /** Traffic percentages in order: the first creates the canary, each later one shifts traffic to it. */
  steps: number[]
  stageVariables: Record<string, string>
  useStageCache: boolean
  bakeSeconds: number
  promote: boolean
}

/** A `canary-preset`, and the line the log shows: what it expanded to, and which inputs overrode it. */
export interface PresetUse {
  name: string
  line: string
}

/**
 * The canary, or undefined when none of canary-percent, canary-steps and canary-preset asks for one (or the
 * preset is AllAtOnce). Explicit canary-percent, canary-steps and bake-time win over the preset's.
 */
export function readCanary(
  read: Readers,
  bakeSeconds: number
): { canary?: CanaryInputs; preset?: PresetUse } {
  const stageVariables = read.variables('canary-stage-variables')
  const useStageCache = read.boolean('canary-use-stage-cache', false)
  const promote = read.boolean('promote', true)
  const percentRaw = read.get('canary-percent')
  const stepsRaw = read.get('canary-steps')
  const preset = readPreset(read, { percentRaw, stepsRaw, bakeSeconds })
  const explicit = percentRaw !== '' || stepsRaw !== ''
  const steps = explicit ? readSteps(read, percentRaw, stepsRaw) : (preset?.steps ?? [])
  const use = preset && { name: preset.name, line: preset.line }
  if (!explicit && steps.length === 0) return { preset: use }
  return {
    canary: {
      steps,
      stageVariables,
      useStageCache,
      bakeSeconds: preset?.bakeSeconds ?? bakeSeconds,
      promote
    },
    preset: use
  }
}

function readPreset(
  read: Readers,
  given: { percentRaw: string; stepsRaw: string; bakeSeconds: number }
): (PresetUse & { steps: number[]; bakeSeconds: number }) | undefined {
  const raw = read.get('canary-preset')
  if (raw === '') return undefined
  const name = presetName(raw)
  const expansion = name && expandPreset(name)
  if (!name || !expansion)
    return read.problems.bad('canary-preset', raw, `is not one of: ${PRESET_NAMES.join(', ')}.`)
  const stepsGiven = given.percentRaw !== '' || given.stepsRaw !== ''
  // bake-time has no default in action.yml, so that an empty one means "not given".
  const bakeGiven = read.get('bake-time') !== ''
  const expanded =
    expansion.steps.length === 0
      ? 'no canary (a plain deploy)'
      : `canary steps ${expansion.steps.map(step => `${step}%`).join(', ')}, each baked for ${expansion.bakeSeconds} s, then promotion`
  const overridden = [stepsGiven && 'canary-percent/canary-steps', bakeGiven && 'bake-time'].filter(Boolean)
  return {
    name,
    steps: stepsGiven ? [] : expansion.steps,
    bakeSeconds: bakeGiven ? given.bakeSeconds : expansion.bakeSeconds,
    line: `canary-preset ${name}: ${expanded}${overridden.length > 0 ? `; ${overridden.join(' and ')} given, which win over the preset's` : ''}.`
  }
}

function readSteps(read: Readers, percentRaw: string, stepsRaw: string): number[] {
  const { problems } = read
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
  return steps
}

/** percentTraffic is a double from 0.0 to 100.0; 0 would send the canary nothing. */
function percent(raw: string): number | undefined {
  const value = parseDecimal(raw)
  return value !== undefined && value > 0 && value <= 100 ? value : undefined
}
