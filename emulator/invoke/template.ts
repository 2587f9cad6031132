import type { StringMap } from '../control-plane/types.js'

export interface TemplateVars {
  stageVariables: StringMap
  context: StringMap
}

// A tiny subset of API Gateway's VTL mapping templates: $stageVariables.x / ${stageVariables.x} and
// $context.x / ${context.x} (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html).
// Unknown names render as empty strings.
const REFERENCE =
  /\$\{(stageVariables|context)\.(\w+(?:\.\w+)*)\}|\$(stageVariables|context)\.(\w+(?:\.\w+)*)/g

export function renderTemplate(template: string, vars: TemplateVars): string {
  return template.replace(
    REFERENCE,
    (_whole, braced?: string, bracedName?: string, bare?: string, bareName?: string) => {
      const scope = (braced ?? bare) as keyof TemplateVars
      return vars[scope][(bracedName ?? bareName) as string] ?? ''
    }
  )
}

/** Integration URIs may use ${stageVariables.x} and {pathParam} placeholders (e.g. {proxy}). */
export function renderUri(uri: string, stageVariables: StringMap, pathParams: StringMap): string {
  return uri
    .replace(/\$\{stageVariables\.(\w+)\}/g, (_w, name: string) => stageVariables[name] ?? '')
    .replace(/\{(\w+)\+?\}/g, (whole, name: string) => {
      const value = pathParams[name]
      return value === undefined ? whole : value.split('/').map(encodeURIComponent).join('/')
    })
}
