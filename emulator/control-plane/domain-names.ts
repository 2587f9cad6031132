import { badRequest } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalString, optionalStringMap, requiredString } from '../http/input.js'
import type { Handler, Route } from '../http/router.js'
import { domainEntry } from './domain-state.js'
import type { DomainNameJson } from './domain-state.js'
import { endpointTypeOf, parseEndpointConfiguration } from './endpoint-configuration.js'
import { paginate } from './pagination.js'
import type { Store } from './state.js'

// Custom domain names through the v1 API: CreateDomainName, GetDomainName, GetDomainNames,
// DeleteDomainName (https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html and its
// siblings). No certificate is checked beyond the shape of its ACM ARN, and the domain is AVAILABLE at once.

// A DNS name, optionally a wildcard one ("*.example.com":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html#wildcard-custom-domain-names).
const DOMAIN_NAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i
const ACM_ARN = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/

// Legacy and enhanced policies, as the SDK's SecurityPolicy enum lists them
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html).
const SECURITY_POLICIES = [
  'TLS_1_0',
  'TLS_1_2',
  'SecurityPolicy_TLS12_2018_EDGE',
  'SecurityPolicy_TLS12_PFS_2025_EDGE',
  'SecurityPolicy_TLS13_1_2_2021_06',
  'SecurityPolicy_TLS13_1_2_Ext2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_Ext2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09',
  'SecurityPolicy_TLS13_1_2_PQ_2025_09',
  'SecurityPolicy_TLS13_1_3_2025_09',
  'SecurityPolicy_TLS13_1_3_FIPS_2025_09'
]

// The alias targets' hosted zones. CloudFront's is always Z2FDTNDATAQYW2
// (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html); the regional ones are
// per region (https://docs.aws.amazon.com/general/latest/gr/apigateway.html). Only a few regions are
// listed; elsewhere the emulator answers a made-up id.
const CLOUDFRONT_HOSTED_ZONE = 'Z2FDTNDATAQYW2'
const REGIONAL_HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z1UJRXOUMOOFQ8',
  'us-west-2': 'Z2OJLYMUO9EFXC',
  'eu-west-1': 'ZLY8HYME6SFDD',
  'eu-central-1': 'Z1U9ULNL0V5BC7'
}

/**
 * An ACM certificate ARN in the region the endpoint needs: us-east-1 for edge-optimized names
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html),
 * the API's region for regional ones
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html).
 * Message as AWS answers a certificate from the wrong region (amplify-education/serverless-domain-manager#49);
 * the one for a malformed ARN is the emulator's.
 */
function certificateArn(arn: string, region: string): string {
  const match = ACM_ARN.exec(arn)
  if (!match) throw badRequest(`Invalid certificate ARN: ${arn}`)
  if (match[1] !== region) {
    throw badRequest(`Invalid certificate ARN: ${arn}. Certificate must be in '${region}'.`)
  }
  return arn
}

function edgeFields(store: Store, body: Body): Partial<DomainNameJson> {
  // AWS refuses the other endpoint's certificate, e.g. "Cannot import certificates for EDGE while REGIONAL
  // is active." (anomalyco/sst#4131); this is the same rule the other way round. The message for a
  // missing certificate is the emulator's.
  if (optionalString(body, 'regionalCertificateArn') !== undefined) {
    throw badRequest('Cannot import certificates for REGIONAL while EDGE is active.')
  }
  const arn = optionalString(body, 'certificateArn')
  if (arn === undefined) throw badRequest('An edge-optimized domain name needs a certificateArn')
  return {
    certificateArn: certificateArn(arn, 'us-east-1'),
    certificateName: optionalString(body, 'certificateName'),
    certificateUploadDate: store.nowSeconds(),
    // CloudFront distribution names look like d111111abcdef8.cloudfront.net.
    distributionDomainName: `d${store.ids.next(13)}.cloudfront.net`,
    distributionHostedZoneId: CLOUDFRONT_HOSTED_ZONE
  }
}

function regionalFields(store: Store, body: Body): Partial<DomainNameJson> {
  if (optionalString(body, 'certificateArn') !== undefined) {
    throw badRequest('Cannot import certificates for EDGE while REGIONAL is active.')
  }
  const arn = optionalString(body, 'regionalCertificateArn')
  if (arn === undefined) throw badRequest('A regional domain name needs a regionalCertificateArn')
  return {
    regionalCertificateArn: certificateArn(arn, store.region),
    regionalCertificateName: optionalString(body, 'regionalCertificateName'),
    // The regional alias target: d-{10 chars}.execute-api.{region}.amazonaws.com
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html).
    regionalDomainName: `d-${store.ids.next(10)}.execute-api.${store.region}.amazonaws.com`,
    regionalHostedZoneId: REGIONAL_HOSTED_ZONES[store.region] ?? 'ZEMULATORREGIONAL'
  }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html
export const createDomainName: Handler = ({ store, body }) => {
  const domainName = requiredString(body, 'domainName')
  if (domainName.length > 253 || !DOMAIN_NAME.test(domainName)) {
    throw badRequest(`Invalid domain name: ${domainName}`)
  }
  // Message as AWS answers a taken name (aws/serverless-application-model#2208); names are unique per region.
  if (store.domains.has(domainName)) throw badRequest('The domain name you provided already exists.')
  const endpointConfiguration = parseEndpointConfiguration(body)
  const type = endpointTypeOf(endpointConfiguration)
  if (type === 'PRIVATE') {
    throw badRequest('The emulator does not implement private custom domain names (domainNameId)')
  }
  const securityPolicy = optionalString(body, 'securityPolicy') ?? 'TLS_1_2'
  if (!SECURITY_POLICIES.includes(securityPolicy)) {
    throw badRequest(`Invalid security policy: ${securityPolicy}`)
  }
  const routingMode = optionalString(body, 'routingMode') ?? 'BASE_PATH_MAPPING_ONLY'
  if (routingMode !== 'BASE_PATH_MAPPING_ONLY') {
    throw badRequest(`The emulator does not implement routing rules (routingMode ${routingMode})`)
  }
  const domain: DomainNameJson = compact({
    domainName,
    domainNameArn: `arn:aws:apigateway:${store.region}::/domainnames/${domainName}`,
    ...(type === 'EDGE' ? edgeFields(store, body) : regionalFields(store, body)),
    endpointConfiguration,
    domainNameStatus: 'AVAILABLE',
    securityPolicy,
    routingMode,
    tags: optionalStringMap(body, 'tags')
  })
  store.domains.set(domainName, { domain, mappings: new Map() })
  return { status: 201, body: domain }
}

export const getDomainName: Handler = ({ store, params }) => ({
  status: 200,
  body: domainEntry(store, params.domainName).domain
})

// https://docs.aws.amazon.com/apigateway/latest/api/API_GetDomainNames.html (limit/position)
export const getDomainNames: Handler = ({ store, query }) => ({
  status: 200,
  body: paginate(
    [...store.domains.values()].map(e => e.domain),
    query
  )
})

// https://docs.aws.amazon.com/apigateway/latest/api/API_DeleteDomainName.html: 202; the domain's
// mappings go with it.
export const deleteDomainName: Handler = ({ store, params }) => {
  domainEntry(store, params.domainName)
  store.domains.delete(params.domainName)
  return { status: 202 }
}

const domain = '/domainnames/{domainName}'

export const domainNameRoutes: readonly Route[] = [
  { operation: 'CreateDomainName', method: 'POST', path: '/domainnames', handler: createDomainName },
  { operation: 'GetDomainNames', method: 'GET', path: '/domainnames', handler: getDomainNames },
  { operation: 'GetDomainName', method: 'GET', path: domain, handler: getDomainName },
  { operation: 'DeleteDomainName', method: 'DELETE', path: domain, handler: deleteDomainName }
]
