import { badRequest } from '../http/errors.js'
import type { StringMap } from './types.js'

// Tag rules for API Gateway resources
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-tagging-supported-resources.html,
// "Tag restrictions and usage conventions"): at most 50 tags per resource, keys of 1-128 and values of
// 0-256 characters, letters, digits and spaces representable in UTF-8 plus _ . : / = + - @, and no "aws:"
// prefix, which AWS reserves. AWS's messages for breaking them are not on record; these are the emulator's.

export const MAX_TAGS = 50
const TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

export function validateTags(tags: StringMap | undefined, existing: StringMap = {}): void {
  if (!tags) return
  for (const [key, value] of Object.entries(tags)) {
    if (key.length < 1 || key.length > 128 || !TEXT.test(key)) {
      throw badRequest(
        `Invalid tag key: ${key}. Tag keys are 1 to 128 letters, digits, spaces and _ . : / = + - @`
      )
    }
    if (/^aws:/i.test(key)) throw badRequest(`Invalid tag key: ${key}. Tag keys must not start with aws:`)
    if (value.length > 256 || !TEXT.test(value)) {
      throw badRequest(
        `Invalid tag value for key ${key}. Tag values are up to 256 letters, digits, spaces and _ . : / = + - @`
      )
    }
  }
  const count = Object.keys({ ...existing, ...tags }).length
  if (count > MAX_TAGS) {
    throw badRequest(`A resource can have at most ${MAX_TAGS} tags; this request would give it ${count}`)
  }
}
