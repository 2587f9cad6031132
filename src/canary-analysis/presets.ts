/**
 * Canary step presets under CodeDeploy's names, expanded to the action's canary steps and bake time.
 *
 * CodeDeploy's predefined deployment configurations for AWS Lambda (and their Amazon ECS twins), from
 * https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html ("Predefined
 * deployment configurations for an AWS Lambda compute platform"):
 *
 *   CodeDeployDefault.LambdaCanary10Percent5Minutes    "Shifts 10 percent of traffic in the first increment.
 *                                                       The remaining 90 percent is deployed five minutes later."
 *   ...Canary10Percent10Minutes / 15Minutes / 30Minutes the same, 10, 15 and 30 minutes later
 *   CodeDeployDefault.LambdaLinear10PercentEvery1Minute "Shifts 10 percent of traffic every minute until all
 *                                                       traffic is shifted."
 *   ...Linear10PercentEvery2Minutes / 3Minutes / 10Minutes the same, every 2, 3 and 10 minutes
 *   CodeDeployDefault.LambdaAllAtOnce                  "Shifts all traffic to the updated Lambda functions at once."
 *
 * Amazon ECS has CodeDeployDefault.ECSCanary10percent5Minutes, ECSCanary10percent15Minutes,
 * ECSLinear10PercentEvery1Minutes, ECSLinear10PercentEvery3Minutes and ECSAllAtOnce with the same meanings.
 *
 * The expansion: every step bakes for the interval, and the last step's promotion is the 100% that CodeDeploy
 * shifts last. A canary preset is one step (10%, baked for the interval, then promoted); a linear one steps by
 * the percentage below 100 (10, 20, ..., 90, each baked for the interval, then promoted), which reaches 100%
 * after 9 intervals as CodeDeploy does (a step at 100% would leave the base no traffic to compare with).
 * AllAtOnce has no steps: a plain deploy, with no canary.
 */

export interface PresetExpansion {
  /** Canary percentages in order, strictly increasing, each below 100; empty: a plain deploy. */
  steps: number[]
  /** How long each step bakes before the next one (or the promotion). */
  bakeSeconds: number
}

/** The canary part of a CodeDeploy "TimeBasedCanary" configuration: `percent`, then all after `minutes`. */
export function canaryPreset(percent: number, minutes: number): PresetExpansion {
  checkPreset(percent, minutes)
  return { steps: [percent], bakeSeconds: minutes * 60 }
}

/**
 * A CodeDeploy "TimeBasedLinear" configuration: `percent` more every `minutes` until all traffic has shifted.
 * A percentage that does not divide 100 ends below it (30: 30, 60, 90, then the promotion's 100).
 */
export function linearPreset(percent: number, minutes: number): PresetExpansion {
  checkPreset(percent, minutes)
  const steps: number[] = []
  // Integer arithmetic in hundredths so that 10 + 10 + ... stays exact for decimal percentages.
  const hundredths = Math.round(percent * 100)
  for (let share = hundredths; share < 10_000; share += hundredths) steps.push(share / 100)
  return { steps, bakeSeconds: minutes * 60 }
}

function checkPreset(percent: number, minutes: number): void {
  if (!(percent > 0 && percent < 100))
    throw new RangeError(`percent must be above 0 and below 100, got ${percent}`)
  if (!(Number.isInteger(minutes) && minutes >= 1))
    throw new RangeError(`minutes must be a whole number of at least 1, got ${minutes}`)
}

const PRESETS = {
  Canary10Percent5Minutes: canaryPreset(10, 5),
  Canary10Percent10Minutes: canaryPreset(10, 10),
  Canary10Percent15Minutes: canaryPreset(10, 15),
  Canary10Percent30Minutes: canaryPreset(10, 30),
  Linear10PercentEvery1Minute: linearPreset(10, 1),
  Linear10PercentEvery2Minutes: linearPreset(10, 2),
  Linear10PercentEvery3Minutes: linearPreset(10, 3),
  Linear10PercentEvery10Minutes: linearPreset(10, 10),
  AllAtOnce: { steps: [], bakeSeconds: 0 }
} satisfies Record<string, PresetExpansion>

export type PresetName = keyof typeof PRESETS

/** The preset names the action takes: CodeDeploy's Lambda configuration names without "CodeDeployDefault.Lambda". */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[]

// CodeDeploy's full names, the ECS spellings included ("10percent", "Every1Minutes"), for users who paste them.
const ALIASES: Record<string, PresetName> = {
  ...Object.fromEntries(PRESET_NAMES.map(name => [`CodeDeployDefault.Lambda${name}`, name])),
  'CodeDeployDefault.ECSCanary10percent5Minutes': 'Canary10Percent5Minutes',
  'CodeDeployDefault.ECSCanary10percent15Minutes': 'Canary10Percent15Minutes',
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': 'Linear10PercentEvery1Minute',
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': 'Linear10PercentEvery3Minutes',
  'CodeDeployDefault.ECSAllAtOnce': 'AllAtOnce'
}

/** The preset a name stands for (exact, case-sensitive as CodeDeploy's), or undefined. */
export function presetName(name: string): PresetName | undefined {
  const trimmed = name.trim()
  if (Object.hasOwn(PRESETS, trimmed)) return trimmed as PresetName
  return Object.hasOwn(ALIASES, trimmed) ? ALIASES[trimmed] : undefined
}

/** The steps and bake time of a preset, or undefined for a name that is none. A fresh copy each call. */
export function expandPreset(name: string): PresetExpansion | undefined {
  const found = presetName(name)
  if (found === undefined) return undefined
  const { steps, bakeSeconds } = PRESETS[found]
  return { steps: [...steps], bakeSeconds }
}
