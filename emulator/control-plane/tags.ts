import { badRequest, notFound } from '../http/errors.js'
import { optionalStringMap } from '../http/input.js'
import type { Handler } from '../http/router.js'
import type { Store } from './state.js'
import { validateTags } from './tag-rules.js'
import type { StringMap } from './types.js'

// Taggable here: REST APIs, stages, usage plans and API keys, addressed by ARN
// (arn:aws:apigateway:{region}::/restapis/{id}[/stages/{name}], ::/usageplans/{id}, ::/apikeys/{id}), see
// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
interface Taggable {
  tags?: StringMap
}

function target(store: Store, arn: string): Taggable {
  const match =
    /^arn:[^:]+:apigateway:[^:]*::\/(?:restapis\/([^/]+)(?:\/stages\/([^/]+))?|(usageplans|apikeys)\/([^/]+))$/.exec(
      arn
    )
  if (!match) throw badRequest(`Invalid ARN specified in the request: ${arn}`)
  const [, restApiId, stageName, kind, id] = match
  if (kind === 'usageplans') {
    const entry = store.usagePlans.get(id)
    if (!entry) throw notFound('Invalid Usage Plan ID specified')
    return entry.plan
  }
  if (kind === 'apikeys') {
    const key = store.apiKeys.get(id)
    if (!key) throw notFound('Invalid API Key identifier specified')
    return key
  }
  const entry = store.api(restApiId)
  return stageName ? store.stage(entry, stageName) : entry.api
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_TagResource.html: adds to (or overwrites in) the
// resource's tags, within the tag rules of tag-rules.ts.
export const tagResource: Handler = ({ store, params, body }) => {
  const resource = target(store, params.resourceArn)
  const tags = optionalStringMap(body, 'tags')
  validateTags(tags, resource.tags)
  resource.tags = { ...resource.tags, ...tags }
  return { status: 204 }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_UntagResource.html
export const untagResource: Handler = ({ store, params, query }) => {
  const resource = target(store, params.resourceArn)
  const tags = { ...resource.tags }
  for (const key of query.getAll('tagKeys')) delete tags[key]
  if (Object.keys(tags).length > 0) resource.tags = tags
  else delete resource.tags
  return { status: 204 }
}

// https://docs.aws.amazon.com/apigateway/latest/api/API_GetTags.html: the resource's own tags only (a
// stage's inherited REST API tags are not returned, per the tagging guide above).
export const getTags: Handler = ({ store, params }) => ({
  status: 200,
  body: { tags: target(store, params.resourceArn).tags ?? {} }
})
