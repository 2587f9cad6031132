import { badRequest } from '../http/errors.js'
import type { ApiError } from '../http/errors.js'

// The messages UpdateStage answers for paths and ops it refuses, as AWS words them. The list in
// invalidMethodSettingPath, oddities included (three entries run together without ", "), was recorded from
// AWS by LocalStack's snapshot tests (localstack/localstack tests/aws/services/apigateway/
// test_apigateway_common.snapshot.json, "error-update-doc-version" and "error-update-tags") and is the one
// terraform users saw (localstack/localstack#9334). The Stage paths themselves:
// https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html

const VALID_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, ' +
  '/accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, ' +
  '/{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, ' +
  '/{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit' +
  '/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, ' +
  '/{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, ' +
  '/{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, ' +
  '/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, ' +
  '/*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit ' +
  '/*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, ' +
  '/*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, ' +
  '/variables/{variable_name}, /tracingEnabled]'

/** A path UpdateStage does not know at all (`/webAclArn`, `/tags/x`, `/*\/*\/metrics/bogus`, ...). */
export const invalidMethodSettingPath = (path: string): ApiError =>
  badRequest(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`)

/**
 * `remove` of a method setting (or access log field) that is not there. AWS's words, trailing space
 * included (LocalStack snapshots "delete-error" and "update-stage-access-log-dest-remove").
 */
export const cannotRemove = (path: string): ApiError =>
  badRequest(
    `Cannot remove method setting ${path.replace(/^\//, '')} because there is no method setting for this method `
  )

/** add/replace on an /accessLogSettings path other than its two fields (LocalStack snapshot "invalid-path-add"). */
export const invalidAccessLogPath = (): ApiError =>
  badRequest(
    'Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]'
  )

/** An empty access log value (LocalStack snapshot "update-stage-access-log-format-empty"). */
export const emptyAccessLogValue = (): ApiError => badRequest('Access Log value must not be empty')

/**
 * A known path with an op it does not support. AWS's wording for other resources' patches (LocalStack
 * snapshots for UpdateResource/UpdateRequestValidator: "Invalid patch path  '/pathPart' specified for op
 * 'add'. Please choose supported operations", two spaces included); not recorded for Stage.
 */
export const unsupportedOp = (path: string, op: string): ApiError =>
  badRequest(`Invalid patch path  '${path}' specified for op '${op}'. Please choose supported operations`)
