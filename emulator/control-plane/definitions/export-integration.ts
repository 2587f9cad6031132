import { compact } from '../../http/input.js'
import type { IntegrationJson } from '../types.js'

// An integration as GetExport writes it in x-amazon-apigateway-integration. The shape is AWS's export as
// LocalStack recorded it (test_apigateway_extended.snapshot.json, test_export_swagger_openapi /
// test_export_oas30_openapi): type and passthroughBehavior in lower case, `responses` keyed by selection
// pattern ("default" for the default response), statusCode as a string; the defaults the API adds on its own
// (connectionType INTERNET, timeoutInMillis 29000, cacheNamespace, empty cacheKeyParameters) are left out.
export function exportIntegration(integration: IntegrationJson): Record<string, unknown> {
  const responses = Object.values(integration.integrationResponses ?? {})
  return compact({
    type: integration.type.toLowerCase(),
    httpMethod: integration.httpMethod,
    uri: integration.uri,
    responses:
      responses.length > 0
        ? Object.fromEntries(
            responses.map(r => [
              r.selectionPattern ?? 'default',
              compact({
                statusCode: r.statusCode,
                responseParameters: r.responseParameters,
                responseTemplates: r.responseTemplates,
                contentHandling: r.contentHandling
              })
            ])
          )
        : undefined,
    requestParameters: integration.requestParameters,
    requestTemplates: integration.requestTemplates,
    passthroughBehavior: integration.passthroughBehavior.toLowerCase(),
    connectionType:
      integration.connectionType && integration.connectionType !== 'INTERNET'
        ? integration.connectionType
        : undefined,
    timeoutInMillis: integration.timeoutInMillis !== 29000 ? integration.timeoutInMillis : undefined,
    cacheKeyParameters: integration.cacheKeyParameters.length > 0 ? integration.cacheKeyParameters : undefined
  })
}
