import type { MethodJson, ResourceJson, StringMap } from '../control-plane/types.js'

interface RouteResult {
  resource: ResourceJson
  method?: MethodJson
  pathParams: StringMap
}

/**
 * Resolves a request path against a deployment's resource tree: literal segments win over {param},
 * which wins over greedy {param+} (one or more segments). The method is then the exact verb or ANY.
 */
export function findRoute(
  snapshot: readonly ResourceJson[],
  path: string,
  httpMethod: string
): RouteResult | undefined {
  const children = new Map<string, ResourceJson[]>()
  let root: ResourceJson | undefined
  for (const r of snapshot) {
    if (r.parentId === undefined) root = r
    else children.set(r.parentId, [...(children.get(r.parentId) ?? []), r])
  }
  if (!root) return undefined
  const segments = path
    .split('/')
    .filter(s => s !== '')
    .map(s => safeDecode(s))
  const found = walk(root, segments, 0, {}, children)
  if (!found) return undefined
  const methods = found.resource.resourceMethods ?? {}
  return { ...found, method: methods[httpMethod] ?? methods.ANY }
}

function walk(
  node: ResourceJson,
  segments: string[],
  index: number,
  params: StringMap,
  children: Map<string, ResourceJson[]>
): { resource: ResourceJson; pathParams: StringMap } | undefined {
  if (index === segments.length) return { resource: node, pathParams: params }
  const kids = children.get(node.id) ?? []
  const segment = segments[index]
  const literal = kids.find(k => k.pathPart === segment)
  if (literal) {
    const hit = walk(literal, segments, index + 1, params, children)
    if (hit) return hit
  }
  const variable = kids.find(k => /^\{\w[\w.-]*\}$/.test(k.pathPart ?? ''))
  if (variable) {
    const name = (variable.pathPart as string).slice(1, -1)
    const hit = walk(variable, segments, index + 1, { ...params, [name]: segment }, children)
    if (hit) return hit
  }
  const greedy = kids.find(k => k.pathPart?.endsWith('+}'))
  if (greedy) {
    const name = (greedy.pathPart as string).slice(1, -2)
    return { resource: greedy, pathParams: { ...params, [name]: segments.slice(index).join('/') } }
  }
  return undefined
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
