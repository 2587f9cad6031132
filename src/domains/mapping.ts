/**
 * The custom domain's base path mapping to the stage: read and planned before any write (the domain must
 * exist; a multi-level path needs a regional domain; a path owned by another API or stage is refused),
 * applied once the stage exists. Single-level paths use API Gateway's BasePathMapping, multi-level ones
 * API Gateway v2's ApiMapping.
 */
import * as core from '@actions/core'
import { ApiMappings } from '../aws/api-mappings.js'
import type { Gateway } from '../aws/gateway.js'
import { ActionError } from '../errors.js'
import type { DomainInputs } from '../inputs/index.js'
import type { PlannedChange } from '../stage-settings/plan.js'
import {
  isMultiLevel,
  normalBasePath,
  planMapping,
  type MappingPlan,
  type MappingView
} from './mapping-plan.js'

export interface DomainTarget {
  gateway: Gateway
  restApiId: string
  stageName: string
  signal: AbortSignal
  connection: { region: string; endpointUrl?: string; retryDeadlineSeconds: number }
}

export interface DomainMapping {
  domain: DomainInputs
  plan: MappingPlan
  changes: PlannedChange[]
}

export async function planDomainMapping(target: DomainTarget, domain: DomainInputs): Promise<DomainMapping> {
  const { gateway, restApiId, stageName } = target
  const where = `${domain.domainName}/${domain.basePath}`
  const found = await gateway.getDomainName(domain.domainName)
  if (!found)
    throw new ActionError(
      `Input "domain-name": no custom domain name "${domain.domainName}" in ${target.connection.region}. Nothing was changed. ` +
        'The action maps a path of an existing domain; create the domain first (an ACM certificate for it, then `aws apigateway create-domain-name` or the console\'s "Custom domain names"), and its DNS record.'
    )
  const multiLevel = isMultiLevel(domain.basePath)
  if (multiLevel && !found.endpointConfiguration?.types?.includes('REGIONAL'))
    throw new ActionError(
      `Input "base-path": "${domain.basePath}" has more than one level, which only a regional custom domain can map (API Gateway v2 API mappings); "${domain.domainName}" is ${found.endpointConfiguration?.types?.join(', ') ?? 'edge-optimized'}. Use a one-level base path, or a regional domain. Nothing was changed.`
    )
  const existing = multiLevel
    ? await listV2(target, domain.domainName)
    : await listV1(gateway, domain.domainName)
  const plan = planMapping(
    existing,
    { basePath: domain.basePath, restApiId, stage: stageName },
    domain.takeover
  )
  const owner = (m: MappingView): string => `REST API ${m.restApiId}, stage "${m.stage}"`
  if (plan.action === 'refuse')
    throw new ActionError(
      `Input "base-path": https://${where.replace(/\/$/, '')} is mapped to ${owner(plan.current)}, not to this stage. Nothing was changed. Set "base-path-takeover: true" to point it at stage "${stageName}" of ${restApiId}.`
    )
  const setting = `base path mapping ${where}`
  const changes: PlannedChange[] =
    plan.action === 'none'
      ? []
      : [
          {
            setting,
            from: plan.action === 'update' ? `${plan.current.restApiId}:${plan.current.stage}` : undefined,
            to: `${restApiId}:${stageName}`
          }
        ]
  if (plan.action === 'none')
    core.info(`https://${where.replace(/\/$/, '')} already maps to stage "${stageName}".`)
  return { domain, plan, changes }
}

export async function applyDomainMapping(target: DomainTarget, mapping: DomainMapping): Promise<void> {
  const { plan, domain } = mapping
  if (plan.action === 'none' || plan.action === 'refuse') return
  const { gateway, restApiId, stageName } = target
  const wanted = { domainName: domain.domainName, basePath: domain.basePath, restApiId, stage: stageName }
  const url = `https://${domain.domainName}${domain.basePath ? `/${domain.basePath}` : ''}`
  if (isMultiLevel(domain.basePath)) {
    const v2 = await ApiMappings.open({ ...target.connection, signal: target.signal })
    try {
      if (plan.action === 'create')
        await v2.create(domain.domainName, { key: domain.basePath, apiId: restApiId, stage: stageName })
      else
        await v2.update(domain.domainName, {
          apiMappingId: plan.current.apiMappingId ?? '',
          key: domain.basePath,
          apiId: restApiId,
          stage: stageName
        })
    } finally {
      v2.destroy()
    }
  } else if (plan.action === 'create') await gateway.createBasePathMapping(wanted)
  else await gateway.updateBasePathMapping(wanted)
  core.info(
    plan.action === 'create'
      ? `Mapped ${url} to stage "${stageName}".`
      : `Took over ${url} (base-path-takeover) from REST API ${plan.current.restApiId}, stage "${plan.current.stage}": it now maps to stage "${stageName}".`
  )
}

async function listV1(gateway: Gateway, domainName: string): Promise<MappingView[]> {
  return (await gateway.getBasePathMappings(domainName)).map(m => ({
    basePath: normalBasePath(m.basePath),
    restApiId: m.restApiId ?? '',
    stage: m.stage ?? ''
  }))
}

async function listV2(target: DomainTarget, domainName: string): Promise<MappingView[]> {
  const v2 = await ApiMappings.open({ ...target.connection, signal: target.signal })
  try {
    return (await v2.list(domainName)).map(m => ({
      basePath: normalBasePath(m.key),
      restApiId: m.apiId,
      stage: m.stage,
      apiMappingId: m.apiMappingId
    }))
  } finally {
    v2.destroy()
  }
}
