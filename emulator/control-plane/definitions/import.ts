import { badRequest } from '../../http/errors.js'
import type { Handler } from '../../http/router.js'
import { createRestApi } from '../rest-apis.js'
import type { ApiEntry } from '../state.js'
import type { RestApiJson } from '../types.js'
import { basePathMode } from './base-path.js'
import type { ParsedDefinition } from './definition-types.js'
import { readDefinition } from './document.js'
import { importFailure } from './import-messages.js'
import { parseDefinition } from './parse-definition.js'
import type { ImportMode } from './resource-tree.js'
import { planResources } from './resource-tree.js'

// PutRestApi (PUT /restapis/{restApiId}?mode=merge|overwrite&failonwarnings=true|false) and ImportRestApi
// (POST /restapis?mode=import&failonwarnings=...): the body is the definition file, the `parameters` map travels
// as further query parameters, e.g. basepath=prepend, endpointConfigurationTypes=REGIONAL, ignore=documentation
// (https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html,
// https://docs.aws.amazon.com/apigateway/latest/api/API_ImportRestApi.html).

function importMode(query: URLSearchParams): ImportMode {
  // "By default, the update mode is merge." The message for another value is moto's (AWS's is not on record).
  const mode = query.get('mode') ?? 'merge'
  if (mode !== 'merge' && mode !== 'overwrite') {
    throw badRequest('Enumeration value of OpenAPI import mode must be "overwrite" or "merge"')
  }
  return mode
}

/** "A query parameter to indicate whether to rollback the API update (true) or not (false) when a warning is encountered. The default value is false." */
const failsOnWarnings = (query: URLSearchParams): boolean => query.get('failonwarnings') === 'true'

/** The API-level fields the definition sets; binary media types add up under merge (as LocalStack recorded AWS doing). */
function applyApiFields(api: RestApiJson, parsed: ParsedDefinition, mode: ImportMode): void {
  if (parsed.title !== undefined) api.name = parsed.title
  if (parsed.description !== undefined) api.description = parsed.description
  if (parsed.version !== undefined) api.version = parsed.version
  if (parsed.apiKeySource !== undefined) api.apiKeySource = parsed.apiKeySource
  if (parsed.disableExecuteApiEndpoint !== undefined) {
    api.disableExecuteApiEndpoint = parsed.disableExecuteApiEndpoint
  }
  const types = [
    ...(mode === 'merge' ? (api.binaryMediaTypes ?? []) : []),
    ...(parsed.binaryMediaTypes ?? [])
  ]
  const unique = [...new Set(types)]
  if (unique.length > 0) api.binaryMediaTypes = unique
  else delete api.binaryMediaTypes
}

/** Applies the definition to the API, or throws the import's 400 having changed nothing. */
function importInto(
  entry: ApiEntry,
  parsed: ParsedDefinition,
  options: { mode: ImportMode; failOnWarnings: boolean; nextId: () => string }
): void {
  const plan = planResources(
    entry.resources,
    entry.api.rootResourceId,
    parsed.paths,
    options.mode,
    options.nextId
  )
  const failure = importFailure([...parsed.errors, ...plan.errors], parsed.warnings, options.failOnWarnings)
  if (failure) throw failure
  entry.resources.clear()
  for (const [id, resource] of plan.resources) entry.resources.set(id, resource)
  applyApiFields(entry.api, parsed, options.mode)
}

/** The RestApi an import answers with: `warnings` only when there are some (AWS omits an empty list). */
const withWarnings = (api: RestApiJson, warnings: string[]): RestApiJson & { warnings?: string[] } =>
  warnings.length > 0 ? { ...api, warnings } : { ...api }

export const putRestApi: Handler = ({ store, params, query, raw }) => {
  const definition = readDefinition(raw)
  const entry = store.api(params.restApiId)
  const mode = importMode(query)
  const parsed = parseDefinition(definition, basePathMode(query))
  importInto(entry, parsed, {
    mode,
    failOnWarnings: failsOnWarnings(query),
    nextId: () => store.ids.next(10)
  })
  // PutRestApi's answer carries `tags`, {} when there are none (LocalStack's recording of AWS).
  return { status: 200, body: withWarnings({ ...entry.api, tags: entry.api.tags ?? {} }, parsed.warnings) }
}

// ImportRestApi creates the API first, as CreateRestApi would, from info.title (required: the emulator's error
// when it is missing) and the endpointConfigurationTypes parameter
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/import-export-api-endpoints.html), then imports into
// it; an import that fails leaves no API behind.
export const importRestApi: Handler = ctx => {
  const { store, query } = ctx
  const definition = readDefinition(ctx.raw)
  const parsed = parseDefinition(definition, basePathMode(query))
  if (parsed.title === undefined) {
    throw importFailure(
      ["Unable to create the API: the definition's info.title is missing"],
      parsed.warnings,
      false
    )
  }
  const types = query.get('endpointConfigurationTypes')
  const created = createRestApi({
    ...ctx,
    body: {
      name: parsed.title,
      ...(types && { endpointConfiguration: { types: types.split(',').map(t => t.trim().toUpperCase()) } })
    }
  })
  const entry = store.api((created.body as RestApiJson).id)
  try {
    importInto(entry, parsed, {
      mode: 'overwrite',
      failOnWarnings: failsOnWarnings(query),
      nextId: () => store.ids.next(10)
    })
  } catch (err) {
    store.apis.delete(entry.api.id)
    throw err
  }
  return { status: 201, body: withWarnings(entry.api, parsed.warnings) }
}
