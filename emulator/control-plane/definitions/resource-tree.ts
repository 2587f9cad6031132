import { pathPartProblem } from '../resources.js'
import type { MethodJson, ResourceJson } from '../types.js'
import type { ParsedOperation, ParsedPath } from './definition-types.js'
import { cannotCreateResource } from './import-messages.js'

// The resources an import leaves the API with (https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html):
// "overwrite" replaces the API's resources with the definition's, "merge" (the default) keeps what the
// definition does not mention and replaces the methods it does. Worked out on copies, so a refused import
// changes nothing ("When errors occur, the new API definition is discarded and no change is made to the
// existing API": api-gateway-import-api-errors-warnings.html).

export type ImportMode = 'merge' | 'overwrite'

export interface ResourcePlan {
  resources: Map<string, ResourceJson>
  errors: string[]
}

function methodOf(operation: ParsedOperation, resourceId: string): MethodJson {
  const { integration } = operation
  return {
    ...structuredClone(operation.method),
    ...(integration && {
      methodIntegration: {
        ...structuredClone(integration),
        cacheNamespace: integration.cacheNamespace ?? resourceId
      }
    })
  }
}

const childPath = (parent: ResourceJson, pathPart: string): string =>
  parent.path === '/' ? `/${pathPart}` : `${parent.path}/${pathPart}`

export function planResources(
  existing: ReadonlyMap<string, ResourceJson>,
  rootId: string,
  paths: readonly ParsedPath[],
  mode: ImportMode,
  nextId: () => string
): ResourcePlan {
  // AWS keeps a resource's id when an overwrite keeps its path (observed by LocalStack against AWS in its base
  // path tests); the root resource always stays.
  const previousIds = new Map([...existing.values()].map(r => [r.path, r.id]))
  const resources = new Map<string, ResourceJson>()
  if (mode === 'overwrite') resources.set(rootId, { id: rootId, path: '/' })
  else for (const r of existing.values()) resources.set(r.id, structuredClone(r))
  const byPath = new Map([...resources.values()].map(r => [r.path, r]))
  const errors: string[] = []

  const resourceAt = (path: string): ResourceJson | undefined => {
    let node = byPath.get('/') as ResourceJson
    for (const pathPart of path.split('/').filter(p => p !== '')) {
      const found = byPath.get(childPath(node, pathPart))
      if (found) {
        node = found
        continue
      }
      const siblings = [...resources.values()].filter(r => r.parentId === node.id)
      const problem = pathPartProblem(pathPart, node, siblings)
      if (problem) {
        errors.push(cannotCreateResource(path, problem))
        return undefined
      }
      const path_ = childPath(node, pathPart)
      const created: ResourceJson = {
        id: previousIds.get(path_) ?? nextId(),
        parentId: node.id,
        pathPart,
        path: path_
      }
      resources.set(created.id, created)
      byPath.set(path_, created)
      node = created
    }
    return node
  }

  for (const { path, operations } of paths) {
    const resource = resourceAt(path)
    if (!resource || operations.length === 0) continue
    const methods = Object.fromEntries(
      operations.map(op => [op.method.httpMethod, methodOf(op, resource.id)])
    )
    resource.resourceMethods = { ...resource.resourceMethods, ...methods }
  }
  return { resources, errors }
}
