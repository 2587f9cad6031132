/**
 * Invoke URLs. API Gateway's execute-api host is `{id}.execute-api.{region}.{dnsSuffix}`, where the DNS
 * suffix depends on the partition. The table mirrors the partitions file the AWS SDK ships
 * (@aws-sdk/core, util-endpoints/lib/aws/partitions.js), checked 2026-11-25.
 */
const PARTITIONS: { regions: RegExp; dnsSuffix: string; partition: string }[] = [
  { regions: /^cn-\w+-\d+$/, dnsSuffix: 'amazonaws.com.cn', partition: 'aws-cn' },
  { regions: /^us-gov-\w+-\d+$/, dnsSuffix: 'amazonaws.com', partition: 'aws-us-gov' },
  { regions: /^us-iso-\w+-\d+$/, dnsSuffix: 'c2s.ic.gov', partition: 'aws-iso' },
  { regions: /^us-isob-\w+-\d+$/, dnsSuffix: 'sc2s.sgov.gov', partition: 'aws-iso-b' },
  { regions: /^eu-isoe-\w+-\d+$/, dnsSuffix: 'cloud.adc-e.uk', partition: 'aws-iso-e' },
  { regions: /^us-isof-\w+-\d+$/, dnsSuffix: 'csp.hci.ic.gov', partition: 'aws-iso-f' },
  { regions: /^eusc-de-\w+-\d+$/, dnsSuffix: 'amazonaws.eu', partition: 'aws-eusc' }
]

export function dnsSuffix(region: string): string {
  return PARTITIONS.find(p => p.regions.test(region))?.dnsSuffix ?? 'amazonaws.com'
}

/** The ARN partition of a region ("aws", "aws-cn", "aws-us-gov", ...). */
export function partition(region: string): string {
  return PARTITIONS.find(p => p.regions.test(region))?.partition ?? 'aws'
}

/**
 * A stage's ARN, as TagResource and WAF take it:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export function stageArn(restApiId: string, stageName: string, region: string): string {
  return `arn:${partition(region)}:apigateway:${region}::/restapis/${restApiId}/stages/${stageName}`
}

/**
 * The stage's base URL. With an `endpoint-url` (LocalStack, the emulator) it is LocalStack's documented
 * form `{endpoint}/restapis/{id}/{stage}/_user_request_`, which the emulator serves too.
 */
export function invokeUrl(
  restApiId: string,
  stageName: string,
  region: string,
  endpointUrl?: string,
  options: { private?: boolean; vpcEndpointId?: string } = {}
): string {
  if (endpointUrl) return `${endpointUrl}/restapis/${restApiId}/${stageName}/_user_request_`
  // A private API through an interface VPC endpoint with private DNS off: {api-id}-{vpce-id}.execute-api...
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-test-invoke-url.html)
  const host = options.private && options.vpcEndpointId ? `${restApiId}-${options.vpcEndpointId}` : restApiId
  return `https://${host}.execute-api.${region}.${dnsSuffix(region)}/${stageName}`
}

/** A custom domain's base URL: https://{domain}/{base-path}, without a trailing slash for the root. */
export function baseUrl(domainName: string, basePath: string): string {
  return `https://${domainName}${basePath ? `/${basePath}` : ''}`
}

/** The AWS console page of a stage, for the job summary (only for real AWS). */
export function consoleStageUrl(restApiId: string, stageName: string, region: string): string | undefined {
  const host =
    dnsSuffix(region) === 'amazonaws.com.cn'
      ? 'console.amazonaws.cn'
      : /^us-gov-/.test(region)
        ? 'console.amazonaws-us-gov.com'
        : dnsSuffix(region) === 'amazonaws.com'
          ? 'console.aws.amazon.com'
          : undefined
  if (!host) return undefined
  return `https://${host}/apigateway/main/apis/${restApiId}/stages?api=${restApiId}&region=${region}&stage=${encodeURIComponent(stageName)}`
}
