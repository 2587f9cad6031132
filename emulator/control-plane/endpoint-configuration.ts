import { badRequest } from '../http/errors.js'
import type { Body } from '../http/input.js'
import { compact, optionalObject, optionalString, optionalStringList } from '../http/input.js'

// EndpointConfiguration of a RestApi or a DomainName:
// https://docs.aws.amazon.com/apigateway/latest/api/API_EndpointConfiguration.html
// "types": EDGE | REGIONAL | PRIVATE; "ipAddressType": ipv4 | dualstack ("For the PRIVATE endpoint type,
// only dualstack is supported"); "vpcEndpointIds": "only supported for PRIVATE endpoint type".
export interface EndpointConfigurationJson {
  types: string[]
  ipAddressType: string
  vpcEndpointIds?: string[]
}

const TYPES = ['EDGE', 'REGIONAL', 'PRIVATE']
const IP_ADDRESS_TYPES = ['ipv4', 'dualstack']

/**
 * Reads `endpointConfiguration` from a CreateRestApi or CreateDomainName body. Both default to EDGE
 * ("edge-optimized" is the default endpoint type of a new API:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-endpoint-types.html).
 */
export function parseEndpointConfiguration(body: Body): EndpointConfigurationJson {
  const config = optionalObject(body, 'endpointConfiguration') ?? {}
  const given = optionalStringList(config, 'types') ?? []
  if (given.some(t => !TYPES.includes(t))) {
    throw badRequest(`Invalid endpoint configuration type: ${given.join(',')}`)
  }
  const types = given.length > 0 ? given : ['EDGE']
  const isPrivate = types.includes('PRIVATE')
  const ipAddressType = optionalString(config, 'ipAddressType') ?? (isPrivate ? 'dualstack' : 'ipv4')
  if (!IP_ADDRESS_TYPES.includes(ipAddressType)) {
    throw badRequest(`Invalid ipAddressType: ${ipAddressType}. Valid values: ${IP_ADDRESS_TYPES.join(', ')}`)
  }
  // Message paraphrased: the API reference states the rule, not AWS's wording.
  if (isPrivate && ipAddressType !== 'dualstack') {
    throw badRequest('Only dualstack ipAddressType is supported for the PRIVATE endpoint type')
  }
  const vpcEndpointIds = optionalStringList(config, 'vpcEndpointIds')
  if (vpcEndpointIds && vpcEndpointIds.length > 0 && !isPrivate) {
    throw badRequest('VPC endpoint ids are only supported for the PRIVATE endpoint type')
  }
  return compact({
    types,
    ipAddressType,
    vpcEndpointIds: vpcEndpointIds && vpcEndpointIds.length > 0 ? vpcEndpointIds : undefined
  })
}

/** The one endpoint type of an API or domain name (AWS accepts one per resource). */
export const endpointTypeOf = (config: EndpointConfigurationJson): string => config.types[0]
