import { compact } from '../../http/input.js'
import type { IntegrationResponseJson } from '../types.js'
import type { ParsedIntegration } from './definition-types.js'
import { cannotPutIntegration, requestParameterNotString } from './import-messages.js'
import { isObject, objectAt, scalarAt, stringAt, stringListAt, stringMapAt } from './values.js'

// x-amazon-apigateway-integration, the extension that gives an operation its integration
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html):
// type (aws, aws_proxy, http, http_proxy, mock; any case), httpMethod, uri, connectionType, credentials,
// requestParameters, requestTemplates, passthroughBehavior (when_no_match, when_no_templates, never),
// contentHandling, timeoutInMillis, cacheNamespace, cacheKeyParameters and `responses`, whose keys are
// selection patterns ("default" for the default response) and whose values give statusCode,
// responseParameters, responseTemplates and contentHandling
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration-responses.html).

const TYPES = ['HTTP', 'HTTP_PROXY', 'AWS', 'AWS_PROXY', 'MOCK']

export interface IntegrationSite {
  method: string
  /** The resource path as it will be created (AWS's messages name it, base path included). */
  path: string
  warnings: string[]
  errors: string[]
}

/**
 * requestParameters values must be strings; AWS warns about others and leaves them out (recorded against AWS by
 * LocalStack: `integration.request.header.nothing: true` gives "... but got 'true'").
 */
function requestParameters(value: unknown, site: IntegrationSite): Record<string, string> | undefined {
  for (const [key, v] of Object.entries(objectAt(value))) {
    if (typeof v !== 'string') {
      site.warnings.push(requestParameterNotString(key, site.path, site.method, String(v).toLowerCase()))
    }
  }
  return stringMapAt(value)
}

/** Why API Gateway would refuse this type/method/URI, in the words of PutIntegration's checks. */
function refusal(type: string | undefined, httpMethod: string | undefined, uri: string | undefined) {
  // The emulator's wording for a missing or unknown type (AWS's is not on record).
  if (type === undefined) return 'Integration type must be specified'
  if (!TYPES.includes(type)) return `Invalid integration type specified: ${type.toLowerCase()}`
  if (type === 'MOCK') return undefined
  // As PutIntegration answers in this emulator (control-plane/methods.ts).
  if (!httpMethod) return 'Enumeration value for HttpMethod must be non-empty'
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    return /^https?:\/\/\S+$/.test(uri ?? '') ? undefined : 'Invalid HTTP endpoint specified for URI'
  }
  // AWS's reasons, as CloudFormation failures quote them: AWS_PROXY wants a Lambda invocation ARN, AWS an
  // arn:aws:apigateway:{region}:{service}:path/... or :action/... ARN.
  const arn = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[a-z0-9.-]+:(path|action)\/\S+$/.test(uri ?? '')
  if (type === 'AWS_PROXY') return arn ? undefined : 'Invalid function ARN or invalid uri'
  return arn ? undefined : 'AWS ARN for integration must contain path or action'
}

function integrationResponses(value: unknown): Record<string, IntegrationResponseJson> | undefined {
  const out: Record<string, IntegrationResponseJson> = {}
  for (const [pattern, raw] of Object.entries(objectAt(value))) {
    const response = objectAt(raw)
    // YAML and JSON both allow statusCode: 200; AWS stores "200" (LocalStack's test_import_with_integer_http_status_code).
    const statusCode = scalarAt(response.statusCode) ?? '200'
    out[statusCode] = compact({
      statusCode,
      selectionPattern: pattern === 'default' ? undefined : pattern,
      responseParameters: stringMapAt(response.responseParameters),
      responseTemplates: stringMapAt(response.responseTemplates),
      contentHandling: stringAt(response.contentHandling)
    })
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** The integration of one operation, or undefined (with an error line in site.errors) when AWS would refuse it. */
export function parseIntegration(extension: unknown, site: IntegrationSite): ParsedIntegration | undefined {
  const ext = objectAt(extension)
  const type = stringAt(ext.type)?.toUpperCase()
  const httpMethod = stringAt(ext.httpMethod)?.toUpperCase()
  const uri = stringAt(ext.uri)
  const reason = isObject(extension) ? refusal(type, httpMethod, uri) : 'Integration type must be specified'
  const timeout = ext.timeoutInMillis === undefined ? 29000 : Number(ext.timeoutInMillis)
  // AWS's limit and wording ("Unable to put integration on 'GET' for resource at path '/tags': Timeout should be
  // between 50 ms and 29000 ms", quoted in a public repository's deployment notes).
  const timeoutReason =
    Number.isInteger(timeout) && timeout >= 50 && timeout <= 29000
      ? undefined
      : 'Timeout should be between 50 ms and 29000 ms'
  if (reason ?? timeoutReason) {
    site.errors.push(cannotPutIntegration(site.method, site.path, (reason ?? timeoutReason) as string))
    return undefined
  }
  const integrationType = type as string
  return compact({
    type: integrationType,
    httpMethod,
    uri,
    connectionType:
      integrationType === 'MOCK' ? undefined : (stringAt(ext.connectionType)?.toUpperCase() ?? 'INTERNET'),
    requestParameters: requestParameters(ext.requestParameters, site),
    requestTemplates: stringMapAt(ext.requestTemplates),
    passthroughBehavior: stringAt(ext.passthroughBehavior)?.toUpperCase() ?? 'WHEN_NO_MATCH',
    timeoutInMillis: timeout,
    cacheNamespace: stringAt(ext.cacheNamespace),
    cacheKeyParameters: stringListAt(ext.cacheKeyParameters) ?? [],
    integrationResponses: integrationResponses(ext.responses)
  })
}
