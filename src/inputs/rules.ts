/** Rules that span areas: combinations of inputs that are valid alone but not together. */
import { minutesForLatency } from '../canary-analysis/exact-floor.js'
import { checkDefinitionsAcross } from './definitions.js'
import type { Inputs } from './index.js'
import type { Problems } from './readers.js'
import { hasStageSettings, webAclRegion } from './stage-settings.js'

/** Every area of inputs (what readInputs returns, but the run), and one fact the areas do not keep. */
type Areas = Omit<Inputs, 'run' | 'definitionFile' | 'warnings'> & { canaryStageVariables: boolean }

export function checkAcrossAreas(problems: Problems, areas: Areas): void {
  checkCommand(problems, areas)
  checkStageSettings(problems, areas)
  checkRelease(problems, areas)
  checkPreview(problems, areas)
  checkAnalysis(problems, areas)
  checkDefinitionsAcross(problems, areas.definitions, {
    command: areas.command,
    releasesNewDeployment: areas.source.kind === 'new'
  })
  const { command, canary, checks } = areas
  if (checks.target === 'base-url' && !areas.urls.domain)
    problems.add(
      'Input "health-check-target": "base-url" needs "domain-name" (and "base-path"): the URL to probe.'
    )
  if (command !== 'deploy' || canary) return
  if (areas.canaryStageVariables)
    problems.add('Input "canary-stage-variables" needs a canary: set "canary-percent".')
}

function checkRelease(problems: Problems, areas: Areas): void {
  const { command, source, deployment, checks } = areas
  const named = source.kind === 'stage' ? '"from-stage"' : '"to-deployment"'
  if (source.kind !== 'new') {
    if (command !== 'deploy') problems.add(`Input ${named} applies to "command: deploy".`)
    if (deployment.deploymentDescription !== undefined)
      problems.add(
        `Input "deployment-description": with ${named} no deployment is created, so there is none to describe.`
      )
  }
  if (command !== 'deploy' && command !== 'configure-stage' && areas.urls.domain)
    problems.add(
      `Input "domain-name": a base path mapping is made by "deploy" or "configure-stage", not "${command}".`
    )
  if (command === 'configure-stage' && (checks.healthCheck || checks.alarmNames.length > 0))
    problems.add(
      'Inputs "health-check-*" and "alarm-names" check a release: "configure-stage" releases nothing.'
    )
}

/** A canary analysis needs a canary, a bake to gather metrics in, and enough minutes for its latency test. */
function checkAnalysis(problems: Problems, areas: Areas): void {
  const { analysis } = areas.checks
  const { command, canary, canaryPreset } = areas
  if (canaryPreset && command !== 'deploy')
    problems.add(`Input "canary-preset": a canary is released by "deploy", not "${command}".`)
  if (!analysis) return
  if (command !== 'deploy')
    return void problems.add(
      `Input "canary-analysis": it judges a canary, which "deploy" releases, not "${command}".`
    )
  if (!canary)
    return void problems.add(
      canaryPreset
        ? `Input "canary-analysis": canary-preset ${canaryPreset.name} releases no canary, so there is nothing to judge; pick a Canary or Linear preset.`
        : 'Input "canary-analysis": it judges a canary against the base; set "canary-percent", "canary-steps" or "canary-preset".'
    )
  if (areas.stageSettings.stageWide.metricsEnabled === false)
    problems.add(
      'Inputs "canary-analysis" and "metrics-enabled": the analysis reads the stage\'s CloudWatch metrics, which "metrics-enabled: false" turns off; set it to true.'
    )
  if (canary.bakeSeconds === 0)
    return void problems.add(
      'Input "canary-analysis": the canary\'s metrics gather while a step bakes; set "bake-time" (seconds) or a "canary-preset".'
    )
  if (canary.steps[0] >= 100)
    return void problems.add(
      'Input "canary-analysis": a first step at 100% leaves the base no traffic to compare the canary with; start below 100 (like "canary-percent: 10").'
    )
  // AWS's CloudWatch shows a minute about a minute after it ends: a short bake without a wait sees little.
  const firstStep = canary.bakeSeconds + (analysis.onInconclusive === 'wait' ? analysis.maxWaitSeconds : 0)
  if (firstStep < 120)
    problems.warn(
      `Inputs "bake-time" and "canary-analysis": the first step runs at most ${firstStep} s, and CloudWatch shows a minute of API Gateway's metrics about a minute after it ends, so on AWS the analysis will likely see too few canary requests and roll the canary back. Bake for 2 minutes or more, or let it wait ("on-inconclusive: wait", "analysis-max-wait").`
    )
  if (!analysis.metrics.includes('Latency')) return
  // As the verdict shares it: among the tests, and among the steps (each step looks again).
  const alpha = 0.05 / (analysis.metrics.includes('5XXError') ? 4 : 3) / canary.steps.length
  // One minute more than the test needs: CloudWatch shows a minute about a minute after it ends.
  const minutes = minutesForLatency(alpha) + 1
  const longest = canary.bakeSeconds + (analysis.onInconclusive === 'wait' ? analysis.maxWaitSeconds : 0)
  if (longest < minutes * 60)
    problems.add(
      `Input "analysis-metrics": the Latency test compares per-minute percentiles and needs about ${minutes} minutes of metrics, but the first step runs at most ${longest} s (bake-time${analysis.onInconclusive === 'wait' ? ' + analysis-max-wait' : ''}). Bake longer, raise "analysis-max-wait", or judge on 5XXError alone.`
    )
}

function checkPreview(problems: Problems, areas: Areas): void {
  const { command, preview } = areas
  if (preview.enabled && !preview.pullRequest)
    problems.add(
      'Input "preview": a preview stage is named from its pull request, and this run has none: run it on pull_request events, or set "pull-request".'
    )
  if (preview.enabled && !['deploy', 'delete-stage'].includes(command))
    problems.add(
      `Input "preview": previews are deployed ("deploy") and removed ("delete-stage"), not "${command}".`
    )
  if (command === 'prune-previews' && !preview.token)
    problems.add(
      'Input "github-token" is required by prune-previews: it reads whether each preview\'s pull request is closed.'
    )
  if (command === 'prune-previews' && areas.canary)
    problems.add('Inputs "canary-*": prune-previews deletes stages; it releases nothing.')
}

function checkCommand(problems: Problems, areas: Areas): void {
  const { command, stageSettings } = areas
  const settings = hasStageSettings(stageSettings)
  if (command === 'configure-stage') {
    if (areas.canary)
      problems.add('Inputs "canary-*": a canary is a deploy; "configure-stage" changes settings only.')
    if (
      !settings &&
      !areas.urls.domain &&
      Object.keys(areas.deployment.stageVariables).length === 0 &&
      !areas.deployment.stageDescription
    )
      problems.add(
        'Input "command": "configure-stage" needs something to configure: a stage setting, "domain-name", "stage-variables" or "stage-description".'
      )
  } else if (command !== 'deploy' && settings)
    problems.add(
      `Input "command": stage settings apply with "deploy" or "configure-stage", not "${command}".`
    )
}

function checkStageSettings(problems: Problems, areas: Areas): void {
  const { stageSettings: settings, deployment } = areas
  for (const name of settings.variablesRemove)
    if (name in deployment.stageVariables)
      problems.add(
        `Inputs "stage-variables" and "stage-variables-remove" both name ${name}: set it or remove it.`
      )
  const caching =
    settings.stageWide.cachingEnabled === true || settings.methods.some(m => m.settings.cachingEnabled)
  if (settings.cacheClusterEnabled === false) {
    if (caching)
      problems.add(
        'Input "caching-enabled": caching needs a cache cluster, and "cache-cluster-enabled" is false.'
      )
    if (settings.cacheClusterSize)
      problems.add(
        'Input "cache-cluster-size": it sizes a cache cluster, and "cache-cluster-enabled" is false.'
      )
    if (areas.canary?.useStageCache)
      problems.add(
        'Input "canary-use-stage-cache": the stage cache needs a cache cluster, and "cache-cluster-enabled" is false.'
      )
  }
  if (settings.webAclArn && areas.target.region) {
    const region = webAclRegion(settings.webAclArn)
    if (region && region !== areas.target.region)
      problems.add(
        `Input "web-acl-arn": the web ACL is in ${region}, the stage in ${areas.target.region}; a stage takes a regional web ACL of its own region.`
      )
  }
}
