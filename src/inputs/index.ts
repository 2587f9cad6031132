/**
 * Every workflow input, parsed and validated in one place, before any AWS code is loaded: the shared
 * readers, then one reader per area, then the rules across areas. Problems are collected so that one run
 * reports all of them at once.
 */
import { InputError } from '../errors.js'
import { readCanary, type CanaryInputs, type PresetUse } from './canary.js'
import { readChecks, type CheckInputs } from './checks.js'
import type { PreparedDefinition } from '../definitions/load.js'
import { definitionSecretsOf, readDefinitionInputs, type DefinitionInputs } from './definitions.js'
import { readDeployment, type DeploymentInputs } from './deployment.js'
import { readUrls, type UrlInputs } from './domain.js'
import { Problems, Readers, splitLines, type GetInput } from './readers.js'
import { checkAcrossAreas } from './rules.js'
import { previewStageName, readPreview, type EventPayload, type PreviewInputs } from './preview.js'
import { readReleaseSource, type ReleaseSource } from './release.js'
import { readRun, type RunEnv, type RunInfo } from './run.js'
import { readStageSettings, type ParseStructured, type StageSettingsInputs } from './stage-settings.js'
import { readCommand, readTarget, type Command, type TargetInputs } from './target.js'

export type { CanaryInputs, PresetUse } from './canary.js'
export type { AnalysisMetric, CanaryAnalysisInputs } from './canary-analysis.js'
export type { CheckInputs, HealthCheckInputs, HealthCheckTarget } from './checks.js'
export type { DefinitionInputs } from './definitions.js'
export type { DeploymentInputs, ExistingCanaryPolicy } from './deployment.js'
export type { DomainInputs, UrlInputs } from './domain.js'
export type { EventPayload, PreviewInputs, PullRequestRef } from './preview.js'
export type { ReleaseSource } from './release.js'
export type { GetInput } from './readers.js'
export type { RunInfo } from './run.js'
export type { MethodSettingsEntry, ParseStructured, StageSettingsInputs } from './stage-settings.js'
export type { Command, TargetInputs } from './target.js'

export interface Inputs {
  command: Command
  target: TargetInputs
  deployment: DeploymentInputs
  /** Where the released deployment comes from: a new one, another stage's, or an existing one. */
  source: ReleaseSource
  urls: UrlInputs
  canary?: CanaryInputs
  /** The canary-preset, and what it expanded to (for the log). */
  canaryPreset?: PresetUse
  checks: CheckInputs
  stageSettings: StageSettingsInputs
  preview: PreviewInputs
  definitions: DefinitionInputs
  /** The api-definition file, read and checked by main.ts before any AWS code loads. */
  definitionFile?: PreparedDefinition
  /** Plan only: read what is needed, print and output every change, write nothing. */
  dryRun: boolean
  /** The workflow run (commit, ref, run id), for the default deployment description. */
  run: RunInfo
  /** Valid inputs that are likely a mistake: logged as warnings before anything is sent. */
  warnings: string[]
}

export interface InputParsers {
  /** For `method-settings` (YAML or JSON); JSON.parse when not given (main.ts loads YAML only when needed). */
  structured?: ParseStructured
  /** The workflow's event payload (GITHUB_EVENT_PATH), for the pull request of a preview. */
  event?: EventPayload
}

export function readInputs(
  get: GetInput,
  env: { AWS_REGION?: string; AWS_DEFAULT_REGION?: string } & RunEnv,
  parsers: InputParsers = {}
): Inputs {
  const problems = new Problems()
  const read = new Readers(get, problems)
  const command = readCommand(read)
  const preview = readPreview(read, parsers.event)
  const derived =
    preview.enabled && preview.pullRequest
      ? previewStageName(preview.template, preview.pullRequest)
      : undefined
  const target = readTarget(read, env, {
    derived,
    none: command === 'prune-previews',
    preview: preview.enabled
  })
  const deployment = readDeployment(read)
  const source = readReleaseSource(read, target.stageName)
  const urls = readUrls(read)
  const checks = readChecks(read)
  const { canary, preset: canaryPreset } = readCanary(read, checks.bakeSeconds)
  // A preset's bake also times the checks after a plain switch (a new stage is deployed without a canary).
  if (canaryPreset && canary && read.get('bake-time') === '') checks.bakeSeconds = canary.bakeSeconds
  const stageSettings = readStageSettings(read, parsers.structured ?? JSON.parse)
  const definitions = readDefinitionInputs(read, target.region)
  const areas = {
    command,
    target,
    deployment,
    source,
    urls,
    canary,
    canaryPreset,
    checks,
    stageSettings,
    preview,
    definitions,
    dryRun: read.boolean('dry-run', false)
  }
  checkAcrossAreas(problems, {
    ...areas,
    canaryStageVariables: splitLines(get('canary-stage-variables')).length > 0
  })
  if (problems.list.length > 0) throw new InputError(problems.list)
  return { ...areas, run: readRun(env), warnings: problems.warnings }
}

/** Every secret among the inputs, for core.setSecret before anything is logged. */
export function secretsOf(inputs: Inputs): string[] {
  return [
    ...Object.values(inputs.checks.healthCheck?.headers ?? {}),
    // The runner masks ${{ github.token }} already; a personal token passed in must be masked too.
    inputs.preview.token ?? '',
    ...definitionSecretsOf(inputs.definitions)
  ].filter(value => value !== '')
}
