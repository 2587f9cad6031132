import type { IntegrationJson, MethodJson } from '../types.js'
import type { DefinitionKind } from './document.js'

// What an imported definition turns into, before it touches the store: the API's own fields, and per path
// the methods (with their integration) that PutRestApi / ImportRestApi will put on the resource.

/** An integration as read from x-amazon-apigateway-integration; cacheNamespace defaults to the resource id. */
export type ParsedIntegration = Omit<IntegrationJson, 'cacheNamespace'> & { cacheNamespace?: string }

export interface ParsedOperation {
  method: Omit<MethodJson, 'methodIntegration'>
  integration?: ParsedIntegration
}

export interface ParsedPath {
  /** The resource path, base path already applied (e.g. '/v1/pets/{petId}'). */
  path: string
  operations: ParsedOperation[]
}

export interface ParsedDefinition {
  kind: DefinitionKind
  title?: string
  description?: string
  version?: string
  paths: ParsedPath[]
  binaryMediaTypes?: string[]
  apiKeySource?: string
  disableExecuteApiEndpoint?: boolean
  warnings: string[]
  errors: string[]
}
