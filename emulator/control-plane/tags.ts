import { badRequest } from '../http/errors.js'
import { optionalStringMap } from '../http/input.js'
import type { Handler } from '../http/router.js'
import type { Store } from './state.js'
import { validateTags } from './tag-rules.js'
import type { StringMap } from './types.js'

// Taggable here: REST APIs and stages, addressed by ARN
// (arn:aws:apigateway:{region}::/restapis/{id}[/stages/{name}]), see
// https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
interface Taggable {
  tags?: StringMap
}

function target(store: Store, arn: string): Taggable {
  const match = /^arn:[^:]+:apigateway:[^:]*::\/restapis\/([^/]+)(?:\/stages\/([^/]+))?$/.exec(arn)
  if (!match) throw badRequest(`Invalid ARN specified in the request: ${arn}`)
  const entry = store.api(match[1])
  return match[2] ? store.stage(entry, match[2]) : entry.api
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
