import { badRequest, conflict } from '../http/errors.js'
import { requiredString } from '../http/input.js'
import type { Handler } from '../http/router.js'
import { paginate } from './pagination.js'
import type { ResourceJson } from './types.js'

// Literal segments, or one {param} / greedy {param+} variable per segment.
const PATH_PART = /^(?:[A-Za-z0-9._:-]+|\{[A-Za-z0-9._-]+\+?\})$/

const isVariable = (pathPart: string | undefined): boolean => pathPart?.startsWith('{') ?? false
const isGreedy = (pathPart: string | undefined): boolean => pathPart?.endsWith('+}') ?? false

/** GetResources returns method details only with embed=methods; otherwise just the method keys. */
function resourceView(resource: ResourceJson, embedMethods: boolean): ResourceJson {
  if (!resource.resourceMethods || embedMethods) return resource
  const keys = Object.fromEntries(Object.keys(resource.resourceMethods).map(m => [m, {}]))
  return { ...resource, resourceMethods: keys as ResourceJson['resourceMethods'] }
}

const embedsMethods = (query: URLSearchParams): boolean =>
  query.getAll('embed').some(v => v.split(',').includes('methods'))

// https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
export const getResources: Handler = ({ store, params, query }) => {
  const entry = store.api(params.restApiId)
  const embed = embedsMethods(query)
  const items = [...entry.resources.values()].map(r => resourceView(r, embed))
  // Paginated like AWS (25 per page by default), so callers that ignore `position` miss resources here too.
  return { status: 200, body: paginate(items, query) }
}

export const getResource: Handler = ({ store, params, query }) => {
  const entry = store.api(params.restApiId)
  return { status: 200, body: resourceView(store.resource(entry, params.resourceId), embedsMethods(query)) }
}

/**
 * Why `pathPart` cannot be a new child of `parent` beside `siblings`, in API Gateway's words; shared by
 * CreateResource and the resources an imported definition creates.
 */
export function pathPartProblem(
  pathPart: string,
  parent: ResourceJson,
  siblings: readonly ResourceJson[]
): string | undefined {
  if (!PATH_PART.test(pathPart)) {
    return "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace."
  }
  if (isGreedy(parent.pathPart)) {
    return `Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`
  }
  const variableSibling = siblings.find(s => isVariable(s.pathPart))
  if (isVariable(pathPart) && variableSibling) {
    return `A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`
  }
  return undefined
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html
export const createResource: Handler = ({ store, params, body }) => {
  const entry = store.api(params.restApiId)
  const parent = store.resource(entry, params.parentId)
  const pathPart = requiredString(body, 'pathPart')
  const siblings = [...entry.resources.values()].filter(r => r.parentId === parent.id)
  if (PATH_PART.test(pathPart) && siblings.some(s => s.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`)
  }
  const problem = pathPartProblem(pathPart, parent, siblings)
  if (problem) throw badRequest(problem)
  const resource: ResourceJson = {
    id: store.ids.next(10),
    parentId: parent.id,
    pathPart,
    path: parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`
  }
  entry.resources.set(resource.id, resource)
  return { status: 201, body: resource }
}
