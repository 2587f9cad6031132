import type { IntegrationJson, IntegrationResponseJson } from '../control-plane/types.js'
import type { TemplateVars } from './template.js'
import { renderTemplate } from './template.js'

export interface InvokeResponse {
  status: number
  headers: Record<string, string>
  body: string | Buffer
}

export const internalServerError = (detail: string): InvokeResponse => ({
  status: 500,
  headers: { 'content-type': 'application/json', 'x-emulator-error': detail },
  body: JSON.stringify({ message: 'Internal server error' })
})

/**
 * MOCK integrations (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html):
 * the request template's {"statusCode": N} picks the status, the integration response whose
 * selectionPattern matches it (else the default one, without a pattern) shapes the response.
 */
export function mockResponse(
  integration: IntegrationJson,
  vars: TemplateVars,
  contentType: string
): InvokeResponse {
  const templates = integration.requestTemplates ?? {}
  const requestTemplate = templates[contentType] ?? templates['application/json']
  const rendered = requestTemplate ? renderTemplate(requestTemplate, vars) : ''
  const statusCode = /"statusCode"\s*:\s*(\d{3})/.exec(rendered)?.[1] ?? '200'
  const response = selectIntegrationResponse(integration, statusCode)
  // What API Gateway does when no integration response matches and none is the default.
  if (!response) return internalServerError(`no integration response matches status ${statusCode}`)
  const template = response.responseTemplates?.['application/json']
  return {
    status: Number(response.statusCode),
    headers: { 'content-type': 'application/json', ...staticHeaders(response) },
    body: template ? renderTemplate(template, vars) : ''
  }
}

function selectIntegrationResponse(
  integration: IntegrationJson,
  statusCode: string
): IntegrationResponseJson | undefined {
  const responses = Object.values(integration.integrationResponses ?? {})
  const matching = responses.find(r => {
    if (!r.selectionPattern) return false
    try {
      return new RegExp(`^(?:${r.selectionPattern})$`).test(statusCode)
    } catch {
      return false
    }
  })
  return matching ?? responses.find(r => !r.selectionPattern)
}

/** Only static header mappings ("method.response.header.X": "'value'") are supported. */
function staticHeaders(response: IntegrationResponseJson): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [target, source] of Object.entries(response.responseParameters ?? {})) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1]
    const literal = /^'(.*)'$/.exec(source)?.[1]
    if (name && literal !== undefined) headers[name.toLowerCase()] = literal
  }
  return headers
}
