/**
 * A custom domain for the stage: `domain-name` + `base-path` map https://{domain}/{base-path} to it.
 * And how the stage's own URL is written for a private API (`vpc-endpoint-id`).
 */
import type { Readers } from './readers.js'

export interface DomainInputs {
  domainName: string
  /** '' for the root; "v1" or "v1/orders" (multi-level, through API Gateway v2). */
  basePath: string
  takeover: boolean
}

export interface UrlInputs {
  domain?: DomainInputs
  vpcEndpointId?: string
}

// A DNS name (RFC 1123 labels), lower case as API Gateway stores it; a wildcard name is refused: a base
// path mapping belongs to one name.
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateBasePathMapping.html: letters, digits and
// $-_.+!*'(); v2's ApiMappingKey adds "/" between segments.
const BASE_PATH_SEGMENT = /^[A-Za-z0-9$\-_.+!*'()]+$/
// https://docs.aws.amazon.com/vpc/latest/privatelink/ (interface endpoint ids: vpce- and 17 hex digits)
const VPC_ENDPOINT_ID = /^vpce-[0-9a-f]{8,17}$/

export function readUrls(read: Readers): UrlInputs {
  const { problems } = read
  const domainName = read.get('domain-name').toLowerCase().replace(/\.$/, '')
  const rawPath = read.get('base-path')
  const basePath = rawPath === '(none)' ? '' : rawPath.replace(/^\/+|\/+$/g, '')
  const takeover = read.boolean('base-path-takeover', false)
  const vpcEndpointId = read.text('vpc-endpoint-id')
  if (vpcEndpointId && !VPC_ENDPOINT_ID.test(vpcEndpointId))
    problems.bad(
      'vpc-endpoint-id',
      vpcEndpointId,
      'is not a VPC endpoint id (like "vpce-0123456789abcdef0").'
    )
  if (!domainName) {
    if (rawPath) problems.add('Input "base-path" needs "domain-name": the custom domain it is a path of.')
    return { vpcEndpointId }
  }
  if (!DOMAIN_NAME.test(domainName))
    problems.bad('domain-name', domainName, 'is not a domain name (like "api.example.com").')
  if (basePath && !basePath.split('/').every(segment => BASE_PATH_SEGMENT.test(segment)))
    problems.bad(
      'base-path',
      rawPath,
      'is not a base path: segments of letters, digits and $-_.+!*\'(), separated by "/" (like "v1" or "v1/orders"); empty for the root.'
    )
  return { domain: { domainName, basePath, takeover }, vpcEndpointId }
}
