/** Rules that span areas: combinations of inputs that are valid alone but not together. */
import { checkDefinitionsAcross } from './definitions.js'
import type { Inputs } from './index.js'
import type { Problems } from './readers.js'
import { hasStageSettings, webAclRegion } from './stage-settings.js'

/** Every area of inputs (what readInputs returns, but the run), and one fact the areas do not keep. */
type Areas = Omit<Inputs, 'run' | 'definitionFile'> & { canaryStageVariables: boolean }

export function checkAcrossAreas(problems: Problems, areas: Areas): void {
  checkCommand(problems, areas)
  checkStageSettings(problems, areas)
  checkRelease(problems, areas)
  checkPreview(problems, areas)
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
