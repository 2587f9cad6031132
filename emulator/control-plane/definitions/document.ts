import YAML from 'yaml'
import { badRequest } from '../../http/errors.js'
import type { Obj } from './values.js'
import { isObject, scalarAt } from './values.js'

export type DefinitionKind = 'oas30' | 'swagger'

export interface Definition {
  doc: Obj
  kind: DefinitionKind
}

// PutRestApi / ImportRestApi take "OpenAPI definition JSON/YAML files" of OpenAPI 2.0 (Swagger) or 3.0
// (https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html). A body that parses
// as neither gets AWS's 400 "Invalid OpenAPI input." (recorded against AWS by LocalStack:
// test_apigateway_import.py::test_import_api_bad_file), also from PutRestApi on an API that does not exist, so
// the body is read before the API is looked up.
const invalidInput = () => badRequest('Invalid OpenAPI input.')

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // Not JSON: YAML then (JSON is YAML too, but JSON.parse reports JSON's errors more plainly).
  }
  try {
    return YAML.parse(text, { logLevel: 'silent' })
  } catch {
    throw invalidInput()
  }
}

/**
 * Which specification the document follows: "swagger": "2.0", or "openapi": "3.0.x". The emulator refuses
 * other versions (3.1 included) the way it refuses unparsable bodies; AWS's answer for them is not on record.
 */
function kindOf(doc: Obj): DefinitionKind | undefined {
  const swagger = scalarAt(doc.swagger)
  if (swagger === '2.0' || swagger === '2') return 'swagger'
  const openapi = scalarAt(doc.openapi)
  if (openapi !== undefined && /^3\.0(\.\d+)?$/.test(openapi)) return 'oas30'
  return undefined
}

export function readDefinition(raw: Buffer): Definition {
  const value = parse(raw.toString('utf8'))
  if (!isObject(value)) throw invalidInput()
  const kind = kindOf(value)
  if (!kind) throw invalidInput()
  return { doc: value, kind }
}
